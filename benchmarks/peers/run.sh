#!/usr/bin/env bash
# The issue-14 table in one run, fex next to its peers, whole processes, wall-clock seconds (fex: hyperfine
# median of RUNS when installed, else the best; each peer: one run, whose answer is also checked), with
# the CPU time of the fex runs:
#   regex family  (a|b)*a(a|b){k} → minimal DFA     fex vs Fare 2.2.1 (NuGet; benchmarks/peers/fare)
#   Y^k a  (the k-th last symbol is a)             fex vs MONA (Debian `mona`), same language in WS1S
#   minimize a random complete binary DFA, AT&T    fex vs OpenFst (Debian `libfst-tools`) and dk.brics
#   start-up: fex classify / compile of a tiny language
# Every pair is checked to give the same minimal state count before it is timed.
#
#   benchmarks/peers/run.sh            # writes benchmarks/peers/results.md and prints it
#   env: RUNS (default 1), REGEX_K (16), REGEX_BIG_K (20), Y_K (18), Y_BIG_K (20), DFA_STATES (1000000),
#        BRICS_STATES (100000), INSTALL=1 to apt-get install the Debian peers first,
#        FEX_BUILD=aot (default: `dotnet publish -r RID`, the Native AOT executable users get, docs/performance.md),
#        r2r (published with -p:PublishAot=false: ReadyToRun + tiered PGO) or jit (the plain Release build),
#        FEX_BIN=PATH (an already published fex of kind FEX_BUILD: skips the publish),
#        SECTIONS (default "regex ltl minimize startup": the rows to measure; a partial run keeps the previous
#        results.md below the new table)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-1}"; regex_k="${REGEX_K:-16}"; regex_big_k="${REGEX_BIG_K:-20}"; y_k="${Y_K:-18}"; y_big_k="${Y_BIG_K:-20}"
dfa_states="${DFA_STATES:-1000000}"; brics_states="${BRICS_STATES:-100000}"
sections=" ${SECTIONS:-regex ltl minimize startup} "
want() { [[ "$sections" == *" $1 "* ]]; }
if [ "${INSTALL:-0}" = 1 ]; then
  SUDO=""; if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
  $SUDO apt-get install -y mona libfst-tools libautomaton-java hyperfine default-jdk-headless
fi
for tool in mona fstcompile fstminimize fstprint java javac; do
  command -v "$tool" >/dev/null || { echo "missing $tool (INSTALL=1 $0, or apt-get install mona libfst-tools libautomaton-java)" >&2; exit 2; }
done
jar=/usr/share/java/automaton.jar
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

fex_build="${FEX_BUILD:-aot}"
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid="linux-$(uname -m)" ;; esac
if [ -n "${FEX_BIN:-}" ]; then fex="$FEX_BIN"; else
case "$fex_build" in
  aot) dotnet publish -c Release -r "$rid" -v q --nologo -o "$work/fex-bin" "$root/src/FormalExpressivity.Cli" >/dev/null; fex="$work/fex-bin/fex" ;;
  r2r) dotnet publish -c Release -r "$rid" -p:PublishAot=false --self-contained false -v q --nologo -o "$work/fex-bin" "$root/src/FormalExpressivity.Cli" >/dev/null; fex="$work/fex-bin/fex" ;;
  jit) dotnet build -c Release -v q --nologo "$root/src/FormalExpressivity.Cli" >/dev/null; fex="$root/src/FormalExpressivity.Cli/bin/Release/net10.0/fex" ;;
  *) echo "FEX_BUILD must be aot, r2r or jit" >&2; exit 2 ;;
esac
fi
dotnet build -c Release -v q --nologo "$root/tests/FormalExpressivity.Benchmarks" >/dev/null
if want regex; then dotnet build -c Release -v q --nologo "$here/fare" >/dev/null; fi
bench="$root/tests/FormalExpressivity.Benchmarks/bin/Release/net10.0/FormalExpressivity.Benchmarks.dll"
fare="$here/fare/bin/Release/net10.0/FarePeer.dll"
javac -cp "$jar" -d "$work" "$root/tests/FormalExpressivity.Benchmarks/scripts/DkBricsMinimize.java"

# seconds CMD: median wall-clock seconds of RUNS runs.
seconds() {
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --style none --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/h.json"
  else
    local best=""
    for _ in $(seq "$runs"); do
      local s; s=$( { TIMEFORMAT=%R; time bash -c "$1" >/dev/null 2>&1; } 2>&1 )
      if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    done
    echo "$best"
  fi
}
# timed CMD: runs CMD once, prints "OUTPUT SECONDS" (the peer's answer and its wall time in one run).
timed() {
  local start end result
  start=$(date +%s.%N); result=$(bash -c "$1"); end=$(date +%s.%N)
  echo "$result $(awk "BEGIN{printf \"%.2f\", $end - $start}")"
}
# cpu CMD: user+system CPU seconds of one run (what a quiet machine would take, roughly).
cpu() { /usr/bin/time -f '%U %S' -o "$work/t" bash -c "$1" >/dev/null 2>&1; awk '{printf "%.2f", $1 + $2}' "$work/t"; }
ratio() { awk "BEGIN{printf \"%.1f\", $1 / $2}"; }
states() { "$fex" compile "$1" ${2:+--alphabet "$2"} --format att -o "$work/c.att" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['states'])"; }

out="$here/results.md"
previous=""
if [ "$sections" != " regex ltl minimize startup " ] && [ -f "$out" ]; then previous="$(cat "$out")"; fi
{
echo "# fex and its peers (issue 14)"
echo
echo "Run by \`benchmarks/peers/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); RUNS=$runs."
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr);"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg). Peers: Fare 2.2.1 (NuGet), MONA $(dpkg-query -W -f='${Version}' mona 2>/dev/null || echo '?'),"
echo "OpenFst $(dpkg-query -W -f='${Version}' libfst-tools 2>/dev/null || echo '?'), dk.brics $(dpkg-query -W -f='${Version}' libautomaton-java 2>/dev/null || echo '?'), .NET $(dotnet --version);"
echo "fex: $fex_build build ($("$fex" --version))."
echo "Times are wall-clock seconds of whole processes; \"fex CPU\" is user + system CPU of the fex process,"
echo "the better guide when the machine is shared (a loaded machine inflates wall time for every tool)."
echo
echo "| work | peer | peer s | fex s | fex CPU s | ratio (wall) |"
echo "|---|---|---:|---:|---:|---:|"

# 1. Regex family.
if want regex; then
re="(a|b)*a(a|b){$regex_k}"
ours=$(states "re:$re"); read -r theirs t_peer < <(timed "dotnet '$fare' '$re'")
[ "$ours" = "$theirs" ] || { echo "MISMATCH $re: fex $ours, Fare $theirs" >&2; exit 1; }
t_fex=$(seconds "'$fex' compile 're:$re' --format att")
echo "| \`$re\` → minimal DFA ($ours states) | Fare 2.2.1 | $t_peer | $t_fex | $(cpu "'$fex' compile 're:$re' --format att") | $(ratio "$t_peer" "$t_fex")× |"
re_big="(a|b)*a(a|b){$regex_big_k}"
echo "| \`$re_big\` ($(states "re:$re_big") states), output to /dev/null | — | | $(seconds "'$fex' compile 're:$re_big' --format att") | $(cpu "'$fex' compile 're:$re_big' --format att") | |"

fi

# 2. Y^k a vs MONA: a at the k-th position from the end, p + (k−1) = max(\$) in m2l-str.
if want ltl; then
for k in "$y_k" "$y_big_k"; do
  f="ltl:$(printf 'Y %.0s' $(seq "$k"))a"
  printf 'm2l-str;\nvar2 A;\nex1 p: p in A & p + %d = max($);\n' "$((k - 1))" > "$work/y$k.mona"
  ours=$(states "$f" a,b)
  [ "$ours" = "$((1 << k))" ] || { echo "fex Y^$k a has $ours states, expected $((1 << k))" >&2; exit 1; }
  t_fex=$(seconds "'$fex' compile '$f' --alphabet a,b --format att")
  if [ "$k" = "$y_k" ]; then
    read -r verdict t_peer < <(timed "mona -q '$work/y$k.mona' | grep -c 'satisfying example'")
    [ "$verdict" -ge 1 ] || { echo "MONA did not decide Y^$k a" >&2; exit 1; }
    echo "| \`Y^$k a\` ($ours states) | MONA | $t_peer | $t_fex | $(cpu "'$fex' compile '$f' --alphabet a,b --format att") | $(ratio "$t_peer" "$t_fex")× |"
  else
    echo "| \`Y^$k a\` ($ours states) | — | | $t_fex | $(cpu "'$fex' compile '$f' --alphabet a,b --format att") | |"
  fi
done

fi

# 3. Minimize a random complete binary DFA, AT&T in and out.
if want minimize; then
dotnet "$bench" generate-att "$dfa_states" 2 1 "$work/r.att"
printf '<eps> 0\na 1\nb 2\n' > "$work/syms"
ours=$("$fex" minimize "$work/r.att" -o "$work/m.att" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['states'])")
fstcompile --acceptor --isymbols="$work/syms" "$work/r.att" "$work/r.fst"
fstminimize "$work/r.fst" "$work/m.fst"
theirs=$(fstinfo "$work/m.fst" | awk '/^# of states/{print $NF}')
# OpenFst trims states that cannot reach a final state (the rejecting sink of a complete DFA), fex keeps it.
[ "$ours" = "$theirs" ] || [ "$((ours - 1))" = "$theirs" ] || { echo "MISMATCH minimize $dfa_states: fex $ours, OpenFst $theirs" >&2; exit 1; }
t_fex=$(seconds "'$fex' minimize '$work/r.att' -o '$work/m.att'")
t_fst=$(timed "fstcompile --acceptor --isymbols='$work/syms' '$work/r.att' | fstminimize | fstprint --acceptor --isymbols='$work/syms' > '$work/o.att' && echo ok" | cut -d' ' -f2)
t_fstmin=$(timed "fstminimize '$work/r.fst' '$work/m2.fst' && echo ok" | cut -d' ' -f2)
c_fex=$(cpu "'$fex' minimize '$work/r.att' -o '$work/m.att'")
echo "| minimize random binary DFA, $dfa_states states → $ours, AT&T in and out | OpenFst fstcompile+fstminimize+fstprint | $t_fst | $t_fex | $c_fex | $(ratio "$t_fst" "$t_fex")× |"
echo "| (same) | OpenFst fstminimize alone | $t_fstmin | $t_fex | $c_fex | $(ratio "$t_fstmin" "$t_fex")× |"
c_fstmin=$(cpu "fstminimize '$work/r.fst' '$work/m3.fst'")
echo "| (same, CPU seconds: user + system of each process) | OpenFst fstminimize alone | $c_fstmin | $c_fex | $c_fex | $(ratio "$c_fstmin" "$c_fex")× (CPU) |"
dotnet "$bench" generate-att "$brics_states" 2 1 "$work/b.att"
ours=$("$fex" minimize "$work/b.att" -o "$work/bm.att" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['states'])")
read -r theirs t_dk < <(timed "java -Xss64m -Xmx6g -cp '$jar:$work' DkBricsMinimize '$work/b.att' --with-sink")
[ "$ours" = "$theirs" ] || { echo "MISMATCH minimize $brics_states: fex $ours, dk.brics $theirs" >&2; exit 1; }
t_fex=$(seconds "'$fex' minimize '$work/b.att' -o '$work/bm.att'")
echo "| minimize random binary DFA, $brics_states states → $ours | dk.brics | $t_dk | $t_fex | $(cpu "'$fex' minimize '$work/b.att' -o '$work/bm.att'") | $(ratio "$t_dk" "$t_fex")× |"
mb=$(du -m "$work/r.att" | cut -f1)
echo "| AT&T file of the $dfa_states-state DFA: $mb MB | | | | | |"

fi

# 4. Start-up.
if want startup; then
echo "| \`fex classify 're:(ab)*' --alphabet a,b\` | — | | $(seconds "'$fex' classify 're:(ab)*' --alphabet a,b") | $(cpu "'$fex' classify 're:(ab)*' --alphabet a,b") | |"
echo "| \`fex compile 're:(ab)*' --alphabet a,b\` | — | | $(seconds "'$fex' compile 're:(ab)*' --alphabet a,b") | $(cpu "'$fex' compile 're:(ab)*' --alphabet a,b") | |"
echo "| \`fex --version\` (runtime start) | — | | $(seconds "'$fex' --version") | $(cpu "'$fex' --version") | |"
fi
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
if [ -n "$previous" ]; then
  echo
  echo "## Previous run (rows not measured above)"
  echo
  echo "$previous" | sed 's/^# /### /'
fi
} > "$out.new"
mv "$out.new" "$out"
cat "$out"
