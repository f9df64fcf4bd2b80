#!/usr/bin/env bash
# tbx::llm generation speed: tokens/s of `generate` from an ngn program vs the same llama.cpp binding
# (de.kherud:llama) called from hand-written Java (runtime-llm's test class GenerateBench), same model,
# load options and sampling (temperature 0, seed 1). Each side is one process that loads the model,
# generates once to warm up, then times RUNS generations of TOKENS tokens; the two sides alternate
# ROUNDS times and the medians are reported. The model is the generated tiny GGUF (runtime-llm's
# TinyGguf: its tokens are one character, so TOKENS tokens are exactly produced) unless one is given.
# For a real model, tokens/s assumes the generation ran to TOKENS (it may stop early at end-of-text:
# both sides produce the same tokens, so the ratio stays fair).
#
# Usage: bench/llm.sh [-Dllm.model=PATH] [-t TOKENS] [-n RUNS] [-r ROUNDS] [-j THREADS]
#   defaults: the tiny model, TOKENS=2000, RUNS=5, ROUNDS=3, THREADS=1 (0 = llama.cpp's default)
# Needs a build: mvn -o install -DskipTests -pl runtime-lib,runtime-http,runtime-llm,compiler
set -euo pipefail
export LC_ALL=C
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
MODEL=""; TOKENS=2000; RUNS=5; ROUNDS=3; THREADS=1
while [ $# -gt 0 ]; do
  case "$1" in
    -Dllm.model=*) MODEL="${1#-Dllm.model=}"; shift ;;
    -t) TOKENS="$2"; shift 2 ;;
    -n) RUNS="$2"; shift 2 ;;
    -r) ROUNDS="$2"; shift 2 ;;
    -j) THREADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/llm.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
# shellcheck source=../bin/find-jdk.sh
. "$REPO/bin/find-jdk.sh"
ngnc_find_jdk || exit 1
JAVA="$NGNC_JAVA"
OUT="$REPO/bench/target/llm"
mkdir -p "$OUT"
BUNDLE="$(ls "$REPO"/runtime-llm/target/ngnc-runtime-llm-*-bundle.jar 2>/dev/null | head -1)"
TESTS="$REPO/runtime-llm/target/test-classes"
RTLIB="$REPO/runtime-lib/target/classes"
[ -f "$BUNDLE" ] && [ -f "$TESTS/dev/ngnc/rt/llm/GenerateBench.class" ] || {
  echo "bench/llm.sh: build first: mvn -o install -DskipTests -pl runtime-lib,runtime-http,runtime-llm,compiler" >&2; exit 1; }
CP="$BUNDLE:$TESTS:$RTLIB"
if [ -z "$MODEL" ]; then
  MODEL="$OUT/tiny.gguf"
  "$JAVA" -cp "$CP" dev.ngnc.rt.llm.TinyGguf "$MODEL"
fi
[ -f "$MODEL" ] || { echo "bench/llm.sh: no model file $MODEL" >&2; exit 2; }
ln -sf "$(readlink -f "$MODEL")" "$OUT/model.gguf"
sed -e "s/@THREADS@/$THREADS/" -e "s/@TOKENS@/$TOKENS/" -e "s/@RUNS@/$RUNS/" "$HERE/ngn/llm_generate.ngn" > "$OUT/llm_generate.ngn"
"$REPO/bin/ngnc" compile "$OUT/llm_generate.ngn" -o "$OUT/llm_generate.jar"

NGN_MS=(); JAVA_MS=()
for ((r = 0; r < ROUNDS; r++)); do
  (cd "$OUT" && "$JAVA" -jar llm_generate.jar) > "$OUT/ngn.out"
  (cd "$OUT" && "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.ngnc.rt.llm.GenerateBench model.gguf "$THREADS" "$TOKENS" "$RUNS") | grep -v "^Extracted " > "$OUT/java.out"
  grep -q error "$OUT/ngn.out" && { cat "$OUT/ngn.out" >&2; exit 1; }
  [ "$(head -1 "$OUT/ngn.out")" = "$(head -1 "$OUT/java.out")" ] || { echo "bench/llm.sh: the two sides generated different text" >&2; exit 1; }
  mapfile -t -O "${#NGN_MS[@]}" NGN_MS < <(tail -n +2 "$OUT/ngn.out")
  mapfile -t -O "${#JAVA_MS[@]}" JAVA_MS < <(tail -n +2 "$OUT/java.out")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
N="$(median "${NGN_MS[@]}")"; J="$(median "${JAVA_MS[@]}")"
awk -v n="$N" -v j="$J" -v t="$TOKENS" -v m="$MODEL" -v k="${#NGN_MS[@]}" 'BEGIN {
  printf "model %s, %d tokens per generation, %d timed generations per side\n", m, t, k
  printf "ngn  generate: median %6.0f ms = %8.1f tokens/s\n", n, t * 1000 / n
  printf "Java complete: median %6.0f ms = %8.1f tokens/s\n", j, t * 1000 / j
  printf "ngn / Java tokens/s: %.3f (target >= 0.95)\n", j / n
}'
