#!/usr/bin/env bash
# Installs what the tests need on a fresh machine (Go, gcc, cargo, node and npm
# are there already): Go modules, the Debian packages the validators use, and
# the editor integrations' npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_pkgs=()
need() { dpkg -s "$1" >/dev/null 2>&1 || apt_pkgs+=("$1"); }
# Rust crates for tree-sitter's generator (tools/tsgen/build.sh).
for c in anyhow lazy-static regex regex-syntax serde serde-derive serde-json smallbitvec rustc-hash semver log indexmap cc; do
  need "librust-$c-dev"
done
if [ -f scripts/apt-packages.txt ]; then
  while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && need "$p"; done < scripts/apt-packages.txt
fi
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  echo "setup: apt-get install ${apt_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/dev/null
fi

go mod download

for dir in editors/vscode; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
echo "setup: done"
