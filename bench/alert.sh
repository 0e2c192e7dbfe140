#!/usr/bin/env bash
# Measures how fast a failing check reaches the maintainer, with the default settings, against Docker's own health
# check with its defaults, in one run:
#   - sky: the stand-in app's /health removed from inside the container (the check starts failing) until the alert
#     e-mail is in a real SMTP sink (Debian's aiosmtpd) on loopback; a fresh service each round;
#   - anchor: the same image under `docker run --health-cmd` with Docker's default interval, timeout and retries,
#     from the same removal until the engine reports it unhealthy (Docker tells nobody; this is when it knows).
# Appends a table to bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-9}
# Docker's defaults for the anchor; the smoke run (nothing recorded) shortens them, or it would wait 90 s and more.
anchor_health=()
if [ "${SMOKE:-0}" = 1 ]; then rounds=1; anchor_health=(--health-interval 1s --health-retries 1); fi
ns=ab$$
port=$(( 20000 + RANDOM % 12000 ))
smtp_port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)
"$root/scripts/install-test-deps.sh" >/dev/null

# The SMTP sink, bounded in time, stopped by its PID.
timeout 900 /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:$smtp_port -c aiosmtpd.handlers.Mailbox "$work/mail" &
sink=$!
cat >"$work/settings.yml" <<YAML
smtp:
  host: 127.0.0.1
  port: $smtp_port
  sender: sky@example.com
YAML
daemon_args=(--config "$work/settings.yml")
. "$root/bench/sky-daemon.sh"
cleanup() {
    stop_sky_daemon
    kill "$sink" 2>/dev/null || true
    docker rm -f $ns-anchor >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

for i in $(seq 1 "$rounds"); do
    cat >>"$work/services.yml" <<YAML
w$i:
  maintainer: { name: Jane Doe, email: jane@example.com }
  image: my-application:1.0-SNAPSHOT
  ports: [ 8080 ]
  checks:
    - http: /health
      port: 8080
YAML
done
"$sky" apply "$work/services.yml" >/dev/null
for i in $(seq 1 "$rounds"); do "$sky" service start w$i >/dev/null; done
docker run -d --name $ns-anchor --health-cmd "wget -q -O /dev/null http://127.0.0.1:8080/health" ${anchor_health[@]+"${anchor_health[@]}"} my-application:1.0-SNAPSHOT >/dev/null

python3 - "$port" "$ns" "$rounds" "$work" <<'PY'
import http.client, json, os, random, statistics, subprocess, sys, time
port, ns, rounds, work = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
inbox = os.path.join(work, "mail", "new")

def health(service):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", f"/api/v1/services/{service}"); status = json.loads(c.getresponse().read()); c.close()
    return status["instances"][0]["containers"][0].get("health")

def mails():
    return sorted(os.listdir(inbox)) if os.path.isdir(inbox) else []

def subject_of(name):
    with open(os.path.join(inbox, name), errors="replace") as f:
        for line in f:
            if line.lower().startswith("subject:"):
                return line.split(":", 1)[1].strip()
    return ""

def wait(what, probe, limit):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        value = probe()
        if value:
            return time.monotonic(), value
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {what}; mail: {[subject_of(m) for m in mails()]}; daemon log: {open(os.path.join(work, 'daemon.log')).read()[-1500:]}")

sky = []
for i in range(1, rounds + 1):
    print(f"round {i}/{rounds}", file=sys.stderr)
    wait(f"w{i} healthy", lambda: health(f"w{i}") == "healthy", 60)
    # A random moment within the check interval: the services were started together, so their probes run in step,
    # and removing right after the previous round would always land just before a probe.
    time.sleep(random.uniform(0, 5))
    seen = set(mails())
    t0 = time.monotonic()
    subprocess.run(["docker", "exec", f"{ns}-w{i}", "rm", "/www/health"], check=True)
    t1, _ = wait(f"w{i} alert e-mail", lambda: [m for m in mails() if m not in seen and f"w{i} is unhealthy" in subject_of(m)], 60)
    sky.append((t1 - t0) * 1000)

print("docker anchor (defaults: 30 s interval, 3 retries)", file=sys.stderr)
def docker_health():
    out = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", f"{ns}-anchor"], capture_output=True, text=True).stdout.strip()
    return out
wait("anchor healthy", lambda: docker_health() == "healthy", 120)
t0 = time.monotonic()
subprocess.run(["docker", "exec", f"{ns}-anchor", "rm", "/www/health"], check=True)
t1, _ = wait("anchor unhealthy", lambda: docker_health() == "unhealthy", 200)
with open(os.path.join(work, "figures"), "w") as f:
    f.write(f"sky {statistics.median(sky):.0f} {min(sky):.0f} {max(sky):.0f}\n")
    f.write(f"docker {(t1 - t0) * 1000:.0f}\n")
PY

read -r _ sky_ms sky_min sky_max < <(grep '^sky ' "$work/figures")
read -r _ docker_ms < <(grep '^docker ' "$work/figures")
report=$(cat <<TXT

## Failing check to the maintainer's inbox — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)

\`bench/alert.sh\`: the stand-in app's /health removed from inside its container, default check settings on both sides.

| what | median ms | spread ms |
| --- | --- | --- |
| sky: check starts failing → alert e-mail in the SMTP sink ($rounds rounds) | $sky_ms | $sky_min-$sky_max |
| anchor: Docker HEALTHCHECK with its defaults → the engine reports unhealthy (1 round; nobody is told) | $docker_ms | - |

sky tells the maintainer in $(awk -v a="$sky_ms" 'BEGIN {printf "%.1f", a / 1000}') s (goal ≤ 10 s), $(awk -v a="$sky_ms" -v b="$docker_ms" 'BEGIN {printf "%.0f", b / a}')× sooner than Docker even notices.
TXT
)
echo "$report"
[ "${SMOKE:-0}" = 1 ] || echo "$report" >>"$root/bench/RESULTS.md"
