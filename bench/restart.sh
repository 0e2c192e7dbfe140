#!/usr/bin/env bash
# Measures how fast a killed service comes back, in one run, against Docker's own restart policy:
#   - sky: `docker kill` of a service container (engine API) until sky reports its replacement healthy (its
#     HTTP check passed), and a crash (SIGKILL of the container's process) until the same;
#   - anchor: the same image under `docker run --restart on-failure`, its process SIGKILLed, until the engine
#     reports it running again (Docker does not restart a container stopped by `docker kill`, so the anchor is
#     crashed the way on-failure is meant for), and until its HTTP /health answers.
# Every round uses a fresh service or container, so no back-off carries over. Appends a table to bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-7}
[ "${SMOKE:-0}" = 1 ] && rounds=1
ns=rb$$
port=$(( 20000 + RANDOM % 12000 ))
work=$(mktemp -d)

. "$root/bench/sky-daemon.sh"
cleanup() {
    stop_sky_daemon
    docker rm -f $(docker ps -aq --filter label=bench=$ns) >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# One service per round and per way of killing: k1..kN (docker kill), c1..cN (crash). Default check settings.
for kind in k c; do
    for i in $(seq 1 "$rounds"); do
        cat >>"$work/services.yml" <<YAML
$kind$i:
  image: my-application:1.0-SNAPSHOT
  ports: [ 8080 ]
  checks:
    - http: /health
      port: 8080
YAML
    done
done
"$sky" apply "$work/services.yml" >/dev/null
echo "starting $(( 2 * rounds )) sky services and $rounds docker anchors" >&2
for kind in k c; do
    for i in $(seq 1 "$rounds"); do "$sky" service start $kind$i >/dev/null; done
done
for i in $(seq 1 "$rounds"); do
    docker run -d --label bench=$ns --name $ns-anchor$i --restart on-failure -p 127.0.0.1::8080 my-application:1.0-SNAPSHOT >/dev/null
done

python3 - "$port" "$ns" "$rounds" "$work/figures" <<'PY'
import http.client, json, os, signal, socket, statistics, sys, time

port, ns, rounds, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]

class UnixHTTP(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost", timeout=10)
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect("/var/run/docker.sock")

def engine(method, path):
    c = UnixHTTP(); c.request(method, path); r = c.getresponse(); body = r.read(); c.close()
    return json.loads(body) if body else None

def sky_container(service):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", f"/api/v1/services/{service}"); status = json.loads(c.getresponse().read()); c.close()
    for instance in status["instances"]:
        for container in instance["containers"]:
            return container
    return None

def wait(what, probe, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if probe():
            return time.monotonic()
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for {what}")

def healthy(service, after_restarts):
    c = sky_container(service)
    return c is not None and c.get("health") == "healthy" and (c.get("restarts") or 0) > after_restarts

def http_ok(host_port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", host_port, timeout=1); c.request("GET", "/health")
        ok = c.getresponse().status == 200; c.close(); return ok
    except (OSError, http.client.HTTPException):
        # While the container is down, the engine's port proxy may accept and answer garbage: not an answer yet.
        return False

for i in range(1, rounds + 1):
    for kind in "kc":
        wait(f"{kind}{i} healthy", lambda: healthy(f"{kind}{i}", -1))

figures = {"sky_kill": [], "sky_crash": [], "sky_kill_running": [], "docker_running": [], "docker_http": []}
for i in range(1, rounds + 1):
    print(f"round {i}/{rounds}", file=sys.stderr)
    name = f"{ns}-k{i}"
    t0 = time.monotonic()
    engine("POST", f"/containers/{name}/kill")
    running = wait("k running", lambda: engine("GET", f"/containers/{name}/json")["State"]["Running"])
    t1 = wait(f"k{i} healthy again", lambda: healthy(f"k{i}", 0))
    figures["sky_kill"].append((t1 - t0) * 1000); figures["sky_kill_running"].append((running - t0) * 1000)

    name = f"{ns}-c{i}"
    pid = engine("GET", f"/containers/{name}/json")["State"]["Pid"]
    t0 = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    t1 = wait(f"c{i} healthy again", lambda: healthy(f"c{i}", 0))
    figures["sky_crash"].append((t1 - t0) * 1000)

    name = f"{ns}-anchor{i}"
    state = engine("GET", f"/containers/{name}/json")
    pid = state["State"]["Pid"]
    t0 = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    def restarted():
        s = engine("GET", f"/containers/{name}/json")
        return s["RestartCount"] >= 1 and s["State"]["Running"]
    t1 = wait("anchor running again", restarted)
    # The engine publishes a restarted container on a new ephemeral port: read it again.
    ports = {}
    def published():
        ports.update(engine("GET", f"/containers/{name}/json")["NetworkSettings"]["Ports"] or {})
        return bool(ports.get("8080/tcp"))
    wait("anchor published", published)
    host_port = int(ports["8080/tcp"][0]["HostPort"])
    t2 = wait("anchor answering", lambda: http_ok(host_port))
    figures["docker_running"].append((t1 - t0) * 1000); figures["docker_http"].append((t2 - t0) * 1000)

with open(out, "w") as f:
    for key, values in figures.items():
        f.write(f"{key} {statistics.median(values):.0f} {min(values):.0f} {max(values):.0f}\n")
PY

read_figure() { awk -v k="$1" '$1 == k {print $2, $3 "-" $4}' "$work/figures"; }
read -r kill_ms kill_spread < <(read_figure sky_kill)
read -r crash_ms crash_spread < <(read_figure sky_crash)
read -r kill_run_ms kill_run_spread < <(read_figure sky_kill_running)
read -r docker_ms docker_spread < <(read_figure docker_running)
read -r docker_http_ms docker_http_spread < <(read_figure docker_http)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
report=$(cat <<TXT

## Killed container back and healthy — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), Docker $(docker version --format '{{.Server.Version}}')

\`bench/restart.sh\`, $rounds rounds (a fresh service or container each), median (min–max). Check: \`http: /health\` with the default settings.

| what | median ms | spread ms | ratio to Docker's restart |
| --- | --- | --- | --- |
| sky: \`docker kill\` → replacement passes its check (\`sky service status\` healthy) | $kill_ms | $kill_spread | $(ratio "$kill_ms" "$docker_ms") |
| sky: \`docker kill\` → engine reports it running again | $kill_run_ms | $kill_run_spread | $(ratio "$kill_run_ms" "$docker_ms") |
| sky: crash (SIGKILL of its process) → passes its check | $crash_ms | $crash_spread | $(ratio "$crash_ms" "$docker_ms") |
| anchor: \`docker run --restart on-failure\`, crash → running again | $docker_ms | $docker_spread | 1.00 |
| anchor: same, crash → its /health answers | $docker_http_ms | $docker_http_spread | $(ratio "$docker_http_ms" "$docker_ms") |

sky (docker kill → healthy) / Docker (crash → running) = $(ratio "$kill_ms" "$docker_ms") (goal ≤ 1.5 at p50).
Like for like, sky (→ healthy) / Docker (→ /health answers) = $(ratio "$kill_ms" "$docker_http_ms").
TXT
)
echo "$report"
[ "${SMOKE:-0}" = 1 ] || [ -f "$root/bench/RESULTS.md" ] || printf '# Benchmark results\n\nEach figure is measured against its anchor in the same run.\n' >"$root/bench/RESULTS.md"
[ "${SMOKE:-0}" = 1 ] || echo "$report" >>"$root/bench/RESULTS.md"
