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


def monotone(n, seed):
    # partially ordered (q·x ≥ q) and minimal: a walks the chain q → q+1, b jumps at most 3 ahead or stays
    rnd = random.Random(seed)
    delta = [[min(n - 1, q + 1), min(n - 1, q + rnd.choice([0, 0, 1, 2, 3]))] for q in range(n)]
    return ["a", "b"], n, 0, [q for q in range(n) if rnd.random() < 0.5], delta


def po_large_monoid(n, seed):
    # a partially ordered DFA over {a, b}: mostly a chain q → q+1 with forward jumps and self-loops;
    # the seeds below give minimal 32-state DFAs whose monoids have 18 870 to over 60 000 elements
    rnd = random.Random(seed)
    delta = []
    for q in range(n):
        a = q + 1 if q + 1 < n and rnd.random() < 0.8 else rnd.randrange(q, n)
        b = rnd.randrange(q, n) if rnd.random() < 0.7 else q
        delta.append([a, b] if rnd.random() < 0.5 else [b, a])
    return ["a", "b"], n, 0, [q for q in range(n) if rnd.random() < 0.5], delta


def at_least(m):
    # at least m a's over {a, b}: states 0..m (m saturates)
    n = m + 1
    return ["a", "b"], n, 0, [m], [[min(q + 1, m), q] for q in range(n)]


def word(m):
    # the single word a^m over {a}: states 0..m and a sink m+1
    n = m + 2
    return ["a"], n, 0, [m], [[q + 1 if q < m else m + 1] for q in range(n)]


def full_transformations(n):
    # a cycle, a transposition and a collapse generate all n^n maps: the syntactic monoid is T_n
    # (823 543 elements at n = 7; the DFA is minimal with accepting state 0)
    delta = [[(q + 1) % n, 1 if q == 0 else 0 if q == 1 else q, 1 if q == 0 else q] for q in range(n)]
    return ["a", "b", "c"], n, 0, [0], delta


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
    # the 32-state partially ordered DFA had a monoid of 18 446 elements; seed 1020 gives 18 870,
    # the other ten are the largest monoids among 4 000 seeds (minimal, all states reachable)
    for seed in (1020, 3833, 2123, 44, 2028, 323, 1903, 2429, 855, 3550, 3602):
        fams[f"po-32-s{seed}"] = po_large_monoid(32, seed)
    fams["monotone-5000"] = monotone(5000, 5000)
    for n in (28, 29):
        fams[f"at-least-{n - 1}"] = at_least(n - 1)
    for m in (198, 998):
        fams[f"word-a{m}"] = word(m)
    for n in (6, 7):
        fams[f"full-transformations-{n}"] = full_transformations(n)
    for name, (alphabet, n, start, acc, delta) in fams.items():
        write(os.path.join(out, name + ".json"), alphabet, n, start, acc, delta)
        print(name)


if __name__ == "__main__":
    main()
