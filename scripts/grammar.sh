#!/usr/bin/env bash
# Regenerates grammar/src from grammar/grammar.js with tree-sitter's own
# generator (built offline by tools/tsgen/build.sh), then records the C
# sources' hash for the Go build cache.
#   scripts/grammar.sh          regenerate in place
#   scripts/grammar.sh --check  regenerate into a scratch copy and fail when
#                               the committed parser differs from grammar.js
set -euo pipefail
cd "$(dirname "$0")/.."
tsgen=$(tools/tsgen/build.sh)
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp grammar/grammar.js "$tmp/"
  mkdir -p "$tmp/src" && cp grammar/src/scanner.c "$tmp/src/"
  "$tsgen" "$tmp"
  for f in parser.c grammar.json node-types.json tree_sitter/parser.h; do
    if ! cmp -s "$tmp/src/$f" "grammar/src/$f"; then
      echo "grammar/src/$f is stale: run \`make grammar\` and commit the result" >&2
      diff -u "grammar/src/$f" "$tmp/src/$f" | head -20 >&2
      exit 1
    fi
  done
  echo "grammar/src matches grammar.js"
  exit 0
fi
"$tsgen" grammar
go run ./grammar/internal/writehash grammar
echo "regenerated grammar/src"
