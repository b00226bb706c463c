namespace FormalExpressivity.Classes.Deciders;

/// <summary>Budgets and knobs shared by the class deciders.</summary>
public sealed record DeciderOptions
{
    /// <summary>The default options.</summary>
    public static DeciderOptions Default { get; } = new();

    /// <summary>Budget <c>max-semigroup</c>: the largest transition semigroup enumerated.</summary>
    public int MaxSemigroup { get; init; } = 100_000;

    /// <summary>
    /// Budget <c>max-parameter-states</c>: the largest product automaton built to compute the least k of
    /// LT and PT. When it is exceeded the verdict stays exact but its parameter is <c>null</c>.
    /// </summary>
    public int MaxParameterStates { get; init; } = 200_000;

    /// <summary>The padding K of the witness-word families (u(st)^K s v, common suffixes, …); at least 1.</summary>
    public int WitnessPadding { get; init; } = 4;
}
