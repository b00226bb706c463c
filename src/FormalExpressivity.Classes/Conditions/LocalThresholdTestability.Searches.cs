using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

public static partial class LocalThresholdTestability
{
    /// <summary>
    /// The slow, obvious twin of <see cref="Check"/> (the same result, word for word): the C-nodes as a list, the state and
    /// C-node relations as bit matrices read one bit at a time, a queue of pairs per search, the T3SCCs in a dictionary and
    /// every quantifier as a loop over all states — O(c·n²) per C-node. Kept for the property tests.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA, locally R-trivial.</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>: the most pairs visited in all searches of Γ².</param>
    /// <exception cref="BudgetExceededException">The searches exceed <paramref name="maxPairs"/>.</exception>
    public static Result CheckBySearches(Dfa minimalDfa, long maxPairs)
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
}
