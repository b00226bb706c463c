using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>
/// The finite limit graph of the lasso words p·vⁿ·t, n → ∞, for every tail t of a tail trie at once
/// (docs/theory.md §Lasso certificates). Nodes: the prefix p as it is (windows cut at the start of the
/// word); the loop v in its periodic regime, one node per phase, window edges wrapping around the loop,
/// past = every prefix and loop node; one node per non-empty tail t (its last letter), whose window reads
/// back through the tail into the loop and whose past adds the earlier tail nodes; and an end node (⊥)
/// per tail. Prefix nodes carry a flag that no other node carries (they lie before the transient part of
/// the loop, which the graph leaves out; the flag keeps the colouring sound). Colour refinement with
/// the fragment's aggregation (multiset or set windows, set pasts, the node itself under non-strict
/// masking) runs until the partition is stable; equal stable colours of two end nodes prove that the
/// two lasso words agree at every depth for n large.
/// </summary>
internal sealed class LimitGraph
{
    private readonly List<int> _symbol = [];
    private readonly List<bool> _prefix = [];
    private readonly List<int[]> _window = [];
    private readonly List<int[]> _past = [];
    // The past as a chain (what StableColours reads): the strict past of node i is the strict past of _link[i] plus
    // _link[i] itself (prefix nodes: the node before; tail nodes: the last ancestor), or every prefix and loop node
    // (_link[i] = AllPrefixAndLoop: loop nodes and the first tail node); -1: empty (the first prefix node).
    private readonly List<int> _link = [];
    private readonly List<int> _tailDepth = [];
    private const int AllPrefixAndLoop = -2;
    private readonly TypeFragment _fragment;
    private readonly int _loopStart;
    private readonly int _loopLength;
    private readonly int _endSymbol;

    /// <summary>Builds the prefix and loop part.</summary>
    public LimitGraph(TypeFragment fragment, int symbolCount, Word prefix, Word loop)
    {
        _fragment = fragment;
        _endSymbol = symbolCount;
        int k = fragment.Window;
        for (int i = 0; i < prefix.Length; i++)
        {
            var window = new List<int>();
            for (int j = Math.Max(0, i - k); j < i; j++) window.Add(j);
            Add(prefix[i], true, window.ToArray(), PastOf(Enumerable.Range(0, i), i), i - 1, 0);
        }
        _loopStart = prefix.Length;
        _loopLength = loop.Length;
        var loopPast = Enumerable.Range(0, prefix.Length + loop.Length).ToArray();
        for (int phase = 0; phase < loop.Length; phase++)
        {
            var window = new int[k];
            for (int t = 1; t <= k; t++) window[t - 1] = _loopStart + (((phase - t) % loop.Length) + loop.Length) % loop.Length;
            Add(loop[phase], false, window, _fragment.Past ? loopPast : [], AllPrefixAndLoop, 0);
        }
    }

    /// <summary>The number of nodes.</summary>
    public int Count => _symbol.Count;

    /// <summary>Adds a tail node (or the end node ⊥ when <paramref name="symbol"/> is null) after the tail whose nodes are <paramref name="ancestors"/> (oldest first).</summary>
    public int AddTail(IReadOnlyList<int> ancestors, int? symbol)
    {
        int id = Count;
        int k = _fragment.Window;
        var window = new int[k];
        for (int t = 1; t <= k; t++)
        {
            int back = ancestors.Count - t;
            window[t - 1] = back >= 0 ? ancestors[back] : _loopStart + ((((_loopLength - 1 + back + 1) % _loopLength) + _loopLength) % _loopLength);
        }
        var past = Enumerable.Range(0, _loopStart + _loopLength).Concat(ancestors);
        int link = AllPrefixAndLoop;
        if (ancestors.Count > 0)
        {
            // The chain needs the ancestors to be a path of tails: the last one's own ancestors are the others.
            link = ancestors[^1];
            if (link < _loopStart + _loopLength || link >= id || _tailDepth[link] != ancestors.Count - 1 || (ancestors.Count > 1 && _link[link] != ancestors[^2]))
                throw new ArgumentException("the ancestors are not a path of earlier tail nodes", nameof(ancestors));
        }
        Add(symbol ?? _endSymbol, false, window, PastOf(past, id), link, ancestors.Count);
        return id;
    }

    private int[] PastOf(IEnumerable<int> earlier, int self)
    {
        if (!_fragment.Past) return [];
        return _fragment.NonStrict ? earlier.Append(self).ToArray() : earlier.ToArray();
    }

    private void Add(int symbol, bool prefix, int[] window, int[] past, int link, int tailDepth)
    {
        _link.Add(link);
        _tailDepth.Add(tailDepth);
        _symbol.Add(symbol);
        _prefix.Add(prefix);
        _window.Add(_fragment.Window > 0 ? window : []);
        _past.Add(past);
    }

    /// <summary>
    /// The stable colouring: colour refinement until the number of colours stops growing (at most <see cref="Count"/>
    /// rounds). The past sets are built along the chain of <c>_link</c> (each one the previous set plus one colour,
    /// interned), so a round costs about the nodes times the window size instead of the nodes times their pasts; the
    /// signatures are exactly those of the definition (<see cref="StableColoursByDefinition"/>, the twin: in Debug
    /// builds every colouring is checked against it).
    /// </summary>
    public int[] StableColours()
    {
        var colours = StableColoursByChain();
#if DEBUG
        if (!colours.AsSpan().SequenceEqual(StableColoursByDefinition()))
            throw new InvalidOperationException("internal error: the chained past sets disagree with the definition");
#endif
        return colours;
    }

    private int[] StableColoursByChain()
    {
        int n = Count;
        var colour = InitialColours(out int classes);
        bool set = _fragment.Semantics == WindowSemantics.Set;
        bool past = _fragment.Past, nonStrict = _fragment.NonStrict;
        int loopEnd = _loopStart + _loopLength;
        var buffer = new List<int>();
        var window = new List<int>();
        var strict = new int[n];
        while (true)
        {
            var ids = new SequenceInterner();
            var sets = new SequenceInterner();
            var added = new Dictionary<(int Set, int Colour), int>();
            int empty = sets.Intern([]);
            int AddTo(int s, int c)
            {
                if (added.TryGetValue((s, c), out int r)) return r;
                var items = sets.Get(s);
                int at = Array.BinarySearch(items, c);
                if (at >= 0) r = s;
                else
                {
                    at = ~at;
                    var grown = new int[items.Length + 1];
                    items.AsSpan(0, at).CopyTo(grown);
                    grown[at] = c;
                    items.AsSpan(at).CopyTo(grown.AsSpan(at + 1));
                    r = sets.Intern(grown);
                }
                added[(s, c)] = r;
                return r;
            }
            int all = empty;
            if (past)
            {
                // Prefix nodes: the nodes before them; then every prefix and loop node.
                for (int i = 0; i < loopEnd; i++)
                {
                    if (i < _loopStart) strict[i] = all;
                    all = AddTo(all, colour[i]);
                }
            }
            var next = new int[n];
            for (int i = 0; i < n; i++)
            {
                // Signature = (previous colour, window aggregate, past set): the type recursion of theory.md §6.
                buffer.Clear();
                buffer.Add(colour[i]);
                window.Clear();
                foreach (int j in _window[i]) window.Add(colour[j]);
                window.Sort();
                for (int t = 0; t < window.Count; t++)
                    if (!set || t == 0 || window[t] != window[t - 1]) buffer.Add(window[t]);
                buffer.Add(-1);
                if (past)
                {
                    bool loopNode = i >= _loopStart && i < loopEnd;
                    if (i >= loopEnd) strict[i] = _link[i] == AllPrefixAndLoop ? all : AddTo(strict[_link[i]], colour[_link[i]]);
                    int pastSet = loopNode ? all : nonStrict ? AddTo(strict[i], colour[i]) : strict[i];
                    buffer.AddRange(sets.Get(pastSet));
                }
                next[i] = ids.Intern(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
            }
            colour = next;
            if (ids.Count == classes) return colour;
            classes = ids.Count;
        }
    }

    private int[] InitialColours(out int classes)
    {
        int n = Count;
        var colour = new int[n];
        var initial = new Dictionary<(int, bool), int>();
        for (int i = 0; i < n; i++)
        {
            var key = (_symbol[i], _prefix[i]);
            if (!initial.TryGetValue(key, out int c)) initial[key] = c = initial.Count;
            colour[i] = c;
        }
        classes = initial.Count;
        return colour;
    }

    /// <summary>The stable colouring straight from the definition: every node's past set recomputed from its list of earlier nodes in every round (the twin of <see cref="StableColours"/>).</summary>
    internal int[] StableColoursByDefinition()
    {
        int n = Count;
        var colour = InitialColours(out int classes);
        bool set = _fragment.Semantics == WindowSemantics.Set;
        var buffer = new List<int>();
        var window = new List<int>();
        var past = new HashSet<int>();
        var pastSorted = new List<int>();
        while (true)
        {
            var ids = new SequenceInterner();
            var next = new int[n];
            for (int i = 0; i < n; i++)
            {
                // Signature = (previous colour, window aggregate, past set): the type recursion of theory.md §6.
                buffer.Clear();
                buffer.Add(colour[i]);
                window.Clear();
                foreach (int j in _window[i]) window.Add(colour[j]);
                window.Sort();
                for (int t = 0; t < window.Count; t++)
                    if (!set || t == 0 || window[t] != window[t - 1]) buffer.Add(window[t]);
                buffer.Add(-1);
                past.Clear();
                foreach (int j in _past[i]) past.Add(colour[j]);
                pastSorted.Clear();
                pastSorted.AddRange(past);
                pastSorted.Sort();
                buffer.AddRange(pastSorted);
                next[i] = ids.Intern(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
            }
            colour = next;
            if (ids.Count == classes) return colour;
            classes = ids.Count;
        }
    }
}
