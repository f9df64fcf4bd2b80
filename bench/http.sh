#!/usr/bin/env bash
# HTTP server benchmark: bench/ngn/http_hello.ngn compiled by ngnc vs the same hello-world server
# hand-written in Java on the same library (bench/src/main/java/dev/ngnc/bench/HttpHello.java,
# Helidon SE 4), each loaded by `wrk -t2 -c64 -d10s` on loopback after a short warm-up; one run.
# Prints requests/s and p99 latency of both and the ngn/Java ratio (target: >= 80%).
#
# Both servers run with the same JVM flags (JVM_FLAGS below) and listen on 127.0.0.1 only.
# Installs wrk from Debian's packages when it is missing (needs root / apt-get).
#
# Usage: bench/http.sh [-d SECONDS] [-c CONNECTIONS] [-t THREADS]
set -euo pipefail
export LC_ALL=C

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
DURATION=10
CONNS=64
THREADS=2
WARMUP=3
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION="$2"; shift 2 ;;
    -c) CONNS="$2"; shift 2 ;;
    -t) THREADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench/http.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=../bin/find-jdk.sh
. "$REPO/bin/find-jdk.sh"
ngnc_find_jdk || exit 1
JAVA="$NGNC_JAVA"
JVM_FLAGS=(-Xms512m -Xmx512m --add-exports java.base/jdk.internal.vm=ALL-UNNAMED)
OUT="$REPO/bench/target/bench-http"
mkdir -p "$OUT"
NGN_PORT=38711
JAVA_PORT=38712

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench/http.sh: installing wrk (apt-get install -y wrk)..." >&2
  if ! { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }; }; then
    echo "bench/http.sh: wrk is not installed and apt-get could not install it" >&2
    exit 1
  fi
fi

BUNDLE="$(ls "$REPO"/runtime-http/target/ngnc-runtime-http-*-bundle.jar 2>/dev/null | head -1 || true)"
CLASSES="$REPO/bench/target/classes"
if [ -z "$BUNDLE" ] || [ ! -f "$CLASSES/dev/ngnc/bench/HttpHello.class" ] \
   || [ -n "$(find "$HERE/src" -newer "$CLASSES/dev/ngnc/bench/HttpHello.class" -name '*.java' 2>/dev/null)" ]; then
  echo "bench: building runtime-http and the Java twin (mvn -pl runtime-http,bench -am package)..." >&2
  if ! ( ngnc_maven_env; mvn -B -q -ntp -Dstyle.color=never -f "$REPO/pom.xml" -pl runtime-http,bench -am package -DskipTests > "$OUT/mvn.log" 2>&1 ); then
    cat "$OUT/mvn.log" >&2
    exit 1
  fi
  BUNDLE="$(ls "$REPO"/runtime-http/target/ngnc-runtime-http-*-bundle.jar | head -1)"
fi

"$REPO/bin/ngnc" compile "$HERE/ngn/http_hello.ngn" -o "$OUT/http_hello.jar"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

wait_port() {  # wait_port PORT: until the server answers (at most ~20 s)
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench/http.sh: the server on port $1 did not start" >&2
  return 1
}

# run_side NAME PORT CMD...: start, warm up, measure; sets RPS and P99
run_side() {
  local name="$1" port="$2"; shift 2
  "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" &
  SERVER_PID=$!
  wait_port "$port"
  local body
  body="$(curl -s "http://127.0.0.1:$port/")"
  [ "$body" = "Hello, World!" ] || { echo "bench/http.sh: $name answered '$body'" >&2; return 1; }
  wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" "http://127.0.0.1:$port/" > "$OUT/$name.warmup" 2>&1
  wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "http://127.0.0.1:$port/" > "$OUT/$name.wrk" 2>&1
  stop_server
  RPS="$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$name.wrk")"
  P99="$(awk '$1 == "99%" {print $2}' "$OUT/$name.wrk")"
  local errors
  errors="$(grep -E 'Non-2xx|Socket errors' "$OUT/$name.wrk" || true)"
  [ -z "$errors" ] || echo "bench/http.sh: $name: $errors" >&2
}

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s on 127.0.0.1 (after a ${WARMUP}s warm-up); $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
run_side ngn "$NGN_PORT" "$JAVA" "${JVM_FLAGS[@]}" -jar "$OUT/http_hello.jar"
NGN_RPS="$RPS"; NGN_P99="$P99"
run_side java "$JAVA_PORT" "$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSES:$BUNDLE" dev.ngnc.bench.HttpHello "$JAVA_PORT"
JAVA_RPS="$RPS"; JAVA_P99="$P99"

printf '%-28s %14s %10s\n' "server" "requests/s" "p99"
printf '%-28s %14s %10s\n' "ngn (http_hello.ngn)" "$NGN_RPS" "$NGN_P99"
printf '%-28s %14s %10s\n' "Java (HttpHello, Helidon)" "$JAVA_RPS" "$JAVA_P99"
awk -v n="$NGN_RPS" -v j="$JAVA_RPS" 'BEGIN { if (j > 0) printf "ngn/Java requests/s: %.1f%% (target >= 80%%)\n", 100 * n / j }'
