#!/usr/bin/env bash
# Set-up command 2: the whole test suite — every module's unit tests, then (it-tests) the
# conformance corpus through bin/ngnc run against the jar this build just packaged.
# Extra arguments go to Maven, e.g. ./test.sh -Dngnc.conformance.only=strings,arrays
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

. bin/find-jdk.sh
ngnc_find_jdk || exit 1
ngnc_maven_env
echo "test.sh: JDK $NGNC_FEATURE at $NGNC_JAVA_HOME"

# editor package: the VS Code grammar against the compiler's lexer (node; a few seconds)
editors/vscode/test/run.sh

exec mvn -B -ntp -Dstyle.color=never verify "$@"
