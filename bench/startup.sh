#!/usr/bin/env bash
# Start-up of a hello-world program: a plain Java jar, the ngnc jar (java -jar), and the ngnc jar through the
# launcher of `ngnc compile --aot` (JDK AOT cache). Runs the three interleaved, N times each (default 20), and
# prints the median and minimum wall time of each, the ratio to plain Java, and the jar sizes.
# Usage: bench/startup.sh [-n RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=20
[ "${1:-}" = "-n" ] && RUNS="$2"

. bin/find-jdk.sh
ngnc_find_jdk >/dev/null || exit 1
JAVA="$NGNC_JAVA_HOME/bin/java"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/java"
cat > "$WORK/java/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
"$NGNC_JAVA_HOME/bin/javac" -d "$WORK/java" "$WORK/java/Hello.java"
printf 'Main-Class: Hello\n' > "$WORK/java/manifest"
"$NGNC_JAVA_HOME/bin/jar" cfm "$WORK/java-hello.jar" "$WORK/java/manifest" -C "$WORK/java" Hello.class

printf 'fn main() {\n    print("hello")\n}\n' > "$WORK/hello.ngn"
mkdir -p "$WORK/plain" "$WORK/aot"
bin/ngnc compile "$WORK/hello.ngn" -o "$WORK/plain/hello.jar"
bin/ngnc compile --aot "$WORK/hello.ngn" -o "$WORK/aot/hello.jar" 2>/dev/null

now_ns() { date +%s%N; }
declare -a T_JAVA T_NGN T_AOT
for ((i = 0; i < RUNS; i++)); do
  t0=$(now_ns); "$JAVA" -jar "$WORK/java-hello.jar" >/dev/null; t1=$(now_ns); T_JAVA+=($(( (t1 - t0) / 1000000 )))
  t0=$(now_ns); "$JAVA" -jar "$WORK/plain/hello.jar" >/dev/null; t1=$(now_ns); T_NGN+=($(( (t1 - t0) / 1000000 )))
  t0=$(now_ns); "$WORK/aot/hello" >/dev/null; t1=$(now_ns); T_AOT+=($(( (t1 - t0) / 1000000 )))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
MJ=$(median "${T_JAVA[@]}")
row() { local name=$1; shift; local m; m=$(median "$@"); printf '%-28s %8s %8s %8s\n' "$name" "$m" "$(minimum "$@")" "$(awk -v a="$m" -v b="$MJ" 'BEGIN {printf "%.2fx", a / b}')"; }
echo "JDK $NGNC_FEATURE, $(nproc) CPUs, $RUNS runs each (interleaved), wall ms"
printf '%-28s %8s %8s %8s\n' "program" "median" "min" "vs java"
row "java -jar (plain Java)" "${T_JAVA[@]}"
row "java -jar (ngnc)" "${T_NGN[@]}"
row "ngnc --aot launcher" "${T_AOT[@]}"
echo "jar sizes: plain Java $(stat -c %s "$WORK/java-hello.jar") B, ngnc $(stat -c %s "$WORK/plain/hello.jar") B, AOT cache $(stat -c %s "$WORK/aot/hello.aot") B"
