using CsCheck;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Testing;

/// <summary>Seeded random complete DFAs for property tests and benchmarks.</summary>
public static class RandomDfa
{
    /// <summary>An alphabet a, b, c, … of the given size (identifiers s0, s1, … beyond 26).</summary>
    public static Alphabet Letters(int size) =>
        Alphabet.Create(Enumerable.Range(0, size).Select(i => size <= 26 ? ((char)('a' + i)).ToString() : "s" + i));

    /// <summary>A uniformly random complete DFA with <paramref name="states"/> states (start 0, each state accepting with probability 1/2).</summary>
    public static Dfa Create(Random random, int states, Alphabet alphabet)
    {
        var table = new int[states * alphabet.Count];
        for (int i = 0; i < table.Length; i++) table[i] = random.Next(states);
        var acc = new BitSet(states);
        for (int q = 0; q < states; q++) if (random.Next(2) == 1) acc.Add(q);
        return Dfa.Create(alphabet, 0, table, acc);
    }

    /// <summary>All words over <paramref name="alphabet"/> of length ≤ <paramref name="maxLength"/>, in shortlex order.</summary>
    public static IEnumerable<Word> AllWords(Alphabet alphabet, int maxLength)
    {
        var current = new List<Word> { Word.Empty };
        for (int len = 0; len <= maxLength; len++)
        {
            foreach (var w in current) yield return w;
            if (len == maxLength) yield break;
            var next = new List<Word>(current.Count * alphabet.Count);
            foreach (var w in current)
                for (int a = 0; a < alphabet.Count; a++) next.Add(w.Append(a));
            current = next;
        }
    }
}

/// <summary>Seeded random NFAs (with ε-edges) for property tests.</summary>
public static class RandomNfa
{
    /// <summary>A random NFA: each state accepting with probability 1/3, about <paramref name="edgesPerState"/> edges per state, 1/8 of them ε.</summary>
    public static Nfa Create(Random random, int states, Alphabet alphabet, int edgesPerState = 2)
    {
        var b = new AutomatonBuilder(alphabet);
        b.AddStates(states);
        for (int q = 0; q < states; q++) if (random.Next(3) == 0) b.SetAccepting(q);
        b.AddStart(0);
        if (states > 1 && random.Next(3) == 0) b.AddStart(random.Next(states));
        for (int i = 0; i < states * edgesPerState; i++)
        {
            int from = random.Next(states), to = random.Next(states);
            if (random.Next(8) == 0) b.AddEpsilon(from, to);
            else b.AddTransition(from, random.Next(alphabet.Count), to);
        }
        return b.BuildNfa();
    }
}

/// <summary>CsCheck generators of DFAs: failures shrink towards fewer states, fewer letters and smaller tables.</summary>
public static class DfaGen
{
    /// <summary>Complete DFAs with 1..<paramref name="maxStates"/> states over 1..<paramref name="maxSymbols"/> letters a, b, c, … (start 0; minimized by the caller when needed).</summary>
    /// <param name="maxStates">The largest state count.</param>
    /// <param name="maxSymbols">The largest alphabet.</param>
    public static Gen<Dfa> Complete(int maxStates, int maxSymbols) =>
        from n in Gen.Int[1, maxStates]
        from k in Gen.Int[1, maxSymbols]
        from table in Gen.Int[0, n - 1].Array[n * k]
        from accepting in Gen.Bool.Array[n]
        select Build(n, RandomDfa.Letters(k), table, accepting);

    private static Dfa Build(int n, Alphabet alphabet, int[] table, bool[] accepting)
    {
        var acc = new BitSet(n);
        for (int q = 0; q < n; q++) if (accepting[q]) acc.Add(q);
        return Dfa.Create(alphabet, 0, table, acc);
    }
}
