#!/usr/bin/env bash
# Runs the editor integrations' own tests (each with the real client
# libraries), after `scripts/setup.sh` installed their packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f editors/vscode/package.json ] && [ -d editors/vscode/node_modules ]; then
  (cd editors/vscode && npm test)
fi
