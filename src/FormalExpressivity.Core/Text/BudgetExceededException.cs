namespace FormalExpressivity.Core.Text;

/// <summary>
/// Thrown when a computation would exceed a declared limit (states, semigroup elements, depth,
/// memory). The message names the limit and its value, so the user knows which option to raise.
/// The command line maps it to exit code 3.
/// </summary>
public sealed class BudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="budgetName">The option or limit name, e.g. <c>max-states</c>.</param>
    /// <param name="limit">The limit's value.</param>
    /// <param name="what">What was being computed, e.g. "subset construction".</param>
    public BudgetExceededException(string budgetName, long limit, string what)
        : base($"{what} exceeded the budget {budgetName} = {limit}; raise --{budgetName} to allow more")
    {
        BudgetName = budgetName;
        Limit = limit;
        What = what;
    }

    /// <summary>What was being computed when the budget ran out, e.g. "subset construction".</summary>
    public string What { get; }

    /// <summary>Creates the exception with a complete message (which must name the flag <c>--</c><paramref name="budgetName"/> and a value to try).</summary>
    /// <param name="budgetName">The option or limit name, e.g. <c>max-memory</c>.</param>
    /// <param name="limit">The limit's value.</param>
    /// <param name="what">What was being computed.</param>
    /// <param name="message">The whole message shown to the user.</param>
    public BudgetExceededException(string budgetName, long limit, string what, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(what);
        BudgetName = budgetName;
        Limit = limit;
        What = what;
    }

    /// <summary>The name of the exceeded budget.</summary>
    public string BudgetName { get; }

    /// <summary>The budget's value.</summary>
    public long Limit { get; }
}
