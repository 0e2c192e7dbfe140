#!/usr/bin/env bash
# The image registry of the demo: Debian's docker-registry (the Distribution registry) on loopback only, with its own
# configuration and storage under the data folder, started in the background (nothing apt installs starts by itself
# here) and stopped by its PID. The daemon pushes there and pulls from there when told `registry: 127.0.0.1:5000`
# (or `sky daemon --registry 127.0.0.1:5000`). The tests start their own, on free ports (tests/Sky.Testing).
#
#   scripts/registry.sh [start]     start it unless it answers already; wait until GET /v2/ answers
#   scripts/registry.sh stop        stop the one this script started
#
# SKY_REGISTRY sets the address (default 127.0.0.1:5000; keep it on loopback: it has no authentication).
set -euo pipefail
address=${SKY_REGISTRY:-127.0.0.1:5000}
host=${address%:*}
port=${address##*:}
folder=${SKY_DATA_DIR:-$HOME/.local/share/sky}/registry
pidfile=$folder/registry.pid

answers() { # GET /v2/ answers 200: the API every push and pull starts with (bash's /dev/tcp: no curl needed)
    local status
    status=$( (exec 3<>"/dev/tcp/$host/$port" && printf 'GET /v2/ HTTP/1.0\r\nHost: %s\r\n\r\n' "$address" >&3 && head -n 1 <&3) 2>/dev/null || true)
    [[ $status == *" 200 "* ]]
}

case "${1:-start}" in
start)
    if answers; then
        echo "registry answers on $address"
        exit 0
    fi
    if ! command -v docker-registry >/dev/null 2>&1; then
        echo "installing docker-registry (Debian)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
    fi
    mkdir -p "$folder/data"
    cat >"$folder/config.yml" <<CONFIG
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $folder/data
  delete:
    enabled: true
http:
  addr: $address
CONFIG
    echo "starting docker-registry on $address (storage: $folder/data, log: $folder/registry.log)"
    nohup docker-registry serve "$folder/config.yml" >>"$folder/registry.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
        if answers; then
            exit 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "docker-registry stopped before it answered; see $folder/registry.log" >&2
            tail -5 "$folder/registry.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "docker-registry did not answer GET /v2/ on $address within 10 s; see $folder/registry.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then
        echo "stopped docker-registry ($(cat "$pidfile"))"
    fi
    rm -f "$pidfile"
    ;;
*)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
