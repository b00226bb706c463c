using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The one set of named defaults and budgets of the verdict engine, used by every front end
/// (<c>fex classify</c>, <c>fex check</c>, conjectures, eval). Each budget has the name of the
/// command-line option that raises it.
/// </summary>
/// <remarks>
/// The defaults are those of <see cref="Budgets.Default"/> (docs/theory.md §6): type search to depth
/// <c>max-depth</c> = 3 with at most <c>max-types</c> = 50 000 types and <c>max-type-states</c> = 400 000
/// type-automaton/product states; witness words checked at the same depth with padding up to 12;
/// formulas proved equivalent within <c>max-states</c>. Before issue 9, classify searched to depth 4
/// with 20 000 types and check to depth 3 with 50 000; the one set is check's, under which
/// examples/local-attention.claims is checked in about a minute on two cores.
/// </remarks>
public sealed record VerdictOptions
{
    /// <summary>The defaults.</summary>
    public static VerdictOptions Default { get; } = new();

    /// <summary>
    /// The engine's budgets of <paramref name="budgets"/>: the type search and the search over P of window types
    /// (<c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>), the lasso search (<c>max-lasso-prefix</c>,
    /// <c>max-lasso-loop</c>, <c>max-lasso-tails</c>, <c>max-lasso-candidates</c>), the work both share (<c>max-search-work</c>), the witness depth (<c>max-depth</c>), the formula proofs (<c>max-states</c>) and
    /// the class deciders (<c>max-semigroup</c>, <c>max-pair-states</c>, <c>max-parameter-states</c>).
    /// </summary>
    /// <param name="budgets">The named budgets.</param>
    public static VerdictOptions From(Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new VerdictOptions
        {
            Search = TypeSearchOptions.From(budgets),
            Lasso = new Exact.LassoSearchOptions(budgets.MaxLassoPrefix, budgets.MaxLassoLoop, budgets.MaxLassoTails, budgets.MaxLassoCandidates),
            SearchWork = budgets.MaxSearchWork,
            WitnessDepth = budgets.MaxDepth,
            FormulaMaxStates = budgets.MaxStates,
            Smallest = SmallestFormulaOptions.From(budgets),
            Deciders = DeciderOptions.From(budgets),
        };
    }

    /// <summary>Budgets of the bounded type search (<c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>).</summary>
    public TypeSearchOptions Search { get; init; } = new();

    /// <summary>Budgets of the lasso search for all-depth "no" certificates (docs/theory.md §Lasso certificates).</summary>
    public Exact.LassoSearchOptions Lasso { get; init; } = new();

    /// <summary>
    /// Budget <c>max-search-work</c>: the one work counter of an open row, shared by its type search and its lasso
    /// search, which run side by side (<see cref="JointSearchStage"/>).
    /// </summary>
    public long SearchWork { get; init; } = Budgets.DefaultMaxSearchWork;

    /// <summary>Budgets of the smallest-formula enumeration (<c>max-formula-size</c>, <c>max-formula-candidates</c>; docs/theory.md §"Smallest formulas").</summary>
    public SmallestFormulaOptions Smallest { get; init; } = new();

    /// <summary>The depth r at which witness words of an exact "no" are checked to agree.</summary>
    public int WitnessDepth { get; init; } = Budgets.DefaultMaxDepth;

    /// <summary>The largest repetition/padding K tried for a witness family.</summary>
    public int MaxRepetition { get; init; } = 12;

    /// <summary>Budget <c>max-states</c> for compiling a formula to prove it equivalent to L.</summary>
    public int FormulaMaxStates { get; init; } = Budgets.DefaultMaxStates;

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
