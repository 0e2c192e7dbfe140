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
nohup dockerd >/tmp/sky-dockerd.log 2>&1 &
for _ in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then
        exit 0
    fi
    sleep 0.5
done
echo "dockerd did not answer within 60 s; see /tmp/sky-dockerd.log" >&2
tail -20 /tmp/sky-dockerd.log >&2
exit 1
