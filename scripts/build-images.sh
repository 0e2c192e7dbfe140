#!/usr/bin/env bash
# Builds the small local stand-in images the examples and the tests name (no registry is reachable):
# a busybox root file system imported as sky-busybox:latest, then my-application, cassandra and base on top.
# Extra images named as arguments are built too: `build-images.sh sky-nginx-backend` (for bench/router.sh).
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

# sky-nginx-backend:latest: Debian's nginx (nginx-light) with the shared libraries ldd names, copied onto sky-busybox
# with images/nginx-backend (its configuration answers 200 "ok" on 8080).
nginx_backend() {
    if docker image inspect sky-nginx-backend:latest >/dev/null 2>&1 && [ "${SKY_REBUILD_IMAGES:-}" != 1 ]; then
        return
    fi
    if [ ! -x /usr/sbin/nginx ]; then
        echo "installing nginx-light" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
    fi
    echo "building sky-nginx-backend:latest"
    local context
    context=$(mktemp -d)
    cp -r "$root/images/nginx-backend/." "$context/"
    mkdir -p "$context/rootfs/usr/sbin"
    cp /usr/sbin/nginx "$context/rootfs/usr/sbin/nginx"
    # The libraries under the paths the loader looks them up by (/lib/x86_64-linux-gnu/..., /lib64/ld-linux...).
    for lib in $(ldd /usr/sbin/nginx | grep -o '/[^ ]*'); do
        cp -L --parents "$lib" "$context/rootfs/"
    done
    docker build -q -t sky-nginx-backend:latest "$context" >/dev/null
    rm -rf "$context"
}
extra=""
for image in "$@"; do
    case "$image" in
        sky-nginx-backend|sky-nginx-backend:latest) nginx_backend; extra="$extra sky-nginx-backend:latest" ;;
        *) echo "unknown image '$image' (known: sky-nginx-backend)" >&2; exit 2 ;;
    esac
done
echo "images ready: sky-busybox:latest my-application:1.0-SNAPSHOT my-application:1.1-dev cassandra:1.0-SNAPSHOT base:0.7 sky-router-backend:latest$extra"
