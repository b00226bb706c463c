using System.Numerics;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// The position (Glushkov) automaton of a regular expression without <c>&amp;</c> and <c>~</c>
/// (Glushkov 1961; McNaughton–Yamada 1960): one state per occurrence of a symbol set (a position;
/// <c>r{m,n}</c> contributes n copies of r's positions, <c>r{m,}</c> m + 1), plus the initial state 0.
/// δ(p, a) = {q ∈ Follow(p) : a ∈ label(q)} with Follow(0) = First(r); p is final when p ∈ Last(r),
/// and 0 is final when r is nullable. It has no ε-moves and at most one state per position.
/// <para>
/// Before determinization the automaton is shrunk by merging states with identical finality and
/// identical successor sets on every symbol (such states have the same right language, so the quotient
/// accepts the same language), repeated until nothing merges. Successor sets are bit sets of
/// <see cref="Words"/> 64-bit words per state and symbol, <c>Successors[(q · |Σ| + a) · Words …]</c>.
/// </para>
/// </summary>
internal sealed class PositionAutomaton
{
    /// <summary>The most positions expanded before the construction gives up (the caller falls back to derivatives).</summary>
    public const int MaxPositions = 1 << 14;

    private PositionAutomaton(int states, int symbols, int start, ulong[] successors, ulong[] final)
    {
        StateCount = states;
        SymbolCount = symbols;
        Start = start;
        Successors = successors;
        Final = final;
    }

    public int StateCount { get; }

    public int SymbolCount { get; }

    public int Words => (StateCount + 63) >> 6;

    public int Start { get; }

    /// <summary>δ(q, a) as a bit set over states, at <c>(q · |Σ| + a) · Words</c>.</summary>
    public ulong[] Successors { get; }

    /// <summary>The final states as a bit set.</summary>
    public ulong[] Final { get; }

    public ReadOnlySpan<ulong> Next(int state, int symbol) => Successors.AsSpan((state * SymbolCount + symbol) * Words, Words);

    /// <summary>The merged position automaton of <paramref name="node"/>, or null when it uses <c>&amp;</c> or <c>~</c> or expands to more than <see cref="MaxPositions"/> positions.</summary>
    public static PositionAutomaton? TryBuild(RegexNode node)
    {
        long positions = CountPositions(node);
        if (positions < 0 || positions > MaxPositions) return null;
        var linear = new Linearizer((int)positions, node.Alphabet.Count);
        var root = linear.Build(node);
        return linear.ToAutomaton(root).Merged();
    }

    // Positions after expanding repetitions; −1 for & and ~ (or more than MaxPositions).
    private static long CountPositions(RegexNode n)
    {
        long Sum(IEnumerable<RegexNode> children)
        {
            long total = 0;
            foreach (var c in children)
            {
                long x = CountPositions(c);
                if (x < 0) return -1;
                total += x;
                if (total > MaxPositions) return -1;
            }
            return total;
        }
        switch (n.Kind)
        {
            case RegexKind.Empty or RegexKind.Epsilon: return 0;
            case RegexKind.Symbols: return 1;
            case RegexKind.Concat or RegexKind.Union: return Sum(n.Children);
            case RegexKind.Star: return CountPositions(n.Left);
            case RegexKind.Repeat:
            {
                long one = CountPositions(n.Left);
                if (one < 0) return -1;
                long copies = n.Max == RegexNode.Unbounded ? n.Min + 1L : n.Max;
                long total = one * copies;
                return total > MaxPositions ? -1 : total;
            }
            default: return -1; // Intersection, Complement
        }
    }

    /// <summary>First, Last and nullability of a subexpression, over the positions 1 … P.</summary>
    private readonly record struct Fragment(ulong[] First, ulong[] Last, bool Nullable);

    private sealed class Linearizer(int positions, int symbols)
    {
        private readonly int _words = (positions + 1 + 63) >> 6;
        private readonly ulong[] _follow = new ulong[(positions + 1) * ((positions + 1 + 63) >> 6)];
        private readonly ulong[] _labels = new ulong[positions + 1];
        private int _next = 1;

        private ulong[] NewSet() => new ulong[_words];

        public Fragment Build(RegexNode n)
        {
            switch (n.Kind)
            {
                case RegexKind.Empty: return new Fragment(NewSet(), NewSet(), false);
                case RegexKind.Epsilon: return new Fragment(NewSet(), NewSet(), true);
                case RegexKind.Symbols:
                {
                    int p = _next++;
                    _labels[p] = n.Symbols.Mask;
                    var first = NewSet();
                    first[p >> 6] |= 1UL << p;
                    return new Fragment(first, (ulong[])first.Clone(), false);
                }
                case RegexKind.Concat:
                {
                    var result = Build(n.Left);
                    for (var rest = n.Right; ; rest = rest.Right)
                    {
                        var item = rest.Kind == RegexKind.Concat ? rest.Left : rest;
                        result = Concat(result, Build(item));
                        if (rest.Kind != RegexKind.Concat) break;
                    }
                    return result;
                }
                case RegexKind.Union:
                {
                    var result = Build(n.Children[0]);
                    for (int i = 1; i < n.Children.Count; i++)
                    {
                        var c = Build(n.Children[i]);
                        Or(result.First, c.First);
                        Or(result.Last, c.Last);
                        result = result with { Nullable = result.Nullable || c.Nullable };
                    }
                    return result;
                }
                case RegexKind.Star: return Star(Build(n.Left));
                case RegexKind.Repeat:
                {
                    var result = new Fragment(NewSet(), NewSet(), true);
                    for (int i = 0; i < n.Min; i++) result = Concat(result, Build(n.Left));
                    if (n.Max == RegexNode.Unbounded) return Concat(result, Star(Build(n.Left)));
                    // r{m,n} = r^m (r?)^(n−m)
                    for (int i = n.Min; i < n.Max; i++) result = Concat(result, Build(n.Left) with { Nullable = true });
                    return result;
                }
                default: throw new InvalidOperationException($"no position automaton for {n.Kind}");
            }
        }

        private Fragment Star(Fragment f)
        {
            AddFollow(f.Last, f.First);
            return f with { Nullable = true };
        }

        // Follow(p) ∪= First(right) for p ∈ Last(left).
        private Fragment Concat(Fragment left, Fragment right)
        {
            AddFollow(left.Last, right.First);
            var first = left.First;
            if (left.Nullable) Or(first, right.First);
            var last = right.Last;
            if (right.Nullable) Or(last, left.Last);
            return new Fragment(first, last, left.Nullable && right.Nullable);
        }

        private void AddFollow(ulong[] from, ulong[] to)
        {
            for (int w = 0; w < from.Length; w++)
                for (ulong bits = from[w]; bits != 0; bits &= bits - 1)
                {
                    int p = w << 6 | BitOperations.TrailingZeroCount(bits);
                    Or(_follow.AsSpan(p * _words, _words), to);
                }
        }

        private static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
        {
            for (int i = 0; i < target.Length; i++) target[i] |= source[i];
        }

        public PositionAutomaton ToAutomaton(Fragment root)
        {
            int n = _next, words = _words;
            Or(_follow.AsSpan(0, words), root.First);
            var final = (ulong[])root.Last.Clone();
            if (root.Nullable) final[0] |= 1;
            // Positions labelled with each symbol.
            var withSymbol = new ulong[symbols * words];
            for (int p = 1; p < n; p++)
                for (ulong m = _labels[p]; m != 0; m &= m - 1)
                    withSymbol[BitOperations.TrailingZeroCount(m) * words + (p >> 6)] |= 1UL << p;
            var successors = new ulong[n * symbols * words];
            for (int q = 0; q < n; q++)
                for (int a = 0; a < symbols; a++)
                    for (int w = 0; w < words; w++)
                        successors[(q * symbols + a) * words + w] = _follow[q * words + w] & withSymbol[a * words + w];
            return new PositionAutomaton(n, symbols, 0, successors, final);
        }
    }

    /// <summary>The quotient by "same finality and same successor sets", iterated to a fixed point.</summary>
    private PositionAutomaton Merged()
    {
        var current = this;
        while (true)
        {
            var next = current.MergeOnce();
            if (next.StateCount == current.StateCount) return current;
            current = next;
        }
    }

    private PositionAutomaton MergeOnce()
    {
        int n = StateCount, k = SymbolCount, words = Words, row = k * words;
        var classOf = new int[n];
        var representative = new List<int>();
        var index = new Dictionary<RowKey, int>();
        for (int q = 0; q < n; q++)
        {
            var key = new RowKey(this, q);
            if (!index.TryGetValue(key, out int c))
            {
                c = representative.Count;
                index[key] = c;
                representative.Add(q);
            }
            classOf[q] = c;
        }
        int m = representative.Count;
        if (m == n) return this;
        int mWords = (m + 63) >> 6;
        var successors = new ulong[m * k * mWords];
        var final = new ulong[mWords];
        for (int c = 0; c < m; c++)
        {
            int q = representative[c];
            if ((Final[q >> 6] >> q & 1) != 0) final[c >> 6] |= 1UL << c;
            for (int a = 0; a < k; a++)
            {
                var source = Successors.AsSpan(q * row + a * words, words);
                var target = successors.AsSpan((c * k + a) * mWords, mWords);
                for (int w = 0; w < words; w++)
                    for (ulong bits = source[w]; bits != 0; bits &= bits - 1)
                    {
                        int t = classOf[w << 6 | BitOperations.TrailingZeroCount(bits)];
                        target[t >> 6] |= 1UL << t;
                    }
            }
        }
        return new PositionAutomaton(m, k, classOf[Start], successors, final);
    }

    /// <summary>A state's finality and successor row, compared by value.</summary>
    private readonly struct RowKey(PositionAutomaton owner, int state) : IEquatable<RowKey>
    {
        private ReadOnlySpan<ulong> Row => owner.Successors.AsSpan(state * owner.SymbolCount * owner.Words, owner.SymbolCount * owner.Words);

        private bool IsFinal => (owner.Final[state >> 6] >> state & 1) != 0;

        public bool Equals(RowKey other) => IsFinal == other.IsFinal && Row.SequenceEqual(other.Row);

        public override bool Equals(object? obj) => obj is RowKey r && Equals(r);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.Add(IsFinal);
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Row));
            return h.ToHashCode();
        }
    }

    /// <summary>
    /// True when the accessible subset DFA of this automaton is minimal by Brzozowski's theorem
    /// (Brzozowski 1962; see Champarnaud–Khorsi–Paranthoën 2002): the automaton is co-deterministic
    /// (one final state, and no state has two predecessors on the same symbol) and co-accessible
    /// (every state reaches the final state). Then distinct accessible subsets have distinct right
    /// languages, and the empty subset (the sink) differs from every non-empty one.
    /// </summary>
    public bool DeterminizationIsMinimal()
    {
        int n = StateCount, k = SymbolCount, words = Words;
        int finals = 0, final = -1;
        for (int w = 0; w < words; w++)
        {
            finals += BitOperations.PopCount(Final[w]);
            if (Final[w] != 0 && final < 0) final = w << 6 | BitOperations.TrailingZeroCount(Final[w]);
        }
        if (finals != 1) return false;
        var seen = new ulong[words];
        for (int a = 0; a < k; a++)
        {
            Array.Clear(seen);
            for (int q = 0; q < n; q++)
            {
                var next = Next(q, a);
                for (int w = 0; w < words; w++)
                {
                    if ((seen[w] & next[w]) != 0) return false; // a state with two a-predecessors
                    seen[w] |= next[w];
                }
            }
        }
        // Co-accessibility: backward search from the final state.
        var reaches = new bool[n];
        reaches[final] = true;
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int q = 0; q < n; q++)
            {
                if (reaches[q]) continue;
                for (int a = 0; a < k && !reaches[q]; a++)
                {
                    var next = Next(q, a);
                    for (int w = 0; w < words; w++)
                        for (ulong bits = next[w]; bits != 0; bits &= bits - 1)
                            if (reaches[w << 6 | BitOperations.TrailingZeroCount(bits)]) { reaches[q] = true; break; }
                }
                changed |= reaches[q];
            }
        }
        return Array.TrueForAll(reaches, r => r);
    }
}
