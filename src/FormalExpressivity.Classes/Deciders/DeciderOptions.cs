using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Budgets and knobs shared by the class deciders.</summary>
public sealed record DeciderOptions
{
    /// <summary>The default options.</summary>
    public static DeciderOptions Default { get; } = new();

    /// <summary>The decider budgets of <paramref name="budgets"/> (<c>max-semigroup</c>, <c>max-semigroup-mib</c>, <c>max-parameter-states</c>, <c>max-pair-states</c>).</summary>
    /// <param name="budgets">The named budgets.</param>
    public static DeciderOptions From(Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new DeciderOptions { MaxSemigroup = budgets.MaxSemigroup, MaxSemigroupMib = budgets.MaxSemigroupMib, MaxParameterStates = budgets.MaxParameterStates, MaxPairStates = budgets.MaxPairStates };
    }

    /// <summary>Budget <c>max-semigroup</c>: the largest transition semigroup enumerated.</summary>
    public int MaxSemigroup { get; init; } = Budgets.DefaultMaxSemigroup;

    /// <summary>Budget <c>max-semigroup-mib</c>: the most memory (MiB) the transition semigroup may hold.</summary>
    public int MaxSemigroupMib { get; init; } = Budgets.DefaultMaxSemigroupMib;

    /// <summary><see cref="MaxSemigroupMib"/> in bytes.</summary>
    public long MaxSemigroupBytes => (long)MaxSemigroupMib << 20;

    /// <summary>Budget <c>max-pair-states</c>: the most state pairs of the pair graph (pair-graph tests of SL, D, LR, LT, LTT, DA, L).</summary>
    public long MaxPairStates { get; init; } = Budgets.DefaultMaxPairStates;

    /// <summary>
    /// Budget <c>max-parameter-states</c>: the largest product automaton built to compute the least k of
    /// LT and PT. When it is exceeded the verdict stays exact but its parameter is <c>null</c>.
    /// </summary>
    public int MaxParameterStates { get; init; } = Budgets.DefaultMaxParameterStates;

    /// <summary>The padding K of the witness-word families (u(st)^K s v, common suffixes, …); at least 1.</summary>
    public int WitnessPadding { get; init; } = 4;
}
