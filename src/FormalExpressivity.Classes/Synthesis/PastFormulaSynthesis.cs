using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// LTL[P] from a partially ordered DFA (LC25's state-by-state construction, Thm 5.x; Brzozowski &amp;
/// Fich 1980). For every state q, a formula φ_q that holds at position i iff the run on w_1 … w_{i−1}
/// is in q. Since every cycle is a self-loop, the run enters q at most once and leaves it at most once:
/// φ_start = ¬P(out_start); φ_q = P(enter_q) ∧ ¬P(P(enter_q) ∧ out_q), with
/// enter_q = ⋁_{p ≠ q, p·a = q} (φ_p ∧ a) and out_q = "a symbol that leaves q". L = ⋁_{q ∈ F} φ_q at N+1
/// (or the negation over rejecting states, whichever is smaller). Example: aΣ* over {a,b} gives
/// P(a ∧ ¬P⊤).
/// </summary>
public static class PastFormulaSynthesis
{
    /// <summary>The LTL[P] formula of a partially ordered DFA, or null when the DFA has a cycle through two states.</summary>
    /// <param name="dfa">A DFA (minimal, so every state is reachable).</param>
    public static LtlFormula? Synthesize(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if (PartialOrder.FindCycle(dfa) is not null) return null;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var order = TopologicalOrder(dfa);
        var phi = new LtlFormula?[n];
        // The entries of every state, by ascending predecessor p ≠ q: one pass over δ instead of all n² pairs.
        var into = new List<(int P, int[] Letters)>[n];
        for (int p = 0; p < n; p++)
            for (int a = 0; a < k; a++)
            {
                int q = dfa.Next(p, a);
                if (q == p) continue;
                var list = into[q] ??= [];
                if (list.Count > 0 && list[^1].P == p) continue; // p's letters into q were all collected at its first letter
                list.Add((p, Enumerable.Range(a, k - a).Where(b => dfa.Next(p, b) == q).ToArray()));
            }
        foreach (int q in order)
        {
            var outLetters = Enumerable.Range(0, k).Where(a => dfa.Next(q, a) != q);
            var leave = Letters.AnyOf(dfa.Alphabet, outLetters);
            if (q == dfa.Start)
            {
                phi[q] = Ltl.Not(Ltl.Past(leave));
                continue;
            }
            var entries = new List<LtlFormula>();
            foreach (var (p, letters) in into[q] ?? [])
                if (phi[p] is not null) entries.Add(Ltl.And(phi[p]!, Letters.AnyOf(dfa.Alphabet, letters)));
            var entered = Ltl.Past(Ltl.Or(entries));
            phi[q] = Ltl.And(entered, Ltl.Not(Ltl.Past(Ltl.And(entered, leave))));
        }
        var accepting = Enumerable.Range(0, n).Where(q => phi[q] is not null && dfa.IsAccepting(q)).Select(q => phi[q]!);
        var rejecting = Enumerable.Range(0, n).Where(q => phi[q] is not null && !dfa.IsAccepting(q)).Select(q => phi[q]!);
        var pos = Ltl.Or(accepting);
        var neg = Ltl.Not(Ltl.Or(rejecting));
        return neg.Size < pos.Size ? neg : pos;
    }

    /// <summary>Reachable states in an order where every non-loop transition goes forward (Kahn on the DAG without self-loops).</summary>
    private static List<int> TopologicalOrder(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reach = new bool[n];
        var stack = new Stack<int>();
        reach[dfa.Start] = true;
        stack.Push(dfa.Start);
        while (stack.Count > 0)
        {
            int p = stack.Pop();
            for (int a = 0; a < k; a++)
            {
                int q = dfa.Next(p, a);
                if (!reach[q]) { reach[q] = true; stack.Push(q); }
            }
        }
        var indeg = new int[n];
        for (int p = 0; p < n; p++)
            if (reach[p])
                foreach (var q in Enumerable.Range(0, k).Select(a => dfa.Next(p, a)).Distinct())
                    if (q != p) indeg[q]++;
        var order = new List<int>();
        var queue = new Queue<int>();
        queue.Enqueue(dfa.Start);
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            order.Add(p);
            foreach (var q in Enumerable.Range(0, k).Select(a => dfa.Next(p, a)).Distinct())
                if (q != p && --indeg[q] == 0) queue.Enqueue(q);
        }
        return order;
    }
}
