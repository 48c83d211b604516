#!/usr/bin/env bash
# Builds tsgen (tree-sitter's generator) offline from Debian bookworm's
# tree-sitter 0.20.7 source package and Debian's Rust crates. Prints the path
# of the built binary. Needs root for apt-get (as on CI and dev machines).
#   TSGEN_DIR  scratch directory (default: tools/tsgen/.build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${TSGEN_DIR:-$here/.build}
bin=$work/crate/target/release/tsgen
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
mkdir -p "$work"
log=$work/build.log
: > "$log"

crates="anyhow lazy-static regex regex-syntax serde serde-derive serde-json smallbitvec rustc-hash semver log indexmap cc"
pkgs=""
for c in $crates; do pkgs="$pkgs librust-$c-dev"; done
if ! dpkg -s $pkgs >/dev/null 2>&1; then
  apt-get update >>"$log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pkgs >>"$log" 2>&1
fi

src=$(ls -d "$work"/tree-sitter-0.20.7 2>/dev/null || true)
if [ -z "$src" ]; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$work/src.sources"
  mkdir -p "$work/lists/partial"
  aptsrc=(-o Dir::Etc::SourceList="$work/src.sources" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$work/lists")
  apt-get "${aptsrc[@]}" update >>"$log" 2>&1
  (cd "$work" && apt-get "${aptsrc[@]}" source --download-only tree-sitter=0.20.7-1 >>"$log" 2>&1)
  tar -C "$work" -xf "$work"/tree-sitter_0.20.7.orig.tar.xz
  src=$work/tree-sitter-0.20.7
fi

crate=$work/crate
rm -rf "$crate"
mkdir -p "$crate/src" "$crate/.cargo"
sed "s#TREE_SITTER_LIB#$src/lib#" "$here/Cargo.toml" > "$crate/Cargo.toml"
cp "$here/src/main.rs" "$crate/src/main.rs"
cp -r "$src/cli/src/generate" "$crate/src/generate"
cat > "$crate/.cargo/config.toml" <<CFG
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
[net]
offline = true
CFG
(cd "$crate" && RUST_BINDING_VERSION=0.20.9 cargo build --release --offline >>"$log" 2>&1) || {
  tail -40 "$log" >&2; exit 1; }
echo "$bin"
