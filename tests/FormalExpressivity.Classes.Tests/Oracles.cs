using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Tests;

/// <summary>Naive oracles written straight from the definitions (slow; small DFAs only).</summary>
public static class Oracles
{
    /// <summary>
    /// theory.md §5 literally: some p ≠ q, r reachable from p, r' reachable from q, with (p, q, q, p)
    /// reachable from (p, q, r, r') in the 4-fold product by a non-empty word.
    /// </summary>
    public static bool HasLrConfiguration(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reach = new bool[n, n];
        for (int p = 0; p < n; p++)
        {
            var stack = new Stack<int>();
            reach[p, p] = true;
            stack.Push(p);
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                for (int a = 0; a < k; a++) if (!reach[p, dfa.Next(x, a)]) { reach[p, dfa.Next(x, a)] = true; stack.Push(dfa.Next(x, a)); }
            }
        }
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                if (p == q) continue;
                for (int r = 0; r < n; r++)
                {
                    if (!reach[p, r]) continue;
                    for (int r2 = 0; r2 < n; r2++)
                    {
                        if (!reach[q, r2]) continue;
                        // BFS over 4-tuples from the successors of (p,q,r,r2).
                        var seen = new HashSet<(int, int, int, int)>();
                        var queue = new Queue<(int, int, int, int)>();
                        for (int a = 0; a < k; a++)
                        {
                            var t = (dfa.Next(p, a), dfa.Next(q, a), dfa.Next(r, a), dfa.Next(r2, a));
                            if (seen.Add(t)) queue.Enqueue(t);
                        }
                        while (queue.Count > 0)
                        {
                            var (x1, x2, x3, x4) = queue.Dequeue();
                            if (x1 == p && x2 == q && x3 == q && x4 == p) return true;
                            for (int a = 0; a < k; a++)
                            {
                                var t = (dfa.Next(x1, a), dfa.Next(x2, a), dfa.Next(x3, a), dfa.Next(x4, a));
                                if (seen.Add(t)) queue.Enqueue(t);
                            }
                        }
                    }
                }
            }
        return false;
    }

    /// <summary>Definite of degree ≤ d by brute force: every word of length d maps all states to one state.</summary>
    public static int? DefiniteDegree(Dfa dfa, int maxDegree)
    {
        for (int d = 0; d <= maxDegree; d++)
        {
            bool ok = true;
            foreach (var w in FormalExpressivity.Testing.RandomDfa.AllWords(dfa.Alphabet, d))
            {
                if (w.Length != d) continue;
                int first = dfa.Run(0, w.Symbols);
                for (int q = 1; q < dfa.StateCount && ok; q++) ok = dfa.Run(q, w.Symbols) == first;
                if (!ok) break;
            }
            if (ok) return d;
        }
        return null;
    }
}
