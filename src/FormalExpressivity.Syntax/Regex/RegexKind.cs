namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// The node kinds of an extended regular expression (<see cref="RegexNode"/>). Each member gives
/// its concrete syntax (grammars/Regex.g4) and arity. Sugar (<c>r+</c>, <c>r?</c>, <c>r - s</c>,
/// <c>[^…]</c>, <c>Σ</c>) is expressed with these kinds by <see cref="RegexBuilder"/>.
/// </summary>
public enum RegexKind
{
    /// <summary><c>∅</c> or <c>empty</c>: the empty language. Arity 0.</summary>
    Empty,

    /// <summary><c>ε</c> or <c>eps</c>: the language {ε}. Arity 0.</summary>
    Epsilon,

    /// <summary>
    /// A non-empty set of symbols, each a word of length one: a symbol <c>a</c>, <c>b0</c>, <c>&lt;foo&gt;</c>;
    /// a set <c>[a b0]</c>; a negated set <c>[^a]</c>; the wildcard <c>.</c> or <c>Σ</c>. Arity 0;
    /// the members are <see cref="RegexNode.Symbols"/>.
    /// </summary>
    Symbols,

    /// <summary>Concatenation, juxtaposition <c>r s</c>. Arity 2, kept right-nested: the left child is never a concatenation.</summary>
    Concat,

    /// <summary>Union <c>r | s</c> (also <c>∪</c>). Arity ≥ 2, flattened, sorted, without duplicates; <c>r?</c> is <c>ε | r</c>.</summary>
    Union,

    /// <summary>Intersection <c>r &amp; s</c> (also <c>∩</c>). Arity ≥ 2, flattened, sorted, without duplicates; <c>r - s</c> is <c>r &amp; ~s</c>.</summary>
    Intersection,

    /// <summary>Complement relative to Σ*: prefix <c>~r</c>, <c>!r</c> or <c>¬r</c>. Arity 1.</summary>
    Complement,

    /// <summary>Kleene star <c>r*</c>. Arity 1.</summary>
    Star,

    /// <summary>
    /// Bounded or lower-bounded repetition <c>r{m}</c>, <c>r{m,n}</c>, <c>r{m,}</c>; <c>r+</c> is <c>r{1,}</c>.
    /// Arity 1; the bounds are <see cref="RegexNode.Min"/> and <see cref="RegexNode.Max"/>.
    /// </summary>
    Repeat,
}
