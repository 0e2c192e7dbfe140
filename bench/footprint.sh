#!/usr/bin/env bash
# The daemon's footprint with many services, against dockerd's own in the same run: 100 services of 3 replicas each
# (300 containers) started, 5 live followers of the state feed (the dashboards' stream) connected, then RSS and CPU
# of both processes read from /proc over an idle window. Appends the figures to bench/RESULTS.md.
# The window is one whole period of the daemon's metric-history flush (5 minutes) by default: idle work that comes every
# few minutes (the flush, a heap compaction) belongs in an idle figure once per period, and a shorter window either
# misses it or, when it happens to fall inside, counts it ten times over. The window is read in slices of 30 s as
# well: the quietest and the busiest slice are reported beside the whole window's average.
#   SERVICES=N (default 100), IDLE=SECONDS (default 300), SETTLE=SECONDS before it (default 120); SMOKE=1: 5 services,
#   10 s, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
services=${SERVICES:-100}
idle=${IDLE:-300}
settle=${SETTLE:-120}
slice=30
if [ "${SMOKE:-0}" = 1 ]; then services=5; idle=10; settle=5; slice=5; fi
ns=fp$$
port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)

. "$root/bench/sky-daemon.sh"
followers=()
cleanup() {
    for f in ${followers[@]+"${followers[@]}"}; do kill "$f" 2>/dev/null || true; done
    stop_sky_daemon
    rm -rf "$work"
}
trap cleanup EXIT

for i in $(seq 1 "$services"); do
    cat >>"$work/services.yml" <<YAML
s$i:
  image: my-application:1.0-SNAPSHOT
  ports: [ 8080 ]
  replicas: 3
  checks:
    - http: /health
      port: 8080
      interval: 10s
YAML
done
"$sky" apply "$work/services.yml" >/dev/null
echo "starting $services services ($(( services * 3 )) containers)" >&2
for i in $(seq 1 "$services"); do
    "$sky" service start "s$i" >/dev/null
    if [ $(( i % 10 )) -eq 0 ]; then echo "  $i/$services started" >&2; fi
done
running=$(docker ps -q --filter label=sky.namespace=$ns | wc -l)

for _ in 1 2 3 4 5; do
    "$sky" events -f >/dev/null &
    followers+=($!)
done

dockerd_pid=$(cat /var/run/docker.pid)
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# Private memory: anonymous pages only (heaps, stacks), not the shared code files both runtimes map.
anon_mb() { awk '/^Anonymous/ {printf "%.1f", $2 / 1024}' "/proc/$1/smaps_rollup"; }

# Let start-up work settle before the idle window: the checks' first rounds, the GC after the burst, and the runtime's
# tiered compilation, which recompiles the methods that run often (every check, every second's timer) for a minute or
# two after they start running; what a daemon that runs for days costs is what comes after.
sleep "$settle"
percent() { awk -v a="$1" -v b="$2" -v t="$ticks" -v s="$3" 'BEGIN {printf "%.2f", (b - a) / t / s * 100}'; }
echo "measuring an idle window of $idle s in slices of $slice s" >&2
sky_before=$(cpu "$daemon"); docker_before=$(cpu "$dockerd_pid")
sky_slices=(); sky_rss_max=0
elapsed=0
while [ "$elapsed" -lt "$idle" ]; do
    step=$(( idle - elapsed < slice ? idle - elapsed : slice ))
    slice_before=$(cpu "$daemon")
    sleep "$step"
    sky_slices+=("$(percent "$slice_before" "$(cpu "$daemon")" "$step")")
    sky_rss_max=$(awk -v a="$sky_rss_max" -v b="$(rss_mb "$daemon")" 'BEGIN {print (b > a ? b : a)}')
    elapsed=$(( elapsed + step ))
    echo "  ${elapsed}/${idle} s: ${sky_slices[-1]} % of a core, RSS $(rss_mb "$daemon") MB" >&2
done
sky_after=$(cpu "$daemon"); docker_after=$(cpu "$dockerd_pid")
sky_cpu=$(percent "$sky_before" "$sky_after" "$idle")
docker_cpu=$(percent "$docker_before" "$docker_after" "$idle")
sky_slice_min=$(printf '%s\n' "${sky_slices[@]}" | sort -g | head -1)
sky_slice_max=$(printf '%s\n' "${sky_slices[@]}" | sort -g | tail -1)
sky_rss=$(rss_mb "$daemon"); docker_rss=$(rss_mb "$dockerd_pid")
sky_threads=$(awk '/^Threads/ {print $2}' "/proc/$daemon/status"); docker_threads=$(awk '/^Threads/ {print $2}' "/proc/$dockerd_pid/status")
sky_anon=$(anon_mb "$daemon"); docker_anon=$(anon_mb "$dockerd_pid")
# The resource sampler's own account of its last round, from /metrics: its wall time, and the CPU time it used on its
# thread (getrusage), which is its cost apart from everything else the daemon does.
exposition=$(curl -s "$SKY_ADDR/metrics")
sample_ms=$(echo "$exposition" | awk '/^sky_sampling_seconds\{/ {printf "%.1f", $2 * 1000}')
sampled=$(echo "$exposition" | awk '/^sky_sampling_containers\{/ {print $2}')
sample_cpu_ms=$(echo "$exposition" | awk '/^sky_sampling_cpu_seconds\{/ {printf "%.1f", $2 * 1000}')
# The daemon's own account of its memory (DaemonFigures): its heap after the last collection and what the collector
# keeps committed; the rest of its private memory is native (SQLite, buffers, stacks).
figure() { echo "$exposition" | awk -v n="$1" '$1 ~ "^"n"\\{" {printf "%.1f", $2 / 1048576}'; }
heap_mb=$(figure sky_daemon_gc_heap); committed_mb=$(figure sky_daemon_gc_committed)
sample_share=$(awk -v ms="${sample_cpu_ms:-0}" 'BEGIN {printf "%.2f", ms / 10000 * 100}')

report=$(cat <<MD

## Daemon footprint — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)

\`bench/footprint.sh\`: $services services × 3 replicas ($running containers running, HTTP checks every 10 s), 5
followers of \`/api/v1/events/stream\`, ${idle} s idle window after ${settle} s to settle. The daemon's CPU in ${slice} s slices
of the window: ${sky_slice_min} % in the quietest, ${sky_slice_max} % in the busiest; its RSS at most ${sky_rss_max} MB in the window.

| process | RSS | of which private (anonymous) | CPU idle (% of a core) | threads |
| --- | --- | --- | --- | --- |
| sky daemon | $sky_rss MB | $sky_anon MB | $sky_cpu % | $sky_threads |
| anchor: dockerd | $docker_rss MB | $docker_anon MB | $docker_cpu % | $docker_threads |

Goal: ≤ 100 MB RSS and ≤ 1 % of a core. Resource sampling (part of the daemon's figures): ${sampled:-?} containers read
in ${sample_ms:-?} ms (wall) and ${sample_cpu_ms:-?} ms of CPU every 10 s: ${sample_share} % of a core (goal ≤ 1 %).
The daemon's heap after its last collection: ${heap_mb:-?} MB, ${committed_mb:-?} MB committed by the collector.
MD
)
echo "$report"
if [ "${SMOKE:-0}" != 1 ]; then
    echo "$report" >>"$root/bench/RESULTS.md"
fi
