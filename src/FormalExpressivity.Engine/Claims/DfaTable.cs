using System.Text;
using FormalExpressivity.Automata;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// A DFA as a small text table (the regex-free form of conjecture counterexamples): one row per
/// state, <c>→</c> marks the start, <c>*</c> accepting states, one column per symbol in declared order.
/// </summary>
public static class DfaTable
{
    /// <summary>Formats <paramref name="dfa"/>; rows end with a newline.</summary>
    /// <param name="dfa">Any complete DFA.</param>
    public static string Format(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int width = Math.Max(dfa.Alphabet.Symbols.Max(s => s.Length), (dfa.StateCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var sb = new StringBuilder();
        sb.Append("δ     ");
        foreach (var s in dfa.Alphabet.Symbols) sb.Append(' ').Append(s.PadLeft(width));
        sb.Append('\n');
        for (int q = 0; q < dfa.StateCount; q++)
        {
            sb.Append(q == dfa.Start ? "→" : " ").Append(dfa.IsAccepting(q) ? '*' : ' ');
            sb.Append(q.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4));
            for (int a = 0; a < dfa.SymbolCount; a++)
                sb.Append(' ').Append(dfa.Next(q, a).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
