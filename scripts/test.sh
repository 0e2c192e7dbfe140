#!/usr/bin/env bash
# Runs the whole test suite against a real Docker engine and prints the runner's totals as
# "Tests: N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/install-test-deps.sh" || exit 1
"$root/scripts/ensure-docker.sh" || exit 1
"$root/scripts/build-images.sh" || exit 1

log=$(mktemp)
# Everything but the engine-restart tests runs first, assemblies in parallel; those restart dockerd, which stops every
# container, so they run alone afterwards.
dotnet test sky.slnx --nologo --filter "Category!=EngineRestart" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/Sky.Cli.Tests --nologo --no-build --filter "Category=EngineRestart" 2>&1 | tee -a "$log"
engine_status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$engine_status

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5, ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE '^(Passed|Failed)! +- Failed:' "$log")
rm -f "$log"
echo
echo "Test assemblies: $assemblies"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "no test ran" >&2
    exit 1
fi
exit "$status"
