#!/usr/bin/env bash
# Runs the editor integrations' own tests (each with the real client
# libraries), after `scripts/setup.sh` installed their packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d editors/vscode/node_modules ]; then
  (
    cd editors/vscode
    npm run --silent typecheck
    npm run --silent build
    npm test
    npx --no-install vsce package --no-dependencies --out dpls.vsix >/dev/null
    echo "editors/vscode: dpls.vsix built"
  )
else
  echo "editors/vscode: node_modules missing; run scripts/setup.sh" >&2
  exit 1
fi
