#!/usr/bin/env bash
# Runs the editor integrations' own tests, each with its real client, after
# `scripts/setup.sh` installed their packages: VS Code's extension (the client
# libraries it ships with), Neovim (built-in LSP client and tree-sitter),
# Emacs (eglot), Vim (built-in LSP channel mode and ALE). Helix cannot run
# here; its Go tests (editors/helix) run with `go test ./...`.
#
# The LSP tests talk to the real server: $DPLS_CMD, else bin/dpls built
# with `make build`. DPLS_E2E=1 adds the VS Code end-to-end test (code-server
# in headless Chromium; ~300 MB installed on first use, editors/vscode/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."

failed=()

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

if [ -z "${DPLS_CMD:-}" ]; then
  make -s build
  DPLS_CMD=$PWD/bin/dpls
fi
export DPLS_CMD

# need CMD: the client must be installed (scripts/apt-packages.txt).
need() {
  if ! command -v "$1" >/dev/null; then
    echo "editors: $1 missing; run scripts/setup.sh" >&2
    exit 1
  fi
}

# run NAME COMMAND...: each test prints one line per check and a summary,
# and exits non-zero on failure; a hung client is stopped after 120 s.
run() {
  local name=$1
  shift
  if ! timeout 120 "$@"; then
    failed+=("$name")
  fi
}

need nvim
run "neovim tree-sitter" nvim --headless --clean --cmd 'set rtp^=editors/neovim' \
  -c 'luafile editors/neovim/test/treesitter_test.lua'
run "neovim lsp" nvim --headless --clean --cmd 'set rtp^=editors/neovim' \
  -c 'luafile editors/neovim/test/lsp_test.lua'

need emacs
run "emacs eglot" emacs --batch -l editors/emacs/test/dpl-mode-test.el

need vim
run "vim built-in lsp" vim -Nu NONE -i NONE -es -S editors/vim/test/lsp_test.vim
run "vim ale" vim -Nu NONE -i NONE -es -S editors/vim/test/ale_test.vim

if [ "${DPLS_E2E:-0}" = 1 ]; then
  editors/vscode/e2e/install.sh
  run "vscode e2e" editors/vscode/e2e/run.sh editors/vscode/dpls.vsix
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "editors: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "editors: all passed"
