# Sourced by the bench scripts: makes sure the engine, bin/sky and the stand-in images exist, then starts a sky
# daemon of the bench's own (namespace $ns, loopback $port, data in $work) and waits until it answers.
# Sets $sky, $daemon and SKY_ADDR; stop_sky_daemon stops it and removes everything of its namespace. Extra daemon
# arguments (a settings file) come from the array daemon_args, when set.
"$root/scripts/ensure-docker.sh"
[ -x "$root/bin/sky" ] || "$root/scripts/build.sh"
"$root/scripts/build-images.sh" >/dev/null

sky="$root/bin/sky"
export SKY_ADDR=http://127.0.0.1:$port
# The router takes any free port unless the bench names one: benches run one after another, and a daemon still
# stopping must not hold the next one's port.
case " ${daemon_args[*]-} " in *" --router-listen "*) router_args=() ;; *) router_args=(--router-listen 127.0.0.1:0) ;; esac
"$sky" daemon --listen 127.0.0.1:$port ${router_args[@]+"${router_args[@]}"} --data-dir "$work/data" --namespace $ns ${daemon_args[@]+"${daemon_args[@]}"} >"$work/daemon.log" 2>&1 &
daemon=$!

stop_sky_daemon() {
    # The daemon ends first: one still stopping could make an instance's network again after the removal below, which
    # is how a few networks of the footprint bench's were left behind.
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
    docker rm -f $(docker ps -aq --filter label=sky.namespace=$ns) >/dev/null 2>&1 || true
    docker network rm $(docker network ls -q --filter label=sky.namespace=$ns) >/dev/null 2>&1 || true
}

for _ in $(seq 1 100); do "$sky" version -o json | grep -q '"daemon": {' && break; sleep 0.1; done
