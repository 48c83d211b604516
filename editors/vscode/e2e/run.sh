#!/usr/bin/env bash
# Runs e2e.mjs: installs the extension's .vsix into code-server with every
# state directory in a temporary one, points dpls.server.path at $DPLS_CMD,
# serves a workspace holding broken.dpl on 127.0.0.1:${E2E_PORT:-18080}, and
# stops code-server's whole process group afterwards (the extension host
# and dpls included). Needs install.sh first.
#
#   DPLS_CMD=$PWD/bin/dpls editors/vscode/e2e/run.sh editors/vscode/dpls.vsix
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vsix=$(realpath "${1:?usage: run.sh EXTENSION.vsix}")
dpls=$(realpath "${DPLS_CMD:?set DPLS_CMD to the dpls binary}")
port=${E2E_PORT:-18080}
cs=$here/node_modules/.bin/code-server
[ -x "$cs" ] || { echo "e2e: code-server missing; run $here/install.sh" >&2; exit 1; }

T=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -- "-$pid" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$T/cfg XDG_DATA_HOME=$T/data XDG_CACHE_HOME=$T/cache
CS=("$cs" --config "$T/config.yaml" --user-data-dir "$T/ud" --extensions-dir "$T/ext")

"${CS[@]}" --install-extension "$vsix" >/dev/null
mkdir -p "$T/ud/User" "$T/ws"
cat > "$T/ud/User/settings.json" <<JSON
{"dpls.server.path": "$dpls", "workbench.startupEditor": "none",
 "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off", "update.mode": "none",
 "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false}
JSON
cp "$here/broken.dpl" "$T/ws/"

# setsid makes code-server a process group leader, so cleanup stops every
# process it started (file watcher, extension host, dpls).
setsid "${CS[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$T/ws" > "$T/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
if ! E2E_URL="http://127.0.0.1:$port/" node "$here/e2e.mjs"; then
  echo "--- code-server log" >&2
  cat "$T/server.log" >&2
  exit 1
fi
