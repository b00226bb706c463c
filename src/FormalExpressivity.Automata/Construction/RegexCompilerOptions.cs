namespace FormalExpressivity.Automata.Construction;

/// <summary>Which algorithm turns an extended regular expression into a DFA.</summary>
public enum RegexConstruction
{
    /// <summary>
    /// The position (Glushkov) automaton on packed subsets where the expression has no <c>&amp;</c> and <c>~</c>
    /// (default), else <see cref="Derivatives"/>.
    /// </summary>
    Positions,

    /// <summary>Brzozowski derivatives on hash-consed nodes (handles <c>&amp;</c>, <c>~</c>, <c>-</c> natively).</summary>
    Derivatives,

    /// <summary>Thompson NFA → subset construction → Hopcroft (the independent twin; <c>&amp;</c> and <c>~</c> via DFA products).</summary>
    Thompson,
}

/// <summary>Options of <see cref="RegexCompiler"/>.</summary>
public sealed record RegexCompilerOptions
{
    /// <summary>The default of <see cref="MaxStates"/>.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>The default options.</summary>
    public static RegexCompilerOptions Default { get; } = new();

    /// <summary>The default construction with the <c>max-states</c> budget of <paramref name="budgets"/>.</summary>
    /// <param name="budgets">The named budgets.</param>
    public static RegexCompilerOptions From(FormalExpressivity.Core.Limits.Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new RegexCompilerOptions { MaxStates = budgets.MaxStates };
    }

    /// <summary>
    /// Budget <c>max-states</c>: the largest number of states any intermediate automaton may have
    /// (derivative DFA, Thompson NFA, subset DFA, product); beyond it the construction ends with
    /// <see cref="FormalExpressivity.Core.Text.BudgetExceededException"/> naming <c>max-states</c>.
    /// </summary>
    public int MaxStates { get; init; } = DefaultMaxStates;

    /// <summary>The construction to use.</summary>
    public RegexConstruction Construction { get; init; } = RegexConstruction.Positions;
}
