#!/usr/bin/env bash
# Measures `sky service start my-application` (4 containers, 2 instance networks) to all four running, against
# docker-compose up -d of an equivalent compose file and against bare `docker create`+`start` of the same
# containers, in one run, several rounds each. Appends the medians and ratios to bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-5}
[ "${SMOKE:-0}" = 1 ] && rounds=1
ns=bench$$
port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)

command -v docker-compose >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
. "$root/bench/sky-daemon.sh"
cleanup() {
    stop_sky_daemon
    (cd "$work" && docker-compose -p ${ns}c down -t 1 >/dev/null 2>&1) || true
    docker rm -f ${ns}b-production-database ${ns}b-production ${ns}b-dev-database ${ns}b-dev >/dev/null 2>&1 || true
    docker network rm ${ns}b-production ${ns}b-dev >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"$sky" apply "$root/examples/my-application.yml" >/dev/null

cat >"$work/docker-compose.yml" <<YAML
version: "2.4"
services:
  production-database:
    image: cassandra:1.0-SNAPSHOT
    init: true
    mem_limit: 10g
    environment: { RUNTIME_ENV: production }
    ports: [ "127.0.0.1::9042" ]
    networks: { production: { aliases: [ database ] } }
  production:
    image: my-application:1.0-SNAPSHOT
    init: true
    mem_limit: 1g
    environment: { RUNTIME_ENV: production, VIRTUAL_HOST: my-application.localhost, DATABASE_HOST: database, DATABASE_PORT: "9042" }
    ports: [ "127.0.0.1::8080" ]
    depends_on: [ production-database ]
    networks: [ production ]
  dev-database:
    image: cassandra:1.0-SNAPSHOT
    init: true
    mem_limit: 10g
    environment: { RUNTIME_ENV: production }
    ports: [ "127.0.0.1::9042" ]
    networks: { dev: { aliases: [ database ] } }
  dev:
    image: my-application:1.1-dev
    init: true
    mem_limit: 1g
    environment: { RUNTIME_ENV: staging, VIRTUAL_HOST: dev.my-application.localhost, DATABASE_HOST: database, DATABASE_PORT: "9042" }
    ports: [ "127.0.0.1::8080" ]
    depends_on: [ dev-database ]
    networks: [ dev ]
networks: { production: {}, dev: {} }
YAML

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d", m}'; }
spread() { sort -n | awk 'NR==1{min=$1} {max=$1} END {printf "%d-%d", min, max}'; }

bare() { # one instance: network, database create+start, app create+start; prints the chain time (db + app)
    local instance=$1 image=$2 env=$3
    docker network create ${ns}b-$instance >/dev/null
    local t0; t0=$(now)
    docker create --init --name ${ns}b-$instance-database --network ${ns}b-$instance --network-alias database -m 10g -e RUNTIME_ENV=production -p 127.0.0.1::9042 cassandra:1.0-SNAPSHOT >/dev/null
    docker start ${ns}b-$instance-database >/dev/null
    docker create --init --name ${ns}b-$instance --network ${ns}b-$instance -m 1g -e RUNTIME_ENV=$env -e DATABASE_HOST=database -e DATABASE_PORT=9042 -p 127.0.0.1::8080 $image >/dev/null
    docker start ${ns}b-$instance >/dev/null
    ms "$t0" "$(now)"
}

: >"$work/sky" ; : >"$work/compose" ; : >"$work/bare" ; : >"$work/chain"
for round in $(seq 1 "$rounds"); do
    echo "round $round/$rounds" >&2
    t0=$(now); "$sky" service start my-application >/dev/null; t1=$(now)
    [ "$(docker ps -q --filter label=sky.namespace=$ns | wc -l)" = 4 ] || { echo "sky did not start 4 containers" >&2; exit 1; }
    ms "$t0" "$t1" >>"$work/sky"
    # Stopped through sky first: it heals containers removed behind its back while the service is wanted running.
    "$sky" service stop my-application >/dev/null
    docker rm -f $(docker ps -aq --filter label=sky.namespace=$ns) >/dev/null
    docker network rm $(docker network ls -q --filter label=sky.namespace=$ns) >/dev/null

    t0=$(now); (cd "$work" && docker-compose -p ${ns}c up -d >/dev/null 2>&1); t1=$(now)
    [ "$(docker ps -q --filter label=com.docker.compose.project=${ns}c | wc -l)" = 4 ] || { echo "compose did not start 4 containers" >&2; exit 1; }
    ms "$t0" "$t1" >>"$work/compose"
    (cd "$work" && docker-compose -p ${ns}c down -t 1 >/dev/null 2>&1)

    t0=$(now)
    a=$(bare production my-application:1.0-SNAPSHOT production)
    b=$(bare dev my-application:1.1-dev staging)
    t1=$(now)
    ms "$t0" "$t1" >>"$work/bare"
    echo $(( a > b ? a : b )) >>"$work/chain"
    docker rm -f ${ns}b-production-database ${ns}b-production ${ns}b-dev-database ${ns}b-dev >/dev/null
    docker network rm ${ns}b-production ${ns}b-dev >/dev/null
done

sky_ms=$(median <"$work/sky"); compose_ms=$(median <"$work/compose"); bare_ms=$(median <"$work/bare"); chain_ms=$(median <"$work/chain")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
report=$(cat <<TXT

## Start my-application (4 containers) — $(date -u +%Y-%m-%d), $(nproc) cores, Docker $(docker version --format '{{.Server.Version}}')

\`bench/start.sh\`, $rounds rounds, median (min–max) wall time from the command to all four containers running:

| what | median ms | spread ms | ratio to sky |
| --- | --- | --- | --- |
| \`sky service start my-application\` (CLI + daemon, parallel instances) | $sky_ms | $(spread <"$work/sky") | 1.00 |
| \`docker-compose up -d\` (1.29, equivalent file) | $compose_ms | $(spread <"$work/compose") | $(ratio "$compose_ms" "$sky_ms") |
| bare \`docker create\`+\`start\` of all four, one after another (CLI) | $bare_ms | $(spread <"$work/bare") | $(ratio "$bare_ms" "$sky_ms") |
| bare \`docker create\`+\`start\` along the longest chain (database → app) | $chain_ms | $(spread <"$work/chain") | $(ratio "$chain_ms" "$sky_ms") |

sky / compose = $(ratio "$sky_ms" "$compose_ms") (goal < 1); sky / longest bare chain = $(ratio "$sky_ms" "$chain_ms") (goal ≤ 1.3).
TXT
)
echo "$report"
[ "${SMOKE:-0}" = 1 ] || [ -f "$root/bench/RESULTS.md" ] || printf '# Benchmark results\n\nEach figure is measured against its anchor in the same run.\n' >"$root/bench/RESULTS.md"
[ "${SMOKE:-0}" = 1 ] || echo "$report" >>"$root/bench/RESULTS.md"
