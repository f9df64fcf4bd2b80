#!/usr/bin/env bash
# ngn vs Java: compiles each bench/ngn/NAME.ngn with ngnc and runs it against its hand-written Java
# twin (bench/src/main/java/dev/ngnc/bench/, built by the bench module), checking both print the same.
#
# ngn has no clock yet, so whole processes are timed: each side runs RUNS times (interleaved), the
# minimum counts, and the minimum of an empty program on the same side (JVM + runtime start-up) is
# subtracted. Both sides run as `java -jar app.jar` / `java -cp classes Main` with the same JVM flags.
#
# A benchmark may have a baseline (PER_OP below): a variant doing the same set-up without the operation
# measured. Then the script also prints ns per operation = (NAME ms - baseline ms) / operation count.
#
# Usage: bench/run.sh [-n RUNS] [NAME...]        (default: 5 runs of fib int_loop float_loop array_pass)
set -euo pipefail
export LC_ALL=C

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
RUNS=5
NAMES=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    *) NAMES+=("$1"); shift ;;
  esac
done
[ ${#NAMES[@]} -gt 0 ] || NAMES=(fib int_loop float_loop array_pass)

# Per-operation benchmarks: NAME -> "BASELINE COUNT UNIT". array_pass passes a 1,000,000-element array
# to a function 10,000 times and assigns it 10,000 times; array_pass_build does the same work without those.
declare -A PER_OP=(
  [array_pass]="array_pass_build 10000 call"
)
BASELINES=()
for name in "${NAMES[@]}"; do
  if [ -n "${PER_OP[$name]:-}" ]; then BASELINES+=("${PER_OP[$name]%% *}"); fi
done

# shellcheck source=../bin/find-jdk.sh
. "$REPO/bin/find-jdk.sh"
ngnc_find_jdk || exit 1
JAVA="$NGNC_JAVA"
JVM_FLAGS=()   # the same for both sides; e.g. add -XX:+UseSerialGC here to compare with another GC

OUT="$REPO/bench/target/bench"
CLASSES="$REPO/bench/target/classes"
mkdir -p "$OUT"

java_class() {  # fib -> Fib, int_loop -> IntLoop
  local name="$1" out="" part
  IFS=_ read -ra parts <<< "$name"
  for part in "${parts[@]}"; do out+="${part^}"; done
  printf '%s' "$out"
}

# Java twins: build the bench module if its classes are missing or older than the sources.
if [ ! -f "$CLASSES/dev/ngnc/bench/Empty.class" ] || [ -n "$(find "$HERE/src" -newer "$CLASSES/dev/ngnc/bench/Empty.class" -name '*.java' 2>/dev/null)" ]; then
  echo "bench: building the Java twins (mvn -pl bench package)..." >&2
  if ! ( ngnc_maven_env; mvn -B -q -ntp -Dstyle.color=never -f "$REPO/pom.xml" -pl bench package -DskipTests > "$OUT/mvn.log" 2>&1 ); then
    cat "$OUT/mvn.log" >&2
    echo "bench: building the bench module failed" >&2
    exit 1
  fi
fi

# ngn programs: compile each with ngnc (fails clearly until the compiler pipeline works).
for name in empty "${NAMES[@]}" "${BASELINES[@]}"; do
  src="$HERE/ngn/$name.ngn"
  [ -f "$src" ] || { echo "bench: no $src" >&2; exit 2; }
  if ! "$REPO/bin/ngnc" compile "$src" -o "$OUT/$name.jar"; then
    echo "bench: FAILED: ngnc could not compile bench/ngn/$name.ngn (see above); no benchmark run." >&2
    exit 1
  fi
done

# time_ms CMD... -> prints wall-clock milliseconds; the command's stdout goes to $OUT/last.out
time_ms() {
  local s e
  s=$(date +%s%N)
  "$@" > "$OUT/last.out" 2> "$OUT/last.err" || { echo "bench: command failed: $*" >&2; cat "$OUT/last.err" >&2; return 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}

# measure NAME -> sets NGN_MS, JAVA_MS (minimum over RUNS, interleaved), NGN_OUT, JAVA_OUT
measure() {
  local name="$1" cls i t
  cls="dev.ngnc.bench.$(java_class "$name")"
  NGN_MS=999999999; JAVA_MS=999999999
  for ((i = 0; i < RUNS; i++)); do
    t=$(time_ms "$JAVA" "${JVM_FLAGS[@]}" -jar "$OUT/$name.jar") || exit 1
    NGN_OUT="$(cat "$OUT/last.out")"
    if [ "$t" -lt "$NGN_MS" ]; then NGN_MS=$t; fi
    t=$(time_ms "$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSES" "$cls") || exit 1
    JAVA_OUT="$(cat "$OUT/last.out")"
    if [ "$t" -lt "$JAVA_MS" ]; then JAVA_MS=$t; fi
  done
}

echo "JDK $NGNC_FEATURE ($NGNC_JAVA_HOME); $RUNS runs each, minimum wall time; 'net' = minus the empty program's start-up"
measure empty
BASE_NGN=$NGN_MS; BASE_JAVA=$JAVA_MS
printf '%-16s %9s %9s %9s %9s %7s  %s\n' benchmark "ngn ms" "java ms" "ngn net" "java net" ratio result
printf '%-16s %9d %9d %9s %9s %7s\n' "(start-up)" "$BASE_NGN" "$BASE_JAVA" - - -
status=0
declare -A NGN_MIN=() JAVA_MIN=()
for name in "${NAMES[@]}" "${BASELINES[@]}"; do
  measure "$name"
  NGN_MIN[$name]=$NGN_MS; JAVA_MIN[$name]=$JAVA_MS
  net_ngn=$(( NGN_MS - BASE_NGN )); if [ $net_ngn -lt 1 ]; then net_ngn=1; fi
  net_java=$(( JAVA_MS - BASE_JAVA )); if [ $net_java -lt 1 ]; then net_java=1; fi
  ratio=$(awk -v a="$net_ngn" -v b="$net_java" 'BEGIN { printf "%.2fx", a / b }')
  if [ "$NGN_OUT" = "$JAVA_OUT" ]; then
    result="$NGN_OUT"
  else
    result="MISMATCH: ngn printed '$NGN_OUT', Java printed '$JAVA_OUT'"
    status=1
  fi
  printf '%-16s %9d %9d %9d %9d %7s  %s\n' "$name" "$NGN_MS" "$JAVA_MS" "$net_ngn" "$net_java" "$ratio" "$result"
done

# ns per operation: (benchmark - baseline) / count, on each side. Whole-process timing has a resolution
# of about 1 ms, i.e. 1e6 / count ns per operation; values within that are noise (O(1) per operation).
for name in "${NAMES[@]}"; do
  [ -n "${PER_OP[$name]:-}" ] || continue
  read -r base count unit <<< "${PER_OP[$name]}"
  for side in ngn java; do
    if [ $side = ngn ]; then a=${NGN_MIN[$name]}; b=${NGN_MIN[$base]}; else a=${JAVA_MIN[$name]}; b=${JAVA_MIN[$base]}; fi
    awk -v n="$name" -v s="$side" -v a="$a" -v b="$b" -v c="$count" -v u="$unit" -v base="$base" 'BEGIN {
      printf "%-16s %-4s %8.1f ns per %s  ((%d - %d ms of %s) / %d; resolution ~%.0f ns)\n", n, s, (a - b) * 1e6 / c, u, a, b, base, c, 1e6 / c }'
  done
done
exit $status
