#!/usr/bin/env python3
"""fex classify and LTK's `classify` side by side on the same languages (issue 16); called by ltk.sh.

    ltk_side_by_side.py FEX LTK_CLASSIFY [LIMIT]

The inputs are the two small sets of side_by_side.py (the issue's "both input sets"): 12 regexes and 21 DFAs of
5-35 states (SETS=regex,dfa,large adds the large families). LTK reads AT&T automata and has no regex reader, so a
regex reaches LTK as the minimal DFA `fex compile` writes (outside the timing); a DFA reaches both tools as the
same unminimized automaton. Both tools decide the nine classes they share, one whole process each:

    fex row   SL  LT  LTT  PT  D    K     LI  DA   SF
    LTK name  SL  LT  LTT  PT  Def  RDef  GD  FO2  SF      (FO2 = DA: Thérien and Wilke 1998)

`fex classify --classes SL,LT,LTT,PT,D,K,LI,DA,SF --arch none --json` against `classify SL LT … SF < file.att`,
and `fex classify` with every row as a third column. Where the verdicts differ, fex's certificate is checked
independently as in side_by_side.py (identities re-evaluated on the minimal DFA's transformations).
"""
import os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import side_by_side as sbs  # noqa: E402

FEX, LTK = sys.argv[1], sys.argv[2]
sbs.FEX = FEX
sbs.LIMIT = int(sys.argv[3]) if len(sys.argv) > 3 else 60
SETS = os.environ.get("SETS", "regex,dfa").split(",")
ROWS = ["SL", "LT", "LTT", "PT", "D", "K", "LI", "DA", "SF"]
LTK_NAME = {"SL": "SL", "LT": "LT", "LTT": "LTT", "PT": "PT", "D": "Def", "K": "RDef", "LI": "GD", "DA": "FO2", "SF": "SF"}


def write_att(path, d):
    """An AT&T acceptor (source target symbol; then the accepting states), the start state's lines first."""
    alphabet, n, start, acc, delta = d
    order = [start] + [q for q in range(n) if q != start]
    with open(path, "w") as f:
        for q in order:
            for i, a in enumerate(alphabet):
                f.write(f"{q} {delta[q][i]} {a}\n")
        for q in sorted(acc):
            f.write(f"{q}\n")


def run_ltk(att):
    with open(att) as f:
        text = f.read()
    status, wall, cpu, rss, out = sbs.timed([LTK] + [LTK_NAME[r] for r in ROWS], stdin=text)
    # LTK exits 1 when no class holds (its "any" reduction): that is an answer, not a failure
    if status == "exit 1" and out.strip():
        status = "ok"
    names = {v: k for k, v in LTK_NAME.items()}
    answers = {names[m.group(1)]: m.group(2) == "True" for m in re.finditer(r'\("(\w+)",(True|False)\)', out)}
    return (status, wall, cpu, rss), answers


def main():
    work = tempfile.mkdtemp(prefix="fex-ltk-")
    langs = []  # (set, name, fex args, att file, fex json file)
    for i, r in enumerate(sbs.REGEXES if "regex" in SETS else []):
        alphabet = sorted(set(re.findall(r"[a-z]", r)))
        path, att = os.path.join(work, f"re{i}.json"), os.path.join(work, f"re{i}.att")
        for out in (path, att):
            subprocess.run([FEX, "compile", f"re:{r}", "--alphabet", ",".join(alphabet), "-o", out], check=True, capture_output=True)
        langs.append(("regex", r, [f"re:{r}", "--alphabet", ",".join(alphabet)], att, path))
    for group, items in (("dfa", sbs.small_dfas() if "dfa" in SETS else []), ("large", sbs.large_dfas() if "large" in SETS else [])):
        for name, d in items:
            path, att = os.path.join(work, name + ".json"), os.path.join(work, name + ".att")
            sbs.write_fex_dfa(path, d)
            write_att(att, d)
            langs.append((group, name, [path], att, path))

    print("| set | language | minimal states | LTK: 9 rows | fex: the same 9 rows | fex: whole classify | verdicts (SL LT LTT PT D K LI DA SF; fex/LTK) | disagreements, and who is right |")
    print("|---|---|---|---|---|---|---|---|")
    medians, disagreements = {}, 0
    for group, name, fex_args, att, path in langs:
        ltime, lanswers = run_ltk(att)
        ftime, frows, whole = sbs.run_fex(fex_args, ROWS)
        whole = sbs.timed([FEX, "classify"] + fex_args)[:4]
        m = sbs.minimize(sbs.load_fex_dfa(path))
        verdicts, notes = sbs.compare(ROWS, frows, lanswers, m, "LTK")
        disagreements += len(notes)
        medians.setdefault(group, []).append((ltime, ftime, whole))
        shown = name if group != "regex" else f"`{name}`"
        print(f"| {group} | {shown} | {m[1]} | {sbs.cell(*ltime)} | {sbs.cell(*ftime)} | {sbs.cell(*whole)} | {' '.join(verdicts)} | {'; '.join(notes) or '—'} |", flush=True)

    print()
    print("Medians of whole processes, wall seconds / CPU seconds (user + system). A timeout counts as the limit:")
    print()
    sbs.print_medians(medians, "LTK (9 rows)", "fex (9 rows)")
    print()
    print(f"{disagreements} verdicts differ (y = member, n = not, ? = no answer: timeout, budget or crash).")


if __name__ == "__main__":
    main()
