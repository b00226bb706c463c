using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Classes.Synthesis;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The one set of named defaults and budgets of the verdict engine, used by every front end
/// (<c>fex classify</c>, <c>fex check</c>, conjectures, eval). Each budget has the name of the
/// command-line option that raises it.
/// </summary>
/// <remarks>
/// Defaults (docs/theory.md §6): type search to depth <b>3</b> with at most <b>50 000</b> types
/// (<c>max-types</c>) and <b>400 000</b> type-automaton/product states (<c>max-type-states</c>);
/// witness words checked at depth 3 with padding up to 12; synthesized formulas proved equivalent
/// with at most 100 000 states (<c>max-states</c>). Depth 3 settles every language of the paper
/// benchmarks that depth 4 settles within the same time on two cores; deeper searches are a flag away.
/// </remarks>
public sealed record VerdictOptions
{
    /// <summary>The defaults.</summary>
    public static VerdictOptions Default { get; } = new();

    /// <summary>The default depth of the bounded type search (option <c>--max-depth</c>).</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>The default type budget (option <c>--max-types</c>).</summary>
    public const int DefaultMaxTypes = 50_000;

    /// <summary>The default type-automaton and product state budget (option <c>--max-type-states</c>).</summary>
    public const int DefaultMaxTypeStates = 400_000;

    /// <summary>Budgets of the bounded type search (<c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>).</summary>
    public TypeSearchOptions Search { get; init; } = new(DefaultMaxDepth, DefaultMaxTypes, DefaultMaxTypeStates);

    /// <summary>The depth r at which witness words of an exact "no" are checked to agree.</summary>
    public int WitnessDepth { get; init; } = DefaultMaxDepth;

    /// <summary>The largest repetition/padding K tried for a witness family.</summary>
    public int MaxRepetition { get; init; } = 12;

    /// <summary>Budget <c>max-states</c> for compiling a formula to prove it equivalent to L.</summary>
    public int FormulaMaxStates { get; init; } = 100_000;

    /// <summary>Budgets of the class deciders (<c>max-semigroup</c>, …).</summary>
    public DeciderOptions Deciders { get; init; } = DeciderOptions.Default;

    /// <summary>
    /// When true (the default), a yes without a formula gets one (synthesis, then the type search). Conjecture
    /// enumeration turns it off: it needs answers, not formulas.
    /// </summary>
    public bool SynthesizeFormulas { get; init; } = true;

    /// <summary>The same options with the search budgets replaced and the witness depth following the search depth.</summary>
    /// <param name="search">The search budgets.</param>
    public VerdictOptions WithSearch(TypeSearchOptions search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return this with { Search = search, WitnessDepth = search.MaxDepth };
    }
}
