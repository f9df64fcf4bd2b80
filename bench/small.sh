#!/usr/bin/env bash
# Start-up inside the figure (issue 15, item 3): each bench program at a small size, where JVM start-up and class
# loading are most of the time. Every integer literal of 10,000 or more in the ngn program and in its Java twin is
# divided by 1,000 (the same rewrite on both sides, so the checksums still agree; state_update: 1 round of 80), then the ngn jar (`java -jar`),
# the ngn jar through the launcher of `ngnc compile --aot`, and the Java twin run interleaved, RUNS times each, with
# the empty program of each side. Prints medians in ms.
# Usage: bench/small.sh [-n RUNS] [NAME...]      (default: 11 runs of strings collections closures models json state_update)
set -euo pipefail
export LC_ALL=C
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
RUNS=11
NAMES=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "bench/small.sh: unknown option $1" >&2; exit 2 ;;
    *) NAMES+=("$1"); shift ;;
  esac
done
[ ${#NAMES[@]} -gt 0 ] || NAMES=(strings collections closures models json state_update)

# shellcheck source=../bin/find-jdk.sh
. "$REPO/bin/find-jdk.sh"
ngnc_find_jdk > /dev/null || exit 1
JAVA="$NGNC_JAVA"
LIB="$REPO/bench/target/lib"
[ -d "$LIB" ] || { echo "bench/small.sh: run bench/run.sh once first (it builds the Java twins' libraries)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shrink NAME FILE: integer literals >= 10000 (Java's 1_000 separators included) divided by 1000, then the
# program's own edit, if any (state_update has no large literal: its 80 rounds become 1)
declare -A SMALL_EDIT=(
  [state_update]='s/0\.\.<80\b/0..<1/; s/round < 80;/round < 1;/'
)
shrink() {
  perl -pe 's/(?<![\w.])(\d[\d_]*)(?![\w.])/ my $v = $1; (my $n = $v) =~ s!_!!g; $n >= 10000 ? int($n \/ 1000) : $v /ge' "$2" \
    | perl -pe "${SMALL_EDIT[$1]:-}"
}

java_class() { local out="" part; IFS=_ read -ra parts <<< "$1"; for part in "${parts[@]}"; do out+="${part^}"; done; printf '%s' "$out"; }

mkdir -p "$WORK/classes"
for name in empty "${NAMES[@]}"; do
  shrink "$name" "$HERE/ngn/$name.ngn" > "$WORK/$name.ngn"
  "$REPO/bin/ngnc" compile "$WORK/$name.ngn" -o "$WORK/$name.jar" 2> /dev/null
  mkdir -p "$WORK/aot-$name"
  "$REPO/bin/ngnc" compile --aot "$WORK/$name.ngn" -o "$WORK/aot-$name/$name.jar" > /dev/null 2>&1
  cls=$(java_class "$name")
  shrink "$name" "$HERE/src/main/java/dev/ngnc/bench/$cls.java" > "$WORK/$cls.java"
done
( cd "$WORK" && "$NGNC_JAVA_HOME/bin/javac" -cp "$LIB/*" -d classes ./*.java )

time_ms() { local s e; s=$(date +%s%N); "$@" > "$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "JDK $NGNC_FEATURE, $(nproc) CPUs; $RUNS runs each (interleaved), median wall ms; sizes ÷ 1000"
printf '%-14s %8s %8s %8s  %s\n' program ngn "ngn aot" java checksums
for name in empty "${NAMES[@]}"; do
  cls="dev.ngnc.bench.$(java_class "$name")"
  a=(); b=(); c=()
  for ((i = 0; i < RUNS; i++)); do
    a+=("$(time_ms "$JAVA" -jar "$WORK/$name.jar")"); out_ngn=$(cat "$WORK/out")
    b+=("$(time_ms "$WORK/aot-$name/$name")"); out_aot=$(cat "$WORK/out")
    c+=("$(time_ms "$JAVA" -cp "$WORK/classes:$LIB/*" "$cls")"); out_java=$(cat "$WORK/out")
  done
  same="same"
  if [ "$out_ngn" != "$out_java" ] || [ "$out_aot" != "$out_java" ]; then same="MISMATCH: '$out_ngn' / '$out_aot' / '$out_java'"; fi
  printf '%-14s %8d %8d %8d  %s\n' "$name" "$(median "${a[@]}")" "$(median "${b[@]}")" "$(median "${c[@]}")" "$same"
done
