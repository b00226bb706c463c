using FormalExpressivity.Classes.Synthesis;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>Budgets of the architecture verdicts.</summary>
public sealed record ArchitectureOptions
{
    /// <summary>
    /// The architecture budgets of <paramref name="budgets"/>: the type search (<c>max-depth</c>, <c>max-types</c>,
    /// <c>max-type-states</c>), the witness depth (<c>max-depth</c>) and the formula proof (<c>max-states</c>).
    /// </summary>
    /// <param name="budgets">The named budgets.</param>
    public static ArchitectureOptions From(FormalExpressivity.Core.Limits.Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new ArchitectureOptions { Search = TypeSearchOptions.From(budgets), WitnessDepth = budgets.MaxDepth, FormulaMaxStates = budgets.MaxStates };
    }

    /// <summary>Budgets of the bounded type search (<c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>).</summary>
    public TypeSearchOptions Search { get; init; } = new();

    /// <summary>Budgets of the lasso search for all-depth "no" certificates (<c>max-lasso-prefix</c>, <c>max-lasso-loop</c>, <c>max-lasso-tails</c>).</summary>
    public Exact.LassoSearchOptions Lasso { get; init; } = new();

    /// <summary>The depth r at which witness pairs of exact "no" verdicts are checked.</summary>
    public int WitnessDepth { get; init; } = 4;

    /// <summary>The largest repetition/padding K tried for a witness family.</summary>
    public int MaxRepetition { get; init; } = 12;

    /// <summary>Budget <c>max-states</c> for compiling a synthesized formula to prove it equivalent.</summary>
    public int FormulaMaxStates { get; init; } = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;
}
