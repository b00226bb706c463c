using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Internal;

/// <summary>
/// The strongly connected components of the graph on <em>ordered</em> pairs (p, q), p ≠ q, of states with edges
/// (p, q) → (p·a, q·a) when both images stay in their state's strongly connected component and differ. A cycle
/// of the full pair graph G² never leaves a component in either coordinate, so the pairs on a cycle of this graph
/// are exactly the off-diagonal <em>C-nodes</em> of G² (Kim, McNaughton &amp; McCloskey 1991): the pairs fixed by
/// one non-empty word. Each non-trivial component also records its <em>alphabet</em>, the letters of its internal
/// edges; by strong connectivity one cycle through any of its pairs uses all of them (Place's DA pattern).
/// </summary>
/// <remarks>
/// Only pairs of <em>cyclic</em> states (on some cycle of the DFA) can be C-nodes, so only those are indexed. On a
/// partially ordered DFA every component is one state and a pair is a C-node iff a letter loops at both, which
/// is read off directly (no pair search). Otherwise the one flat Tarjan (1972) over the indexed pairs' successor table, O(m²·|Σ|)
/// for m cyclic states, bounded by <c>max-pair-states</c>.
/// </remarks>
internal sealed class PairComponents
{
    private readonly int[] _pairComponent; // per indexed pair (i·m + j); −1 when on no cycle
    private readonly int[] _cyclicIndex;   // state → index among cyclic states, −1
    private readonly int _m;

    private PairComponents(Dfa dfa, int[] stateComponent, int[] cyclicIndex, int[] cyclic, int[] pairComponent, ulong[] alphabets, int words)
    {
        Dfa = dfa;
        StateComponent = stateComponent;
        _cyclicIndex = cyclicIndex;
        CyclicStates = cyclic;
        _m = cyclic.Length;
        _pairComponent = pairComponent;
        Alphabets = alphabets;
        AlphabetWords = words;
    }

    /// <summary>The DFA.</summary>
    public Dfa Dfa { get; }

    /// <summary>The strongly connected component of every state (Tarjan numbering: sinks first).</summary>
    public int[] StateComponent { get; }

    /// <summary>The states on some cycle, ascending.</summary>
    public int[] CyclicStates { get; }

    /// <summary>Per pair component, its alphabet as <see cref="AlphabetWords"/> 64-bit words.</summary>
    public ulong[] Alphabets { get; }

    /// <summary>Words per alphabet mask.</summary>
    public int AlphabetWords { get; }

    /// <summary>The pair component of (p, q) when it is an off-diagonal C-node, else −1.</summary>
    public int ComponentOf(int p, int q)
    {
        int i = _cyclicIndex[p], j = _cyclicIndex[q];
        return i < 0 || j < 0 || i == j ? -1 : _pairComponent[i * _m + j];
    }

    /// <summary>True when letter a is in the alphabet of pair component c.</summary>
    public bool HasLetter(int c, int a) => (Alphabets[c * AlphabetWords + (a >> 6)] >> (a & 63) & 1) != 0;

    /// <summary>Computes the C-nodes of <paramref name="dfa"/> and their components.</summary>
    /// <param name="dfa">A complete DFA.</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>: the most ordered pairs of cyclic states indexed.</param>
    public static PairComponents Compute(Dfa dfa, long maxPairs)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table;
        var comp = StronglyConnected.Tarjan(table, n, k, out int count);
        var size = StronglyConnected.Sizes(comp, count);
        var cyclicIndex = new int[n];
        var cyclicList = new List<int>();
        for (int q = 0; q < n; q++)
        {
            bool cyclic = size[comp[q]] > 1;
            for (int a = 0; a < k && !cyclic; a++) cyclic = table[q * k + a] == q;
            cyclicIndex[q] = cyclic ? cyclicList.Count : -1;
            if (cyclic) cyclicList.Add(q);
        }
        var cyclicStates = cyclicList.ToArray();
        int m = cyclicStates.Length;
        long pairs = (long)m * m;
        if (pairs > maxPairs)
            throw new BudgetExceededException("max-pair-states", maxPairs, $"the C-node search of a DFA with {m} states on cycles ({pairs} ordered pairs)");
        int words = (k + 63) >> 6;
        var pairComponent = new int[m * m];
        Array.Fill(pairComponent, -1);
        if (count == n)
        {
            // Partially ordered: a cycle through (p, q) uses only letters looping at both; one component per pair,
            // its alphabet loops(p) ∩ loops(q). Two passes (count, then fill), no allocation per pair.
            var loops = new ulong[m * words];
            for (int i = 0; i < m; i++)
                for (int a = 0; a < k; a++)
                    if (table[cyclicStates[i] * k + a] == cyclicStates[i]) loops[i * words + (a >> 6)] |= 1UL << (a & 63);
            bool Common(int i, int j)
            {
                for (int w = 0; w < words; w++)
                    if ((loops[i * words + w] & loops[j * words + w]) != 0) return true;
                return false;
            }
            int components = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    if (i != j && Common(i, j)) components++;
            var masks = new ulong[(long)components * words];
            int next = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                {
                    if (i == j || !Common(i, j)) continue;
                    for (int w = 0; w < words; w++) masks[next * words + w] = loops[i * words + w] & loops[j * words + w];
                    pairComponent[i * m + j] = next++;
                }
            return new PairComponents(dfa, comp, cyclicIndex, cyclicStates, pairComponent, masks, words);
        }
        return Tarjan(dfa, comp, cyclicIndex, cyclicStates, pairComponent, words);
    }

    /// <summary>
    /// The components of the indexed ordered pairs by the one flat <see cref="StronglyConnected.Tarjan"/> over the
    /// pair successor table; only components with an internal edge are kept, each with the letters of those edges.
    /// </summary>
    private static PairComponents Tarjan(Dfa dfa, int[] comp, int[] cyclicIndex, int[] cyclic, int[] pairComponent, int words)
    {
        int m = cyclic.Length, k = dfa.SymbolCount;
        var table = dfa.Table;
        int total = m * m;
        // The successor of pair (i, j) by letter a, or −1 when an image leaves its component or the images meet.
        var succ = new int[(long)total * k];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                int p = cyclic[i], q = cyclic[j], v = i * m + j;
                for (int a = 0; a < k; a++)
                {
                    int pa = table[p * k + a], qa = table[q * k + a];
                    succ[v * k + a] = pa == qa || comp[pa] != comp[p] || comp[qa] != comp[q] ? -1 : cyclicIndex[pa] * m + cyclicIndex[qa];
                }
            }
        var raw = StronglyConnected.Tarjan(succ, total, k, out int count);
        // A component is kept (a C-node component) iff it has an internal edge; its alphabet is those edges' letters.
        var masks = new ulong[(long)count * words];
        var kept = new bool[count];
        for (int v = 0; v < total; v++)
            for (int a = 0; a < k; a++)
            {
                int w = succ[v * k + a];
                if (w < 0 || raw[w] != raw[v]) continue;
                masks[raw[v] * words + (a >> 6)] |= 1UL << (a & 63);
                kept[raw[v]] = true;
            }
        // Kept components are renumbered in order of their least pair, so ids are dense.
        var id = new int[count];
        Array.Fill(id, -1);
        var alphabets = new List<ulong>();
        for (int v = 0; v < total; v++)
        {
            int c = raw[v];
            if (!kept[c]) continue;
            if (id[c] < 0)
            {
                id[c] = alphabets.Count / words;
                alphabets.AddRange(masks.AsSpan(c * words, words).ToArray());
            }
            pairComponent[v] = id[c];
        }
        return new PairComponents(dfa, comp, cyclicIndex, cyclic, pairComponent, alphabets.ToArray(), words);
    }

    /// <summary>
    /// A non-empty word u with p·u = p and q·u = q whose letters are exactly the alphabet of the component of the
    /// C-node (p, q): for each letter, a path inside the component to an internal edge with that letter and back.
    /// </summary>
    public Word CycleWord(int p, int q)
    {
        int c = ComponentOf(p, q);
        if (c < 0) throw new ArgumentException($"({p}, {q}) is not a C-node");
        int k = Dfa.SymbolCount;
        var symbols = new List<int>();
        int cp = p, cq = q;
        for (int a = 0; a < k; a++)
        {
            if (!HasLetter(c, a)) continue;
            // Walk (inside the component) to a pair whose a-successor is in the component, take a.
            var path = PathInside(c, cp, cq, (x, y) => ComponentOf(Dfa.Next(x, a), Dfa.Next(y, a)) == c && Dfa.Next(x, a) != Dfa.Next(y, a));
            symbols.AddRange(path.Word);
            symbols.Add(a);
            (cp, cq) = (Dfa.Next(path.P, a), Dfa.Next(path.Q, a));
        }
        symbols.AddRange(PathInside(c, cp, cq, (x, y) => x == p && y == q).Word);
        return Word.Of(symbols.ToArray());
    }

    /// <summary>Breadth-first search inside pair component c from (p, q) to the first pair satisfying the goal.</summary>
    private (List<int> Word, int P, int Q) PathInside(int c, int p, int q, Func<int, int, bool> goal)
    {
        int k = Dfa.SymbolCount;
        var parent = new Dictionary<(int, int), ((int, int) From, int Symbol)>();
        var queue = new Queue<(int, int)>();
        queue.Enqueue((p, q));
        parent[(p, q)] = ((-1, -1), -1);
        while (queue.Count > 0)
        {
            var (x, y) = queue.Dequeue();
            if (goal(x, y))
            {
                var word = new List<int>();
                for (var cur = (x, y); parent[cur].Symbol >= 0; cur = parent[cur].From) word.Add(parent[cur].Symbol);
                word.Reverse();
                return (word, x, y);
            }
            for (int a = 0; a < k; a++)
            {
                int xa = Dfa.Next(x, a), ya = Dfa.Next(y, a);
                if (xa == ya || ComponentOf(xa, ya) != c || parent.ContainsKey((xa, ya))) continue;
                parent[(xa, ya)] = ((x, y), a);
                queue.Enqueue((xa, ya));
            }
        }
        throw new InvalidOperationException("a strongly connected pair component has no path to its goal");
    }
}
