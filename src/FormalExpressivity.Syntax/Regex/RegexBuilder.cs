using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// The factory of <see cref="RegexNode"/>s over one alphabet: smart constructors that simplify and
/// hash-cons, so equal expressions are the same object. The rewrite rules are language-preserving:
/// <list type="bullet">
/// <item><c>∅·r = r·∅ = ∅</c>, <c>ε·r = r·ε = r</c>, concatenation re-associated to the right;</item>
/// <item>unions and intersections flattened, deduplicated and sorted by <see cref="RegexOrder"/>
/// (associativity, commutativity, idempotence: with these, the Brzozowski derivatives of an
/// expression are finitely many, Brzozowski 1964 Thm 5.2); symbol sets merged
/// (<c>a|b = [a b]</c>, <c>[a b]&amp;[b c] = b</c>); <c>∅</c> and <c>Σ*</c> as units and zeros;
/// <c>ε|r = r</c> when r is nullable; <c>ε&amp;r</c> is ε or ∅ by ν(r);</item>
/// <item><c>~~r = r</c>, <c>~∅ = Σ*</c>; <c>∅* = ε* = ε</c>, <c>(r*)* = r*</c>, <c>(r+)* = r*</c>,
/// <c>(ε|r)* = r*</c>; <c>r{0,} = r*</c>, <c>r{1,1} = r</c>, <c>r{0,1} = ε|r</c>, <c>r{0,0} = ε</c>.</item>
/// </list>
/// Thread-safe. Nodes of different builders must not be mixed.
/// </summary>
public sealed class RegexBuilder
{
    private readonly Dictionary<NodeKey, RegexNode> _cache = new(NodeKeyComparer.Instance);
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, RegexNode> _sets = new();

    /// <summary>Creates a builder for expressions over <paramref name="alphabet"/>.</summary>
    /// <param name="alphabet">The declared alphabet Σ; sets such as <c>Σ</c> and <c>[^a]</c> are relative to it.</param>
    public RegexBuilder(Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        Alphabet = alphabet;
        Empty = Intern(RegexKind.Empty, default, 0, 0, []);
        Epsilon = Intern(RegexKind.Epsilon, default, 0, 0, []);
        Any = Set(alphabet.All);
        All = Intern(RegexKind.Star, default, 0, 0, [Any]);
    }

    /// <summary>The alphabet Σ of every node this builder makes.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>∅, the empty language.</summary>
    public RegexNode Empty { get; }

    /// <summary>ε, the language of the empty word.</summary>
    public RegexNode Epsilon { get; }

    /// <summary>Σ (<c>.</c>), any one symbol.</summary>
    public RegexNode Any { get; }

    /// <summary>Σ*, every word (the complement of ∅).</summary>
    public RegexNode All { get; }

    /// <summary>The number of distinct nodes made so far.</summary>
    public int NodeCount
    {
        get { lock (_lock) return _cache.Count; }
    }

    /// <summary>The one-symbol language {a} for the symbol with index <paramref name="symbol"/>.</summary>
    /// <param name="symbol">A symbol index of <see cref="Alphabet"/>.</param>
    public RegexNode Symbol(int symbol)
    {
        if ((uint)symbol >= (uint)Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(symbol));
        return Set(SymbolSet.Single(symbol));
    }

    /// <summary>The one-symbol language {a} for the symbol named <paramref name="name"/>.</summary>
    /// <param name="name">A declared symbol name.</param>
    /// <exception cref="ArgumentException">The name is not declared.</exception>
    public RegexNode Symbol(string name) =>
        Alphabet.TryGetIndex(name, out int i) ? Set(SymbolSet.Single(i)) : throw new ArgumentException($"'{name}' is not a symbol of {Alphabet}", nameof(name));

    /// <summary>The set of one-symbol words for the members of <paramref name="symbols"/> (∅ when the set is empty).</summary>
    /// <param name="symbols">Members; bits beyond |Σ| are ignored.</param>
    public RegexNode Set(SymbolSet symbols)
    {
        var mask = symbols.Mask & Alphabet.All.Mask;
        if (mask == 0) return Empty;
        lock (_lock)
        {
            if (_sets.TryGetValue(mask, out var n)) return n;
        }
        var node = Intern(RegexKind.Symbols, new SymbolSet(mask), 0, 0, []);
        lock (_lock) _sets[mask] = node;
        return node;
    }

    /// <summary>The negated set <c>[^…]</c>: Σ minus <paramref name="symbols"/>.</summary>
    /// <param name="symbols">The excluded symbols.</param>
    public RegexNode NegatedSet(SymbolSet symbols) => Set(symbols.Complement(Alphabet.Count));

    /// <summary>Concatenation <c>left right</c>.</summary>
    /// <param name="left">First factor.</param>
    /// <param name="right">Second factor.</param>
    public RegexNode Concat(RegexNode left, RegexNode right)
    {
        Own(left);
        Own(right);
        if (left.IsEmpty || right.IsEmpty) return Empty;
        if (left.Kind == RegexKind.Epsilon) return right;
        if (right.Kind == RegexKind.Epsilon) return left;
        if (left.Kind != RegexKind.Concat) return Intern(RegexKind.Concat, default, 0, 0, [left, right]);
        // (x1 (x2 … xk)) right = x1 (x2 (… (xk right))): walk the left chain iteratively.
        var items = new List<RegexNode>();
        for (var n = left; ; n = n.Right)
        {
            if (n.Kind != RegexKind.Concat) { items.Add(n); break; }
            items.Add(n.Left);
        }
        var result = right;
        for (int i = items.Count - 1; i >= 0; i--) result = Intern(RegexKind.Concat, default, 0, 0, [items[i], result]);
        return result;
    }

    /// <summary>Concatenation of all <paramref name="factors"/> in order (ε for none).</summary>
    /// <param name="factors">The factors.</param>
    public RegexNode Concat(IEnumerable<RegexNode> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var list = factors.ToList();
        var result = Epsilon;
        for (int i = list.Count - 1; i >= 0; i--) result = Concat(list[i], result);
        return result;
    }

    /// <summary>Union <c>r1 | r2 | …</c> (∅ for none).</summary>
    /// <param name="items">The alternatives.</param>
    public RegexNode Union(params IEnumerable<RegexNode> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var set = new HashSet<RegexNode>(ReferenceEqualityComparer.Instance);
        ulong symbols = 0;
        bool hasEpsilon = false;
        foreach (var item in items)
        {
            Own(item);
            if (item.Kind == RegexKind.Union)
            {
                foreach (var c in item.ChildArray) Add(c);
            }
            else Add(item);
        }
        if (set.Contains(All)) return All;
        if (symbols != 0) set.Add(Set(new SymbolSet(symbols)));
        if (hasEpsilon && !set.Any(n => n.IsNullable)) set.Add(Epsilon);
        return MakeNary(RegexKind.Union, set, Empty);

        void Add(RegexNode n)
        {
            switch (n.Kind)
            {
                case RegexKind.Empty: break;
                case RegexKind.Epsilon: hasEpsilon = true; break;
                case RegexKind.Symbols: symbols |= n.Symbols.Mask; break;
                default: set.Add(n); break;
            }
        }
    }

    /// <summary>Intersection <c>r1 &amp; r2 &amp; …</c> (Σ* for none).</summary>
    /// <param name="items">The operands.</param>
    public RegexNode Intersection(params IEnumerable<RegexNode> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var set = new HashSet<RegexNode>(ReferenceEqualityComparer.Instance);
        ulong symbols = ulong.MaxValue;
        bool hasSymbols = false, hasEpsilon = false, hasEmpty = false;
        foreach (var item in items)
        {
            Own(item);
            if (item.Kind == RegexKind.Intersection)
            {
                foreach (var c in item.ChildArray) Add(c);
            }
            else Add(item);
        }
        if (hasEmpty) return Empty;
        if (hasEpsilon)
        {
            // ε & r is ε when ν(r), otherwise ∅; a symbol set is never nullable.
            return !hasSymbols && set.All(n => n.IsNullable) ? Epsilon : Empty;
        }
        if (hasSymbols)
        {
            if (symbols == 0) return Empty;
            set.Add(Set(new SymbolSet(symbols)));
        }
        return MakeNary(RegexKind.Intersection, set, All);

        void Add(RegexNode n)
        {
            if (ReferenceEquals(n, All)) return;
            switch (n.Kind)
            {
                case RegexKind.Empty: hasEmpty = true; break;
                case RegexKind.Epsilon: hasEpsilon = true; break;
                case RegexKind.Symbols: hasSymbols = true; symbols &= n.Symbols.Mask; break;
                default: set.Add(n); break;
            }
        }
    }

    /// <summary>Difference <c>left - right</c>, that is <c>left &amp; ~right</c>.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    public RegexNode Difference(RegexNode left, RegexNode right) => Intersection(left, Complement(right));

    /// <summary>Complement <c>~r</c> relative to Σ*.</summary>
    /// <param name="operand">The complemented expression.</param>
    public RegexNode Complement(RegexNode operand)
    {
        Own(operand);
        if (operand.Kind == RegexKind.Complement) return operand.Left;
        if (operand.IsEmpty) return All;
        if (ReferenceEquals(operand, All)) return Empty;
        return Intern(RegexKind.Complement, default, 0, 0, [operand]);
    }

    /// <summary>Kleene star <c>r*</c>.</summary>
    /// <param name="operand">The repeated expression.</param>
    public RegexNode Star(RegexNode operand)
    {
        Own(operand);
        switch (operand.Kind)
        {
            case RegexKind.Empty:
            case RegexKind.Epsilon:
                return Epsilon;
            case RegexKind.Star:
                return operand;
            case RegexKind.Repeat when operand.Max == RegexNode.Unbounded && operand.Min <= 1:
                return Star(operand.Left);
            case RegexKind.Union when operand.ChildArray.Any(c => c.Kind == RegexKind.Epsilon):
                return Star(Union(operand.ChildArray.Where(c => c.Kind != RegexKind.Epsilon)));
        }
        return Intern(RegexKind.Star, default, 0, 0, [operand]);
    }

    /// <summary><c>r+</c>, that is <c>r{1,}</c>.</summary>
    /// <param name="operand">The repeated expression.</param>
    public RegexNode Plus(RegexNode operand) => Repeat(operand, 1, RegexNode.Unbounded);

    /// <summary><c>r?</c>, that is <c>ε | r</c>.</summary>
    /// <param name="operand">The optional expression.</param>
    public RegexNode Optional(RegexNode operand) => Union(Epsilon, operand);

    /// <summary>Repetition <c>r{min,max}</c>: the union of rᵏ for min ≤ k ≤ max.</summary>
    /// <param name="operand">The repeated expression.</param>
    /// <param name="min">Lower bound, ≥ 0.</param>
    /// <param name="max">Upper bound ≥ <paramref name="min"/>, or <see cref="RegexNode.Unbounded"/>.</param>
    public RegexNode Repeat(RegexNode operand, int min, int max)
    {
        Own(operand);
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        if (max != RegexNode.Unbounded && max < min) throw new ArgumentOutOfRangeException(nameof(max), "the upper bound is below the lower bound");
        if (max == 0) return Epsilon;
        if (operand.IsEmpty) return min == 0 ? Epsilon : Empty;
        if (operand.Kind == RegexKind.Epsilon) return Epsilon;
        if (max == RegexNode.Unbounded && min == 0) return Star(operand);
        if (min == 1 && max == 1) return operand;
        if (min == 0 && max == 1) return Optional(operand);
        return Intern(RegexKind.Repeat, default, min, max, [operand]);
    }

    private RegexNode MakeNary(RegexKind kind, HashSet<RegexNode> set, RegexNode unit)
    {
        if (set.Count == 0) return unit;
        if (set.Count == 1) return set.First();
        var children = set.ToArray();
        Array.Sort(children, RegexOrder.Instance);
        return Intern(kind, default, 0, 0, children);
    }

    private void Own(RegexNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!ReferenceEquals(node.Builder, this)) throw new ArgumentException("the node was made by another RegexBuilder (another alphabet)", nameof(node));
    }

    private RegexNode Intern(RegexKind kind, SymbolSet symbols, int min, int max, RegexNode[] children)
    {
        var key = new NodeKey(kind, symbols.Mask, min, max, children);
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var existing)) return existing;
            var node = new RegexNode(this, _cache.Count, kind, symbols, min, max, children);
            _cache.Add(key, node);
            return node;
        }
    }

    private readonly record struct NodeKey(RegexKind Kind, ulong Mask, int Min, int Max, RegexNode[] Children);

    private sealed class NodeKeyComparer : IEqualityComparer<NodeKey>
    {
        public static readonly NodeKeyComparer Instance = new();

        public bool Equals(NodeKey x, NodeKey y)
        {
            if (x.Kind != y.Kind || x.Mask != y.Mask || x.Min != y.Min || x.Max != y.Max || x.Children.Length != y.Children.Length) return false;
            for (int i = 0; i < x.Children.Length; i++)
                if (!ReferenceEquals(x.Children[i], y.Children[i])) return false;
            return true;
        }

        public int GetHashCode(NodeKey key)
        {
            var h = new HashCode();
            h.Add(key.Kind);
            h.Add(key.Mask);
            h.Add(key.Min);
            h.Add(key.Max);
            foreach (var c in key.Children) h.Add(c.Id);
            return h.ToHashCode();
        }
    }
}
