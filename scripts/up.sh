#!/usr/bin/env bash
# The main job on a fresh machine: Docker engine, sky, stand-in images, the image registry on 127.0.0.1:5000
# (scripts/registry.sh), the daemon on its embedded defaults (SQLite in ~/.local/share/sky, API on 127.0.0.1:7070)
# told to push to and pull from that registry, then the example configuration and my-application.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples=${SKY_EXAMPLES:-$root/examples}

"$root/scripts/ensure-docker.sh"
"$root/scripts/build.sh"
"$root/scripts/build-images.sh"
"$root/scripts/registry.sh"

sky="$root/bin/sky"
if ! "$sky" version -o json | grep -q '"daemon": {'; then
    data=${SKY_DATA_DIR:-$HOME/.local/share/sky}
    mkdir -p "$data"
    echo "starting sky daemon (log: $data/daemon.log)"
    nohup "$sky" daemon --registry "${SKY_REGISTRY:-127.0.0.1:5000}" >>"$data/daemon.log" 2>&1 &
    echo $! >"$data/daemon.pid"
    for _ in $(seq 1 100); do
        "$sky" version -o json | grep -q '"daemon": {' && break
        sleep 0.2
    done
fi

"$sky" apply "$examples"
"$sky" service start my-application
"$sky" service status my-application

data=${SKY_DATA_DIR:-$HOME/.local/share/sky}
cat <<NEXT

sky runs: the API is at ${SKY_ADDR:-http://127.0.0.1:7070}/api/v1 (OpenAPI: /api/v1/openapi.json), the daemon logs to $data/daemon.log.
The router answers on http://127.0.0.1:8080 for each VIRTUAL_HOST (names under .localhost need no DNS):
  curl http://my-application.localhost:8080/health          production
  curl http://dev.my-application.localhost:8080/health      dev
What next:
  bin/sky service list                 what is applied and what runs
  bin/sky ps                           every container sky manages, with its published 127.0.0.1 ports
  bin/sky events -f                    what sky does, live (kill a container with docker kill and watch)
  bin/sky job start still-alive --wait run the recurrent job now
  bin/sky build images/my-application -t my-application:1.2 --push
                                       build an image and push it to the registry (${SKY_REGISTRY:-127.0.0.1:5000}),
                                       where the daemon pulls it from when a container needs it
  bin/sky service stop my-application  stop it; then kill \$(cat $data/daemon.pid) stops the daemon
                                       and scripts/registry.sh stop the registry
NEXT
