#!/usr/bin/env bash
# Regenerates it-tests/conformance-known-failures.txt from a conformance run: afterwards it lists
# exactly the cases that failed. Flaky markers ('?area/name' lines) of cases still in the corpus are kept.
# Use it deliberately (review the diff!): the list is the ratchet of ConformanceTest.
#
# Usage: it-tests/update-known-failures.sh [--from-last-run] [--corpus DIR]
#   default          run the corpus now through bin/ngnc run (2 parallel run.sh, like the test)
#   --from-last-run  take the failures of the last `mvn verify` (it-tests/target/conformance/failures.txt)
# Environment: NGNC_JAR (CLI jar; default: bin/ngnc picks compiler/target/ngnc-compiler-*-all.jar).
set -euo pipefail
export LC_ALL=C

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
LIST="$HERE/conformance-known-failures.txt"
CORPUS="$REPO/../shared/conformance"
[ -f "$CORPUS/run.sh" ] || CORPUS=/work/shared/conformance
FROM_LAST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from-last-run) FROM_LAST=1; shift ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "update-known-failures.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
CORPUS="$(cd "$CORPUS" && pwd)"
# run.sh runs each case from its own directory: make a relative NGNC_JAR absolute first
if [ -n "${NGNC_JAR:-}" ]; then
  case "$NGNC_JAR" in /*) ;; *) NGNC_JAR="$PWD/$NGNC_JAR" ;; esac
  export NGNC_JAR
fi
[ -f "$CORPUS/run.sh" ] || { echo "no conformance corpus at $CORPUS (use --corpus DIR)" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILED="$WORK/failed.txt"

if [ "$FROM_LAST" = 1 ]; then
  last="$HERE/target/conformance/failures.txt"
  [ -f "$last" ] || { echo "no $last: run ./test.sh (mvn verify) first" >&2; exit 2; }
  scope="$(cat "$HERE/target/conformance/scope.txt" 2>/dev/null || echo unknown)"
  if [ "$scope" != all ]; then
    echo "the last run covered only: $scope (-Dngnc.conformance.only); run the whole corpus first" >&2
    exit 2
  fi
  sort -u "$last" > "$FAILED"
else
  # Split the areas in two halves of about equal case counts and run them in parallel.
  bash "$CORPUS/run.sh" --list | awk -F/ '{n[$1]++} END {for (a in n) print n[a], a}' | sort -k1,1nr -k2 \
    | awk '{ if (l0 <= l1) { g0 = g0 (g0 ? "," : "") $2; l0 += $1 } else { g1 = g1 (g1 ? "," : "") $2; l1 += $1 } }
           END { print g0; print g1 }' > "$WORK/groups"
  pids=()
  i=0
  while IFS= read -r areas; do
    [ -n "$areas" ] || continue
    echo "running areas: $areas"
    bash "$CORPUS/run.sh" --only "$areas" --json "$WORK/results-$i.json" -- "$REPO/bin/ngnc" run > "$WORK/run-$i.log" 2>&1 &
    pids+=($!)
    i=$((i + 1))
  done < "$WORK/groups"
  for p in "${pids[@]}"; do wait "$p" || true; done
  echo "first failures:"; grep -h '^FAIL' "$WORK"/run-*.log | head -n 5 | cut -c1-160
  tail -q -n 1 "$WORK"/run-*.log
  cat "$WORK"/results-*.json | grep -o '"case":"[^"]*","status":"fail"' | sed 's/^"case":"//; s/","status":"fail"$//' | sort -u > "$FAILED"
fi

# Keep the flaky markers of cases that still exist.
bash "$CORPUS/run.sh" --list | sort -u > "$WORK/all.txt"
FLAKY="$WORK/flaky.txt"
: > "$FLAKY"
if [ -f "$LIST" ]; then
  grep -E '^[[:space:]]*\?' "$LIST" | sed 's/#.*//; s/^[[:space:]]*?[[:space:]]*//; s/[[:space:]]*$//' | sort -u \
    | comm -12 - "$WORK/all.txt" > "$FLAKY" || true
fi

{
  cat <<'EOF'
# Conformance cases (area/name in shared/conformance, see its README) that do not pass yet.
#
# it-tests' ConformanceTest (run by `mvn verify` / ./test.sh) fails when
#   (a) a case fails that is not listed here: a regression, fix it; and when
#   (b) a listed case passes now: delete its line, so the list only ever shrinks.
# A line '?area/name' marks a flaky case: it may pass or fail. '#' starts a comment.
# Regenerate deliberately with it-tests/update-known-failures.sh (it keeps the '?' lines).
EOF
  echo "#"
  echo "# Generated $(date -u +%Y-%m-%d) by update-known-failures.sh: $(comm -23 "$FAILED" "$FLAKY" | wc -l) failing of $(wc -l < "$WORK/all.txt") cases."
  sed 's/^/?/' "$FLAKY"
  comm -23 "$FAILED" "$FLAKY"
} > "$LIST.new"
mv "$LIST.new" "$LIST"
echo "wrote $LIST: $(grep -cvE '^[[:space:]]*(#|$)' "$LIST") entries"
