using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Emptiness with a witness. BFS from the start state, successors in declared symbol order,
/// discovers every state first along its shortlex-least word, so the first accepting state
/// dequeued yields the shortlex-least word of L.
/// </summary>
public static class Emptiness
{
    /// <summary>The shortlex-least word of L(<paramref name="dfa"/>), or <c>null</c> when L = ∅.</summary>
    /// <param name="dfa">The DFA.</param>
    public static Word? ShortlexLeastWord(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var words = ShortlexLeastWords(dfa, out var order);
        foreach (var q in order) if (dfa.IsAccepting(q)) return words[q];
        return null;
    }

    /// <summary>True when L(<paramref name="dfa"/>) = ∅.</summary>
    /// <param name="dfa">The DFA.</param>
    public static bool IsEmpty(this Dfa dfa) => dfa.ShortlexLeastWord() is null;

    /// <summary>
    /// For every reachable state q, the shortlex-least word w with δ*(start, w) = q (null for
    /// unreachable states); <paramref name="bfsOrder"/> lists the reachable states in BFS order.
    /// </summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="bfsOrder">Reachable states in discovery order.</param>
    public static Word?[] ShortlexLeastWords(this Dfa dfa, out int[] bfsOrder)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        var order = new List<int> { dfa.Start };
        parent[dfa.Start] = -1;
        for (int h = 0; h < order.Count; h++)
        {
            int q = order[h];
            for (int a = 0; a < k; a++)
            {
                int r = dfa.Next(q, a);
                if (parent[r] != -2) continue;
                parent[r] = q;
                via[r] = a;
                order.Add(r);
            }
        }
        var words = new Word?[n];
        foreach (var q in order)
            words[q] = parent[q] == -1 ? Word.Empty : words[parent[q]]!.Append(via[q]);
        bfsOrder = order.ToArray();
        return words;
    }
}
