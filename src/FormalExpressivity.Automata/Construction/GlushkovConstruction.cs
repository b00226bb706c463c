using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Regular expression → canonical minimal DFA through the position (Glushkov) automaton
/// (<see cref="PositionAutomaton"/>): positions with equal successor rows merged, subsets packed into
/// words and interned without allocation (<see cref="PackedSubsetConstruction"/>), and Hopcroft
/// skipped when Brzozowski's theorem proves the subset DFA minimal (a co-deterministic, co-accessible
/// automaton — e.g. <c>(a|b)*a(a|b){k}</c>, whose 2^(k+1) states are then written once and never
/// refined). Handles the operators without <c>&amp;</c> and <c>~</c>; twins: <see cref="BrzozowskiDerivatives"/>
/// and <see cref="ThompsonConstruction"/>.
/// </summary>
public static class GlushkovConstruction
{
    /// <summary>True when <paramref name="node"/> is in the construction's fragment (no <c>&amp;</c>, <c>~</c>, <c>-</c>; at most 16 384 positions after expanding repetitions).</summary>
    /// <param name="node">The expression.</param>
    public static bool Supports(RegexNode node) => PositionAutomaton.TryBuild(node) is not null;

    /// <summary>The canonical minimal DFA of <paramref name="node"/>, or null when the node is outside the fragment (see <see cref="Supports"/>).</summary>
    /// <param name="node">The expression.</param>
    /// <param name="maxStates">Budget <c>max-states</c> on the subset DFA.</param>
    /// <exception cref="BudgetExceededException">The subset DFA would exceed <paramref name="maxStates"/> states.</exception>
    public static Dfa? TryToDfa(RegexNode node, int maxStates = RegexCompilerOptions.DefaultMaxStates) =>
        TryToDfa(node, maxStates, out _);

    /// <summary>As <see cref="TryToDfa(RegexNode, int)"/>, telling whether minimization was skipped because the subset DFA is provably minimal.</summary>
    /// <param name="node">The expression.</param>
    /// <param name="maxStates">Budget <c>max-states</c> on the subset DFA.</param>
    /// <param name="provedMinimal">True when Brzozowski's theorem applied and Hopcroft was not run.</param>
    public static Dfa? TryToDfa(RegexNode node, int maxStates, out bool provedMinimal)
    {
        RegexCompiler.CheckDepth(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        provedMinimal = false;
        var positions = PositionAutomaton.TryBuild(node);
        if (positions is null) return null;
        var dfa = PackedSubsetConstruction.Determinize(positions, node.Alphabet, maxStates);
        provedMinimal = positions.DeterminizationIsMinimal();
        return provedMinimal ? dfa.AsKnownMinimal() : dfa.Minimize();
    }
}
