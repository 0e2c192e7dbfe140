#!/usr/bin/env bash
# Runs every bench script once in its smoke mode (SMOKE=1: one round, small sizes, nothing recorded in RESULTS.md),
# so a bench that breaks turns CI red. Prints one line per script and exits non-zero if any failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
failed=0
for script in "$root"/bench/*.sh; do
    name=$(basename "$script")
    case "$name" in smoke.sh|sky-daemon.sh) continue ;; esac
    log=$(mktemp)
    start=$(date +%s)
    if SMOKE=1 timeout 600 bash "$script" >"$log" 2>&1; then
        echo "bench smoke: $name ok ($(( $(date +%s) - start )) s)"
    else
        echo "bench smoke: $name FAILED ($(( $(date +%s) - start )) s); its output:"
        tail -30 "$log" | sed 's/^/    /'
        failed=1
    fi
    rm -f "$log"
done
exit "$failed"
