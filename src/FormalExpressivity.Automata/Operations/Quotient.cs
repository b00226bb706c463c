using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>The quotient of a DFA by a congruence given as a class number per state.</summary>
internal static class Quotient
{
    /// <summary>Builds the quotient DFA; <paramref name="classOf"/> must be a right congruence that saturates acceptance.</summary>
    public static Dfa Build(Dfa dfa, int[] classOf, int classCount)
    {
        int k = dfa.SymbolCount;
        var table = new int[classCount * k];
        var acc = new BitSet(classCount);
        for (int q = 0; q < dfa.StateCount; q++)
        {
            int c = classOf[q];
            if (dfa.IsAccepting(q)) acc.Add(c);
            for (int a = 0; a < k; a++) table[c * k + a] = classOf[dfa.Next(q, a)];
        }
        return Dfa.CreateUnchecked(dfa.Alphabet, classOf[dfa.Start], table, acc);
    }
}
