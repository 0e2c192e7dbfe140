#!/usr/bin/env bash
# Builds sky and leaves the CLI at bin/sky (ignored by git).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet publish "$root/src/Sky.Cli/Sky.Cli.csproj" -c Release -o "$root/bin" --nologo -v quiet -p:UseAppHost=true
echo "built $root/bin/sky"
