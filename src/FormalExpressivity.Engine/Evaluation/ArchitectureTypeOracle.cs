using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Evaluation;

namespace FormalExpressivity.Engine.Evaluation;

/// <summary>
/// The failure analysis of <c>fex eval</c> asks the type machinery of the class deciders: the key of a word
/// is its depth-r type T_r(N+1) in the architecture's fragment (<see cref="TypeAutomaton"/>, docs/theory.md §6),
/// so two words with equal keys are accepted alike by every formula of the fragment up to depth r.
/// </summary>
public sealed class ArchitectureTypeOracle : IIndistinguishabilityOracle
{
    private readonly TypeAutomaton _types;
    private readonly Architecture _architecture;

    /// <summary>The oracle of <paramref name="architecture"/> at depth <paramref name="depth"/> over |Σ| = <paramref name="symbolCount"/>.</summary>
    /// <param name="architecture">An architecture with a type fragment (not <c>uha</c> or <c>regular</c>).</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="depth">The depth r ≥ 0.</param>
    /// <param name="maxTypes">Budget <c>max-types</c> of the type table (the words of a corpus have at most as many types as there are words).</param>
    public ArchitectureTypeOracle(Architecture architecture, int symbolCount, int depth, int maxTypes = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCount);
        var fragment = architecture.Fragment ?? throw new ArgumentException($"{architecture.Key} has no type fragment", nameof(architecture));
        _architecture = architecture;
        _types = new TypeAutomaton(new TypeTable(fragment, symbolCount, maxTypes), depth, int.MaxValue);
    }

    /// <inheritdoc />
    public string Architecture => _architecture.Key;

    /// <inheritdoc />
    public int Depth => _types.Depth;

    /// <inheritdoc />
    public string Key(Word word) => _types.TypeOf(word).ToString(CultureInfo.InvariantCulture);
}
