#!/usr/bin/env bash
# Latency of `ngnc lsp` on a generated 2,000-line program: hover, completion after `.`, go-to-definition,
# didChange -> publishDiagnostics (debounce 0 ms) and typing `.` -> completion, through a real lsp4j client over pipes.
# Prints median, p90, min and max over N iterations (default 50) after a warm-up (default 30).
# Runs dev.ngnc.lsp.LspLatencyBenchmark from the compiler's test classes (not a JUnit test, never runs in the build).
# Usage: bench/lsp.sh [--iterations N] [--warmup N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/find-jdk.sh
ngnc_find_jdk >/dev/null || exit 1
JAVA="$NGNC_JAVA_HOME/bin/java"
export JAVA_HOME="${JAVA_HOME:-$NGNC_JAVA_HOME}"

mvn -B -q -ntp -o -pl compiler test-compile
CP_FILE=compiler/target/bench-lsp.classpath
mvn -B -q -ntp -o -pl compiler dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="compiler/target/test-classes:compiler/target/classes:$(cat "$CP_FILE")"

# the generated program must check without errors with the CLI too (when the CLI jar is built)
if ls compiler/target/ngnc-compiler-*-all.jar >/dev/null 2>&1; then
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
  "$JAVA" -cp "$CP" dev.ngnc.lsp.LspLatencyBenchmark --dump "$WORK/bench.ngn"
  bin/ngnc check "$WORK/bench.ngn" >&2
fi

exec "$JAVA" -Xss64m -cp "$CP" dev.ngnc.lsp.LspLatencyBenchmark "$@"
