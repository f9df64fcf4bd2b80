#!/usr/bin/env bash
# Set-up command 1: builds ngnc (all modules, tests skipped), then compiles examples/hello with it
# and runs the jar. Finds a JDK >= 21 like bin/ngnc does (bin/find-jdk.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

. bin/find-jdk.sh
ngnc_find_jdk || exit 1
ngnc_maven_env
echo "build.sh: JDK $NGNC_FEATURE at $NGNC_JAVA_HOME"

# (Maven 3.8 prints stray ANSI resets even with -q -B: strip them)
mvn -B -q -ntp -Dstyle.color=never install -DskipTests 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'

mkdir -p target
echo "build.sh: bin/ngnc compile examples/hello/main.ngn -o target/hello.jar"
bin/ngnc compile examples/hello/main.ngn -o target/hello.jar
echo "build.sh: java -jar target/hello.jar"
"$NGNC_JAVA" -jar target/hello.jar
