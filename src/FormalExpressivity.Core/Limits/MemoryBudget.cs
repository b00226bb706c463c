using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Limits;

/// <summary>
/// The memory discipline of one run: a limit in bytes (the command line's <c>--max-memory</c>) that the
/// places where large structures grow (tables, step tables, type sets, semigroups, word batches) check
/// before they allocate, so that a run ends with a <see cref="BudgetExceededException"/> naming
/// <c>--max-memory</c> and a value to try instead of an out-of-memory crash.
/// <para>
/// The budget is ambient — <see cref="Current"/> flows with the logical call context (also into
/// <c>Task</c>s and <c>Parallel</c> loops) — because the growth points sit deep inside constructions whose
/// signatures should not carry it. <see cref="Use"/> installs a budget for a scope; without one the
/// default (<see cref="DefaultBytes"/>, three quarters of the memory available to the process) applies.
/// </para>
/// <para>
/// A check compares the managed heap in use plus the announced allocation with the limit; when that
/// exceeds it, a full collection is made first, so garbage never causes a false limit error.
/// </para>
/// </summary>
public sealed class MemoryBudget
{
    /// <summary>The command-line flag that sets the budget.</summary>
    public const string Flag = "--max-memory";

    private static readonly AsyncLocal<MemoryBudget?> Scoped = new();
    private static readonly Lazy<MemoryBudget> Fallback = new(() => new MemoryBudget(DefaultBytes));

    /// <summary>Creates a budget of <paramref name="limitBytes"/> bytes.</summary>
    /// <param name="limitBytes">The limit; at least 1.</param>
    public MemoryBudget(long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limitBytes, 1);
        LimitBytes = limitBytes;
    }

    /// <summary>The limit in bytes.</summary>
    public long LimitBytes { get; }

    /// <summary>The default limit: three quarters of the memory the GC reports as available to the process (container limits included).</summary>
    public static long DefaultBytes
    {
        get
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            if (available <= 0) available = 8L << 30;
            return Math.Max(256L << 20, available / 4 * 3);
        }
    }

    /// <summary>The budget in force: the innermost <see cref="Use"/> scope's, else the default.</summary>
    public static MemoryBudget Current => Scoped.Value ?? Fallback.Value;

    /// <summary>Installs <paramref name="budget"/> as <see cref="Current"/> until the returned scope is disposed.</summary>
    /// <param name="budget">The budget for the scope.</param>
    public static IDisposable Use(MemoryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var previous = Scoped.Value;
        Scoped.Value = budget;
        return new RestoreScope(() => Scoped.Value = previous);
    }

    /// <summary>
    /// Checks that <paramref name="bytes"/> more bytes fit next to what the managed heap holds now; throws
    /// <see cref="BudgetExceededException"/> (<c>max-memory</c>, with a value to try) when they do not.
    /// </summary>
    /// <param name="bytes">The size of the allocation about to be made (an estimate; 0 checks the heap alone).</param>
    /// <param name="what">What is being built, e.g. "the random corpus", used in the message.</param>
    public void Require(long bytes, string what)
    {
        if (bytes < 0) bytes = long.MaxValue / 2;
        long used = GC.GetTotalMemory(false);
        if (Fits(used, bytes)) return;
        used = GC.GetTotalMemory(true);
        if (Fits(used, bytes)) return;
        long needed = used > long.MaxValue / 2 - bytes ? long.MaxValue / 2 : used + bytes;
        throw new BudgetExceededException(Flag[2..], LimitBytes, what,
            $"{what} would need about {ByteSize.FormatRoundedUp(needed)} of memory, more than {Flag} {ByteSize.FormatRoundedUp(LimitBytes)} allows; "
            + (needed > DefaultBytes * 4 ? "make the input or the requested sizes smaller" : $"try {Flag} {ByteSize.FormatRoundedUp(needed * 5 / 4)}"));
    }

    /// <summary><see cref="Require(long, string)"/> for <paramref name="count"/> items of <paramref name="itemBytes"/> bytes each, without overflow.</summary>
    /// <param name="count">How many items.</param>
    /// <param name="itemBytes">Bytes per item.</param>
    /// <param name="what">What is being built.</param>
    public void Require(long count, long itemBytes, string what) =>
        Require(count <= 0 || itemBytes <= 0 ? 0 : count > long.MaxValue / 4 / itemBytes ? long.MaxValue / 4 : count * itemBytes, what);

    private bool Fits(long used, long bytes) => bytes <= LimitBytes && used <= LimitBytes - bytes;
}
