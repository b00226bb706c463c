#!/usr/bin/env bash
# Issue 16: fex classify on the families of large automata and large monoids.
#
#   benchmarks/classify-scale/run.sh [BEFORE_FEX]
#
# Builds fex and the benchmark helper (Release), writes the families (families.py) to a temporary
# directory and prints one markdown table:
#   * whole process `fex classify FILE` (every class row and every architecture row; LIMIT = 60 s and a 2 GB
#     managed heap; WHOLE=0 skips these columns):
#     wall seconds, CPU seconds (user + sys) and peak RSS, for BEFORE_FEX (an older fex executable, optional)
#     and for this checkout;
#   * the class rows alone, in process (FormalExpressivity.Benchmarks time-classes): the slowest single row
#     and all rows in one shared context, in CPU milliseconds, and the peak working set;
#   * the monoids: Froidure–Pin enumeration plus Green's relations (time-semigroup).
# The machine may be shared: compare the CPU columns, and ratios from one run. Committed output: results.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
before=${1:-}
dotnet build "$root/src/FormalExpressivity.Cli" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/FormalExpressivity.Benchmarks" -c Release -v q -nologo >/dev/null
fex="$root/src/FormalExpressivity.Cli/bin/Release/net10.0/fex"
bench="$root/tests/FormalExpressivity.Benchmarks/bin/Release/net10.0/FormalExpressivity.Benchmarks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/families.py" "$work/fam" >/dev/null

# whole process, at most LIMIT seconds and a 2 GB managed heap (so a runaway run cannot take the machine's
# memory): prints "wall (CPU, peak RSS)", or how it ended
LIMIT=${LIMIT:-60}
whole() {
  local exe=$1 file=$2 out code
  # -o: the measurement goes to its own file (a redirection of time's stderr would swallow it)
  DOTNET_GCHeapHardLimit=0x80000000 /usr/bin/time -o "$work/time" -f "%e %U %S %M %x" timeout "$LIMIT" "$exe" classify "$file" >/dev/null 2>&1 || true
  out=$(tail -1 "$work/time" 2>/dev/null || true)
  if [[ $out =~ ^([0-9.]+)\ ([0-9.]+)\ ([0-9.]+)\ ([0-9]+)\ ([0-9]+)$ ]]; then
    code=${BASH_REMATCH[5]}
    case $code in
      0) awk -v w="${BASH_REMATCH[1]}" -v u="${BASH_REMATCH[2]}" -v s="${BASH_REMATCH[3]}" -v r="${BASH_REMATCH[4]}" 'BEGIN { printf "%.2f s (%.2f s CPU, %d MB)", w, u + s, r / 1024 }' ;;
      124) echo "> $LIMIT s" ;;
      *) echo "exit $code (2 GB heap or budget)" ;;
    esac
  else
    echo "> $LIMIT s"
  fi
}

echo "| input | states (minimal) | before: fex classify | after: fex classify | after: class rows, slowest / all (CPU) | class-row peak memory | semigroup |"
echo "|---|---|---|---|---|---|---|"
for name in count-mod-200 count-mod-1000 count-mod-5000 nth-from-end-256 nth-from-end-1024 nth-from-end-4096 \
            uniform-160 uniform-850 uniform-4300 po-32-s1020 po-32-s3833 po-32-s2123 po-32-s44 po-32-s2028 po-32-s323 \
            po-32-s1903 po-32-s2429 po-32-s855 po-32-s3550 po-32-s3602 monotone-5000 at-least-27 at-least-28 word-a198 word-a998; do
  file="$work/fam/$name.json"
  rows=$("$bench" time-classes "$file")
  states=$(head -1 <<<"$rows" | sed -E 's/.*: ([0-9]+) states, minimal ([0-9]+),.*/\1 (\2)/')
  summary=$(tail -1 <<<"$rows")
  slow=$(sed -E 's/.*slowest single row ([0-9]+) ms CPU.*/\1/' <<<"$summary")
  all=$(sed -E 's/.*all rows, one context: ([0-9]+) ms CPU.*/\1/' <<<"$summary")
  peak=$(sed -E 's/.*peak working set ([0-9]+) MiB.*/\1/' <<<"$summary")
  sg=$(grep -o '|S| = [0-9]*' <<<"$rows" | sort -u | tail -1 || true)
  stops=$(grep -c 'stopped by a budget' <<<"$rows" || true)
  [[ $stops -gt 0 ]] && sg="${sg:+$sg; }$stops rows unknown ($(grep -o 'budget max-semigroup[-a-z]* = [0-9]*' <<<"$rows" | head -1 || true))"
  b="—"; a="—"
  if [[ ${WHOLE:-1} != 0 ]]; then
    [[ -n $before ]] && b=$(whole "$before" "$file")
    a=$(whole "$fex" "$file")
  fi
  echo "| $name | $states | $b | $a | $slow ms / $all ms | $peak MiB | ${sg:-not built} |"
done
echo
echo "Froidure–Pin enumeration and Green's relations (in process):"
echo
for name in po-32-s1020 po-32-s2123 full-transformations-6 full-transformations-7; do
  echo "* $("$bench" time-semigroup "$work/fam/$name.json" 2000000)"
done
