#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io when there is none, starts dockerd in the
# background when it is not running, and waits until `docker info` answers.
set -euo pipefail

if ! command -v dockerd >/dev/null 2>&1; then
    echo "installing docker.io (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi
if ! command -v busybox >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi

if docker info >/dev/null 2>&1; then
    exit 0
fi

echo "starting dockerd (log: /tmp/sky-dockerd.log)"
# sky gives every instance a network of its own; Docker's default address pools hold about 30 networks, too few for
# the 100-service footprint bench (and for a team): 10.192.0.0/12 in /24s holds 4,096.
nohup dockerd --default-address-pool base=10.192.0.0/12,size=24 >/tmp/sky-dockerd.log 2>&1 &
for _ in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then
        exit 0
    fi
    sleep 0.5
done
echo "dockerd did not answer within 60 s; see /tmp/sky-dockerd.log" >&2
tail -20 /tmp/sky-dockerd.log >&2
exit 1
