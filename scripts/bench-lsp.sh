#!/usr/bin/env bash
# The LSP replay benchmark: builds dpls and replays an editing session against
# it (see lsp/replay). Prints latency percentiles and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d lsp/replay ]; then
  go run ./lsp/replay "$@"
else
  echo "bench-lsp: the replay benchmark lands with the language server"
fi
