#!/usr/bin/env bash
# The main job on a fresh machine: Docker engine, sky, stand-in images, the daemon on its embedded defaults
# (SQLite in ~/.local/share/sky, API on 127.0.0.1:7070), then the example configuration and my-application.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples=${SKY_EXAMPLES:-$root/examples}

"$root/scripts/ensure-docker.sh"
"$root/scripts/build.sh"
"$root/scripts/build-images.sh"

sky="$root/bin/sky"
if ! "$sky" version -o json | grep -q '"daemon": {'; then
    data=${SKY_DATA_DIR:-$HOME/.local/share/sky}
    mkdir -p "$data"
    echo "starting sky daemon (log: $data/daemon.log)"
    nohup "$sky" daemon >>"$data/daemon.log" 2>&1 &
    echo $! >"$data/daemon.pid"
    for _ in $(seq 1 100); do
        "$sky" version -o json | grep -q '"daemon": {' && break
        sleep 0.2
    done
fi

"$sky" apply "$examples"
"$sky" service start my-application
"$sky" service status my-application
