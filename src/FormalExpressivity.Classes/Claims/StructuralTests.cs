using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// The exact DFA criteria used by <see cref="StructuralArchitectureOracle"/>, each on a minimal
/// complete DFA (theory.md §4–§5). Graph walks use explicit stacks and queues.
/// </summary>
public static class StructuralTests
{
    /// <summary>
    /// Partially ordered (R-trivial, Brzozowski &amp; Fich 1980): no two distinct states lie on a common cycle.
    /// Checked by removing sinks-first (Kahn) on the graph without self-loops.
    /// </summary>
    /// <param name="dfa">A minimal complete DFA.</param>
    public static bool IsPartiallyOrdered(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var indegree = new int[n];
        var edges = new List<int>[n];
        for (int q = 0; q < n; q++)
        {
            edges[q] = dfa.Table.Slice(q * k, k).ToArray().Where(r => r != q).Distinct().ToList();
            foreach (int r in edges[q]) indegree[r]++;
        }
        return Acyclic(n, edges, indegree);
    }

    /// <summary>
    /// Definite (Perles, Rabin &amp; Shamir 1963): the graph on unordered pairs {p ≠ q} with edges
    /// {p,q} → {p·a, q·a} for unequal images is acyclic; the longest path (in edges) + 1 is the degree.
    /// A one-state DFA is definite of degree 0.
    /// </summary>
    /// <param name="dfa">A minimal complete DFA.</param>
    /// <param name="degree">The least d with membership decided by the last d symbols, when definite.</param>
    public static bool IsDefinite(Dfa dfa, out int degree)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        degree = 0;
        if (n == 1) return true;
        int pairs = n * n;
        var edges = new List<int>[pairs];
        var indegree = new int[pairs];
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
            {
                var list = edges[p * n + q] = [];
                for (int a = 0; a < k; a++)
                {
                    int x = dfa.Next(p, a), y = dfa.Next(q, a);
                    if (x == y) continue;
                    int t = Math.Min(x, y) * n + Math.Max(x, y);
                    if (!list.Contains(t)) { list.Add(t); indegree[t]++; }
                }
            }
        for (int i = 0; i < pairs; i++) edges[i] ??= [];
        // Kahn's algorithm with longest-path layers over the pair vertices p < q.
        var queue = new Queue<int>();
        var longest = new int[pairs];
        int live = 0, removed = 0;
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
            {
                live++;
                if (indegree[p * n + q] == 0) queue.Enqueue(p * n + q);
            }
        int maxPath = 0;
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            removed++;
            maxPath = Math.Max(maxPath, longest[v]);
            foreach (int t in edges[v])
            {
                longest[t] = Math.Max(longest[t], longest[v] + 1);
                if (--indegree[t] == 0) queue.Enqueue(t);
            }
        }
        if (removed != live) return false;
        degree = maxPath + 1;
        return true;
    }

    /// <summary>
    /// Locally R-trivial (LR): no forbidden configuration of theory.md §5 — states p ≠ q, r reachable
    /// from p, r' reachable from q and a non-empty word u with p·u = p, q·u = q, r·u = q, r'·u = p.
    /// For each pair (p, q) a multi-source search in the 4-fold product, from every (p, q, r, r') after one
    /// letter, looks for (p, q, q, p).
    /// </summary>
    /// <param name="dfa">A minimal complete DFA.</param>
    public static bool IsLocallyRTrivial(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var reach = new bool[n][];
        for (int q = 0; q < n; q++) reach[q] = Reachable(dfa, q);
        int n2 = n * n, n4 = n2 * n2;
        var seen = new bool[n4];
        var queue = new Queue<int>();
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                if (p == q) continue;
                Array.Clear(seen);
                queue.Clear();
                // Tuples (a, b, c, d) encoded as ((a·n + b)·n + c)·n + d; the first two start at (p, q).
                for (int r = 0; r < n; r++)
                {
                    if (!reach[p][r]) continue;
                    for (int r2 = 0; r2 < n; r2++)
                    {
                        if (!reach[q][r2]) continue;
                        for (int a = 0; a < k; a++)
                        {
                            int t = Encode(n, dfa.Next(p, a), dfa.Next(q, a), dfa.Next(r, a), dfa.Next(r2, a));
                            if (!seen[t]) { seen[t] = true; queue.Enqueue(t); }
                        }
                    }
                }
                int target = Encode(n, p, q, q, p);
                while (queue.Count > 0)
                {
                    int t = queue.Dequeue();
                    if (t == target) return false;
                    int d = t % n, c = t / n % n, b = t / n2 % n, a0 = t / (n2 * n);
                    for (int a = 0; a < k; a++)
                    {
                        int u = Encode(n, dfa.Next(a0, a), dfa.Next(b, a), dfa.Next(c, a), dfa.Next(d, a));
                        if (!seen[u]) { seen[u] = true; queue.Enqueue(u); }
                    }
                }
            }
        return true;
    }

    /// <summary>
    /// Aperiodic (star-free, Schützenberger 1965): every transformation x of the transition monoid
    /// satisfies x^ω·x = x^ω. Returns <c>null</c> when the monoid has more than <paramref name="maxElements"/> elements.
    /// </summary>
    /// <param name="dfa">A minimal complete DFA.</param>
    /// <param name="maxElements">The exploration budget.</param>
    public static bool? IsAperiodic(Dfa dfa, int maxElements)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var letters = new int[k][];
        for (int a = 0; a < k; a++)
        {
            letters[a] = new int[n];
            for (int q = 0; q < n; q++) letters[a][q] = dfa.Next(q, a);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<int[]>();
        foreach (var l in letters)
            if (seen.Add(Key(l))) queue.Enqueue(l);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            if (!PowerIsStable(x)) return false;
            foreach (var l in letters)
            {
                var y = new int[n];
                for (int q = 0; q < n; q++) y[q] = l[x[q]]; // x then the letter
                if (seen.Add(Key(y)))
                {
                    if (seen.Count > maxElements) return null;
                    queue.Enqueue(y);
                }
            }
        }
        return true;
    }

    // x^ω·x = x^ω  ⇔  the powers of x end in a fixed point (period 1): x^m = x^{m+1} for m = n suffices.
    private static bool PowerIsStable(int[] x)
    {
        int n = x.Length;
        var p = (int[])x.Clone();
        for (int i = 1; i < n; i++) p = Compose(p, x);
        var next = Compose(p, x);
        return p.AsSpan().SequenceEqual(next);
    }

    private static int[] Compose(int[] first, int[] second)
    {
        var r = new int[first.Length];
        for (int q = 0; q < first.Length; q++) r[q] = second[first[q]];
        return r;
    }

    private static string Key(int[] t) => string.Join(',', t);

    private static int Encode(int n, int a, int b, int c, int d) => ((a * n + b) * n + c) * n + d;

    private static bool[] Reachable(Dfa dfa, int from)
    {
        var seen = new bool[dfa.StateCount];
        var stack = new Stack<int>();
        seen[from] = true;
        stack.Push(from);
        while (stack.Count > 0)
        {
            int q = stack.Pop();
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int r = dfa.Next(q, a);
                if (!seen[r]) { seen[r] = true; stack.Push(r); }
            }
        }
        return seen;
    }

    private static bool Acyclic(int n, List<int>[] edges, int[] indegree)
    {
        var queue = new Queue<int>();
        for (int q = 0; q < n; q++) if (indegree[q] == 0) queue.Enqueue(q);
        int removed = 0;
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            removed++;
            foreach (int t in edges[v]) if (--indegree[t] == 0) queue.Enqueue(t);
        }
        return removed == n;
    }
}
