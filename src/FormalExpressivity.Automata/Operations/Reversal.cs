namespace FormalExpressivity.Automata.Operations;

/// <summary>Reversal: L^R = { w_N … w_1 : w ∈ L }.</summary>
public static class Reversal
{
    /// <summary>An NFA for L^R: every edge reversed, accepting states become initial, the start state accepting.</summary>
    /// <param name="dfa">L.</param>
    public static Nfa ReverseToNfa(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var b = new AutomatonBuilder(dfa.Alphabet);
        b.AddStates(dfa.StateCount);
        for (int q = 0; q < dfa.StateCount; q++)
        {
            if (dfa.IsAccepting(q)) b.AddStart(q);
            for (int a = 0; a < dfa.SymbolCount; a++) b.AddTransition(dfa.Next(q, a), a, q);
        }
        b.SetAccepting(dfa.Start);
        return b.BuildNfa();
    }

    /// <summary>The canonical minimal DFA of L^R (reverse, determinize, minimize).</summary>
    /// <param name="dfa">L.</param>
    /// <param name="maxStates">Budget for the subset construction.</param>
    public static Dfa Reverse(this Dfa dfa, int maxStates = SubsetConstruction.DefaultMaxStates) =>
        dfa.ReverseToNfa().Determinize(maxStates).Minimize();
}
