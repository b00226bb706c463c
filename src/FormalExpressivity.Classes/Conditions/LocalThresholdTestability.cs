using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// Trahtman (2001, 2004), "Reducing the time complexity of testing for local threshold testability": a complete DFA
/// with transition graph Γ is locally threshold testable iff (≥ is reachability in Γ or in the pair graph Γ², reflexive;
/// a C-node is a node fixed by one non-empty word)
/// <list type="number">
/// <item>for every C-node (p, q) of Γ², p ~ q (one strongly connected component) implies p = q (locally R-trivial);</item>
/// <item>for all states p, q, t, r₁ with (p, r₁) a C-node, (p, r₁) ≥ (q, t) and some r with p ≥ r ≥ r₁ and (r, t) a
/// C-node: q ≥ t;</item>
/// <item>every T3SCC is well defined: for (p, r₁) a C-node, p ≥ q, and r with p ≥ r ≥ r₁ and (q, r) a C-node, the set
/// T(p, q, r₁) = { t | (p, r₁) ≥ (q, t), q ≥ t, (q, t) a C-node } lies in one strongly connected component of Γ
/// (its T3SCC; a distinct value when T is empty);</item>
/// <item>for all p, q, r, q₁ with (p, q₁) and (q, r) C-nodes, p ≥ q, p ≥ r, and every r₁ with (q, r) ≥ (q₁, r₁) and
/// (p, r₁) a C-node: T3SCC(p, q, r₁) = T3SCC(p, r, q₁).</item>
/// </list>
/// This class checks conditions 2–4, assuming condition 1 (the LR row's pair-graph test). It is the DFA twin of the
/// Thérien–Weiss identity e x f y e z f = e z f y e x f over aperiodic S (Beauquier–Pin 1989): both are checked
/// against each other on every minimal DFA of at most 4 states over {a, b} and on random DFAs.
/// </summary>
/// <remarks>
/// One breadth-first search of Γ² from every C-node per pass (two passes: conditions 2–3, then 4), O(c·n²·|Σ|) for c
/// C-nodes, bounded by <c>max-pair-states</c> (pairs visited in all searches). A failure of condition 2 is turned
/// into words violating the identity at p: e := a word fixing (p, r₁), f := a word fixing (r, t), x leads p to r,
/// y leads r to r₁, z leads (p, r₁) to (q, t); then p·exfyezf = t while p·ezfyexf lies below q, which does not reach t.
/// Conditions 3 and 4 come without words (<see cref="Result.Condition"/> names the failed one; the caller certifies
/// with the semigroup).
/// </remarks>
public static class LocalThresholdTestability
{
    /// <summary>The outcome: <see cref="Holds"/>, or the failed condition (2, 3, 4) with the identity's words for condition 2.</summary>
    /// <param name="Condition">0 when conditions 2–4 hold, else the first failed one.</param>
    /// <param name="Violation">For condition 2, the Thérien–Weiss identity with violating words.</param>
    /// <param name="States">The states of the failure, for people.</param>
    public sealed record Result(int Condition, IdentityViolation? Violation, string States)
    {
        /// <summary>True when conditions 2–4 hold.</summary>
        public bool Holds => Condition == 0;
    }

    /// <summary>Checks conditions 2–4 of Trahtman's theorem on a minimal DFA that satisfies condition 1 (locally R-trivial).</summary>
    /// <param name="minimalDfa">A minimal complete DFA, locally R-trivial.</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>: the most pairs visited in all searches of Γ².</param>
    /// <exception cref="BudgetExceededException">The searches exceed <paramref name="maxPairs"/>.</exception>
    public static Result Check(Dfa minimalDfa, long maxPairs)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var pc = PairComponents.Compute(dfa, maxPairs);
        var table = dfa.Table.ToArray();
        int words = (n + 63) >> 6;
        // reach[x] = bitset of the states reachable from x (reflexive); cnode[x] = the y with (x, y) a C-node.
        var reach = new ulong[n * words];
        var stack = new int[n];
        for (int x = 0; x < n; x++)
        {
            int top = 0;
            stack[top++] = x;
            Set(reach, x * words, x);
            while (top > 0)
            {
                int y = stack[--top];
                for (int a = 0; a < k; a++)
                {
                    int z = table[y * k + a];
                    if (!Get(reach, x * words, z)) { Set(reach, x * words, z); stack[top++] = z; }
                }
            }
        }
        var cyclic = new bool[n];
        foreach (int q in pc.CyclicStates) cyclic[q] = true;
        var cnode = new ulong[n * words];
        foreach (int p in pc.CyclicStates)
            foreach (int q in pc.CyclicStates)
                if (p == q || pc.ComponentOf(p, q) >= 0) Set(cnode, p * words, q);
        bool R(int x, int y) => Get(reach, x * words, y);
        bool C(int x, int y) => Get(cnode, x * words, y);

        // The C-nodes (p, r₁), the sources of both passes.
        var sources = new List<(int P, int R1)>();
        foreach (int p in pc.CyclicStates)
            foreach (int r1 in pc.CyclicStates)
                if (C(p, r1)) sources.Add((p, r1));
        long budget = maxPairs;
        var visited = new ulong[((long)n * n + 63) >> 6];
        var touched = new List<int>();
        var queue = new Queue<int>();
        var t3 = new Dictionary<long, int>();
        if ((long)n * n > maxPairs)
            throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-threshold-testability searches of the pair graph of a {n}-state DFA ({(long)n * n} pairs)");
        long Key(int p, int q, int r1) => ((long)p * n + q) * n + r1;
        var mid = new bool[n];
        var good = new ulong[words];

        // Pass 1: conditions 2 and 3, and the T3SCC table.
        foreach (var (p, r1) in sources)
        {
            Search(p, r1);
            for (int r = 0; r < n; r++) mid[r] = R(p, r) && R(r, r1);
            Array.Clear(good);
            for (int r = 0; r < n; r++)
                if (mid[r])
                    for (int w = 0; w < words; w++) good[w] |= cnode[r * words + w];
            foreach (int v in touched)
            {
                int q = v / n, t = v % n;
                if (Get(good, 0, t) && !R(q, t))
                {
                    int r = Enumerable.Range(0, n).First(r => mid[r] && C(r, t));
                    return new Result(2, Certificate(pc, p, r1, r, PairPath(dfa, p, r1, q, t)), $"p = {p}, r₁ = {r1}, r = {r}, q = {q}, t = {t}");
                }
            }
            for (int q = 0; q < n; q++)
            {
                if (!R(p, q)) continue;
                bool defined = false;
                for (int r = 0; r < n && !defined; r++) defined = mid[r] && C(q, r);
                if (!defined) continue;
                int component = -1;
                for (int t = 0; t < n; t++)
                {
                    if (!C(q, t) || !R(q, t) || !Get(visited, 0, q * n + t)) continue;
                    int c = pc.StateComponent[t];
                    if (component == -1) component = c;
                    else if (component != c)
                        return new Result(3, null, $"p = {p}, q = {q}, r₁ = {r1}: T(p, q, r₁) meets two components of Γ");
                }
                t3[Key(p, q, r1)] = component;
            }
        }

        // Pass 2: condition 4, from every C-node (q, r).
        foreach (var (q, r) in sources)
        {
            Search(q, r);
            foreach (int v in touched)
            {
                int q1 = v / n, r1 = v % n;
                for (int p = 0; p < n; p++)
                {
                    if (!R(p, q) || !R(p, r) || !C(p, q1) || !C(p, r1)) continue;
                    int left = t3[Key(p, q, r1)], right = t3[Key(p, r, q1)];
                    if (left != right)
                        return new Result(4, null, $"p = {p}, q = {q}, r = {r}, q₁ = {q1}, r₁ = {r1}: T3SCC(p, q, r₁) ≠ T3SCC(p, r, q₁)");
                }
            }
        }
        return new Result(0, null, $"{sources.Count} C-nodes of Γ², {maxPairs - budget} pairs visited");

        // Breadth-first search of Γ² from (a, b): visited/touched hold the reachable pairs, parent/via their words.
        void Search(int a, int b)
        {
            foreach (int v in touched) visited[v >> 6] &= ~(1UL << (v & 63));
            touched.Clear();
            int s = a * n + b;
            visited[s >> 6] |= 1UL << (s & 63);
            touched.Add(s);
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                int x = v / n, y = v % n;
                for (int c = 0; c < k; c++)
                {
                    int w = table[x * k + c] * n + table[y * k + c];
                    if ((visited[w >> 6] >> (w & 63) & 1) != 0) continue;
                    if (--budget < 0)
                        throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-threshold-testability searches of the pair graph of a {n}-state DFA");
                    visited[w >> 6] |= 1UL << (w & 63);
                    touched.Add(w);
                    queue.Enqueue(w);
                }
            }
        }
    }

    /// <summary>A shortest word leading the pair (a, b) to (c, d) in Γ² (it exists: the search found it).</summary>
    private static Word PairPath(Dfa dfa, int a, int b, int c, int d)
    {
        int n = dfa.StateCount;
        long start = (long)a * n + b, goal = (long)c * n + d;
        var parent = new Dictionary<long, (long From, int Symbol)> { [start] = (-1, -1) };
        var queue = new Queue<long>();
        queue.Enqueue(start);
        while (queue.Count > 0 && !parent.ContainsKey(goal))
        {
            long v = queue.Dequeue();
            int x = (int)(v / n), y = (int)(v % n);
            for (int s = 0; s < dfa.SymbolCount; s++)
            {
                long w = (long)dfa.Next(x, s) * n + dfa.Next(y, s);
                if (parent.TryAdd(w, (v, s))) queue.Enqueue(w);
            }
        }
        var symbols = new List<int>();
        for (long v = goal; parent[v].Symbol >= 0; v = parent[v].From) symbols.Add(parent[v].Symbol);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }

    /// <summary>The Thérien–Weiss identity violated at p for a failure (p, r₁, r; z leads (p, r₁) to (q, t)) of condition 2 (see the remarks).</summary>
    private static IdentityViolation Certificate(PairComponents pc, int p, int r1, int r, Word z)
    {
        var dfa = pc.Dfa;
        var e = Fixing(pc, p, r1);
        int t = dfa.Run(r1, z.Symbols);
        var f = Fixing(pc, r, t);
        var x = DfaPaths.Between(dfa, p, r) ?? throw new InvalidOperationException("p does not reach r");
        var y = DfaPaths.Between(dfa, r, r1) ?? throw new InvalidOperationException("r does not reach r₁");
        // An empty variable is replaced by the idempotent next to it: e·e·f = e·f and f·f·e = f·e.
        if (x.Length == 0) x = e;
        if (y.Length == 0) y = f;
        if (z.Length == 0) z = e;
        return new IdentityViolation(Identities.TherienWeiss, new Dictionary<string, Word> { ["e"] = e, ["f"] = f, ["x"] = x, ["y"] = y, ["z"] = z });
    }

    /// <summary>A non-empty word fixing both states of the C-node (a, b).</summary>
    private static Word Fixing(PairComponents pc, int a, int b)
    {
        if (a != b) return pc.CycleWord(a, b);
        var dfa = pc.Dfa;
        for (int c = 0; c < dfa.SymbolCount; c++)
            if (DfaPaths.Between(dfa, dfa.Next(a, c), a) is { } back) return Word.Of(c).Concat(back);
        throw new InvalidOperationException($"state {a} is on no cycle");
    }

    private static bool Get(ulong[] bits, int offset, int i) => (bits[offset + (i >> 6)] >> (i & 63) & 1) != 0;

    private static void Set(ulong[] bits, int offset, int i) => bits[offset + (i >> 6)] |= 1UL << (i & 63);
}
