#!/usr/bin/env python3
"""Writes the DFA families of issue 16 as fex .json DFAs into the directory given as argv[1].

Every family is deterministic (seeded generators); the file name says what it is.
"""
import json, os, random, sys


def write(path, alphabet, n, start, accepting, delta):
    trans = [[q, a, delta[q][i]] for q in range(n) for i, a in enumerate(alphabet)]
    with open(path, "w") as f:
        json.dump({"type": "dfa", "alphabet": alphabet, "states": n, "start": start,
                   "accepting": sorted(accepting), "transitions": trans}, f)


def count_mod(n):
    # number of a's ≡ 0 (mod n), over {a, b}
    return ["a", "b"], n, 0, [0], [[(q + 1) % n, q] for q in range(n)]


def nth_from_end(w):
    # Σ*aΣ^(w−1) over {a, b}: the last w symbols, 2^w states
    n = 1 << w
    delta = [[((q << 1) | 1) & (n - 1), (q << 1) & (n - 1)] for q in range(n)]
    return ["a", "b"], n, 0, [q for q in range(n) if q >> (w - 1) & 1], delta


def uniform(n, seed):
    rnd = random.Random(seed)
    delta = [[rnd.randrange(n), rnd.randrange(n)] for _ in range(n)]
    return ["a", "b"], n, 0, [q for q in range(n) if rnd.random() < 0.5], delta


def monotone(n, seed, k=2):
    # partially ordered: q·a ≥ q; targets close to q so the DFA is long and stays minimal-ish
    rnd = random.Random(seed)
    letters = ["a", "b", "c"][:k]
    delta = [[min(n - 1, q + rnd.choice([0, 0, 1, 1, 2, 3])) for _ in letters] for q in range(n)]
    return letters, n, 0, [q for q in range(n) if rnd.random() < 0.5], delta


def po_large_monoid(n, seed):
    # a partially ordered DFA over {a, b} whose targets are uniform among the states ≥ q
    rnd = random.Random(seed)
    delta = [[rnd.randrange(q, n), rnd.randrange(q, n)] for q in range(n)]
    return ["a", "b"], n, 0, [q for q in range(n) if rnd.random() < 0.5], delta


def at_least(m):
    # at least m a's over {a, b}: states 0..m (m saturates)
    n = m + 1
    return ["a", "b"], n, 0, [m], [[min(q + 1, m), q] for q in range(n)]


def word(m):
    # the single word a^m over {a}: states 0..m and a sink m+1
    n = m + 2
    return ["a"], n, 0, [m], [[q + 1 if q < m else m + 1] for q in range(n)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    fams = {}
    for n in (200, 1000, 5000):
        fams[f"count-mod-{n}"] = count_mod(n)
    for w in (8, 10, 12):
        fams[f"nth-from-end-{1 << w}"] = nth_from_end(w)
    for n in (160, 850, 4300):
        fams[f"uniform-{n}"] = uniform(n, n)
    fams["po-32"] = po_large_monoid(32, 7)
    fams["monotone-5000"] = monotone(5000, 5000)
    for n in (28, 29):
        fams[f"at-least-{n - 1}"] = at_least(n - 1)
    for m in (198, 998):
        fams[f"word-a{m}"] = word(m)
    for name, (alphabet, n, start, acc, delta) in fams.items():
        write(os.path.join(out, name + ".json"), alphabet, n, start, acc, delta)
        print(name)


main()
