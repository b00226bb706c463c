using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Shortlex enumeration of a regular language: all words of L of length ≤ a bound, shorter words
/// first, words of equal length in lexicographic order of symbol indices. The search never enters a
/// dead branch: <c>live[r]</c> is the set of states from which some word of length exactly r is
/// accepted (live[0] = F, live[r+1] = {q | ∃a. δ(q, a) ∈ live[r]}), so the cost is proportional to
/// the output times the length (plus O(maxLength · n · |Σ|) set-up).
/// Example: for (ab)* and bound 4 the words are ε, ab, abab.
/// </summary>
public static class Enumeration
{
    /// <summary>The words of L(<paramref name="dfa"/>) of length ≤ <paramref name="maxLength"/>, in shortlex order (lazily).</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="maxLength">The largest length enumerated.</param>
    public static IEnumerable<Word> Shortlex(this Dfa dfa, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var live = LiveSets(dfa, maxLength);
        return Enumerate(dfa, maxLength, live);
    }

    private static BitSet[] LiveSets(Dfa dfa, int maxLength)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var live = new BitSet[maxLength + 1];
        live[0] = dfa.AcceptingStates();
        for (int r = 1; r <= maxLength; r++)
        {
            var next = new BitSet(n);
            var prev = live[r - 1];
            for (int q = 0; q < n; q++)
                for (int a = 0; a < k; a++)
                    if (prev[dfa.Next(q, a)]) { next.Add(q); break; }
            live[r] = next;
        }
        return live;
    }

    private static IEnumerable<Word> Enumerate(Dfa dfa, int maxLength, BitSet[] live)
    {
        int k = dfa.SymbolCount;
        var symbols = new int[maxLength];
        var states = new int[maxLength + 1];
        for (int length = 0; length <= maxLength; length++)
        {
            if (!live[length][dfa.Start]) continue;
            // Iterative depth-first search in lexicographic order; symbols[d] is the next symbol to try at depth d.
            states[0] = dfa.Start;
            int depth = 0;
            if (length == 0) { yield return Word.Empty; continue; }
            symbols[0] = 0;
            while (depth >= 0)
            {
                if (symbols[depth] == k) { depth--; if (depth >= 0) symbols[depth]++; continue; }
                int r = dfa.Next(states[depth], symbols[depth]);
                int remaining = length - depth - 1;
                if (!live[remaining][r]) { symbols[depth]++; continue; }
                if (remaining == 0)
                {
                    yield return Word.Of(symbols.AsSpan(0, length));
                    symbols[depth]++;
                    continue;
                }
                states[depth + 1] = r;
                depth++;
                symbols[depth] = 0;
            }
        }
    }
}
