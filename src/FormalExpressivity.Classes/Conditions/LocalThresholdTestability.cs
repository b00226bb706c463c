using System.Numerics;
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
public static partial class LocalThresholdTestability
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
    /// <remarks>
    /// Every relation is a bit matrix with one row of ⌈n/64⌉ words per state, so each quantifier over states is a few word
    /// operations: reachability ≥ by one pass over the strongly connected components (sinks first, each row the union of
    /// its successors' rows), the C-node relation (symmetric: u fixes (p, q) iff it fixes (q, p)) from the pair components,
    /// the pairs visited from a source as one row per first coordinate. Condition 2 is tested on each pair as the search
    /// reaches it (G depends on the source only), so a failing search stops at its first failure. "Some r with p ≥ r ≥ r₁ and (r, t) a C-node" is
    /// the union G of the C-node rows of the states between p and r₁; "some r with p ≥ r ≥ r₁ and (q, r) a C-node" is
    /// row q of the C-nodes meeting that set; T(p, q, r₁) is the intersection of three rows; the states p of condition 4
    /// are the intersection of two columns of ≥ and two C-node rows. Each search is a breadth-first search over a flat
    /// queue (no allocation per pair) that keeps each pair's parent, so condition 2's word z is read off the search.
    /// Sources, searches and every loop run in the order of <see cref="CheckBySearches"/>, its slow twin, so the result
    /// (failed condition, states and words) is the same — except that a search stopped here by its first failure of
    /// condition 2 cannot run over the budget that the twin's whole search may exceed.
    /// </remarks>
    public static Result Check(Dfa minimalDfa, long maxPairs)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var pc = PairComponents.Compute(dfa, maxPairs);
        var table = dfa.Table.ToArray();
        int words = (n + 63) >> 6;
        var comp = pc.StateComponent;
        var reach = ReachRows(table, n, k, comp, words, out var reachRowOf);
        var cyclic = new bool[n];
        foreach (int q in pc.CyclicStates) cyclic[q] = true;
        var cnode = new ulong[(long)n * words];
        long sourceCount = 0;
        foreach (int p in pc.CyclicStates)
            foreach (int q in pc.CyclicStates)
                if (p == q || pc.ComponentOf(p, q) >= 0)
                {
                    Set(cnode, p * words, q);
                    sourceCount++;
                }
        bool R(int x, int y) => Get(reach, reachRowOf[x], y);
        Span<ulong> Row(ulong[] m, int x) => m.AsSpan(x * words, words);
        if ((long)n * n > maxPairs)
            throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-threshold-testability searches of the pair graph of a {n}-state DFA ({(long)n * n} pairs)");
        long budget = maxPairs;
        // visited: row x holds the y with (x, y) reached by the current search; queue: the pairs in search order, parent:
        // the queue index each was reached from (−1 for the source).
        var visited = new ulong[(long)n * words];
        var queue = new int[(int)Math.Min(1024L, (long)n * n)];
        var parent = new int[queue.Length];
        int reached = 0;
        var t3 = new Dictionary<long, int>();
        long Key(int p, int q, int r1) => ((long)p * n + q) * n + r1;
        var mid = new ulong[words];
        var good = new ulong[words];
        var scratch = new ulong[words];

        // Pass 1: conditions 2 and 3, and the T3SCC table.
        foreach (int p in pc.CyclicStates)
        {
            var reachP = reach.AsSpan(reachRowOf[p], words);
            for (int r1 = NextBit(Row(cnode, p), 0); r1 >= 0; r1 = NextBit(Row(cnode, p), r1 + 1))
            {
                // mid = { r | p ≥ r ≥ r₁ }, good = { t | (r, t) a C-node for some r in mid }.
                Array.Clear(mid);
                Array.Clear(good);
                for (int r = NextBit(reachP, 0); r >= 0; r = NextBit(reachP, r + 1))
                {
                    if (!R(r, r1)) continue;
                    mid[r >> 6] |= 1UL << (r & 63);
                    if (cyclic[r]) Or(good, Row(cnode, r));
                }
                // Condition 2 on each pair (q, t) as the search reaches it: the first failure in search order, as the twin finds it.
                int failure = Search(p, r1, condition2: true);
                if (failure >= 0)
                {
                    int v = queue[failure], q = v / n, t = v % n;
                    int r = 0;
                    while (!Get(mid, 0, r) || !Get(cnode, r * words, t)) r++;
                    return new Result(2, Certificate(pc, p, r1, r, PathTo(failure)), $"p = {p}, r₁ = {r1}, r = {r}, q = {q}, t = {t}");
                }
                for (int q = NextBit(reachP, 0); q >= 0; q = NextBit(reachP, q + 1))
                {
                    // Defined: some r in mid with (q, r) a C-node.
                    if (!cyclic[q] || !Intersects(mid, Row(cnode, q))) continue;
                    // T(p, q, r₁) = C-node row q ∩ reach row q ∩ the visited row q.
                    var cq = Row(cnode, q);
                    var rq = reach.AsSpan(reachRowOf[q], words);
                    var vq = Row(visited, q);
                    for (int w = 0; w < words; w++) scratch[w] = cq[w] & rq[w] & vq[w];
                    int component = -1;
                    for (int t = NextBit(scratch, 0); t >= 0; t = NextBit(scratch, t + 1))
                    {
                        int c = comp[t];
                        if (component == -1) component = c;
                        else if (component != c)
                            return new Result(3, null, $"p = {p}, q = {q}, r₁ = {r1}: T(p, q, r₁) meets two components of Γ");
                    }
                    t3[Key(p, q, r1)] = component;
                }
            }
        }

        // Pass 2: condition 4, from every C-node (q, r). above[x] = { p | p ≥ x } (the columns of ≥).
        var above = Columns(reach, reachRowOf, n, words);
        var both = new ulong[words];
        foreach (int q in pc.CyclicStates)
            for (int r = NextBit(Row(cnode, q), 0); r >= 0; r = NextBit(Row(cnode, q), r + 1))
            {
                Search(q, r, condition2: false);
                var aq = Row(above, q);
                var ar = Row(above, r);
                for (int w = 0; w < words; w++) both[w] = aq[w] & ar[w];
                for (int i = 0; i < reached; i++)
                {
                    int v = queue[i], q1 = v / n, r1 = v % n;
                    var c1 = Row(cnode, q1);
                    var c2 = Row(cnode, r1);
                    for (int w = 0; w < words; w++) scratch[w] = both[w] & c1[w] & c2[w];
                    for (int p = NextBit(scratch, 0); p >= 0; p = NextBit(scratch, p + 1))
                    {
                        int left = t3[Key(p, q, r1)], right = t3[Key(p, r, q1)];
                        if (left != right)
                            return new Result(4, null, $"p = {p}, q = {q}, r = {r}, q₁ = {q1}, r₁ = {r1}: T3SCC(p, q, r₁) ≠ T3SCC(p, r, q₁)");
                    }
                }
            }
        return new Result(0, null, $"{sourceCount} C-nodes of Γ², {maxPairs - budget} pairs visited");

        // Breadth-first search of Γ² from (a, b): queue[0..reached) the reached pairs, visited their rows. With
        // condition2, it stops at the first pair (q, t) with t in good and not q ≥ t and returns its queue index, else −1.
        int Search(int a, int b, bool condition2)
        {
            for (int i = 0; i < reached; i++)
            {
                int u = queue[i];
                visited[(u / n) * words + ((u % n) >> 6)] = 0;
            }
            visited[a * words + (b >> 6)] |= 1UL << (b & 63);
            queue[0] = a * n + b;
            parent[0] = -1;
            reached = 1;
            if (condition2 && Get(good, 0, b) && !R(a, b)) return 0;
            for (int head = 0; head < reached; head++)
            {
                int v = queue[head];
                int x = v / n, y = v % n;
                for (int c = 0; c < k; c++)
                {
                    int xc = table[x * k + c], yc = table[y * k + c];
                    ref ulong cell = ref visited[xc * words + (yc >> 6)];
                    ulong bit = 1UL << (yc & 63);
                    if ((cell & bit) != 0) continue;
                    if (--budget < 0)
                        throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-threshold-testability searches of the pair graph of a {n}-state DFA");
                    cell |= bit;
                    if (reached == queue.Length)
                    {
                        int grown = (int)Math.Min((long)n * n, 2L * queue.Length);
                        Array.Resize(ref queue, grown);
                        Array.Resize(ref parent, grown);
                    }
                    queue[reached] = xc * n + yc;
                    parent[reached++] = head;
                    if (condition2 && Get(good, 0, yc) && !R(xc, yc)) return reached - 1;
                }
            }
            return -1;
        }

        // The word of the search tree's path from the source to queue[i]: at each step the least letter leading the
        // parent to the child, the letter by which the search first reached it.
        Word PathTo(int i)
        {
            var symbols = new List<int>();
            for (; parent[i] >= 0; i = parent[i])
            {
                int v = queue[parent[i]], x = v / n, y = v % n, target = queue[i];
                int c = 0;
                while (table[x * k + c] * n + table[y * k + c] != target) c++;
                symbols.Add(c);
            }
            symbols.Reverse();
            return Word.Of(symbols.ToArray());
        }
    }

    /// <summary>
    /// The rows of reachability (reflexive): one row per strongly connected component, in Tarjan's numbering (an edge
    /// leads to the same or a smaller component), each the component's states and the rows of its successors' components.
    /// </summary>
    private static ulong[] ReachRows(int[] table, int n, int k, int[] comp, int words, out int[] rowOf)
    {
        int count = 0;
        foreach (int c in comp) count = Math.Max(count, c + 1);
        var byComponent = new int[n];
        var start = new int[count + 1];
        foreach (int c in comp) start[c + 1]++;
        for (int c = 0; c < count; c++) start[c + 1] += start[c];
        var fill = (int[])start.Clone();
        for (int x = 0; x < n; x++) byComponent[fill[comp[x]]++] = x;
        var rows = new ulong[(long)count * words];
        for (int c = 0; c < count; c++)
        {
            var row = rows.AsSpan(c * words, words);
            for (int i = start[c]; i < start[c + 1]; i++)
            {
                int x = byComponent[i];
                row[x >> 6] |= 1UL << (x & 63);
                for (int a = 0; a < k; a++)
                {
                    int d = comp[table[x * k + a]];
                    if (d != c) Or(row, rows.AsSpan(d * words, words));
                }
            }
        }
        rowOf = new int[n];
        for (int x = 0; x < n; x++) rowOf[x] = comp[x] * words;
        return rows;
    }

    /// <summary>The transpose of the reachability rows: row y holds the states x ≥ y.</summary>
    private static ulong[] Columns(ulong[] reach, int[] rowOf, int n, int words)
    {
        var columns = new ulong[(long)n * words];
        for (int x = 0; x < n; x++)
        {
            var row = reach.AsSpan(rowOf[x], words);
            for (int y = NextBit(row, 0); y >= 0; y = NextBit(row, y + 1))
                columns[y * words + (x >> 6)] |= 1UL << (x & 63);
        }
        return columns;
    }

    /// <summary>The least set bit ≥ <paramref name="from"/> of a row, or −1.</summary>
    private static int NextBit(ReadOnlySpan<ulong> row, int from)
    {
        int w = from >> 6;
        if (w >= row.Length) return -1;
        ulong bits = row[w] & (~0UL << (from & 63));
        while (bits == 0)
        {
            if (++w >= row.Length) return -1;
            bits = row[w];
        }
        return (w << 6) + BitOperations.TrailingZeroCount(bits);
    }

    private static void Or(Span<ulong> into, ReadOnlySpan<ulong> row)
    {
        for (int w = 0; w < into.Length; w++) into[w] |= row[w];
    }

    private static bool Intersects(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int w = 0; w < a.Length; w++)
            if ((a[w] & b[w]) != 0) return true;
        return false;
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
