using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>Shortest words in a DFA: to a state, between states, separating two states; and the action of words.</summary>
public static class DfaPaths
{
    /// <summary>A shortest word leading <paramref name="from"/> to <paramref name="to"/> (shortlex-least among shortest), or null.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="from">Source state.</param>
    /// <param name="to">Target state.</param>
    /// <param name="nonEmpty">Require a non-empty word (for cycles).</param>
    public static Word? Between(Dfa dfa, int from, int to, bool nonEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if (from == to && !nonEmpty) return Word.Empty;
        return FirstReached(dfa, from, q => q == to);
    }

    /// <summary>
    /// The shortlex-least non-empty word leading <paramref name="from"/> to a state satisfying <paramref name="goal"/>, or
    /// null: one breadth-first search in symbol order (it reaches states in the shortlex order of their least non-empty
    /// words) that stops at the first goal state it takes from the queue.
    /// </summary>
    internal static Word? FirstReached(Dfa dfa, int from, Func<int, bool> goal)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        var queue = new int[n];
        int head = 0, tail = 0;
        for (int a = 0; a < k; a++)
        {
            int q = dfa.Next(from, a);
            if (parent[q] != -2) continue;
            parent[q] = -1;
            via[q] = a;
            queue[tail++] = q;
        }
        while (head < tail)
        {
            int p = queue[head++];
            if (goal(p)) return PathTo(parent, via, p, -1); // the first states' parent is −1: their letter leaves `from`
            for (int a = 0; a < k; a++)
            {
                int q = dfa.Next(p, a);
                if (parent[q] != -2) continue;
                parent[q] = p;
                via[q] = a;
                queue[tail++] = q;
            }
        }
        return null;
    }

    /// <summary>The word of a search tree's path from <paramref name="root"/> to <paramref name="state"/>: the letters <paramref name="via"/> of the states after the root.</summary>
    private static Word PathTo(int[] parent, int[] via, int state, int root)
    {
        var symbols = new List<int>();
        for (int v = state; v != root; v = parent[v]) symbols.Add(via[v]);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }

    /// <summary>A shortest word w such that exactly one of p·w, q·w is accepting, or null when p and q are equivalent.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="p">A state.</param>
    /// <param name="q">A state.</param>
    public static Word? Separating(Dfa dfa, int p, int q)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount;
        var parent = new Dictionary<(int, int), ((int, int) From, int Symbol)>();
        var queue = new Queue<(int, int)>();
        parent[(p, q)] = ((-1, -1), -1);
        queue.Enqueue((p, q));
        while (queue.Count > 0)
        {
            var (x, y) = queue.Dequeue();
            if (dfa.IsAccepting(x) != dfa.IsAccepting(y))
            {
                var symbols = new List<int>();
                for (var cur = (x, y); parent[cur].Symbol >= 0; cur = parent[cur].From) symbols.Add(parent[cur].Symbol);
                symbols.Reverse();
                return Word.Of(symbols.ToArray());
            }
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                var next = (dfa.Next(x, a), dfa.Next(y, a));
                if (parent.ContainsKey(next)) continue;
                parent[next] = ((x, y), a);
                queue.Enqueue(next);
            }
        }
        return null;
    }

    /// <summary>The transformation of the states induced by <paramref name="word"/>: result[q] = q·word.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="word">A word.</param>
    public static int[] Action(Dfa dfa, Word word)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(word);
        var t = new int[dfa.StateCount];
        for (int q = 0; q < t.Length; q++) t[q] = dfa.Run(q, word.Symbols);
        return t;
    }

    /// <summary>The least m ≥ 1 such that the action of word^m is idempotent (the ω-exponent).</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="word">A non-empty word.</param>
    public static int IdempotentExponent(Dfa dfa, Word word)
    {
        var x = Action(dfa, word);
        var power = (int[])x.Clone();
        for (int m = 1; ; m++)
        {
            bool idempotent = true;
            for (int q = 0; q < power.Length && idempotent; q++) idempotent = power[power[q]] == power[q];
            if (idempotent) return m;
            for (int q = 0; q < power.Length; q++) power[q] = x[power[q]];
        }
    }

    /// <summary>The shortlex-least word leading from the start state to each state (BFS in symbol order); null for an unreachable state.</summary>
    /// <param name="dfa">The DFA.</param>
    public static Word[] AccessWords(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var (parent, via) = SearchFromStart(dfa, -1);
        var words = new Word[dfa.StateCount];
        for (int q = 0; q < words.Length; q++)
            if (parent[q] != -2) words[q] = PathTo(parent, via, q, dfa.Start);
        return words;
    }

    /// <summary>
    /// The shortlex-least word leading from the start state to <paramref name="state"/>, or null when it is unreachable:
    /// <see cref="AccessWords"/>[state], by one breadth-first search that stops when it reaches the state (no other word built).
    /// </summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="state">The target state.</param>
    public static Word? AccessWord(Dfa dfa, int state)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var (parent, via) = SearchFromStart(dfa, state);
        return parent[state] == -2 ? null : PathTo(parent, via, state, dfa.Start);
    }

    /// <summary>
    /// Breadth-first search in symbol order from the start state (its parent −1; −2 marks unreached states), until
    /// <paramref name="stopAt"/> is reached (−1: every reachable state).
    /// </summary>
    private static (int[] Parent, int[] Via) SearchFromStart(Dfa dfa, int stopAt)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        parent[dfa.Start] = -1;
        var queue = new int[n];
        int head = 0, tail = 0;
        queue[tail++] = dfa.Start;
        while (head < tail && (stopAt < 0 || parent[stopAt] == -2))
        {
            int p = queue[head++];
            for (int a = 0; a < k; a++)
            {
                int r = dfa.Next(p, a);
                if (parent[r] != -2) continue;
                parent[r] = p;
                via[r] = a;
                queue[tail++] = r;
            }
        }
        return (parent, via);
    }

    /// <summary>The live states: those from which an accepting state can be reached (reverse reachability).</summary>
    /// <param name="dfa">The DFA.</param>
    public static bool[] Live(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
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
}
