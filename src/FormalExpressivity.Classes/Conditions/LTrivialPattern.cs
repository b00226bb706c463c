using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// L-trivial on the minimal DFA (no semigroup), for DFAs that are not partially ordered. The variety L of L-trivial
/// monoids is defined by y(xy)^ω = (xy)^ω and, equivalently, by the content identity v u^ω = u^ω for all words with
/// alph(v) ⊆ alph(u) (the mirror of u^ω v = u^ω for R, which holds on a partially ordered DFA because every letter of
/// u loops at a state fixed by u). On states: L ∉ L iff there are states s, p, r ≠ r′ and words v, z with s·v = p,
/// alph(v) ⊆ alph(z), (r, r′)·z = (r, r′) and (s, p)·z = (r, r′) (then s·z^ω = r ≠ r′ = s·v·z^ω; conversely take
/// z = u^m with u^m idempotent, r = s·z, r′ = s·v·z).
/// </summary>
/// <remarks>
/// (r, r′) is a C-node of the pair graph (<see cref="PairComponents"/>) and z a cycle of its pair component K; a
/// cycle through (r, r′) using every letter of K's alphabet B can be appended to z, so "alph(v) ⊆ alph(z)" becomes
/// "s reaches p with letters of B". Per C-node (r, r′): a backward breadth-first search from (r, r′, r, r′) over
/// quadruples (x, y, t, t′) with (t, t′) ∈ K, looking for (s, p, r, r′) with s →_B p. O(Σ_K |K|²·n²·|Σ|), bounded
/// by <c>max-pair-states</c> quadruples; it is used only after the cheap refutations (a non-aperiodic letter, the DA
/// pattern: L ⊆ DA) and inclusions (D ⊆ L, R ∩ L = J by local confluence) have not decided the row.
/// <para>
/// Certificate: with e = z^ω, v e ≠ e, so some letter a of v has a e ≠ e; for an occurrence z = z₁ a z₂, either
/// z₂ e ≠ e (x = z₁a, y = z₂ violate y(xy)^ω = (xy)^ω) or a z₂ e = a e ≠ e (x = z z₁, y = a z₂). Each candidate is
/// checked by evaluation.
/// </para>
/// </remarks>
public static class LTrivialPattern
{
    /// <summary>The violated identity y(xy)^ω = (xy)^ω, or null when the language is L-trivial.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxQuadruples">Budget <c>max-pair-states</c>: the most quadruples visited in all.</param>
    /// <exception cref="BudgetExceededException">The search needed more quadruples.</exception>
    public static IdentityViolation? FindViolation(Dfa minimalDfa, long maxQuadruples)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        for (int a = 0; a < k; a++)
        {
            var w = Word.Of(a);
            if (IsViolated(dfa, w, w)) return Violation(w, w);
        }
        var pc = PairComponents.Compute(dfa, maxQuadruples);
        // Members of each pair component, and the B-reachability rows per distinct alphabet.
        var members = new Dictionary<int, List<(int R, int R2)>>();
        foreach (int r in pc.CyclicStates)
            foreach (int r2 in pc.CyclicStates)
                if (pc.ComponentOf(r, r2) is int c and >= 0)
                {
                    if (!members.TryGetValue(c, out var list)) members[c] = list = [];
                    list.Add((r, r2));
                }
        var reachCache = new Dictionary<string, bool[][]>();
        var reverse = LocalTestability.Reverse(dfa);
        long visited = 0;
        foreach (var (c, pairs) in members.OrderBy(kv => kv.Key))
        {
            string key = string.Join(',', Enumerable.Range(0, pc.AlphabetWords).Select(i => pc.Alphabets[c * pc.AlphabetWords + i]));
            if (!reachCache.TryGetValue(key, out var reachB)) reachCache[key] = reachB = ReachOver(dfa, a => pc.HasLetter(c, a));
            foreach (var (r, r2) in pairs)
            {
                // Backward search from (r, r2, r, r2); quadruple (x, y, t, t2) encoded over n⁴ as a long.
                var parent = new Dictionary<long, (long To, int Symbol)>();
                var queue = new Queue<long>();
                long Enc(int x, int y, int t, int t2) => (((long)x * n + y) * n + t) * n + t2;
                long target = Enc(r, r2, r, r2);
                queue.Enqueue(target);
                parent[target] = (-1, -1);
                while (queue.Count > 0)
                {
                    long node = queue.Dequeue();
                    int t2 = (int)(node % n), t = (int)(node / n % n), y = (int)(node / n / n % n), x = (int)(node / n / n / n);
                    if (node != target && t == r && t2 == r2 && x != y && reachB[x][y])
                        return Certificate(dfa, pc, Path(parent, node), r, r2, x, y, a => pc.HasLetter(c, a));
                    for (int a = 0; a < k; a++)
                        foreach (int tp in reverse[a][t])
                            foreach (int t2p in reverse[a][t2])
                            {
                                if (pc.ComponentOf(tp, t2p) != c) continue;
                                foreach (int xp in reverse[a][x])
                                    foreach (int yp in reverse[a][y])
                                    {
                                        long prev = Enc(xp, yp, tp, t2p);
                                        if (parent.ContainsKey(prev)) continue;
                                        if (++visited > maxQuadruples)
                                            throw new BudgetExceededException("max-pair-states", maxQuadruples, $"the L-trivial quadruple search of a {n}-state DFA");
                                        parent[prev] = (node, a);
                                        queue.Enqueue(prev);
                                    }
                            }
                }
            }
        }
        return null;
    }

    /// <summary>The word read forward from <paramref name="node"/> to the search's target.</summary>
    private static Word Path(Dictionary<long, (long To, int Symbol)> parent, long node)
    {
        var symbols = new List<int>();
        for (long cur = node; parent[cur].Symbol >= 0; cur = parent[cur].To) symbols.Add(parent[cur].Symbol);
        return Word.Of(symbols.ToArray());
    }

    /// <summary>reach[s][p]: p is reachable from s with the allowed letters.</summary>
    private static bool[][] ReachOver(Dfa dfa, Func<int, bool> allowed)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reach = new bool[n][];
        var queue = new Queue<int>();
        for (int s = 0; s < n; s++)
        {
            var row = reach[s] = new bool[n];
            row[s] = true;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                int p = queue.Dequeue();
                for (int a = 0; a < k; a++)
                {
                    if (!allowed(a)) continue;
                    int q = dfa.Next(p, a);
                    if (row[q]) continue;
                    row[q] = true;
                    queue.Enqueue(q);
                }
            }
        }
        return reach;
    }

    private static IdentityViolation Certificate(Dfa dfa, PairComponents pc, Word z0, int r, int r2, int s, int p, Func<int, bool> allowed)
    {
        // z = z0 followed by a cycle at (r, r2) over the whole alphabet B: still (s, p, r, r2)·z = (r, r2, r, r2).
        var z = z0.Concat(pc.CycleWord(r, r2));
        var e = DfaPaths.Action(dfa, z.Repeat(DfaPaths.IdempotentExponent(dfa, z)));
        var candidates = new List<(Word X, Word Y)> { (z, z) };
        for (int a = 0; a < dfa.SymbolCount; a++)
        {
            if (!allowed(a)) continue;
            bool fixes = true;
            for (int q = 0; q < e.Length && fixes; q++) fixes = e[dfa.Next(q, a)] == e[q];
            if (fixes) continue;
            for (int i = 0; i < z.Length; i++)
            {
                if (z[i] != a) continue;
                var z1 = z.Slice(0, i);
                var z2 = z.Slice(i + 1, z.Length - i - 1);
                if (z2.Length > 0) candidates.Add((z1.Append(a), z2));
                candidates.Add((z.Concat(z1), Word.Of(a).Concat(z2)));
            }
        }
        foreach (var (x, y) in candidates)
            if (IsViolated(dfa, x, y)) return Violation(x, y);
        throw new InvalidOperationException($"an L-trivial pattern at states {s}, {p}, {r}, {r2} without violated identity words");
    }

    private static IdentityViolation Violation(Word x, Word y) => new(Identities.LTrivial, new Dictionary<string, Word> { ["x"] = x, ["y"] = y });

    private static bool IsViolated(Dfa dfa, Word x, Word y) => IdentityEvaluator.IsViolated(Identities.LTrivial, new Dictionary<string, Word> { ["x"] = x, ["y"] = y }, dfa);
}
