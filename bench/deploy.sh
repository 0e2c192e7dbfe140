#!/usr/bin/env bash
# A rolling update under load: sky against docker-compose in the same run. One backend, sky-nginx-backend (Debian's
# nginx answering `return 200`; scripts/build-images.sh), tagged twice as sky-deploy-bench:1 and :2 (the "new image"),
# 4 replicas, each path under the same `wrk -t2 -c16 --latency` load while the image changes from :1 to :2:
#   - sky: the 4 replicas as one service (VIRTUAL_HOST deploy.localhost, check `http: /`), the load through sky's
#     router, `sky deploy services.yml --wait` of the new image (rolling, start-first, one at a time by default);
#   - anchor: the 4 replicas as 4 Compose services on fixed loopback ports behind Debian's nginx (the upstreams of
#     those ports, as nginx-proxy writes them), `docker-compose up -d` of the new image (Compose recreates in place).
# Figures: failed requests (non-2xx + socket errors) and the time from the command to done. And, for sky, the time of
# `sky deploy --wait` against the sum of the 4 new containers' start-to-healthy times (one container of the image
# started alone, `docker run` to its first 200, median of 3, times 4): what a one-at-a-time rollout cannot beat.
# Appends to bench/RESULTS.md.  SMOKE=1: 2 replicas, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
replicas=4
warmup=3
if [ "${SMOKE:-0}" = 1 ]; then replicas=2; warmup=1; fi
ns=dp$$
port=$(( 20000 + RANDOM % 12000 ))
router_port=$(( port + 1 ))
nginx_port=$(( port + 2 ))
first_replica_port=$(( port + 10 ))
host=deploy.localhost
load="-t2 -c16"
work=$(mktemp -d)

if ! command -v wrk >/dev/null || [ ! -x /usr/sbin/nginx ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null
fi
if ! command -v docker-compose >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
"$root/scripts/ensure-docker.sh"
"$root/scripts/build-images.sh" sky-nginx-backend >/dev/null
docker tag sky-nginx-backend:latest sky-deploy-bench:1
docker tag sky-nginx-backend:latest sky-deploy-bench:2

nginx=""
loader=""
cleanup() {
    if [ -n "$loader" ]; then kill "$loader" 2>/dev/null || true; fi
    if [ -n "$nginx" ]; then kill "$nginx" 2>/dev/null || true; wait "$nginx" 2>/dev/null || true; fi
    if [ -f "$work/compose.yml" ]; then docker-compose -p "$ns" -f "$work/compose.yml" down -t 1 >/dev/null 2>&1 || true; fi
    if declare -F stop_sky_daemon >/dev/null; then stop_sky_daemon; fi
    docker rm -f $(docker ps -aq --filter label=bench=$ns) >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

status() { curl -s -o /dev/null -m 2 -w '%{http_code}' -H "Host: $host" "$1" || true; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }

wait_http() { # url: until it answers 200 with the bench host, at most 60 s
    for _ in $(seq 1 300); do
        if [ "$(status "$1")" = 200 ]; then return; fi
        sleep 0.2
    done
    echo "$1 did not answer 200 within 60 s" >&2
    exit 1
}

parse_wrk() { # wrk --latency output -> requests failed (non-2xx/3xx + socket errors)
    awk '
        / requests in / { requests = $1 }
        /Socket errors:/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { failed += $NF }
        END { printf "%d %d\n", requests, failed }'
}

under_load() { # label url command...: runs the command under load through url; writes $work/<label> = requests failed seconds
    local label=$1 url=$2
    shift 2
    wrk $load -d 600s --latency -H "Host: $host" "$url" >"$work/wrk-$label.txt" &
    loader=$!
    sleep "$warmup"
    local start end
    start=$(now)
    "$@" >"$work/out-$label.txt" 2>&1 || { echo "$label: '$*' failed:" >&2; cat "$work/out-$label.txt" >&2; exit 1; }
    end=$(now)
    sleep 1
    # wrk prints its summary on SIGINT.
    kill -INT "$loader"
    wait "$loader" || true
    loader=""
    echo "$(parse_wrk <"$work/wrk-$label.txt") $(seconds "$start" "$end")" >"$work/$label"
}

# --- sky -----------------------------------------------------------------------------------------------------------
daemon_args=(--router-listen 127.0.0.1:$router_port)
. "$root/bench/sky-daemon.sh"
services() { # version
    cat <<YAML
bench:
  image: sky-deploy-bench:$1
  ports: [ 8080 ]
  replicas: $replicas
  env: { VIRTUAL_HOST: $host }
  checks:
    - http: /
      port: 8080
YAML
}
services 1 >"$work/v1.yml"
services 2 >"$work/v2.yml"
"$sky" apply --source bench "$work/v1.yml" >/dev/null
"$sky" service start bench >/dev/null
wait_http "http://127.0.0.1:$router_port/"
"$sky" service status bench -o json >"$work/before.json"
under_load sky "http://127.0.0.1:$router_port/" "$sky" deploy --source bench "$work/v2.yml" --wait
if ! grep -q "Deployed revision" "$work/out-sky.txt"; then echo "sky deploy did not deploy:" >&2; cat "$work/out-sky.txt" >&2; exit 1; fi
stop_sky_daemon

# --- anchor: docker-compose behind nginx ---------------------------------------------------------------------------
compose() { # version
    echo "version: '2.4'"
    echo "services:"
    for i in $(seq 1 "$replicas"); do
        cat <<YAML
  web$i:
    image: sky-deploy-bench:$1
    labels: { bench: "$ns" }
    ports: [ "127.0.0.1:$(( first_replica_port + i )):8080" ]
YAML
    done
}
compose 1 >"$work/compose.yml"
docker-compose -p "$ns" -f "$work/compose.yml" up -d >/dev/null 2>&1
mkdir -p "$work/nginx"
upstreams=""
for i in $(seq 1 "$replicas"); do upstreams+="        server 127.0.0.1:$(( first_replica_port + i )) max_fails=1 fail_timeout=10s;"$'\n'; done
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream bench {
$upstreams        keepalive 64;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://bench;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
        }
    }
}
CONF
: >"$work/nginx/error.log"
/usr/sbin/nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
nginx=$!
for i in $(seq 1 "$replicas"); do wait_http "http://127.0.0.1:$(( first_replica_port + i ))/"; done
wait_http "http://127.0.0.1:$nginx_port/"
compose 2 >"$work/compose.yml"
under_load compose "http://127.0.0.1:$nginx_port/" docker-compose -p "$ns" -f "$work/compose.yml" up -d

# --- the floor of a one-at-a-time rollout: start-to-healthy of one container, alone -----------------------------------
single=()
for _ in 1 2 3; do
    start=$(now)
    id=$(docker run -d --label bench=$ns -p 127.0.0.1::8080 sky-deploy-bench:2)
    hp=$(docker port "$id" 8080/tcp | head -1 | sed 's/.*://')
    wait_http "http://127.0.0.1:$hp/"
    single+=("$(seconds "$start" "$(now)")")
    docker rm -f "$id" >/dev/null
done
single_median=$(printf '%s\n' "${single[@]}" | sort -g | sed -n 2p)
floor=$(awk -v s="$single_median" -v n="$replicas" 'BEGIN {printf "%.1f", s * n}')

read -r sky_requests sky_failed sky_seconds <"$work/sky"
read -r compose_requests compose_failed compose_seconds <"$work/compose"
ratio=$(awk -v a="$sky_seconds" -v b="$floor" 'BEGIN {printf "%.2f", a / b}')
report=$(cat <<TXT

## Rolling update against docker-compose — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, Docker $(docker version --format '{{.Server.Version}}'), $(docker-compose version --short)

\`bench/deploy.sh\`: $replicas replicas of sky-nginx-backend, image sky-deploy-bench:1 → :2, under \`wrk $load\` from $warmup s before
the command to 1 s after it returned.

| path | failed requests | requests | time to done (s) |
| --- | --- | --- | --- |
| sky: \`sky deploy --wait\` through the router (start-first, one at a time) | $sky_failed | $sky_requests | $sky_seconds |
| anchor: \`docker-compose up -d\` (recreates in place) behind nginx | $compose_failed | $compose_requests | $compose_seconds |

sky's \`deploy --wait\` took $sky_seconds s against $floor s for $replicas × one container's start-to-healthy alone ($single_median s, median
of 3): $ratio×. Goal: 0 failed requests for sky.
TXT
)
echo "$report"
if [ "$sky_failed" != 0 ]; then echo "sky failed $sky_failed requests during the rolling update" >&2; fi
if [ "${SMOKE:-0}" != 1 ]; then
    echo "$report" >>"$root/bench/RESULTS.md"
fi
