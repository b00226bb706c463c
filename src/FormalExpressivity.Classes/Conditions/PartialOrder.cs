using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>A cycle through two distinct states: p·x = q and q·y = p (the minimal DFA is not partially ordered).</summary>
/// <param name="P">p.</param>
/// <param name="Q">q ≠ p.</param>
/// <param name="X">A non-empty word with p·x = q.</param>
/// <param name="Y">A non-empty word with q·y = p.</param>
public sealed record StateCycle(int P, int Q, Word X, Word Y);

/// <summary>
/// R-trivial = partially ordered minimal DFA (Brzozowski &amp; Fich 1980): every strongly connected
/// component is a single state. In: aΣ* (states "start", "ok", "sink"). Out: (ab)* (a 2-cycle).
/// </summary>
public static class PartialOrder
{
    /// <summary>Null when the DFA is partially ordered, otherwise a cycle through two states.</summary>
    /// <param name="minimal">A minimal (or at least trim) DFA.</param>
    public static StateCycle? FindCycle(Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        var comp = StronglyConnected.Tarjan(minimal.Table, minimal.StateCount, minimal.SymbolCount, out _);
        for (int p = 0; p < minimal.StateCount; p++)
            for (int a = 0; a < minimal.SymbolCount; a++)
            {
                int q = minimal.Next(p, a);
                if (q == p || comp[q] != comp[p]) continue;
                var x = DfaPaths.Between(minimal, p, q, nonEmpty: true)!;
                var y = DfaPaths.Between(minimal, q, p, nonEmpty: true)!;
                return new StateCycle(p, q, x, y);
            }
        return null;
    }
}
