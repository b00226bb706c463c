using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Regular languages REG = MSO (Büchi 1960, Elgot 1961) = what any RNN with finite precision recognizes.</summary>
/// <remarks>
/// Kleene (1956): a language is regular iff a finite automaton accepts it; every language given by a
/// DFA is therefore regular. In: every DFA language, e.g. PARITY. Out: none given as a DFA (a^n b^n is not regular).
/// </remarks>
public static class RegularDecider
{
    /// <summary>Always a member: the language is given by a DFA.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Unused.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        return new ClassVerdict(LanguageClass.REG, true, null,
            new ClassMembership("recognized by a finite automaton (Kleene 1956)", $"minimal DFA with {minimalDfa.StateCount} states"));
    }
}
