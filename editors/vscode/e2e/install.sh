#!/usr/bin/env bash
# Installs what the end-to-end test needs into editors/vscode/e2e/node_modules
# (about 300 MB, a minute): code-server 4.100.3 (VS Code 1.100.3, the newest
# whose engines.node is 20) from npm, playwright-core to drive Debian's
# Chromium, and, as root on Debian, the apt packages. Only the registries are
# used. Plain `npm install code-server` fails here; the steps below work around
# it (see shared/editors.md §2c): native modules build with gcc, ripgrep comes
# from Debian instead of GitHub, and the postinstall links are made by hand.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for p in libkrb5-dev ripgrep chromium; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ -x node_modules/.bin/code-server ] && node_modules/.bin/code-server --version >/dev/null 2>&1 \
  && [ -d node_modules/playwright-core ]; then
  echo "e2e: already installed"
  exit 0
fi

npm_quiet=(--no-audit --no-fund --loglevel=error)
# package.json pins both; no lock file is written for this optional test.
npm install "${npm_quiet[@]}" --no-package-lock --ignore-scripts
npm rebuild "${npm_quiet[@]}" argon2          # its prebuilt download fails: builds from source
(
  cd node_modules/code-server/lib/vscode
  npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts
  # @vscode/ripgrep's postinstall downloads rg from GitHub; it skips when bin/ exists.
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm rebuild "${npm_quiet[@]}"
  # What code-server's postinstall.sh does.
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install "${npm_quiet[@]}" --omit=dev)
)
node_modules/.bin/code-server --version
