#!/usr/bin/env bash
# Installs DPL support for Helix from this dpls checkout:
#   - compiles grammar/src/{parser,scanner}.c with the C compiler ($CC, default
#     cc) into <config>/runtime/grammars/dpl.so, where Helix loads grammars;
#   - copies queries/dpl/*.scm to <config>/runtime/queries/dpl/;
#   - puts languages.toml, with the [[grammar]] path pointing at this
#     checkout, into <config>/languages.toml between marker lines, replacing
#     an earlier copy and keeping everything else in the file.
# <config> is $HELIX_CONFIG_DIR, else ${XDG_CONFIG_HOME:-~/.config}/helix.
# Running it again updates the installation. `hx --grammar build` would
# compile the same grammar from the same path; this script does not need hx.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
grammar=$(cd "$here/../../grammar" && pwd)
config=${HELIX_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/helix}
begin='# >>> dpls (editors/helix/install.sh) >>>'
end='# <<< dpls <<<'

mkdir -p "$config/runtime/grammars" "$config/runtime/queries/dpl"

# Compile to a temporary name first: a running Helix that loaded dpl.so keeps
# a valid mapping when the file is replaced rather than rewritten.
so="$config/runtime/grammars/dpl.so"
"${CC:-cc}" -shared -fPIC -O2 -I"$grammar/src" "$grammar/src/parser.c" "$grammar/src/scanner.c" -o "$so.tmp.$$"
mv -f "$so.tmp.$$" "$so"

cp "$here"/queries/dpl/*.scm "$config/runtime/queries/dpl/"

# The checkout's path goes into a sed replacement: escape what sed treats
# specially there.
path=${grammar//\\/\\\\}
path=${path//&/\\&}
path=${path//|/\\|}
toml="$config/languages.toml"
tmp="$toml.tmp.$$"
{
  if [ -f "$toml" ]; then
    # Everything outside an earlier dpls block stays as it was.
    awk -v b="$begin" -v e="$end" '$0 == b {skip = 1; next} $0 == e {skip = 0; next} !skip' "$toml"
  fi
  echo "$begin"
  sed "s|^source = { path = \".*\" }\$|source = { path = \"$path\" }|" "$here/languages.toml"
  echo "$end"
} > "$tmp"
mv -f "$tmp" "$toml"

echo "dpls: Helix grammar $so, queries $config/runtime/queries/dpl, languages $toml"
echo "dpls: check with: hx --health dpl"
