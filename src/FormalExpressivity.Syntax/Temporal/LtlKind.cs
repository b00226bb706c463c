namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// The node kinds of temporal-logic formulas over finite words (theory.md §2). Each member gives its
/// concrete syntax (as printed by <see cref="LtlPrinter"/>) and its arity.
/// </summary>
public enum LtlKind
{
    /// <summary><c>true</c> (⊤), arity 0.</summary>
    True,
    /// <summary><c>false</c> (⊥), arity 0.</summary>
    False,
    /// <summary>A symbol atom π_a, written as the symbol name (<c>a</c>, <c>b0</c>); true at i iff 1 ≤ i ≤ N and w_i = a. Arity 0.</summary>
    Atom,
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
    /// <summary><c>Y φ</c> (yesterday): n &gt; 1 and φ holds at n−1. Arity 1.</summary>
    Yesterday,
    /// <summary><c>Y[&lt;=k] φ</c> (LC26's Y^{≤k}): some m with max(1, n−k) ≤ m &lt; n satisfies φ. Arity 1, parameter k ≥ 1.</summary>
    WindowYesterday,
    /// <summary>
    /// <c>Y[&lt;=k,&gt;=c] φ</c> (window count, theory.md §3.1): at least c of the positions m with
    /// max(1, n−k) ≤ m &lt; n satisfy φ. What a k-local transformer head can compute; not in LTL[Y[&lt;=k]]
    /// for c ≥ 2 and k ≥ 3. Arity 1, parameters k ≥ 1 and 1 ≤ c ≤ k.
    /// </summary>
    WindowCount,
    /// <summary><c>P φ</c> (strict past, "once"): some 1 ≤ m &lt; n satisfies φ. Arity 1.</summary>
    Past,
    /// <summary><c>H φ</c> (historically) = ¬P¬φ: every 1 ≤ m &lt; n satisfies φ. Arity 1.</summary>
    Historically,
    /// <summary><c>φ S ψ</c> (strict since): some 1 ≤ m &lt; n satisfies ψ and every m &lt; j &lt; n satisfies φ. Arity 2.</summary>
    Since,
    /// <summary><c>X φ</c> (strict next): n &lt; N and φ holds at n+1. Arity 1.</summary>
    Next,
    /// <summary><c>F φ</c> (strict future, "eventually"): some n &lt; m ≤ N satisfies φ. Arity 1.</summary>
    Future,
    /// <summary><c>G φ</c> (globally) = ¬F¬φ: every n &lt; m ≤ N satisfies φ. Arity 1.</summary>
    Globally,
    /// <summary><c>φ U ψ</c> (strict until): some n &lt; m ≤ N satisfies ψ and every n &lt; j &lt; m satisfies φ. Arity 2.</summary>
    Until,
}

/// <summary>The temporal operators a formula uses, as flags (its fragment).</summary>
[Flags]
public enum TemporalOperators
{
    /// <summary>No temporal operator: a Boolean combination of atoms.</summary>
    None = 0,
    /// <summary>Y.</summary>
    Yesterday = 1 << 0,
    /// <summary>Y[&lt;=k] with k ≥ 2.</summary>
    WindowYesterday = 1 << 1,
    /// <summary>Counting window Y[&lt;=k,&gt;=c].</summary>
    WindowCount = 1 << 2,
    /// <summary>P.</summary>
    Past = 1 << 3,
    /// <summary>H.</summary>
    Historically = 1 << 4,
    /// <summary>S.</summary>
    Since = 1 << 5,
    /// <summary>X.</summary>
    Next = 1 << 6,
    /// <summary>F.</summary>
    Future = 1 << 7,
    /// <summary>G.</summary>
    Globally = 1 << 8,
    /// <summary>U.</summary>
    Until = 1 << 9,
    /// <summary>Every past operator.</summary>
    AnyPast = Yesterday | WindowYesterday | WindowCount | Past | Historically | Since,
    /// <summary>Every future operator.</summary>
    AnyFuture = Next | Future | Globally | Until,
}
