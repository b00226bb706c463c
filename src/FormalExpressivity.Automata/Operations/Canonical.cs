using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Canonical numbering: states renumbered in BFS order from the start state, successors visited in
/// declared symbol order; unreachable states are dropped. Two minimal DFAs of the same language are
/// isomorphic, so after this renumbering they have identical tables (and identical JSON).
/// </summary>
public static class Canonical
{
    /// <summary>Returns the reachable part of <paramref name="dfa"/> with canonical state numbers (start = 0).</summary>
    /// <param name="dfa">Any complete DFA.</param>
    public static Dfa Canonicalize(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var order = new int[n];
        var number = new int[n];
        Array.Fill(number, -1);
        int count = 0;
        order[count] = dfa.Start;
        number[dfa.Start] = count++;
        for (int head = 0; head < count; head++)
        {
            int q = order[head];
            for (int a = 0; a < k; a++)
            {
                int r = dfa.Next(q, a);
                if (number[r] < 0)
                {
                    number[r] = count;
                    order[count++] = r;
                }
            }
        }
        var table = new int[count * k];
        var acc = new BitSet(count);
        for (int i = 0; i < count; i++)
        {
            int q = order[i];
            if (dfa.IsAccepting(q)) acc.Add(i);
            for (int a = 0; a < k; a++) table[i * k + a] = number[dfa.Next(q, a)];
        }
        return Dfa.CreateUnchecked(dfa.Alphabet, 0, table, acc);
    }

    /// <summary>True when the table is already in canonical BFS numbering with every state reachable.</summary>
    /// <param name="dfa">A DFA.</param>
    public static bool IsCanonical(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if (dfa.Start != 0) return false;
        int next = 1;
        for (int q = 0; q < dfa.StateCount; q++)
        {
            if (q >= next) return false;
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int r = dfa.Next(q, a);
                if (r == next) next++;
                else if (r > next) return false;
            }
        }
        return next == dfa.StateCount;
    }
}
