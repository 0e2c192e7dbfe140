#!/usr/bin/env bash
# The dashboard with many services, in a real browser (Debian's chromium driven by Playwright, bench/dashboard-timer):
# time to first paint, to the overview drawn with its data and to live (the state feed's first snapshot) over fresh
# loads, against the anchor of reading /api/v1/overview alone with curl in the same run; then the daemon's CPU on an
# idle system with 5 overview pages open, against its CPU with none open. Appends the figures to bench/RESULTS.md.
#   SERVICES=N (default 100), ROUNDS=N (default 5), PAGES=N (default 5), IDLE=SECONDS (default 30), SETTLE=SECONDS
#   after the start (default 120), OPEN=SECONDS the pages are open before their window (default 60);
#   SMOKE=1: 3 services, 1 round, 2 pages, 3 s, nothing recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
services=${SERVICES:-100}
rounds=${ROUNDS:-5}
pages=${PAGES:-5}
idle=${IDLE:-30}
settle=${SETTLE:-120}
open_for=${OPEN:-60}
if [ "${SMOKE:-0}" = 1 ]; then services=3; rounds=1; pages=2; idle=3; settle=5; open_for=2; fi
ns=db$$
port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)

command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
# A bin/sky from before the dashboard has no page to time: build it again.
if [ -x "$root/bin/sky" ] && ! "$root/bin/sky" token --help >/dev/null 2>&1; then "$root/scripts/build.sh" >/dev/null; fi
dotnet build "$root/bench/dashboard-timer/dashboard-timer.csproj" -c Release --nologo -v quiet >"$work/timer-build.log" 2>&1 \
    || { cat "$work/timer-build.log" >&2; exit 1; }
timer="$root/bench/dashboard-timer/bin/Release/net10.0/dashboard-timer"

. "$root/bench/sky-daemon.sh"
cleanup() {
    stop_sky_daemon
    rm -rf "$work"
}
trap cleanup EXIT

for i in $(seq 1 "$services"); do
    cat >>"$work/services.yml" <<YAML
s$i:
  maintainer: { name: Bench, email: bench@example.com }
  image: my-application:1.0-SNAPSHOT
  ports: [ 8080 ]
  env: { VIRTUAL_HOST: s$i.localhost }
  checks:
    - http: /health
      port: 8080
      interval: 10s
YAML
done
"$sky" apply "$work/services.yml" >/dev/null
echo "starting $services services" >&2
for i in $(seq 1 "$services"); do
    "$sky" service start "s$i" >/dev/null
    if [ $(( i % 20 )) -eq 0 ]; then echo "  $i/$services started" >&2; fi
done
running=$(docker ps -q --filter label=sky.namespace=$ns | wc -l)
# Let start-up work settle before timing anything: the checks' first rounds, the first samples, and the runtime's tiered
# compilation of what runs often, which goes on for a minute or two (as bench/footprint.sh does).
sleep "$settle"

# The anchor: the overview's data alone, as curl reads it (median of the rounds), and its size.
anchor_ms=$(for _ in $(seq 1 "$rounds"); do curl -s -o /dev/null -w '%{time_total}\n' "$SKY_ADDR/api/v1/overview"; done |
    sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)] * 1000}')
overview_kb=$(curl -s "$SKY_ADDR/api/v1/overview" | wc -c | awk '{printf "%.0f", $1 / 1024}')

"$timer" "$SKY_ADDR" "$daemon" "$rounds" "$pages" "$idle" "$open_for" >"$work/timer.out"
cat "$work/timer.out" >&2
figure() { awk -F= -v k="$1" '$1 == k {print $2}' "$work/timer.out"; }
rows=$(figure rows)
[ "$rows" -eq "$services" ] || { echo "the overview showed $rows container rows, not $services" >&2; exit 1; }

report=$(cat <<MD

## Dashboard — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(chromium --version 2>/dev/null | head -1)

\`bench/dashboard.sh\`: $services services ($running containers running, HTTP checks every 10 s, each with a routed
host); the overview page loaded $rounds times in a fresh browser context (median, ms from navigation start), then
$pages overview pages kept open on the otherwise idle system, measured over ${idle} s once they had been open ${open_for} s, between
two windows of the same length with no page open.

| figure | value | anchor in the same run |
| --- | --- | --- |
| first contentful paint | $(figure first-contentful-paint-ms) ms | |
| overview drawn with its data ($rows rows) | $(figure overview-painted-ms) ms (slowest $(figure overview-painted-max-ms) ms) | \`curl /api/v1/overview\` alone: $anchor_ms ms ($overview_kb KB) |
| live (the state feed's first snapshot) | $(figure live-ms) ms | |
| daemon CPU, $pages pages open | $(figure cpu-pages-percent) % of a core | no page open: $(figure cpu-no-page-percent) % before, $(figure cpu-no-page-after-percent) % after |

Goals: first paint with $services services under 1 s; the daemon under 1 % of a core with 5 pages open.
MD
)
echo "$report"
if [ "${SMOKE:-0}" != 1 ]; then
    echo "$report" >>"$root/bench/RESULTS.md"
fi
