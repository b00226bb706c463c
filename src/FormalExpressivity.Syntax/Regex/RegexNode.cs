using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// An immutable, hash-consed extended regular expression over the alphabet of its
/// <see cref="Builder"/>. Nodes are made only by <see cref="RegexBuilder"/>, whose smart
/// constructors simplify and share them: two structurally equal nodes of one builder are the same
/// object, so reference equality is language-preserving syntactic equality modulo the builder's
/// rewrite rules (associativity, commutativity and idempotence of <c>|</c> and <c>&amp;</c>, units
/// and zeros). Facts are cached bottom-up: <see cref="IsNullable"/> and <see cref="Depth"/>.
/// </summary>
public sealed class RegexNode
{
    /// <summary>The value of <see cref="Max"/> for an unbounded repetition <c>r{m,}</c>.</summary>
    public const int Unbounded = -1;

    private readonly RegexNode[] _children;

    internal RegexNode(RegexBuilder builder, int id, RegexKind kind, SymbolSet symbols, int min, int max, RegexNode[] children)
    {
        Builder = builder;
        Id = id;
        Kind = kind;
        Symbols = symbols;
        Min = min;
        Max = max;
        _children = children;
        IsNullable = kind switch
        {
            RegexKind.Empty => false,
            RegexKind.Epsilon => true,
            RegexKind.Symbols => false,
            RegexKind.Concat => children[0].IsNullable && children[1].IsNullable,
            RegexKind.Union => children.Any(c => c.IsNullable),
            RegexKind.Intersection => children.All(c => c.IsNullable),
            RegexKind.Complement => !children[0].IsNullable,
            RegexKind.Star => true,
            RegexKind.Repeat => min == 0 || children[0].IsNullable,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Depth = kind switch
        {
            // A concatenation chain is walked iteratively, so only its items add depth.
            RegexKind.Concat => Math.Max(1 + children[0].Depth, children[1].Depth),
            _ => 1 + (children.Length == 0 ? 0 : children.Max(c => c.Depth)),
        };
    }

    /// <summary>The builder that made this node; its alphabet is the node's alphabet.</summary>
    public RegexBuilder Builder { get; }

    /// <summary>The alphabet Σ the node is over (the builder's).</summary>
    public Alphabet Alphabet => Builder.Alphabet;

    /// <summary>Creation index within the builder (unique per builder; not a structural order).</summary>
    public int Id { get; }

    /// <summary>The operator.</summary>
    public RegexKind Kind { get; }

    /// <summary>For <see cref="RegexKind.Symbols"/>, the non-empty member set; empty for every other kind.</summary>
    public SymbolSet Symbols { get; }

    /// <summary>For <see cref="RegexKind.Repeat"/>, the lower bound m of <c>r{m,n}</c>; 0 otherwise.</summary>
    public int Min { get; }

    /// <summary>For <see cref="RegexKind.Repeat"/>, the upper bound n of <c>r{m,n}</c> or <see cref="Unbounded"/>; 0 otherwise.</summary>
    public int Max { get; }

    /// <summary>The operands, in the normalized order (see <see cref="RegexKind"/> for each kind's arity).</summary>
    public IReadOnlyList<RegexNode> Children => _children;

    internal RegexNode[] ChildArray => _children;

    /// <summary>The only or first operand (<c>Children[0]</c>).</summary>
    public RegexNode Left => _children[0];

    /// <summary>The second operand of a binary node (<c>Children[1]</c>), e.g. the rest of a concatenation.</summary>
    public RegexNode Right => _children[1];

    /// <summary>ν(r): true iff the empty word is in the language (Brzozowski 1964).</summary>
    public bool IsNullable { get; }

    /// <summary>
    /// Nesting depth as seen by the recursive algorithms: 1 for a leaf, 1 + the deepest operand
    /// otherwise, except that a concatenation chain counts as one level (it is walked iteratively).
    /// </summary>
    public int Depth { get; }

    /// <summary>True for the empty language ∅.</summary>
    public bool IsEmpty => Kind == RegexKind.Empty;

    /// <summary>True for Σ* (the complement of ∅).</summary>
    public bool IsAll => ReferenceEquals(this, Builder.All);

    /// <summary>Prints the node in the concrete syntax (see <see cref="RegexPrinter"/>).</summary>
    public override string ToString() => RegexPrinter.Print(this);
}
