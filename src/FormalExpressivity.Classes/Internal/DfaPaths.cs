using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Internal;

/// <summary>Shortlex-least connecting and separating words in a DFA, by breadth-first search with symbols in declared order.</summary>
internal static class DfaPaths
{
    /// <summary>The shortlex-least word leading <paramref name="from"/> to <paramref name="to"/> (ε when equal), or null.</summary>
    public static Word? Connect(Dfa dfa, int from, int to)
    {
        if (from == to) return Word.Empty;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        parent[from] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            for (int a = 0; a < k; a++)
            {
                int r = dfa.Next(p, a);
                if (parent[r] != -2) continue;
                parent[r] = p;
                via[r] = a;
                if (r == to) return Trace(parent, via, to);
                queue.Enqueue(r);
            }
        }
        return null;
    }

    /// <summary>The shortlex-least words from the start state to every state.</summary>
    public static Word[] AccessWords(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        parent[dfa.Start] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(dfa.Start);
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            for (int a = 0; a < k; a++)
            {
                int r = dfa.Next(p, a);
                if (parent[r] != -2) continue;
                parent[r] = p;
                via[r] = a;
                queue.Enqueue(r);
            }
        }
        var words = new Word[n];
        for (int q = 0; q < n; q++) words[q] = parent[q] == -2 ? null! : Trace(parent, via, q);
        return words;
    }

    private static Word Trace(int[] parent, int[] via, int to)
    {
        var symbols = new List<int>();
        for (int v = to; parent[v] >= 0; v = parent[v]) symbols.Add(via[v]);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }

    /// <summary>The shortlex-least word z with p·z ∈ F ⇎ q·z ∈ F, or null when p and q are equivalent.</summary>
    public static Word? Separate(Dfa dfa, int p, int q)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        if (dfa.IsAccepting(p) != dfa.IsAccepting(q)) return Word.Empty;
        var parent = new Dictionary<long, (long Parent, int Symbol)>();
        long Key(int x, int y) => (long)x * n + y;
        long start = Key(p, q);
        parent[start] = (-1, -1);
        var queue = new Queue<(int, int)>();
        queue.Enqueue((p, q));
        while (queue.Count > 0)
        {
            var (x, y) = queue.Dequeue();
            for (int a = 0; a < k; a++)
            {
                int x2 = dfa.Next(x, a), y2 = dfa.Next(y, a);
                if (x2 == y2) continue;
                long key = Key(x2, y2);
                if (parent.ContainsKey(key)) continue;
                parent[key] = (Key(x, y), a);
                if (dfa.IsAccepting(x2) != dfa.IsAccepting(y2))
                {
                    var symbols = new List<int>();
                    for (long v = key; v != start; v = parent[v].Parent) symbols.Add(parent[v].Symbol);
                    symbols.Reverse();
                    return Word.Of(symbols.ToArray());
                }
                queue.Enqueue((x2, y2));
            }
        }
        return null;
    }

    /// <summary>States from which some accepting state is reachable (co-reachable, "live").</summary>
    public static bool[] Live(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var preds = new List<int>[n];
        for (int q = 0; q < n; q++) preds[q] = [];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < k; a++) preds[dfa.Next(q, a)].Add(q);
        var live = new bool[n];
        var stack = new Stack<int>();
        for (int q = 0; q < n; q++)
            if (dfa.IsAccepting(q)) { live[q] = true; stack.Push(q); }
        while (stack.Count > 0)
            foreach (var p in preds[stack.Pop()])
                if (!live[p]) { live[p] = true; stack.Push(p); }
        return live;
    }

    /// <summary>The transformation of the states induced by <paramref name="word"/>: result[q] = q·w.</summary>
    public static int[] Transformation(Dfa dfa, ReadOnlySpan<int> word)
    {
        var t = new int[dfa.StateCount];
        for (int q = 0; q < t.Length; q++) t[q] = dfa.Run(q, word);
        return t;
    }
}
