#!/usr/bin/env bash
# The main job from a bare clone, as a new user runs it: clone this repository alone into a temporary folder (nothing
# beside it), run scripts/up.sh there, and check that `sky service list` shows my-application running and that the router answers for both instances by name. Cleans up
# after itself (the daemon and the registry it started, the containers and networks of the example). CI runs it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
clone="$work/sky"
export SKY_DATA_DIR="$work/data"
cleanup() {
    [ -f "$SKY_DATA_DIR/daemon.pid" ] && kill "$(cat "$SKY_DATA_DIR/daemon.pid")" 2>/dev/null || true
    [ -f "$SKY_DATA_DIR/registry/registry.pid" ] && kill "$(cat "$SKY_DATA_DIR/registry/registry.pid")" 2>/dev/null || true
    docker rm -f my-application-production-database my-application-production my-application-dev-database my-application-dev >/dev/null 2>&1 || true
    docker network rm sky-my-application-production sky-my-application-dev my-application-production my-application-dev >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$root" "$clone"
[ ! -e "$work/shared" ] || { echo "the clone must have nothing beside it" >&2; exit 1; }
(cd "$clone" && scripts/up.sh)
list=$("$clone/bin/sky" service list)
echo "$list"
for instance in production dev; do
    echo "$list" | grep -Eq "^my-application +$instance +(running|starting) +2/2 " || { echo "my-application/$instance is not running after scripts/up.sh" >&2; exit 1; }
done
# Each instance answers by name through the router once its health check passes (every 5 s): bounded wait.
for host in my-application.localhost dev.my-application.localhost; do
    for _ in $(seq 1 60); do
        curl -sf --max-time 2 "http://$host:8080/health" >/dev/null && break
        sleep 0.5
    done
    curl -sf --max-time 2 "http://$host:8080/health" >/dev/null || { echo "the router does not answer for $host after scripts/up.sh" >&2; exit 1; }
done
echo "bare clone: scripts/up.sh brought my-application up, reached by name through the router"
