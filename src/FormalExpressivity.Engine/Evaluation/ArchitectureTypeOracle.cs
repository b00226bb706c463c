using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Evaluation;

namespace FormalExpressivity.Engine.Evaluation;

/// <summary>
/// The failure-analysis oracle of one architecture: the key of a word is its depth-r type at the end
/// marker, T_r(N+1), computed by the classes' <see cref="TypeAutomaton"/> for the architecture's
/// fragment (<see cref="Architecture.Fragment"/>: LTL[P] for <c>global</c>, multiset windows for
/// <c>local:k</c>, both for <c>hybrid:k</c>; theory.md §6). Equal types ⇒ every model of the
/// architecture of depth ≤ r gives both words the same output (theory.md §6–§7), which is exactly the
/// guarantee <see cref="IIndistinguishabilityOracle"/> asks for.
/// </summary>
/// <remarks>
/// One type table and automaton per oracle, so keys of one evaluation are comparable; not thread-safe.
/// The automaton grows with the distinct prefixes' states; past <c>max-type-states</c> or
/// <c>max-types</c> it throws <see cref="FormalExpressivity.Core.Text.BudgetExceededException"/>, which the
/// evaluator reports as a skipped analysis.
/// </remarks>
public sealed class ArchitectureTypeOracle : IIndistinguishabilityOracle
{
    private readonly TypeAutomaton _automaton;

    /// <summary>Creates the oracle of <paramref name="architecture"/> at depth <paramref name="depth"/>.</summary>
    /// <param name="architecture">An architecture with a type fragment (not <c>uha</c> or <c>regular</c>).</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="depth">r ≥ 0.</param>
    /// <param name="maxTypes">Budget <c>max-types</c>.</param>
    /// <param name="maxTypeStates">Budget <c>max-type-states</c>.</param>
    /// <exception cref="ArgumentException">The architecture has no type fragment.</exception>
    public ArchitectureTypeOracle(Architecture architecture, int symbolCount, int depth, int maxTypes, int maxTypeStates)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCount);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var fragment = architecture.Fragment ?? throw new ArgumentException($"{architecture.Key} has no depth-r types (its classes are decided by other means)", nameof(architecture));
        _automaton = new TypeAutomaton(new TypeTable(fragment, symbolCount, maxTypes), depth, maxTypeStates);
        Architecture = architecture.Key;
        Depth = depth;
    }

    /// <summary>Whether <paramref name="architecture"/> has depth-r types this oracle can compute.</summary>
    /// <param name="architecture">An architecture.</param>
    public static bool Supports(Architecture architecture) => architecture?.Fragment is not null;

    /// <inheritdoc />
    public string Architecture { get; }

    /// <inheritdoc />
    public int Depth { get; }

    /// <inheritdoc />
    public string Key(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _automaton.TypeOf(word).ToString(CultureInfo.InvariantCulture);
    }
}
