#!/usr/bin/env bash
# Publishes the fex command once into a folder every node can read:
#   examples/slurm/publish.sh /shared/fex      → /shared/fex/fex
# (framework-dependent: the nodes need the .NET 10 runtime; add `-r linux-x64 --self-contained` below
# if they do not have it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: publish.sh FOLDER}"
dotnet publish "$here/../../src/FormalExpressivity.Cli" -c Release -o "$out" -nologo
echo "FEX=$out/fex"
