using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>Formulas for "the symbol here is in S", valid at letter positions 1..N (under P or Y).</summary>
internal static class Letters
{
    /// <summary>⊤ for S = Σ, ⊥ for ∅, otherwise the shorter of ⋁_{a∈S} a and ¬⋁_{a∉S} a.</summary>
    public static LtlFormula AnyOf(Alphabet alphabet, IEnumerable<int> symbols)
    {
        var set = symbols.Distinct().Order().ToArray();
        if (set.Length == alphabet.Count) return Ltl.True;
        if (set.Length == 0) return Ltl.False;
        if (set.Length * 2 <= alphabet.Count + 1) return Ltl.Or(set.Select(a => Ltl.Atom(alphabet[a])));
        var rest = Enumerable.Range(0, alphabet.Count).Except(set);
        return Ltl.Not(Ltl.Or(rest.Select(a => Ltl.Atom(alphabet[a]))));
    }
}
