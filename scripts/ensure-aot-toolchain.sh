#!/usr/bin/env bash
# Native AOT links with clang and zlib: installs Debian's when missing (scripts/build.sh, bench/router.sh's floor).
set -euo pipefail
if ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; then
    echo "installing clang and zlib1g-dev (Debian), which native AOT links with" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
fi
