#!/usr/bin/env bash
# sky's StatsD server against etsy statsd 0.9.0 (npm, the reference; scripts/install-test-deps.sh puts it in
# .peers/statsd) in the same run: the same datagrams at rising rates to each, and the highest rate each absorbs with
# zero loss over DURATION seconds. Both flush every FLUSH seconds to a Graphite end on loopback (bench/statsd-carbon.py,
# carbon's plaintext protocol, one port per server) that sums stats_counts.bench.hits: every datagram's first line is
# bench.hits:1|c, so the sum is the datagrams received. The load is bench/statsd-sender (C#, built here with `dotnet
# build -c Release`): one thread, paced in steps of about 1 ms (after a stall it sends at most 10 ms of its schedule at
# once and skips the rest; where it cannot keep a rate, the rate it reached counts if nothing was lost), a mix of plain and sampled counters, gauges, timers,
# sets and datagrams of several metrics. sky is the real daemon (bench/sky-daemon.sh) with `statsd:` and `graphite:` in
# its settings file. At each rate etsy goes first, then sky; a server's climb stops at its first rate with a loss (or
# where the sender could not keep the rate), counted when its Graphite total reaches what was sent or, at the latest,
# 4 flushes and 2 s after the sender ended. Also per round: the server's CPU (/proc/PID/stat) and the kernel's drops on
# its UDP socket (/proc/net/udp). Appends the figures to bench/RESULTS.md.
#   DURATION=SECONDS per rate (default 30), RATES="datagrams/s ..." (default 5000 10000 15000 20000 30000 40000 60000
#   80000 120000 160000 240000 320000, steps of 1.5 to 2), FLUSH=SECONDS (default 1, both servers); SMOKE=1: 2000/s
#   for 3 s to each, both must receive every datagram, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-30}
rates=${RATES:-5000 10000 15000 20000 30000 40000 60000 80000 120000 160000 240000 320000}
flush=${FLUSH:-1}
if [ "${SMOKE:-0}" = 1 ]; then duration=3; rates=2000; fi
ns=sd$$
# Below 32768, where the kernel picks the ports of outgoing connections and the engine its published ones: a port
# taken from there was once in use.
port=$(( 20000 + RANDOM % 12000 ))
etsy_port=$(( port + 1 ))
etsy_mgmt=$(( port + 2 ))
sky_statsd=$(( port + 3 ))
etsy_carbon=$(( port + 4 ))
sky_carbon=$(( port + 5 ))
work=$(mktemp -d)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

if [ ! -f "$root/.peers/statsd/node_modules/statsd/stats.js" ]; then "$root/scripts/install-test-deps.sh"; fi
dotnet build "$root/bench/statsd-sender/statsd-sender.csproj" -c Release --nologo -v quiet >"$work/sender-build.log" 2>&1 \
    || { cat "$work/sender-build.log" >&2; exit 1; }
sender="$root/bench/statsd-sender/bin/Release/net10.0/statsd-sender"

carbon=""
etsy=""
load=""
cleanup() {
    if [ -n "$load" ]; then kill "$load" 2>/dev/null || true; fi
    if [ -n "$etsy" ]; then kill "$etsy" 2>/dev/null || true; wait "$etsy" 2>/dev/null || true; fi
    if declare -F stop_sky_daemon >/dev/null; then stop_sky_daemon; fi
    if [ -n "$carbon" ]; then kill "$carbon" 2>/dev/null || true; wait "$carbon" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$python" "$root/bench/statsd-carbon.py" stats_counts.bench.hits $etsy_carbon "$work/carbon-etsy" $sky_carbon "$work/carbon-sky" \
    2>"$work/carbon.log" &
carbon=$!
for _ in $(seq 1 100); do [ -f "$work/carbon-sky" ] && break; sleep 0.1; done
[ -f "$work/carbon-sky" ] || { echo "the Graphite end did not start: $(cat "$work/carbon.log")" >&2; exit 1; }

cat >"$work/etsy.js" <<JS
{
  address: "127.0.0.1", port: $etsy_port,
  mgmt_address: "127.0.0.1", mgmt_port: $etsy_mgmt,
  graphiteHost: "127.0.0.1", graphitePort: $etsy_carbon,
  flushInterval: $(( flush * 1000 ))
}
JS
node "$root/.peers/statsd/node_modules/statsd/stats.js" "$work/etsy.js" >"$work/etsy.log" 2>&1 &
etsy=$!
etsy_health() { (exec 3<>"/dev/tcp/127.0.0.1/$etsy_mgmt" && echo health >&3 && read -r -t 1 line <&3 && echo "$line") 2>/dev/null || true; }
for _ in $(seq 1 100); do [ -n "$(etsy_health)" ] && break; sleep 0.1; done
[ -n "$(etsy_health)" ] || { echo "etsy statsd did not start; its log:" >&2; tail -20 "$work/etsy.log" >&2; exit 1; }

cat >"$work/settings.yml" <<YAML
statsd:
  listen: 127.0.0.1:$sky_statsd
  flush-interval: ${flush}s
  containers: false
graphite:
  address: 127.0.0.1:$sky_carbon
metrics:
  sample-interval: 10s
YAML
daemon_args=(--config "$work/settings.yml")
. "$root/bench/sky-daemon.sh"
if ! kill -0 "$daemon" 2>/dev/null; then
    echo "the sky daemon did not start; its log:" >&2
    tail -20 "$work/daemon.log" >&2
    exit 1
fi
# The daemon answers before its StatsD server is bound, maybe: wait for the socket in /proc/net/udp.
for _ in $(seq 1 100); do grep -q " $(printf '0100007F:%04X' $sky_statsd) " /proc/net/udp && break; sleep 0.1; done

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
received() { cut -d' ' -f1 "$work/carbon-$1"; }
udp_drops() { # port: the kernel's drops on the loopback UDP socket bound there (the last field of /proc/net/udp)
    awk -v a="$(printf '0100007F:%04X' "$1")" '$2 == a {print $NF; found = 1} END {if (!found) print 0}' /proc/net/udp
}

declare -A pid=([etsy]=$etsy [sky]=$daemon) udp=([etsy]=$etsy_port [sky]=$sky_statsd) best=([etsy]=0 [sky]=0) stopped=()
rows=()
round() { # server rate: one round; appends a row, sets stopped[server] when the round lost datagrams
    local server=$1 rate=$2 before drops_before cpu_before out sent elapsed lag got deadline cpu_percent drops verdict achieved
    before=$(received "$server")
    drops_before=$(udp_drops "${udp[$server]}")
    cpu_before=$(cpu "${pid[$server]}")
    out=$("$sender" "${udp[$server]}" "$rate" "$duration")
    read -r sent elapsed lag <<<"$out"
    cpu_percent=$(echo "100 * ($(cpu "${pid[$server]}") - $cpu_before) / $ticks / $elapsed" | bc -l)
    # Until the Graphite total reaches what was sent, or has not for 4 flushes (and 2 s) after the sender ended.
    deadline=$(( $(date +%s) + 4 * flush + 2 ))
    while :; do
        got=$(( $(received "$server") - before ))
        if [ "$got" -ge "$sent" ] || [ "$(date +%s)" -ge "$deadline" ]; then break; fi
        sleep 0.2
    done
    sleep "$flush"
    got=$(( $(received "$server") - before ))
    drops=$(( $(udp_drops "${udp[$server]}") - drops_before ))
    achieved=$(echo "$sent / $elapsed" | bc -l)
    if [ "$got" -gt "$sent" ]; then
        echo "$server received $got datagrams of $sent sent: more than sent" >&2
        exit 1
    elif [ "$got" -lt "$sent" ]; then
        verdict="lost $(( sent - got )) ($(printf '%.2f' "$(echo "100 * ($sent - $got) / $sent" | bc -l)") %)"
        stopped[$server]=1
    elif [ "$(echo "$achieved < 0.97 * $rate" | bc -l)" = 1 ]; then
        verdict="none lost, but the sender reached only $(printf '%.0f' "$achieved")/s"
        stopped[$server]=sender
        # What it did take, it took whole: the rate the sender reached counts (the climb can go no higher here).
        if [ "$(printf '%.0f' "$achieved")" -gt "${best[$server]}" ]; then best[$server]=$(printf '%.0f' "$achieved"); fi
    else
        verdict="none lost"
        best[$server]=$rate
    fi
    printf '%s at %d/s: %d of %d received in %.1f s (sender %.0f/s, %s ms behind at worst), %s; %.0f%% of a core, kernel drops %d\n' \
        "$server" "$rate" "$got" "$sent" "$elapsed" "$achieved" "$lag" "$verdict" "$cpu_percent" "$drops" >&2
    rows+=("$(printf '| %d | %s | %.0f | %d of %d | %s | %.0f %% | %d |' "$rate" "$server" "$achieved" "$got" "$sent" "$verdict" "$cpu_percent" "$drops")")
}

for rate in $rates; do
    for server in etsy sky; do
        if [ -z "${stopped[$server]:-}" ]; then round "$server" "$rate"; fi
    done
    if [ -n "${stopped[etsy]:-}" ] && [ -n "${stopped[sky]:-}" ]; then break; fi
done

if [ "${SMOKE:-0}" = 1 ]; then
    [ "${best[etsy]}" = 2000 ] && [ "${best[sky]}" = 2000 ] || { echo "a server lost datagrams at 2000/s" >&2; exit 1; }
    exit 0
fi

climb() { # server: the highest zero-loss rate, with "at least" when no loss ended its climb
    case "${stopped[$1]:-}" in
        "") echo "≥ ${best[$1]}/s" ;;
        sender) echo "≥ ${best[$1]}/s (as fast as the sender, on the same cores, could send)" ;;
        *) echo "${best[$1]}/s" ;;
    esac
}
if [ "${best[etsy]}" -gt 0 ]; then
    ratio=$(printf '%.1f' "$(echo "${best[sky]} / ${best[etsy]}" | bc -l)")
else
    ratio="n/a (etsy lost datagrams at every rate)"
fi
{
    echo
    echo "## StatsD against etsy statsd — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), node $(node --version), etsy statsd 0.9.0"
    echo
    echo "\`bench/statsd.sh\`: the same datagrams (first line \`bench.hits:1|c\`, then a mix of counters, sampled counters,"
    echo "gauges, timers, sets and several metrics a datagram) at rising rates, $duration s a rate, over loopback UDP, from"
    echo "one C# sender paced in 1 ms steps (at most 10 ms of its schedule at once after a stall, the rest skipped); both"
    echo "servers flush every $flush s to carbon plaintext on loopback, where \`stats_counts.bench.hits\` is summed. At each"
    echo "rate etsy first, then sky; a climb stops at the first loss, or where the sender fell 3 % short of the rate."
    echo "CPU: the server's, in % of one core over the sending; kernel drops: its UDP socket's, from /proc/net/udp."
    echo
    echo "| datagrams/s | server | sent/s (achieved) | received of sent | loss | CPU | kernel drops |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Highest rate with zero loss over $duration s: etsy statsd $(climb etsy), sky $(climb sky); sky / etsy: $ratio (goal ≥ 5)."
} >>"$root/bench/RESULTS.md"
tail -n $(( ${#rows[@]} + 6 )) "$root/bench/RESULTS.md"
