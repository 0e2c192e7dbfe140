#!/usr/bin/env bash
# Builds sky and leaves it at bin/sky (ignored by git): one native executable, compiled ahead of time (native AOT), for
# the CLI and the daemon alike. The native link needs clang and zlib's headers: Debian's are installed when missing.
# SKY_BUILD=jit builds the JIT version instead (bin/sky beside its assemblies): quicker to build, slower to start, and
# several times the daemon's memory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$root/bin"
if [ "${SKY_BUILD:-aot}" = jit ]; then
    dotnet publish "$root/src/Sky.Cli/Sky.Cli.csproj" -c Release -o "$root/bin" --nologo -v quiet -p:UseAppHost=true
else
    "$root/scripts/ensure-aot-toolchain.sh"
    echo "compiling sky ahead of time (a few minutes)"
    dotnet publish "$root/src/Sky.Cli/Sky.Cli.csproj" -c Release -o "$root/bin" --nologo -v quiet -p:PublishAot=true
fi
echo "built $root/bin/sky"
