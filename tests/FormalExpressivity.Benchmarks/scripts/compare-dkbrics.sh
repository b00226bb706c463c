#!/usr/bin/env bash
# Side-by-side: `fex minimize` versus dk.brics.automaton (Debian libautomaton-java) on the same
# seeded random complete DFAs in AT&T format. Checks equal minimal state counts and prints the
# wall-clock time of each whole process (start-up and parsing included) and their ratio.
#
#   tests/FormalExpressivity.Benchmarks/scripts/compare-dkbrics.sh [STATES...]
#   env: SYMBOLS (default 2), SEED (default 1), RUNS (default 3), JAVA_OPTS (default -Xss64m -Xmx6g)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
symbols="${SYMBOLS:-2}"; seed="${SEED:-1}"; runs="${RUNS:-3}"; java_opts="${JAVA_OPTS:--Xss64m -Xmx6g}"
jar=/usr/share/java/automaton.jar
[ -f "$jar" ] || { echo "missing $jar (apt-get install libautomaton-java)" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v q --nologo "$root/src/FormalExpressivity.Cli" >/dev/null
dotnet build -c Release -v q --nologo "$root/tests/FormalExpressivity.Benchmarks" >/dev/null
fex="$root/src/FormalExpressivity.Cli/bin/Release/net10.0/fex"
bench="$root/tests/FormalExpressivity.Benchmarks/bin/Release/net10.0/FormalExpressivity.Benchmarks.dll"
javac -cp "$jar" -d "$work" "$here/DkBricsMinimize.java"

# Median wall-clock seconds of RUNS runs of a command (hyperfine when installed, else bash's time).
seconds() {
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --style none --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/h.json"
  else
    local best=""
    for _ in $(seq "$runs"); do
      local s; s=$( { TIMEFORMAT=%R; time bash -c "$1" >/dev/null 2>&1; } 2>&1 )
      if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    done
    echo "$best"
  fi
}

printf '| states | symbols | seed | minimal (fex) | minimal (dk.brics) | fex s | dk.brics s | ratio |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
  file="$work/random-$n-$symbols-$seed.att"
  dotnet "$bench" generate-att "$n" "$symbols" "$seed" "$file"
  ours=$("$fex" minimize "$file" -o "$work/min.att" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['states'])")
  theirs=$(java $java_opts -cp "$jar:$work" DkBricsMinimize "$file" --with-sink)
  if [ "$ours" != "$theirs" ]; then echo "MISMATCH at $n states: fex $ours, dk.brics $theirs" >&2; exit 1; fi
  t_fex=$(seconds "'$fex' minimize '$file' -o '$work/min.att'")
  t_dk=$(seconds "java $java_opts -cp '$jar:$work' DkBricsMinimize '$file'")
  ratio=$(awk "BEGIN{printf \"%.1f\", $t_dk / $t_fex}")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s× |\n' "$n" "$symbols" "$seed" "$ours" "$theirs" "$t_fex" "$t_dk" "$ratio"
done
