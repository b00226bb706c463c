namespace FormalExpressivity.Transformers.Model;

/// <summary>Which positions an attention head may attend to (theory.md §3).</summary>
public enum HeadKind
{
    /// <summary><c>global</c>: every earlier position 1 ≤ m &lt; n (soft attention).</summary>
    Global,
    /// <summary><c>local:k</c>: the k previous positions max(1, n−k) ≤ m &lt; n (soft attention, LC26).</summary>
    Local,
    /// <summary>
    /// <c>uha</c> / <c>uha:k</c>: unique-hard attention to the rightmost selected position (global, or inside a k-window).
    /// Symbolic only: it expresses S (since), which soft attention cannot (theory.md §3, UHA = FO[&lt;]).
    /// </summary>
    UniqueHard,
}

/// <summary>Attention masking (theory.md §3).</summary>
public enum Masking
{
    /// <summary><c>strict</c>: position n attends to m &lt; n only.</summary>
    Strict,
    /// <summary><c>nonstrict</c>: position n also attends to itself (m ≤ n); a k-window then covers n−k+1 … n.</summary>
    NonStrict,
}

/// <summary>The operation of one Boolean gate of a feed-forward circuit.</summary>
public enum GateKind
{
    /// <summary><c>not x</c>: ¬x (numeric: ReLU(1 − x)).</summary>
    Not,
    /// <summary><c>and x y …</c>: conjunction of ≥ 1 inputs (numeric: ReLU(Σx − (m − 1))).</summary>
    And,
    /// <summary><c>or x y …</c>: disjunction of ≥ 1 inputs (numeric: 1 − ReLU(1 − Σx)).</summary>
    Or,
}
