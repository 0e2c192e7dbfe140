#!/usr/bin/env bash
# Builds the small local stand-in images the examples and the tests name (no registry is reachable):
# a busybox root file system imported as sky-busybox:latest, then my-application, cassandra and base on top.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOCKER_BUILDKIT=0

if ! command -v busybox >/dev/null || ! busybox --list | grep -qx httpd; then
    echo "installing busybox-static" >&2
    apt-get install -y busybox-static >/dev/null
fi

if ! docker image inspect sky-busybox:latest >/dev/null 2>&1; then
    echo "importing sky-busybox:latest"
    rootfs=$(mktemp -d)
    mkdir -p "$rootfs"/{bin,etc,tmp,root,www,var/run}
    chmod 1777 "$rootfs/tmp"
    cp "$(command -v busybox)" "$rootfs/bin/busybox"
    for applet in $(busybox --list); do
        [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
    tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - sky-busybox:latest >/dev/null
    rm -rf "$rootfs"
fi

build() { # tag folder [build-arg]
    if docker image inspect "$1" >/dev/null 2>&1 && [ "${SKY_REBUILD_IMAGES:-}" != 1 ]; then
        return
    fi
    echo "building $1"
    docker build -q -t "$1" ${3:+--build-arg "$3"} "$root/images/$2" >/dev/null
}
build my-application:1.0-SNAPSHOT my-application VERSION=1.0-SNAPSHOT
build my-application:1.1-dev my-application VERSION=1.1-dev
build cassandra:1.0-SNAPSHOT cassandra
build base:0.7 base
build sky-router-backend:latest router-backend
echo "images ready: sky-busybox:latest my-application:1.0-SNAPSHOT my-application:1.1-dev cassandra:1.0-SNAPSHOT base:0.7 sky-router-backend:latest"
