using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// Kim, McNaughton &amp; McCloskey (1991), "A polynomial time algorithm for the local testability problem of
/// deterministic finite automata" (in the wording of Trahtman 2003): a minimal DFA is locally testable iff for
/// every C-node (p, q) of the pair graph G² (a pair fixed by one non-empty word) with q reachable from p
/// <list type="number">
/// <item>p and q in one strongly connected component implies p = q, and</item>
/// <item>for every non-empty word s: q is reachable from p·s iff q is reachable from q·s.</item>
/// </list>
/// Condition 1 is the locally-R-trivial test (LT ⊆ LR); this class checks condition 2, assuming condition 1.
/// </summary>
/// <remarks>
/// Condition 2 only depends on the component C of q ("reaches q" = "reaches C"), so the C-nodes are grouped by C:
/// with R_C the states reaching C, a breadth-first search of G² from all C-nodes (p, q), q ∈ C, p ∈ R_C, must meet
/// no pair (x, y) with exactly one of x, y in R_C. O(Σ_C visited pairs · |Σ|), bounded by <c>max-pair-states</c>.
/// On a partially ordered DFA q reaches q·s only when q·s = q, so the search is per state q over single states:
/// from p, the letters looping at q may only lead to states reaching q, and every other letter from those states
/// must leave R_q — O(n²·|Σ|) in all.
/// <para>
/// A violation is a certificate (checked by evaluating the identity): let u fix p and q, w lead p to q and s be the
/// word found. If x = p·s reaches q (by w₁) but y = q·s does not, e = u, x := s·w₁ violates local idempotence
/// e x e x e = e x e at p (p ↦ q on the right, into a state not reaching q on the left). If y reaches q (by w₂) and
/// x does not, e = u, x := s·w₂, y := w violates local commutativity e x e y e = e y e x e at p (q on the right).
/// </para>
/// </remarks>
public static class LocalTestability
{
    /// <summary>
    /// For a minimal DFA whose pair graph inside every component is acyclic (condition 1, i.e. locally R-trivial): null
    /// when condition 2 holds (locally testable), else the violated identity of eSe.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA satisfying condition 1.</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>.</param>
    public static IdentityViolation? FindViolation(Dfa minimalDfa, long maxPairs)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        var pc = PairComponents.Compute(dfa, maxPairs);
        return pc.StateComponent.Distinct().Count() == dfa.StateCount ? PartiallyOrdered(pc) : General(pc, maxPairs);
    }

    private static IdentityViolation? PartiallyOrdered(PairComponents pc)
    {
        var dfa = pc.Dfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reverse = Reverse(dfa);
        var reaches = new bool[n];
        var bad = new bool[n];
        var badWord = new int[n];
        var queue = new Queue<int>();
        foreach (int q in pc.CyclicStates)
        {
            // Partners p ≠ q with a common loop letter; condition 2 is vacuous without one that reaches q.
            bool any = false;
            foreach (int p in pc.CyclicStates)
                any |= p != q && pc.ComponentOf(p, q) >= 0;
            if (!any) continue;
            Backward(reverse, q, reaches, queue);
            // Good(x): x reaches q, and no letter not looping at q leads from x into R_q. bad = backward closure of
            // ¬Good under the loop letters of q.
            Array.Clear(bad);
            for (int x = 0; x < n; x++)
            {
                bool good = reaches[x];
                for (int a = 0; a < k && good; a++)
                    if (dfa.Next(q, a) != q && reaches[dfa.Next(x, a)]) good = false;
                if (!good)
                {
                    bad[x] = true;
                    badWord[x] = -1;
                    queue.Enqueue(x);
                }
            }
            while (queue.Count > 0)
            {
                int y = queue.Dequeue();
                for (int a = 0; a < k; a++)
                {
                    if (dfa.Next(q, a) != q) continue;
                    foreach (int x in reverse[a][y])
                        if (!bad[x])
                        {
                            bad[x] = true;
                            badWord[x] = a;
                            queue.Enqueue(x);
                        }
                }
            }
            foreach (int p in pc.CyclicStates)
            {
                if (p == q || pc.ComponentOf(p, q) < 0 || !reaches[p] || !bad[p]) continue;
                // Follow the loop letters of q from p to a state x that is not good; then s = (that word)·b or empty.
                var s = new List<int>();
                int x = p;
                while (badWord[x] >= 0)
                {
                    s.Add(badWord[x]);
                    x = dfa.Next(x, badWord[x]);
                }
                if (!reaches[x])
                    return Certificate(pc, p, q, Word.Of(s.ToArray())); // s ≠ ε: p itself reaches q
                for (int a = 0; a < k; a++)
                    if (dfa.Next(q, a) != q && reaches[dfa.Next(x, a)])
                        return Certificate(pc, p, q, Word.Of(s.ToArray()).Append(a));
            }
        }
        return null;
    }

    private static IdentityViolation? General(PairComponents pc, long maxPairs)
    {
        var dfa = pc.Dfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reverse = Reverse(dfa);
        var reaches = new bool[n];
        var queue = new Queue<int>();
        var byComponent = new Dictionary<int, List<(int P, int Q)>>();
        foreach (int p in pc.CyclicStates)
            foreach (int q in pc.CyclicStates)
                if (p != q && pc.ComponentOf(p, q) >= 0 && pc.StateComponent[p] != pc.StateComponent[q])
                {
                    int c = pc.StateComponent[q];
                    if (!byComponent.TryGetValue(c, out var list)) byComponent[c] = list = [];
                    list.Add((p, q));
                }
        long visitedTotal = 0;
        foreach (var (_, nodes) in byComponent.OrderBy(kv => kv.Key))
        {
            Backward(reverse, nodes[0].Q, reaches, queue);
            var parent = new Dictionary<long, (long From, int Symbol)>();
            var frontier = new Queue<long>();
            foreach (var (p, q) in nodes)
            {
                if (!reaches[p]) continue;
                long key = (long)p * n + q;
                if (parent.TryAdd(key, (-1, -1))) frontier.Enqueue(key);
            }
            while (frontier.Count > 0)
            {
                long v = frontier.Dequeue();
                int x = (int)(v / n), y = (int)(v % n);
                if (reaches[x] != reaches[y])
                {
                    var s = new List<int>();
                    long cur = v;
                    while (parent[cur].Symbol >= 0)
                    {
                        s.Add(parent[cur].Symbol);
                        cur = parent[cur].From;
                    }
                    s.Reverse();
                    return Certificate(pc, (int)(cur / n), (int)(cur % n), Word.Of(s.ToArray()));
                }
                for (int a = 0; a < k; a++)
                {
                    int xa = dfa.Next(x, a), ya = dfa.Next(y, a);
                    if (xa == ya) continue;
                    long w = (long)xa * n + ya;
                    if (parent.ContainsKey(w)) continue;
                    if (++visitedTotal > maxPairs)
                        throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-testability pair search of a {n}-state DFA");
                    parent[w] = (v, a);
                    frontier.Enqueue(w);
                }
            }
        }
        return null;
    }

    /// <summary>The identity of eSe violated at p (see the remarks); s ≠ ε leads (p, q) to a pair split by "reaches q".</summary>
    private static IdentityViolation Certificate(PairComponents pc, int p, int q, Word s)
    {
        var dfa = pc.Dfa;
        var u = pc.CycleWord(p, q);
        int x = dfa.Run(p, s.Symbols), y = dfa.Run(q, s.Symbols);
        if (DfaPaths.Between(dfa, x, q) is { } w1)
            return new IdentityViolation(Identities.LocallyIdempotent, new Dictionary<string, Word> { ["e"] = u, ["x"] = s.Concat(w1) });
        var w2 = DfaPaths.Between(dfa, y, q) ?? throw new InvalidOperationException("neither image reaches q");
        var w = DfaPaths.Between(dfa, p, q)!;
        return new IdentityViolation(Identities.LocallyCommutative, new Dictionary<string, Word> { ["e"] = u, ["x"] = s.Concat(w2), ["y"] = w });
    }

    /// <summary>reverse[a][q] = the states p with p·a = q.</summary>
    internal static List<int>[][] Reverse(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reverse = new List<int>[k][];
        for (int a = 0; a < k; a++)
        {
            reverse[a] = new List<int>[n];
            for (int q = 0; q < n; q++) reverse[a][q] = [];
            for (int p = 0; p < n; p++) reverse[a][dfa.Next(p, a)].Add(p);
        }
        return reverse;
    }

    /// <summary>reaches[x] = x reaches <paramref name="target"/> (backward breadth-first search).</summary>
    internal static void Backward(List<int>[][] reverse, int target, bool[] reaches, Queue<int> queue)
    {
        Array.Clear(reaches);
        reaches[target] = true;
        queue.Enqueue(target);
        while (queue.Count > 0)
        {
            int y = queue.Dequeue();
            foreach (var byLetter in reverse)
                foreach (int x in byLetter[y])
                    if (!reaches[x])
                    {
                        reaches[x] = true;
                        queue.Enqueue(x);
                    }
        }
    }
}
