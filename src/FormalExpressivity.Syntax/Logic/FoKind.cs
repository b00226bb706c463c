namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// The node kinds of first-order sentences over words, FO[&lt;] (theory.md §1): variables range over
/// the positions 1 … N of the word (the end marker is not a position here). Each member gives its
/// concrete syntax as printed by <see cref="FoPrinter"/> and its arity.
/// </summary>
public enum FoKind
{
    /// <summary><c>true</c> (⊤), arity 0.</summary>
    True,
    /// <summary><c>false</c> (⊥), arity 0.</summary>
    False,
    /// <summary><c>a(x)</c>: the symbol at position x is a. Arity 0; one variable.</summary>
    Label,
    /// <summary><c>x &lt; y</c>: position x is before y. Arity 0; two variables.</summary>
    Less,
    /// <summary><c>x = y</c>. Arity 0; two variables.</summary>
    Equal,
    /// <summary><c>succ(x, y)</c>: y = x + 1. Arity 0; two variables.</summary>
    Successor,
    /// <summary><c>first(x)</c>: x = 1. Arity 0; one variable.</summary>
    First,
    /// <summary><c>last(x)</c>: x = N. Arity 0; one variable.</summary>
    Last,
    /// <summary><c>!φ</c> (¬), arity 1.</summary>
    Not,
    /// <summary><c>φ &amp; ψ</c> (∧), arity 2.</summary>
    And,
    /// <summary><c>φ | ψ</c> (∨), arity 2.</summary>
    Or,
    /// <summary><c>φ -&gt; ψ</c> (→), arity 2.</summary>
    Implies,
    /// <summary><c>φ &lt;-&gt; ψ</c> (↔), arity 2.</summary>
    Iff,
    /// <summary><c>exists x. φ</c> (∃): some position x satisfies φ (false on the empty word). Arity 1.</summary>
    Exists,
    /// <summary><c>forall x. φ</c> (∀): every position x satisfies φ (true on the empty word). Arity 1.</summary>
    Forall,
}
