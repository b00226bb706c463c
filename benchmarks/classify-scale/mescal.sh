#!/usr/bin/env bash
# Issue 16: fex classify and MeSCaL side by side on the same languages.
#
#   benchmarks/classify-scale/mescal.sh MESCAL_CHECKOUT [LIMIT]
#
# MESCAL_CHECKOUT is a checkout of MeSCaL's public source (the directory holding src/Makefile); it is built
# there with its own Makefile (C; Debian packages flex bison libfl-dev libreadline-dev libjson-c-dev
# libflint-dev libgmp-dev libsdl2-dev). fex is built from this checkout as the Native AOT binary that
# `dotnet publish src/FormalExpressivity.Cli -c Release -r linux-x64` makes (FEX_BUILD=jit measures the Release
# JIT build `fex` that `dotnet build` makes instead: its start-up adds ~0.15 s per process). side_by_side.py then
# runs both tools as whole processes (LIMIT seconds each, default 60) on 12 regexes, 21 DFAs of 5–35 states
# and the large families of families.py, prints one markdown table, and where the verdicts differ says
# which tool is right by checking fex's certificate independently (identities re-evaluated on the minimal
# DFA's transformations). SETS=regex,dfa,large (the default) picks the input sets. The machine may be shared: quote ratios from one run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
checkout=${1:?usage: mescal.sh MESCAL_CHECKOUT [LIMIT]}
limit=${2:-60}
[[ -f $checkout/src/Makefile ]] || { echo "mescal.sh: $checkout/src/Makefile not found (give the MeSCaL checkout)" >&2; exit 2; }
missing=()
for p in flex bison libfl-dev libreadline-dev libjson-c-dev libflint-dev libgmp-dev libsdl2-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "mescal.sh: MeSCaL needs the Debian packages: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 3
fi
make -C "$checkout/src" -j2 mescal >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
source "$here/build-fex.sh"
build_fex "$out/fex"
echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'); MeSCaL $(git -C "$checkout" rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)');"
echo "fex $(git -C "$root" rev-parse --short HEAD) (${FEX_BUILD:-aot} build); $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg); limit $limit s per process."
echo
cd "$checkout/src"   # MeSCaL writes its history and output folder into the working directory
python3 "$here/side_by_side.py" "$fex" "$checkout/src/mescal" "$limit"
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
