using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Limits;

/// <summary>
/// One work counter shared by several searches that run side by side on the same question (the type search and
/// the lasso search of one open architecture row: budget <c>max-search-work</c>). Each search charges one unit per
/// bounded step; the charge that would pass <see cref="Limit"/> throws a <see cref="BudgetExceededException"/>
/// naming the budget, so every search sharing the counter stops at its next step and reports how far it got.
/// </summary>
public sealed class WorkBudget
{
    /// <summary>Creates a counter.</summary>
    /// <param name="name">The budget's name (the flag without <c>--</c>), e.g. <c>max-search-work</c>.</param>
    /// <param name="limit">The most units that may be charged; at least 1.</param>
    public WorkBudget(string name, long limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Name = name;
        Limit = limit;
    }

    /// <summary>The budget's name.</summary>
    public string Name { get; }

    /// <summary>The most units that may be charged.</summary>
    public long Limit { get; }

    /// <summary>The units charged so far (never more than <see cref="Limit"/>).</summary>
    public long Spent { get; private set; }

    /// <summary>True once a charge was refused.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Charges one unit of work for <paramref name="what"/>.</summary>
    /// <param name="what">What the unit is spent on (for the budget message), e.g. <c>the lasso search of hybrid:2</c>.</param>
    /// <exception cref="BudgetExceededException">The counter is at its limit.</exception>
    public void Charge(string what)
    {
        if (Spent >= Limit)
        {
            Exhausted = true;
            throw new BudgetExceededException(Name, Limit, what);
        }
        Spent++;
    }
}
