#!/usr/bin/env bash
# The log store, in one run, against the engine's own json-file log as the anchor:
#   (1) ingest: a container floods stdout for DURATION seconds; lines per second from the first written to the last
#       stored (searchable), the engine's own rate over the same lines, nothing dropped (stored = written), and the
#       daemon's CPU and peak RSS meanwhile;
#   (2) search: a service prints HAYSTACK numbered lines with one rare token; p50 and p99 of QUERIES searches for it
#       through the API, against `docker logs CONTAINER | grep TOKEN` on the same container;
#   (3) disk: bytes per million lines in sky's store against the engine's json-file logs of the same containers.
# Appends the figures to bench/RESULTS.md.
#   DURATION=SECONDS (default 30), HAYSTACK=N (default 1000000), QUERIES=N (default 20);
#   SMOKE=1: 3 s, 20,000 lines, 3 queries, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-30}
haystack=${HAYSTACK:-1000000}
queries=${QUERIES:-20}
if [ "${SMOKE:-0}" = 1 ]; then duration=3; haystack=20000; queries=3; fi
ns=lg$$
port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)
token=needle-7f3a9

. "$root/bench/sky-daemon.sh"
cleanup() {
    stop_sky_daemon
    rm -rf "$work"
}
trap cleanup EXIT

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
now() { date +%s.%N; }
api() { curl -sf "$SKY_ADDR/api/v1/$1"; }
stored_lines() { api logs/status | sed -E 's/.*"lines": *([0-9]+).*/\1/'; }
log_path() { docker inspect -f '{{.LogPath}}' "$ns-$1"; }

# Lines as a web server writes them: a request line with a number, about 80 bytes.
cat >"$work/services.yml" <<YAML
flood:
  image: base:0.7
  command: timeout $duration awk 'BEGIN { for (i = 1; ; i++) print "GET /api/items/" i " 200 12ms user=alice agent=curl/8.1 ref=/home" }'; sleep 3600
haystack:
  image: base:0.7
  command: awk 'BEGIN { for (i = 1; i <= $haystack; i++) if (i == int($haystack * 7 / 9)) print "found the $token in line " i; else print "GET /api/items/" i " 200 12ms user=alice agent=curl/8.1 ref=/home" }'; sleep 3600
YAML
"$sky" apply "$work/services.yml" >/dev/null

# (1) Ingest.
echo "ingest: flooding stdout for $duration s" >&2
sky_before=$(cpu "$daemon")
start=$(now)
"$sky" service start flood >/dev/null
peak_rss=0
while docker top "$ns-flood" -o pid,comm 2>/dev/null | awk '{print $2}' | grep -qx awk; do
    rss=$(rss_mb "$daemon"); [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
    sleep 1
done
written_at=$(now)
# The engine may still be writing what the pipe held when awk ended: count once the file stops growing.
written=-1
while [ "$written" -ne "$(wc -l <"$(log_path flood)")" ]; do written=$(wc -l <"$(log_path flood)"); sleep 0.5; done
while [ "$(stored_lines)" -lt "$written" ]; do
    rss=$(rss_mb "$daemon"); [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
    sleep 0.1
done
stored_at=$(now)
sky_after=$(cpu "$daemon")
stored=$(stored_lines)
ingest_seconds=$(echo "$stored_at - $start" | bc -l)
engine_seconds=$(echo "$written_at - $start" | bc -l)
ingest_rate=$(echo "$written / $ingest_seconds" | bc -l)
engine_rate=$(echo "$written / $engine_seconds" | bc -l)
cpu_percent=$(echo "100 * ($sky_after - $sky_before) / $ticks / $ingest_seconds" | bc -l)
printf 'ingest: %d lines written, %d stored, %.0f lines/s stored (engine wrote %.0f lines/s), lag at the end %.1f s, daemon CPU %.0f%% of a core, peak RSS %d MB\n' \
    "$written" "$stored" "$ingest_rate" "$engine_rate" "$(echo "$stored_at - $written_at" | bc -l)" "$cpu_percent" "$peak_rss" >&2
[ "$stored" -eq "$written" ] || { echo "lines lost or doubled: $written written, $stored stored" >&2; exit 1; }

# (1b) Catch-up: the same lines again with the engine out of the way. The daemon stops, its log store is deleted, and
# a new daemon reads the container's whole log from the start: what sky itself ingests per second.
kill "$daemon"; wait "$daemon" 2>/dev/null || true
rm -rf "$work/data/logs"
start=$(now)
"$sky" daemon --listen 127.0.0.1:$port ${router_args[@]+"${router_args[@]}"} --data-dir "$work/data" --namespace $ns >>"$work/daemon.log" 2>&1 &
daemon=$!
until [ "$(stored_lines 2>/dev/null || echo 0)" -ge "$written" ]; do sleep 0.05; done
catchup_seconds=$(echo "$(now) - $start" | bc -l)
catchup_rate=$(echo "$written / $catchup_seconds" | bc -l)
[ "$(stored_lines)" -eq "$written" ] || { echo "catch-up stored $(stored_lines) of $written lines" >&2; exit 1; }
printf 'catch-up: %d lines stored in %.1f s from the daemon'"'"'s start: %.0f lines/s\n' "$written" "$catchup_seconds" "$catchup_rate" >&2

# (2) Search.
echo "search: $haystack lines with one rare token" >&2
"$sky" service start haystack >/dev/null
until api "services/haystack/logs?tail=1" >"$work/last" && grep -q "items/$haystack " "$work/last"; do sleep 0.2; done
times=()
for _ in $(seq 1 "$queries"); do
    found=$(curl -sf -o "$work/found" -w '%{time_total}' "$SKY_ADDR/api/v1/services/haystack/logs?grep=$token")
    grep -q "$token" "$work/found" || { echo "the search did not find the token" >&2; exit 1; }
    [ "$(wc -l <"$work/found")" -eq 1 ] || { echo "the search found more than the one line" >&2; exit 1; }
    times+=("$found")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
p50=$(echo "$sorted" | awk -v n="$queries" 'NR == int((n + 1) / 2) {printf "%.1f", $1 * 1000}')
p99=$(echo "$sorted" | awk -v n="$queries" 'NR == (n * 99 + 99) / 100 || NR == n {v = $1} END {printf "%.1f", v * 1000}')
anchor_times=()
for _ in 1 2 3; do
    begin=$(now)
    docker logs "$ns-haystack" 2>&1 | grep -c "$token" >/dev/null
    anchor_times+=("$(echo "($(now) - $begin) * 1000" | bc -l)")
done
anchor=$(printf '%s\n' "${anchor_times[@]}" | sort -n | sed -n 2p)
printf 'search: p50 %s ms, p99 %s ms over %d queries; docker logs | grep: %.0f ms (median of 3)\n' "$p50" "$p99" "$queries" "$anchor" >&2

# (2b) Following: a line written into the running container reaches a follower (`sky service logs -f`).
latencies=()
for i in $(seq 1 5); do
    curl -sfN "$SKY_ADDR/api/v1/services/haystack/logs?follow=true&tail=0&grep=probe-$i-" >"$work/follow" &
    follower=$!
    sleep 0.5
    begin=$(now)
    docker exec "$ns-haystack" sh -c "echo probe-$i-line > /proc/1/fd/1"
    until grep -q "probe-$i-line" "$work/follow"; do sleep 0.01; done
    latencies+=("$(echo "($(now) - $begin) * 1000" | bc -l)")
    kill "$follower"; wait "$follower" 2>/dev/null || true
done
follow_median=$(printf '%s\n' "${latencies[@]}" | sort -n | sed -n 3p)
follow_max=$(printf '%s\n' "${latencies[@]}" | sort -n | tail -1)
printf 'follow: a new line reached the follower in %.0f ms (median of 5), %.0f ms at most\n' "$follow_median" "$follow_max" >&2

# (3) Disk.
json_bytes=$(( $(stat -c %s "$(log_path flood)") + $(stat -c %s "$(log_path haystack)") ))
json_lines=$(( written + haystack ))
sky_bytes=$(du -sb "$work/data/logs" | cut -f1)
sky_lines=$(stored_lines)
sky_per_million=$(echo "$sky_bytes * 1000000 / $sky_lines / 1048576" | bc -l)
json_per_million=$(echo "$json_bytes * 1000000 / $json_lines / 1048576" | bc -l)
printf 'disk: sky %.1f MB per million lines, json-file %.1f MB per million lines (%.2fx)\n' "$sky_per_million" "$json_per_million" "$(echo "$sky_per_million / $json_per_million" | bc -l)" >&2

if [ "${SMOKE:-0}" = 1 ]; then exit 0; fi
{
    echo
    echo "## Log store — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), Docker $(docker version -f '{{.Server.Version}}')"
    echo
    echo "\`bench/logs.sh\`: one container floods stdout for $duration s; a second prints $haystack lines with one rare token."
    echo
    echo "| measure | sky | anchor |"
    echo "|---|---|---|"
    printf '| ingest, written to searchable | %.0f lines/s (%d of %d lines stored, none lost or doubled) | the engine wrote %.0f lines/s |\n' "$ingest_rate" "$stored" "$written" "$engine_rate"
    printf '| daemon during ingest | %.0f%% of a core, peak RSS %d MB | |\n' "$cpu_percent" "$peak_rss"
    printf '| catch-up: the same lines read again from the engine'"'"'s log by a fresh daemon | %.0f lines/s | |\n' "$catchup_rate"
    printf '| a new line to a follower (`-f`) | %.0f ms median of 5, %.0f ms at most | |\n' "$follow_median" "$follow_max"
    printf '| search for a rare token in %d lines | p50 %s ms, p99 %s ms (%d queries) | `docker logs \\| grep`: %.0f ms |\n' "$haystack" "$p50" "$p99" "$queries" "$anchor"
    printf '| disk per million lines | %.1f MB | json-file: %.1f MB |\n' "$sky_per_million" "$json_per_million"
} >>"$root/bench/RESULTS.md"
