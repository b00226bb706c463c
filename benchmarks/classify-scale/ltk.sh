#!/usr/bin/env bash
# Issue 16: fex classify and LTK (Lambert's Language Toolkit, Haskell) side by side on the same languages.
#
#   benchmarks/classify-scale/ltk.sh LTK_CHECKOUT FINITE_SEMIGROUPS_CHECKOUT [LIMIT]
#
# LTK_CHECKOUT is a checkout of LTK's public source (Language-Toolkit-2: the directory holding
# language-toolkit.cabal and classify/Main.lhs); FINITE_SEMIGROUPS_CHECKOUT one of its dependency
# finite-semigroups (the directory holding src/Data/Representation/FiniteSemigroup.lhs). LTK's `classify`
# is compiled with GHC straight from the two source trees (-O1, as cabal's default; Debian packages
# ghc libghc-parallel-dev libghc-safe-dev), without cabal or any download. fex is the Native AOT binary
# (FEX_BUILD=jit: the Release JIT build). ltk_side_by_side.py then runs both tools as whole processes
# (LIMIT seconds each, default 60) on the 12 regexes and 21 DFAs of side_by_side.py and prints one
# markdown table. The machine may be shared: quote ratios from one run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ltk=${1:?usage: ltk.sh LTK_CHECKOUT FINITE_SEMIGROUPS_CHECKOUT [LIMIT]}
fsg=${2:?usage: ltk.sh LTK_CHECKOUT FINITE_SEMIGROUPS_CHECKOUT [LIMIT]}
limit=${3:-60}
[[ -f $ltk/classify/Main.lhs ]] || { echo "ltk.sh: $ltk/classify/Main.lhs not found (give the Language-Toolkit-2 checkout)" >&2; exit 2; }
[[ -f $fsg/src/Data/Representation/FiniteSemigroup.lhs ]] || { echo "ltk.sh: $fsg/src/Data/Representation/FiniteSemigroup.lhs not found (give the finite-semigroups checkout)" >&2; exit 2; }
missing=()
for p in ghc libghc-parallel-dev libghc-safe-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "ltk.sh: LTK needs the Debian packages: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 3
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$ltk" && ghc --make -O1 -threaded -isrc -i"$fsg/src" -outputdir "$out/ltk" -o "$out/classify" classify/Main.lhs >/dev/null)
source "$here/build-fex.sh"
build_fex "$out/fex"
echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'); LTK $(git -C "$ltk" rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)'), finite-semigroups $(git -C "$fsg" rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)'), $(ghc --numeric-version | sed 's/^/GHC /');"
echo "fex $(git -C "$root" rev-parse --short HEAD) (${FEX_BUILD:-aot} build); $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg); limit $limit s per process."
echo
python3 "$here/ltk_side_by_side.py" "$fex" "$out/classify" "$limit"
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
