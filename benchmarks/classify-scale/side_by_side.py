#!/usr/bin/env python3
"""fex classify and MeSCaL side by side on the same languages (issue 16); called by mescal.sh.

    side_by_side.py FEX MESCAL [LIMIT]

For every language (12 regexes, 21 DFAs of 5-35 states, the families of families.py) it runs, as whole
processes under `timeout LIMIT` and /usr/bin/time:
  * MeSCaL with `membership(SF, L)` alone, and `fex classify --classes SF --arch none`;
  * MeSCaL with `membership(C, L)` for the five classes both tools decide (SF, PT, LT, LTT and UL = DA),
    one process per language (its output line-buffered, so verdicts printed before a timeout count);
  * `fex classify --classes SF,PT,LT,LTT,DA --arch none --json` (the same five rows);
  * `fex classify` with every class row and every architecture row (the whole report).
It prints one markdown table: wall seconds (CPU seconds, peak RSS) per tool, and the verdicts compared.
Where the tools disagree, it says which is right by checking fex's certificate itself, independently of
both tools: a violated identity is re-evaluated on the transformations of the minimal DFA (computed here
by Moore refinement), and a membership verdict is re-checked against the class's defining identities over
the whole transformation semigroup (when that semigroup is small enough to enumerate here).
"""
import json, os, re, resource, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import families as fam  # noqa: E402

# Set from the command line when run as a script; ltk_side_by_side.py imports this module and sets them itself.
FEX, MESCAL = (sys.argv[1], sys.argv[2]) if __name__ == "__main__" else (None, None)
LIMIT = int(sys.argv[3]) if __name__ == "__main__" and len(sys.argv) > 3 else 60
SETS = os.environ.get("SETS", "regex,dfa,large").split(",")  # which input sets to run
ROWS = ["SF", "PT", "LT", "LTT", "DA"]
MESCAL_NAME = {"SF": "SF", "PT": "PT", "LT": "LT", "LTT": "LTT", "DA": "UL"}  # UL = DA (Schützenberger 1976)

# 12 regexes (fex syntax; MeSCaL writes union as +); every regex uses every letter of its alphabet
REGEXES = [
    "(ab)*", "(a|b)*a(a|b)(a|b)", "a*b*", "(a|b)*ab(a|b)*", "((a|b)(a|b))*", "a(a|b)*b",
    "(a|b)*aa(a|b)*", "(aa)*b*", "(ab|b)*", "b*ab*ab*", "(a|b)*a(a|b)*b(a|b)*", "(a|b)*c(a|b)*",
]


# ---------------------------------------------------------------- languages
def small_dfas():
    """21 DFAs of 5 to 35 states: a uniform random, a partially ordered and a monotone DFA per size."""
    out = []
    for n in (5, 10, 15, 20, 25, 30, 35):
        out.append((f"uniform-{n}", fam.uniform(n, 7000 + n)))
        out.append((f"po-{n}", fam.po_large_monoid(n, 8000 + n)))
        out.append((f"monotone-{n}", fam.monotone(n, 9000 + n)))
    return out


def large_dfas():
    out = [(f"count-mod-{n}", fam.count_mod(n)) for n in (200, 1000, 5000)]
    out += [(f"nth-from-end-{1 << w}", fam.nth_from_end(w)) for w in (8, 10, 12)]
    out += [(f"uniform-{n}", fam.uniform(n, n)) for n in (160, 850, 4300)]
    out += [(f"po-32-s{s}", fam.po_large_monoid(32, s))
            for s in (1020, 3833, 2123, 44, 2028, 323, 1903, 2429, 855, 3550)]
    out.append(("monotone-5000", fam.monotone(5000, 5000)))
    return out


def write_fex_dfa(path, d):
    alphabet, n, start, acc, delta = d
    fam.write(path, alphabet, n, start, acc, delta)


def write_mescal_dfa(path, d):
    alphabet, n, start, acc, delta = d
    with open(path, "w") as f:
        json.dump({"TYPE": "AUTO", "N_SIZE": n, "L_ALPH": alphabet,
                   "L_TRAN": [[q, i, delta[q][i]] for q in range(n) for i in range(len(alphabet))],
                   "L_INIT": [start], "L_FINA": sorted(acc)}, f)


def load_fex_dfa(path):
    with open(path) as f:
        j = json.load(f)
    alphabet = j["alphabet"]
    n = j["states"]
    index = {a: i for i, a in enumerate(alphabet)}
    delta = [[None] * len(alphabet) for _ in range(n)]
    for q, a, r in j["transitions"]:
        delta[q][index[a]] = r
    start = j.get("start", 0)
    return alphabet, n, start, j["accepting"], delta


# ---------------------------------------------------------------- running
def timed(cmd, stdin=None):
    """Runs cmd under timeout and /usr/bin/time; returns (status, wall, cpu, rss_mb, stdout)."""
    # Wall and CPU seconds are taken here with microsecond resolution (/usr/bin/time prints hundredths, too coarse for
    # processes of a few milliseconds); /usr/bin/time supplies the peak RSS. Both tools pay the same wrappers.
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%M", "-o", tf.name, "timeout", str(LIMIT)] + cmd
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        p = subprocess.run(full, input=stdin, capture_output=True, text=True,
                           env=dict(os.environ, DOTNET_GCHeapHardLimit="0x80000000"))
        wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        parts = tf.read().split()[-1:]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = int(parts[0]) if parts and parts[0].isdigit() else 0
    status = "ok" if p.returncode == 0 else "timeout" if p.returncode == 124 else f"exit {p.returncode}"
    return status, (LIMIT if status == "timeout" else wall), cpu, rss // 1024, p.stdout


def cell(status, wall, cpu, rss):
    if status == "timeout":
        return f"> {LIMIT} s"
    s = f"{wall:.3f} s ({cpu:.3f} s CPU, {rss} MB)"
    return s if status == "ok" else f"{s}, {status}"


def run_mescal(lang_cmd, rows=ROWS):
    script = lang_cmd + "".join(f"membership({MESCAL_NAME[c]}, L)\n" for c in rows) + "exit\n"
    status, wall, cpu, rss, out = timed(["stdbuf", "-oL", MESCAL], stdin=script)
    out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    answers = {}
    names = {v: k for k, v in MESCAL_NAME.items()}
    for m in re.finditer(r"The (?:input )?recognized language (belongs|does NOT belong) to ([A-Z]+)\.", out):
        answers[names.get(m.group(2), m.group(2))] = m.group(1) == "belongs"
    return (status, wall, cpu, rss), answers


def run_fex(lang_args, rows=ROWS):
    status, wall, cpu, rss, out = timed([FEX, "classify"] + lang_args + ["--classes", ",".join(rows), "--arch", "none", "--json"])
    found = {}
    if out.strip():
        try:
            found = json.loads(out)["classes"]
        except (ValueError, KeyError):
            found = {}
    if rows != ROWS:
        return (status, wall, cpu, rss), found, None
    whole = timed([FEX, "classify"] + lang_args)
    return (status, wall, cpu, rss), found, whole[:4]


# ---------------------------------------------------------------- independent certificate checks
def minimize(d):
    """The minimal DFA of the reachable part (Moore refinement): (alphabet, states, start, delta, accepting set)."""
    alphabet, n, start, acc, delta = d
    seen, order = {start}, [start]
    for q in order:
        for r in delta[q]:
            if r not in seen:
                seen.add(r)
                order.append(r)
    accs = set(acc)
    block = {q: int(q in accs) for q in order}
    while True:
        sig = {q: (block[q],) + tuple(block[r] for r in delta[q]) for q in order}
        ids = {}
        new = {q: ids.setdefault(sig[q], len(ids)) for q in order}
        if len(ids) == len(set(block.values())):
            break
        block = new
    m = len(set(block.values()))
    md = [[0] * len(alphabet) for _ in range(m)]
    for q in order:
        md[block[q]] = [block[r] for r in delta[q]]
    return alphabet, m, block[start], md, {block[q] for q in order if q in accs}


def compose(s, t):
    """The transformation of the word st: first s, then t."""
    return tuple(t[x] for x in s)


def omega(t):
    p = t
    while compose(p, p) != p:
        p = compose(p, t)
    return p


def parse_identity(text):
    """Parses an identity of fex's Identities ("(xy)^ω x = (xy)^ω"): a pair of terms."""
    def term(s):
        tokens = re.findall(r"\^ω|[()]|[a-z]", s.replace("·", ""))
        pos = 0

        def seq():
            nonlocal pos
            items = []
            while pos < len(tokens) and tokens[pos] != ")":
                if tokens[pos] == "(":
                    pos += 1
                    inner = seq()
                    pos += 1  # ')'
                    item = ("seq", inner)
                else:
                    item = ("var", tokens[pos])
                    pos += 1
                while pos < len(tokens) and tokens[pos] == "^ω":
                    item = ("omega", item)
                    pos += 1
                items.append(item)
            return items
        return ("seq", seq())
    left, right = text.split("=")
    return term(left), term(right)


def evaluate(node, env, ident):
    kind = node[0]
    if kind == "var":
        return env[node[1]]
    if kind == "omega":
        return omega(evaluate(node[1], env, ident))
    t = ident
    for item in node[1]:
        t = compose(t, evaluate(item, env, ident))
    return t


def word_map(m, word, index):
    _, n, _, delta, _ = m
    t = tuple(range(n))
    for a in word:
        t = tuple(delta[x][index[a]] for x in t)
    return t


def violated(m, identity, assignment):
    alphabet = m[0]
    index = {a: i for i, a in enumerate(alphabet)}
    env = {v: word_map(m, w, index) for v, w in assignment.items()}
    left, right = parse_identity(identity)
    ident = tuple(range(m[1]))
    return evaluate(left, env, ident) != evaluate(right, env, ident)


def semigroup(m, cap):
    _, n, _, delta, _ = m
    gens = [tuple(delta[q][i] for q in range(n)) for i in range(len(m[0]))]
    elems, order = set(gens), list(dict.fromkeys(gens))
    for t in order:
        for g in gens:
            u = compose(t, g)
            if u not in elems:
                if len(elems) >= cap:
                    return None
                elems.add(u)
                order.append(u)
    return order


def member_by_identities(m, cls, cap=400):
    """Decides cls by its defining identities over the whole semigroup S (None when S exceeds cap)."""
    s = semigroup(m, cap)
    if s is None:
        return None
    idem = [e for e in s if compose(e, e) == e]
    if cls == "SF":
        return all(compose(omega(x), x) == omega(x) for x in s)
    if cls == "PT":  # J-trivial: (xy)^ω x = (xy)^ω = y (xy)^ω
        return all(compose(omega(compose(x, y)), x) == omega(compose(x, y)) == compose(y, omega(compose(x, y))) for x in s for y in s)
    if cls == "DA":
        return all(compose(compose(omega(compose(x, y)), x), omega(compose(x, y))) == omega(compose(x, y)) for x in s for y in s)
    if cls == "LT":  # Brzozowski–Simon, McNaughton: eSe idempotent and commutative
        for e in idem:
            local = {compose(compose(e, x), e) for x in s}
            for u in local:
                if compose(u, u) != u or any(compose(u, v) != compose(v, u) for v in local):
                    return False
        return True
    if cls == "LTT":  # Thérien–Weiss: aperiodic and e x f y e z f = e z f y e x f
        if not all(compose(omega(x), x) == omega(x) for x in s):
            return False
        for e in idem:
            for f in idem:
                local = {compose(compose(e, x), f) for x in s}  # e S f; the identity is u y w = w y u on it
                for u in local:
                    for w in local:
                        if any(compose(compose(u, y), w) != compose(compose(w, y), u) for y in s):
                            return False
        return True
    return None


def certificate_says(m, row, fex_row):
    """Who is right, from fex's certificate checked here: 'fex' / 'MeSCaL' / 'unchecked (…)'."""
    member = fex_row.get("member")
    ev = fex_row.get("evidence")
    items = ev if isinstance(ev, list) else [ev]
    if member is False:
        for e in items:
            if isinstance(e, dict) and e.get("kind") == "identity-violation":
                return "fex (identity violation re-evaluated here)" if violated(m, e["identity"], e["assignment"]) else "MeSCaL (fex's identity holds)"
    cap = 150 if row == "LTT" else 400
    truth = member_by_identities(m, row, cap)
    if truth is None:
        return f"unchecked (semigroup over {cap} elements)"
    return "fex (identities over S checked here)" if truth == member else "MeSCaL (identities over S checked here)"


def compare(rows, fex_rows, answers, m, tool):
    """The verdict pairs "fex/tool" per row and, for each disagreement, who is right by fex's certificate."""
    verdicts, notes = [], []
    for row in rows:
        f, g = fex_rows.get(row, {}).get("member"), answers.get(row)
        yn = lambda v: "?" if v is None else "y" if v else "n"  # noqa: E731
        verdicts.append(f"{yn(f)}/{yn(g)}")
        if f is not None and g is not None and f != g:
            notes.append(f"{row}: {certificate_says(m, row, fex_rows[row]).replace('MeSCaL', tool)}")
    return verdicts, notes


def print_medians(medians, other, fex_rows):
    """One line per set: the medians of (other tool, fex on the same rows, fex's whole classify), wall / CPU, and the ratios."""
    print(f"| set | languages | {other} | {fex_rows} | fex (whole classify) | fex / {other.split(' ')[0]}, wall | fex / {other.split(' ')[0]}, CPU |")
    print("|---|---|---|---|---|---|---|")
    for group, rows in medians.items():
        wall = lambda k: statistics.median(r[k][1] for r in rows)  # noqa: E731
        cpu = lambda k: statistics.median(r[k][2] if r[k][0] != "timeout" else LIMIT for r in rows)  # noqa: E731
        ratio = lambda a, b: f"{a / b:.2f}×" if b > 0 else "—"  # noqa: E731
        print(f"| {group} | {len(rows)} | {wall(0):.3f} s / {cpu(0):.3f} s | {wall(1):.3f} s / {cpu(1):.3f} s | {wall(2):.3f} s / {cpu(2):.3f} s | {ratio(wall(1), wall(0))} | {ratio(cpu(1), cpu(0))} |")


# ---------------------------------------------------------------- main
def main():
    work = tempfile.mkdtemp(prefix="fex-mescal-")
    langs = []  # (set, name, fex args, mescal command, dfa file for the checks)
    for i, r in enumerate(REGEXES if "regex" in SETS else []):
        alphabet = sorted(set(re.findall(r"[a-z]", r)))
        path = os.path.join(work, f"re{i}.json")
        subprocess.run([FEX, "compile", f"re:{r}", "--alphabet", ",".join(alphabet), "-o", path], check=True, capture_output=True)
        langs.append(("regex", r, [f"re:{r}", "--alphabet", ",".join(alphabet)], f'L = "{r.replace("|", "+")}"\n', path))
    for group, items in (("dfa", small_dfas()), ("large", large_dfas())):
        if group not in SETS:
            continue
        for name, d in items:
            path = os.path.join(work, name + ".json")
            mpath = os.path.join(work, name + ".mescal.json")
            write_fex_dfa(path, d)
            write_mescal_dfa(mpath, d)
            langs.append((group, name, [path], f'L = open("{mpath}")\n', path))

    print("| set | language | minimal states | MeSCaL: SF alone | fex: SF alone | MeSCaL: SF, PT, LT, LTT, UL | fex: the same 5 rows | fex: whole classify | verdicts (SF PT LT LTT DA; fex/MeSCaL) | disagreements, and who is right |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    medians = {}
    disagreements = 0
    for group, name, fex_args, mescal_cmd, path in langs:
        msf, _ = run_mescal(mescal_cmd, ["SF"])
        fsf, _, _ = run_fex(fex_args, ["SF"])
        mtime, manswers = run_mescal(mescal_cmd)
        ftime, frows, whole = run_fex(fex_args)
        m = minimize(load_fex_dfa(path))
        verdicts, notes = compare(ROWS, frows, manswers, m, "MeSCaL")
        disagreements += len(notes)
        medians.setdefault(group, []).append((mtime, ftime, whole))
        shown = name if group != "regex" else f"`{name}`"
        print(f"| {group} | {shown} | {m[1]} | {cell(*msf)} | {cell(*fsf)} | {cell(*mtime)} | {cell(*ftime)} | {cell(*whole)} | {' '.join(verdicts)} | {'; '.join(notes) or '—'} |", flush=True)

    print()
    print("Medians of whole processes, wall seconds / CPU seconds (user + system; the better guide on a shared")
    print("machine). A timeout counts as the limit:")
    print()
    print_medians(medians, "MeSCaL (5 rows)", "fex (5 rows)")
    print()
    print(f"{disagreements} verdicts differ (y = member, n = not, ? = no answer: timeout, budget or crash).")


if __name__ == "__main__":
    main()
