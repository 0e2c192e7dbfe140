#!/usr/bin/env bash
# Recurrent job start jitter and idle cost, against cron's one-minute resolution (the anchor: cron starts a job
# somewhere within the minute it names, so its start jitter is up to 60 s by construction).
#   1. 100 jobs due at the same second: jitter = (dispatched | container started) - scheduled, p50/p99, from the run records.
#   2. The daemon's CPU while idle with 1,000 scheduled jobs, from /proc/PID/stat over 30 s.
# Appends the figures, with date and machine, to bench/RESULTS.md. Needs the Docker engine and the base:0.7 image
# (scripts/build-images.sh). Everything it creates lives in its own namespace and data folder and is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
SKY=${SKY:-src/Sky.Cli/bin/Debug/net10.0/sky}
[ -x "$SKY" ] || dotnet build src/Sky.Cli -v q >/dev/null
JOBS=${JOBS:-100}
IDLE_JOBS=${IDLE_JOBS:-1000}
IDLE_SECONDS=${IDLE_SECONDS:-30}
NS=jbench$$
WORK=$(mktemp -d /tmp/sky-job-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export SKY_ADDR=http://127.0.0.1:$PORT
DAEMON=""

stop_daemon() {
  if [ -n "$DAEMON" ]; then kill "$DAEMON" 2>/dev/null || true; wait "$DAEMON" 2>/dev/null || true; DAEMON=""; fi
  docker ps -aq --filter "label=sky.namespace=$NS" | xargs -r docker rm -f >/dev/null
}
trap 'stop_daemon; rm -rf "$WORK"' EXIT

start_daemon() {
  rm -rf "$WORK/data"
  "$SKY" daemon --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" --namespace "$NS" >"$WORK/daemon.log" 2>&1 &
  DAEMON=$!
  for _ in $(seq 100); do curl -sf "$SKY_ADDR/api/v1/version" >/dev/null && return; sleep 0.1; done
  echo "daemon did not start" >&2; cat "$WORK/daemon.log" >&2; exit 1
}

# --- 1. 100 jobs due at the same second ---------------------------------------------------------------------
start_daemon
for i in $(seq -w 1 "$JOBS"); do
  printf 'job-%s:\n  image: base:0.7\n  command: "true"\n  every: 30 seconds\n' "$i"
done >"$WORK/jobs.yml"
"$SKY" apply "$WORK/jobs.yml" >/dev/null
# The first tick after the apply, plus time for 100 containers to start and end.
python3 - "$WORK/data/sky.db" "$JOBS" <<'PY'
import sqlite3, sys, time
db, jobs = sys.argv[1], int(sys.argv[2])
deadline = time.time() + 120
while time.time() < deadline:
    c = sqlite3.connect(db)
    row = c.execute("SELECT scheduled_at, COUNT(*) FROM job_runs WHERE trigger='schedule' AND started_at IS NOT NULL GROUP BY scheduled_at ORDER BY scheduled_at LIMIT 1").fetchone()
    c.close()
    if row and row[1] >= jobs:
        break
    time.sleep(1)
PY
python3 - "$WORK/data/sky.db" >"$WORK/jitter.txt" <<'PY'
import sqlite3, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s)
c = sqlite3.connect(sys.argv[1])
first = c.execute("SELECT MIN(scheduled_at) FROM job_runs WHERE trigger='schedule'").fetchone()[0]
rows = c.execute("SELECT scheduled_at, dispatched_at, started_at FROM job_runs WHERE scheduled_at = ? AND started_at IS NOT NULL", (first,)).fetchall()
def pct(values, p):
    values = sorted(values); k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1)); return values[k]
d = [(t(r[1]) - t(r[0])).total_seconds() * 1000 for r in rows]
s = [(t(r[2]) - t(r[0])).total_seconds() * 1000 for r in rows]
print(f"{len(rows)} {pct(d,50):.1f} {pct(d,99):.1f} {pct(s,50):.1f} {pct(s,99):.1f} {max(s):.1f}")
PY
read -r N D50 D99 S50 S99 SMAX <"$WORK/jitter.txt"
stop_daemon

# --- 2. idle CPU with 1,000 scheduled jobs --------------------------------------------------------------------
start_daemon
AT=$(date -u -d '+12 hours' +%H:%M)
for i in $(seq -w 1 "$IDLE_JOBS"); do
  printf 'idle-%s:\n  image: base:0.7\n  command: "true"\n  every: 1 day at %s\n' "$i" "$AT"
done >"$WORK/idle.yml"
"$SKY" apply "$WORK/idle.yml" >/dev/null
"$SKY" job list >/dev/null   # the scheduler has read the revision
sleep 5
ticks() { awk '{print $14 + $15}' "/proc/$DAEMON/stat"; }
HZ=$(getconf CLK_TCK)
T0=$(ticks); sleep "$IDLE_SECONDS"; T1=$(ticks)
IDLE=$(python3 -c "print(f'{($T1 - $T0) / $HZ / $IDLE_SECONDS * 100:.2f}')")
RSS=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$DAEMON/status")
stop_daemon

# --- results ---------------------------------------------------------------------------------------------------
MACHINE="$(uname -n), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1 /proc/loadavg)"
REPORT=$(cat <<MD

## Recurrent job start jitter and idle cost — $(date -u +%Y-%m-%dT%H:%MZ)

Machine: $MACHINE. Script: \`bench/job-jitter.sh\`. Anchor: cron's one-minute resolution (a cron job may start
anywhere in its minute: up to 60,000 ms of jitter). Goal: p99 ≤ 50 ms.

| figure | value | vs cron's 60,000 ms |
| --- | --- | --- |
| $N jobs due at the same second: scheduled → dispatched (scheduler), p50 / p99 | ${D50} ms / ${D99} ms | $(python3 -c "print(f'{60000/max($D99,0.001):,.0f}x finer')") |
| same runs: scheduled → container started (engine confirmed), p50 / p99 / max | ${S50} ms / ${S99} ms / ${SMAX} ms | $(python3 -c "print(f'{60000/max($S99,0.001):,.0f}x finer')") |
| daemon CPU idle with $IDLE_JOBS scheduled jobs over ${IDLE_SECONDS} s | ${IDLE} % of a core (RSS ${RSS} MB) | cron: a wake-up a minute |
MD
)
echo "$REPORT"
[ -f bench/RESULTS.md ] || printf '# Benchmark results\n\nFigures from the scripts in bench/, newest last, each with its date and machine.\n' >bench/RESULTS.md
echo "$REPORT" >>bench/RESULTS.md
