#!/usr/bin/env bash
# The editor package's tests (grammar vs the compiler's lexer on every corpus program and example).
# Called by ./test.sh before Maven. No node: fail, unless NGNC_SKIP_EDITOR_TESTS=1 says to skip.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${NGNC_SKIP_EDITOR_TESTS:-0}" = 1 ]; then
  echo "editors/vscode: tests skipped (NGNC_SKIP_EDITOR_TESTS=1)"
  exit 0
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "editors/vscode: node and npm are needed for the grammar tests (node 18+);" \
       "install them or set NGNC_SKIP_EDITOR_TESTS=1 to skip" >&2
  exit 1
fi
# npm ci wipes node_modules and reinstalls (from npm's cache, ~/.npm), so run it only when the
# lock file changed since the last install; the stamp holds the lock file's hash
stamp=node_modules/.ngn-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
  echo "$want" > "$stamp"
fi
node --check extension.js   # the client runs only inside VS Code; at least it must parse
exec node --test test/*.test.js
