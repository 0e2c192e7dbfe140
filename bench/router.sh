#!/usr/bin/env bash
# The router's throughput and latency, and the requests it fails while a replica is killed, against nginx in the same
# run. One backend, sky-nginx-backend (Debian's nginx answering `return 200`, fast enough not to be the bottleneck;
# scripts/build-images.sh), as one sky service of 2 replicas (VIRTUAL_HOST bench.localhost, check `http: /`), reached
# three ways under the same load, `wrk -t2 -c64 --latency`:
#   - sky: the daemon's router (`sky daemon --router-listen`), Host: bench.localhost;
#   - anchor: Debian's nginx-light set up as nginx-proxy sets it up (worker_processes auto; both replicas' published
#     ports as upstreams with max_fails=1 fail_timeout=10s, keepalive 64, HTTP/1.1 with Connection "");
#   - the backend direct: one replica's published port;
#   - the floor: YARP's forwarder with nothing around it (bench/yarp-floor, compiled ahead of time as bin/sky is), both
#     replicas in turn: what a proxy built on YARP costs at the least, apart from anything sky's router does.
# Then, one after the other, sky and nginx under the same load while one replica is killed (`docker kill`; sky starts
# it again): the failed requests (non-2xx responses and socket errors) of each. Appends the figures to bench/RESULTS.md.
#   ROUNDS=N (default 3, medians), DURATION=SECONDS per load (default 10), FAIL_DURATION=SECONDS (default 20, the kill
#   a third of the way in); SMOKE=1: one round of 2 s, a 6 s failure run, nothing recorded.
#   ANCHORS_ONLY=1 (a build without the router): the two replicas run under `docker run`, the script starts the killed
#   one again 1 s later, only nginx and direct are measured, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-3}
duration=${DURATION:-10}
fail_duration=${FAIL_DURATION:-20}
warmup=3
if [ "${SMOKE:-0}" = 1 ]; then rounds=1; duration=2; fail_duration=6; warmup=1; fi
anchors_only=${ANCHORS_ONLY:-0}
kill_at=$(( fail_duration / 3 ))
ns=rt$$
port=$(( 20000 + RANDOM % 12000 ))
router_port=$(( port + 1 ))
nginx_port=$(( port + 2 ))
floor_port=$(( port + 3 ))
host=bench.localhost
load="-t2 -c64"
work=$(mktemp -d)

if ! command -v wrk >/dev/null || [ ! -x /usr/sbin/nginx ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null
fi
"$root/scripts/ensure-docker.sh"
"$root/scripts/build-images.sh" sky-nginx-backend >/dev/null
"$root/scripts/ensure-aot-toolchain.sh"
echo "compiling bench/yarp-floor ahead of time" >&2
floor_bin="$root/bench/yarp-floor/bin/aot/yarp-floor"
if ! dotnet publish "$root/bench/yarp-floor/yarp-floor.csproj" -c Release -o "$(dirname "$floor_bin")" --nologo -v quiet >"$work/floor-build.log" 2>&1; then
    cat "$work/floor-build.log" >&2
    exit 1
fi

nginx=""
loader=""
floor=""
cleanup() {
    if [ -n "$loader" ]; then kill "$loader" 2>/dev/null || true; fi
    if [ -n "$floor" ]; then kill "$floor" 2>/dev/null || true; wait "$floor" 2>/dev/null || true; fi
    if [ -n "$nginx" ]; then kill "$nginx" 2>/dev/null || true; wait "$nginx" 2>/dev/null || true; fi
    if declare -F stop_sky_daemon >/dev/null; then stop_sky_daemon; fi
    docker rm -f $(docker ps -aq --filter label=bench=$ns) >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ "$anchors_only" = 1 ]; then
    for i in 1 2; do
        docker run -d --label bench=$ns --name $ns-bench-$i -p 127.0.0.1::8080 sky-nginx-backend:latest >/dev/null
    done
else
    # A bin/sky built before the router's listener option: build it again, and stop here if the sources lack it too.
    has_router() { "$root/bin/sky" daemon --help 2>/dev/null | grep -- --router-listen >/dev/null; }
    if [ ! -x "$root/bin/sky" ] || ! has_router; then "$root/scripts/build.sh" >/dev/null; fi
    if ! has_router; then
        echo "this sky has no 'sky daemon --router-listen' (the router's listener); ANCHORS_ONLY=1 measures nginx and direct alone" >&2
        exit 1
    fi
    daemon_args=(--router-listen 127.0.0.1:$router_port)
    . "$root/bench/sky-daemon.sh"
    if ! kill -0 "$daemon" 2>/dev/null; then
        echo "the sky daemon did not start; its log:" >&2
        tail -20 "$work/daemon.log" >&2
        exit 1
    fi
    cat >"$work/services.yml" <<YAML
bench:
  image: sky-nginx-backend:latest
  ports: [ 8080 ]
  replicas: 2
  env: { VIRTUAL_HOST: $host }
  checks:
    - http: /
      port: 8080
YAML
    "$sky" apply "$work/services.yml" >/dev/null
    "$sky" service start bench >/dev/null
fi

replicas() { # one line per replica, by name: name container-id host-port state health (- when none)
    if [ "$anchors_only" = 1 ]; then
        local id
        for id in $(docker ps -aq --filter label=bench=$ns); do
            docker inspect -f '{{.Name}} {{.Id}} {{with index .NetworkSettings.Ports "8080/tcp"}}{{(index . 0).HostPort}}{{else}}-{{end}} {{.State.Status}} -' "$id"
        done | sed 's|^/||' | sort
    else
        "$sky" ps -o json | python3 -c '
import json, sys
for c in sorted(json.load(sys.stdin), key=lambda c: c["name"]):
    if c["service"] == "bench" and c["role"] == "main":
        print(c["name"], c.get("id", "-"), c.get("ports", {}).get("8080", "-"), c["state"], c.get("health", "-"))'
    fi
}

status() { # url: the HTTP status of a GET with the bench host, 000 when none
    curl -s -o /dev/null -m 2 -w '%{http_code}' -H "Host: $host" "$1" || true
}

wait_ready() { # until both replicas run, pass their check and answer on their published port; writes $work/replicas
    local deadline=$(( $(date +%s) + 90 )) ready
    while :; do
        ready=$(replicas | while read -r name id hp state health; do
            if [ "$state" = running ] && { [ "$health" = healthy ] || [ "$health" = - ]; }; then
                if [ "$hp" != - ] && [ "$(status "http://127.0.0.1:$hp/")" = 200 ]; then echo "$name $id $hp"; fi
            fi
        done)
        if [ "$(grep -c . <<<"$ready")" = 2 ]; then echo "$ready" >"$work/replicas"; return; fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "the two replicas were not ready within 90 s: $(replicas | tr '\n' ';')" >&2
            exit 1
        fi
        sleep 0.2
    done
}

wait_http() { # url: until it answers 200 with the bench host, at most 30 s
    for _ in $(seq 1 150); do
        if [ "$(status "$1")" = 200 ]; then return; fi
        sleep 0.2
    done
    echo "$1 did not answer 200 within 30 s" >&2
    if [ "$anchors_only" != 1 ]; then tail -20 "$work/daemon.log" >&2; fi
    exit 1
}

start_nginx() { # the proxy in front of the replicas' published ports as they are now
    mkdir -p "$work/nginx"
    local upstreams="" hp
    while read -r _ _ hp; do
        upstreams+="        server 127.0.0.1:$hp max_fails=1 fail_timeout=10s;"$'\n'
    done <"$work/replicas"
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
        server_name $host;
        location / {
            proxy_pass http://bench;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Real-IP \$remote_addr;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header Proxy "";
        }
    }
}
CONF
    : >"$work/nginx/error.log"
    /usr/sbin/nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
    nginx=$!
    wait_http "http://127.0.0.1:$nginx_port/"
}

start_floor() { # YARP's forwarder alone, in front of the replicas' published ports as they are now
    local backends=() hp
    while read -r _ _ hp; do backends+=("http://127.0.0.1:$hp/"); done <"$work/replicas"
    "$floor_bin" "$floor_port" "${backends[@]}" >"$work/floor.log" 2>&1 &
    floor=$!
    wait_http "http://127.0.0.1:$floor_port/"
}

stop_nginx() {
    kill "$nginx" 2>/dev/null || true
    wait "$nginx" 2>/dev/null || true
    nginx=""
}

parse_wrk() { # wrk --latency output -> requests/s p50-ms p99-ms requests failed (non-2xx/3xx + socket errors)
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { requests = $1 }
        /Socket errors:/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { failed += $NF }
        /^Requests\/sec:/ { rps = $2 }
        END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, requests, failed }'
}

fail_run() { # label url: the load through url while the first replica is killed; waits until both are back
    local victim
    victim=$(awk 'NR == 1 {print $2}' "$work/replicas")
    wrk $load -d "${fail_duration}s" --latency -H "Host: $host" "$2" >"$work/fail-$1.txt" &
    loader=$!
    sleep "$kill_at"
    docker kill "$victim" >/dev/null
    if [ "$anchors_only" = 1 ]; then sleep 1; docker start "$victim" >/dev/null; fi
    wait "$loader"
    loader=""
    wait_ready
    parse_wrk <"$work/fail-$1.txt" >"$work/fail-$1"
}

wait_ready
direct_port=$(awk 'NR == 1 {print $3}' "$work/replicas")
start_nginx
start_floor
paths=(direct nginx floor)
declare -A url=([direct]="http://127.0.0.1:$direct_port/" [nginx]="http://127.0.0.1:$nginx_port/" [floor]="http://127.0.0.1:$floor_port/" [sky]="http://127.0.0.1:$router_port/")
if [ "$anchors_only" != 1 ]; then
    wait_http "${url[sky]}"
    paths+=(sky)
fi

ticks=$(getconf CLK_TCK)
proxy_ticks() { # path: CPU ticks used so far by that path's proxy (the sky daemon; nginx's master and workers), 0 for none
    local pids=""
    case $1 in
        sky) pids=$daemon ;;
        floor) pids=$floor ;;
        nginx) pids="$nginx $(pgrep -P "$nginx" | tr '\n' ' ')" ;;
    esac
    local total=0 pid
    for pid in $pids; do total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done
    echo "$total"
}
echo "warm-up: $warmup s each" >&2
for path in "${paths[@]}"; do wrk $load -d "${warmup}s" -H "Host: $host" "${url[$path]}" >/dev/null; done
for round in $(seq 1 "$rounds"); do
    echo "round $round/$rounds" >&2
    # Each round starts with the next path, so none always runs first.
    for i in "${!paths[@]}"; do
        path=${paths[$(( (i + round - 1) % ${#paths[@]} ))]}
        before=$(proxy_ticks "$path")
        wrk $load -d "${duration}s" --latency -H "Host: $host" "${url[$path]}" | parse_wrk >"$work/last"
        after=$(proxy_ticks "$path")
        # The proxy's own CPU per request, in microseconds: what it costs apart from the cores it shares with the rest.
        echo "$(cat "$work/last") $(awk -v t=$(( after - before )) -v hz="$ticks" '{printf "%.1f", t / hz * 1e6 / $4}' "$work/last")" >>"$work/round-$path"
    done
done

kill "$floor"; wait "$floor" 2>/dev/null || true; floor=""
echo "killing one of two replicas $kill_at s into a $fail_duration s run" >&2
if [ "$anchors_only" != 1 ]; then fail_run sky "${url[sky]}"; fi
# The replica sky started again may be published on another port: nginx is given the ports as they are now, as
# nginx-proxy regenerates its configuration when containers change.
stop_nginx
start_nginx
fail_run nginx "${url[nginx]}"
stop_nginx
# Evidence that nginx met the dead replica and took the other one: its error log (of this run only) names each
# upstream error it had.
echo "nginx logged $(grep -c 'upstream' "$work/nginx/error.log" || true) upstream errors during its failure run" >&2

median() { # path column: the median of that column over the rounds
    awk -v c="$2" '{print $c}' "$work/round-$1" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'
}
total() { awk -v c="$2" '{s += $c} END {print s}' "$work/round-$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { # path label
    if [ -f "$work/round-$1" ]; then
        local cpu="-"
        if [ "$1" != direct ]; then cpu=$(median "$1" 6); fi
        echo "| $2 | $(median "$1" 1) | $(median "$1" 2) | $(median "$1" 3) | $(total "$1" 5) of $(total "$1" 4) | $(ratio "$(median "$1" 1)" "$(median nginx 1)") | $(ratio "$(median "$1" 3)" "$(median nginx 3)") | $cpu |"
    else
        echo "| $2 | not measured (ANCHORS_ONLY=1) | | | | | | |"
    fi
}
fail_row() { # label path
    if [ -f "$work/fail-$2" ]; then
        read -r rps _ p99 requests failed <"$work/fail-$2"
        echo "| $1 | $failed | $requests | $rps | $p99 |"
    else
        echo "| $1 | not measured (ANCHORS_ONLY=1) | | | |"
    fi
}
nginx_version=$(/usr/sbin/nginx -v 2>&1 | sed 's|.*/||')
if [ -f "$work/round-sky" ]; then
    verdict="sky / nginx: requests/s $(ratio "$(median sky 1)" "$(median nginx 1)") (goal ≥ 1.00), p99 $(ratio "$(median sky 3)" "$(median nginx 3)") (goal ≤ 1.20), the proxy's own CPU per request $(ratio "$(median sky 6)" "$(median nginx 6)"); YARP's forwarder alone / nginx: requests/s $(ratio "$(median floor 1)" "$(median nginx 1)"), CPU per request $(ratio "$(median floor 6)" "$(median nginx 6)"); failed requests while a replica was killed: sky $(awk '{print $5}' "$work/fail-sky"), nginx $(awk '{print $5}' "$work/fail-nginx") (goal 0 for sky)."
else
    verdict="sky not measured (ANCHORS_ONLY=1): nginx / direct requests/s $(ratio "$(median nginx 1)" "$(median direct 1)"); YARP's forwarder alone / nginx: requests/s $(ratio "$(median floor 1)" "$(median nginx 1)"), CPU per request $(ratio "$(median floor 6)" "$(median nginx 6)")."
fi
report=$(cat <<TXT

## Router against nginx — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), Docker $(docker version --format '{{.Server.Version}}'), nginx $nginx_version

\`bench/router.sh\`: \`wrk $load -d ${duration}s --latency\` (Host: $host), $rounds rounds after a ${warmup} s warm-up of each path,
medians. Backend: sky-nginx-backend (Debian nginx $nginx_version, \`return 200\`), 2 replicas published on 127.0.0.1 (through
docker-proxy); the proxies and wrk share the machine's cores with it.

| path | requests/s | p50 ms | p99 ms | failed of requests | requests/s to nginx | p99 to nginx | proxy's CPU per request, µs |
| --- | --- | --- | --- | --- | --- | --- | --- |
$(row sky "sky router (\`--router-listen\`, both replicas)")
$(row nginx "anchor: nginx-light proxy (worker_processes auto, upstream keepalive 64, both replicas)")
$(row floor "floor: YARP's forwarder alone (bench/yarp-floor: Kestrel and IHttpForwarder, both replicas in turn, nothing else)")
$(row direct "backend direct (one replica's published port)")

One of the two replicas killed (\`docker kill\`) $kill_at s into a $fail_duration s run of the same load, sky first, then nginx (both
upstreams, \`max_fails=1 fail_timeout=10s\`, its default \`proxy_next_upstream error timeout\`) with the same replica killed:

| path | failed requests (non-2xx + socket errors) | requests | requests/s | p99 ms |
| --- | --- | --- | --- | --- |
$(fail_row "sky router (sky starts the replica again)" sky)
$(fail_row "anchor: nginx-light proxy" nginx)

$verdict
TXT
)
echo "$report"
if [ "${SMOKE:-0}" != 1 ] && [ "$anchors_only" != 1 ]; then
    echo "$report" >>"$root/bench/RESULTS.md"
fi
