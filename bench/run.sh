#!/usr/bin/env bash
# ngn vs Java: compiles each bench/ngn/NAME.ngn with ngnc and runs it against its hand-written Java
# twin (bench/src/main/java/dev/ngnc/bench/, built by the bench module), checking both print the same.
#
# ngn has no clock yet, so whole processes are timed: each side runs RUNS times (interleaved), the
# median counts (the machine is shared: a minimum rewards one lucky run), and the median of an empty
# program on the same side (JVM + runtime start-up) is subtracted. Both sides run as `java -jar app.jar` / `java -cp classes Main` with the same JVM flags.
#
# A benchmark may have a baseline (PER_OP below): a variant doing the same set-up without the operation
# measured, or "-" for the start-up (the empty program). Then the script also prints ns per operation
# = (NAME ms - baseline ms) / operation count. SPEEDUP pairs a parallel benchmark with its sequential
# variant and prints sequential net / parallel net on each side (run on 2 CPUs with taskset when the
# machine has more). HEAP benchmarks are not timed: each side runs with -Xmx2g until it prints
# "blocked N", then jcmd forces a full GC (GC.run) and reads the used heap (GC.heap_info); the same
# program with NGN_BENCH_IDLE=1 (nothing started) gives the idle heap, so bytes per fiber =
# (used - idle) / N.
#
# Usage: bench/run.sh [-n RUNS] [NAME...]        (default: 5 runs of every benchmark)
set -euo pipefail
export LC_ALL=C

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
RUNS=5
NAMES=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    *) NAMES+=("$1"); shift ;;
  esac
done
[ ${#NAMES[@]} -gt 0 ] || NAMES=(fib int_loop float_loop strings collections closures models json json_hand_parser array_pass ping_pong fan_out state_update spawn_all fibers_blocked)

# Per-operation benchmarks: NAME -> "BASELINE COUNT UNIT" (BASELINE "-": the start-up). array_pass
# passes a 1,000,000-element array to a function 10,000 times and assigns it 10,000 times;
# array_pass_build does the same work without those.
declare -A PER_OP=(
  [array_pass]="array_pass_build 10000 call"
  [ping_pong]="- 1000000 round-trip"
  [fan_out]="- 500000 fiber"
  [state_update]="- 8000000 update"
)
# Parallel benchmark -> its sequential variant (same tasks, one after the other).
declare -A SPEEDUP=(
  [spawn_all]="spawn_all_seq"
)
# Heap benchmarks: NAME -> number of fibers (virtual threads on the Java side) it blocks.
declare -A HEAP=(
  [fibers_blocked]=1000000
)
# Benchmarks whose ngn program is another's: NAME -> the bench/ngn program it runs (its Java twin differs).
# json_hand_parser: json.ngn against a parser specialised to its data instead of Jackson.
declare -A NGN_SOURCE=(
  [json_hand_parser]=json
)
# Ratio targets (ngn net / Java net) checked at the end.
# Issue 15: compute programs within 1.2x of hand-written Java, channels/state/spawn within 1.5x.
declare -A TARGET=(
  [fib]=1.2
  [int_loop]=1.2
  [float_loop]=1.2
  [strings]=1.2
  [collections]=1.2
  [closures]=1.2
  [models]=1.2
  [json]=1.2
  [json_hand_parser]=1.2
  [ping_pong]=1.5
  [fan_out]=1.5
  [state_update]=1.5
)
HEAP_TARGET_MIB=2048
BASELINES=()
for name in "${NAMES[@]}"; do
  if [ -n "${PER_OP[$name]:-}" ] && [ "${PER_OP[$name]%% *}" != - ]; then BASELINES+=("${PER_OP[$name]%% *}"); fi
  if [ -n "${SPEEDUP[$name]:-}" ]; then BASELINES+=("${SPEEDUP[$name]}"); fi
done
TIMED=()
HEAPS=()
for name in "${NAMES[@]}"; do
  if [ -n "${HEAP[$name]:-}" ]; then HEAPS+=("$name"); else TIMED+=("$name"); fi
done
# Benchmarks run on 2 CPUs (the speed-up ones): NAME -> 1.
declare -A TWO_CPUS=()
for name in "${!SPEEDUP[@]}"; do TWO_CPUS[$name]=1; TWO_CPUS[${SPEEDUP[$name]}]=1; done
CPUS=$(nproc 2>/dev/null || echo 1)
PIN=()
if [ "$CPUS" -gt 2 ] && command -v taskset > /dev/null; then PIN=(taskset -c 0,1); fi

# shellcheck source=../bin/find-jdk.sh
. "$REPO/bin/find-jdk.sh"
ngnc_find_jdk || exit 1
JAVA="$NGNC_JAVA"
JCMD="$NGNC_JAVA_HOME/bin/jcmd"
JVM_FLAGS=()   # the same for both sides; e.g. add -XX:+UseSerialGC here to compare with another GC

OUT="$REPO/bench/target/bench"
CLASSES="$REPO/bench/target/classes"
TWIN_CP="$CLASSES:$REPO/bench/target/lib/*"   # the twins' libraries (Jackson for json), copied by the bench build
mkdir -p "$OUT"

java_class() {  # fib -> Fib, int_loop -> IntLoop
  local name="$1" out="" part
  IFS=_ read -ra parts <<< "$name"
  for part in "${parts[@]}"; do out+="${part^}"; done
  printf '%s' "$out"
}

# Java twins: build the bench module if its classes are missing or older than the sources.
if [ ! -f "$CLASSES/dev/ngnc/bench/Empty.class" ] || [ ! -d "$REPO/bench/target/lib" ] || [ -n "$(find "$HERE/src" -newer "$CLASSES/dev/ngnc/bench/Empty.class" -name '*.java' 2>/dev/null)" ]; then
  echo "bench: building the Java twins (mvn -pl bench package)..." >&2
  if ! ( ngnc_maven_env; mvn -B -q -ntp -Dstyle.color=never -f "$REPO/pom.xml" -pl bench package -DskipTests > "$OUT/mvn.log" 2>&1 ); then
    cat "$OUT/mvn.log" >&2
    echo "bench: building the bench module failed" >&2
    exit 1
  fi
fi

# ngn programs: compile each with ngnc (fails clearly until the compiler pipeline works).
for name in empty "${NAMES[@]}" ${BASELINES[@]+"${BASELINES[@]}"}; do
  src="$HERE/ngn/${NGN_SOURCE[$name]:-$name}.ngn"
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

# median VALUE... -> prints the median (the lower middle one for an even count)
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure NAME -> sets NGN_MS, JAVA_MS (median over RUNS, interleaved), NGN_OUT, JAVA_OUT
measure() {
  local name="$1" cls i t pin=() ngn=() java=()
  cls="dev.ngnc.bench.$(java_class "$name")"
  if [ -n "${TWO_CPUS[$name]:-}" ]; then pin=(${PIN[@]+"${PIN[@]}"}); fi
  for ((i = 0; i < RUNS; i++)); do
    t=$(time_ms ${pin[@]+"${pin[@]}"} "$JAVA" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -jar "$OUT/$name.jar") || exit 1
    NGN_OUT="$(cat "$OUT/last.out")"
    ngn+=("$t")
    t=$(time_ms ${pin[@]+"${pin[@]}"} "$JAVA" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -cp "$TWIN_CP" "$cls") || exit 1
    JAVA_OUT="$(cat "$OUT/last.out")"
    java+=("$t")
  done
  NGN_MS=$(median "${ngn[@]}"); JAVA_MS=$(median "${java[@]}")
}

# heap_probe CMD... -> runs CMD in the background until it prints "blocked N", forces a full GC with
# jcmd, then sets HEAP_KIB (used heap after the GC), RSS_KIB and READY_MS (wall time until "blocked"),
# and kills the process.
heap_probe() {
  local out="$OUT/heap.out" pid s e info
  : > "$out"
  s=$(date +%s%N)
  "$@" > "$out" 2> "$OUT/heap.err" &
  pid=$!
  until grep -q '^blocked' "$out"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "bench: command ended before printing 'blocked': $*" >&2; cat "$OUT/heap.err" >&2; return 1
    fi
    sleep 0.02
  done
  e=$(date +%s%N)
  READY_MS=$(( (e - s) / 1000000 ))
  "$JCMD" "$pid" GC.run > /dev/null
  info="$("$JCMD" "$pid" GC.heap_info)"
  # used heap: the sum of the "used NK" of the heap's top-level lines (one for G1, young + old for
  # the generational collectors), before Metaspace
  HEAP_KIB=$(awk '/Metaspace/ { exit } /^[^ ].* used [0-9]+K/ { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); sum += v } } END { print sum + 0 }' <<< "$info")
  RSS_KIB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}

echo "JDK $NGNC_FEATURE ($NGNC_JAVA_HOME), $CPUS CPUs; $RUNS runs each, median wall time; 'net' = minus the empty program's start-up"
measure empty
BASE_NGN=$NGN_MS; BASE_JAVA=$JAVA_MS
printf '%-16s %9s %9s %9s %9s %7s  %s\n' benchmark "ngn ms" "java ms" "ngn net" "java net" ratio result
printf '%-16s %9d %9d %9s %9s %7s\n' "(start-up)" "$BASE_NGN" "$BASE_JAVA" - - -
status=0
declare -A NGN_MED=() JAVA_MED=()
for name in ${TIMED[@]+"${TIMED[@]}"} ${BASELINES[@]+"${BASELINES[@]}"}; do
  measure "$name"
  NGN_MED[$name]=$NGN_MS; JAVA_MED[$name]=$JAVA_MS
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
for name in ${TIMED[@]+"${TIMED[@]}"}; do
  [ -n "${PER_OP[$name]:-}" ] || continue
  read -r base count unit <<< "${PER_OP[$name]}"
  for side in ngn java; do
    if [ "$base" = - ]; then
      if [ $side = ngn ]; then a=${NGN_MED[$name]}; b=$BASE_NGN; else a=${JAVA_MED[$name]}; b=$BASE_JAVA; fi
      basename=start-up
    else
      if [ $side = ngn ]; then a=${NGN_MED[$name]}; b=${NGN_MED[$base]}; else a=${JAVA_MED[$name]}; b=${JAVA_MED[$base]}; fi
      basename=$base
    fi
    awk -v n="$name" -v s="$side" -v a="$a" -v b="$b" -v c="$count" -v u="$unit" -v base="$basename" 'BEGIN {
      printf "%-16s %-4s %8.1f ns per %s  ((%d - %d ms of %s) / %d; resolution ~%.1f ns)\n", n, s, (a - b) * 1e6 / c, u, a, b, base, c, 1e6 / c }'
  done
done

# speed-up of a parallel benchmark over its sequential variant, on each side (net times)
for name in ${TIMED[@]+"${TIMED[@]}"}; do
  [ -n "${SPEEDUP[$name]:-}" ] || continue
  seq=${SPEEDUP[$name]}
  for side in ngn java; do
    if [ $side = ngn ]; then a=$(( NGN_MED[$seq] - BASE_NGN )); b=$(( NGN_MED[$name] - BASE_NGN ))
    else a=$(( JAVA_MED[$seq] - BASE_JAVA )); b=$(( JAVA_MED[$name] - BASE_JAVA )); fi
    if [ $b -lt 1 ]; then b=1; fi
    cpus=$CPUS; if [ ${#PIN[@]} -gt 0 ]; then cpus=2; fi
    awk -v n="$name" -v s="$side" -v a="$a" -v b="$b" -v seq="$seq" -v c="$cpus" 'BEGIN {
      printf "%-16s %-4s %8.2fx speed-up on %d CPUs (%s net %d ms / %s net %d ms)\n", n, s, a / b, c, seq, a, n, b }'
  done
done

# heap of N blocked fibers: used heap after a full GC, minus the idle program's
if [ ${#HEAPS[@]} -gt 0 ] && [ ! -x "$JCMD" ]; then
  echo "bench: no $JCMD (a JRE?): heap benchmarks skipped: ${HEAPS[*]}" >&2
  HEAPS=()
fi
for name in ${HEAPS[@]+"${HEAPS[@]}"}; do
  count=${HEAP[$name]}
  cls="dev.ngnc.bench.$(java_class "$name")"
  for side in ngn java; do
    if [ $side = ngn ]; then cmd=("$JAVA" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -Xmx2g -jar "$OUT/$name.jar")
    else cmd=("$JAVA" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -Xmx2g -cp "$TWIN_CP" "$cls"); fi
    NGN_BENCH_IDLE=1 heap_probe "${cmd[@]}" || exit 1
    idle=$HEAP_KIB
    heap_probe "${cmd[@]}" || exit 1
    verdict=OK; if [ $(( HEAP_KIB / 1024 )) -gt $HEAP_TARGET_MIB ]; then verdict="OVER ${HEAP_TARGET_MIB} MiB"; fi
    awk -v n="$name" -v s="$side" -v used="$HEAP_KIB" -v idle="$idle" -v c="$count" -v rss="$RSS_KIB" -v ms="$READY_MS" -v v="$verdict" 'BEGIN {
      printf "%-16s %-4s heap %6.0f MiB used after GC with %d blocked (idle %.0f MiB; %.0f bytes each), RSS %.0f MiB, all blocked after %d ms [-Xmx2g: %s]\n",
        n, s, used / 1024, c, idle / 1024, (used - idle) * 1024 / c, rss / 1024, ms, v }'
  done
done

# targets: ngn net / Java net
for name in ${TIMED[@]+"${TIMED[@]}"}; do
  [ -n "${TARGET[$name]:-}" ] || continue
  net_ngn=$(( NGN_MED[$name] - BASE_NGN )); net_java=$(( JAVA_MED[$name] - BASE_JAVA ))
  if [ $net_java -lt 1 ]; then net_java=1; fi
  awk -v n="$name" -v a="$net_ngn" -v b="$net_java" -v t="${TARGET[$name]}" 'BEGIN {
    r = a / b; printf "target %-12s ngn/java %.2fx <= %.2fx: %s\n", n, r, t, (r <= t ? "met" : "MISSED") }'
done
exit $status
