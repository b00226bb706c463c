using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Tests;

/// <summary>Hand-built DFAs of some theory.md §9 languages (independent of any front end).</summary>
internal static class PaperLanguages
{
    public static readonly Alphabet Ab = Alphabet.Of("a", "b");
    public static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    private static Dfa Build(Alphabet alphabet, int states, int[] accepting, params (int From, string Symbol, int To)[] edges)
    {
        var b = new AutomatonBuilder(alphabet);
        b.AddStates(states);
        foreach (var q in accepting) b.SetAccepting(q);
        foreach (var (f, s, t) in edges) b.AddTransition(f, s, t);
        b.AddStart(0);
        return b.BuildDfa();
    }

    /// <summary>PARITY: an even number of b over {a, b}.</summary>
    public static Dfa Parity() => Build(Ab, 2, [0], (0, "a", 0), (0, "b", 1), (1, "a", 1), (1, "b", 0));

    /// <summary>DYCK-(1,1) = (ab)*.</summary>
    public static Dfa AbStar() => Build(Ab, 2, [0], (0, "a", 1), (1, "b", 0));

    /// <summary>DYCK-(1,2) = (a(ab)*b)*.</summary>
    public static Dfa Dyck12() => Build(Ab, 3, [0], (0, "a", 1), (1, "a", 2), (1, "b", 0), (2, "b", 1));

    /// <summary>LT-2 = Σ*abΣ* over {a, b, c}.</summary>
    public static Dfa Lt2() => Build(Abc, 3, [2],
        (0, "a", 1), (0, "b", 0), (0, "c", 0), (1, "a", 1), (1, "b", 2), (1, "c", 0), (2, "a", 2), (2, "b", 2), (2, "c", 2));

    /// <summary>FIRST = bΣ* over {a, b}.</summary>
    public static Dfa First() => Build(Ab, 2, [1], (0, "b", 1), (1, "a", 1), (1, "b", 1));

    /// <summary>CNT = a^n b^n (n ≥ 1), restricted to n ≤ <paramref name="maxN"/> so that it is regular.</summary>
    public static Dfa Cnt(int maxN)
    {
        // states: 0..maxN = a's read (no b yet); then (i, j) = i a's, j b's (1 ≤ j ≤ i)
        var b = new AutomatonBuilder(Ab);
        b.AddStates(maxN + 1);
        var mid = new Dictionary<(int, int), int>();
        for (int i = 1; i <= maxN; i++)
            for (int j = 1; j <= i; j++) mid[(i, j)] = b.AddState(accepting: i == j);
        for (int i = 0; i < maxN; i++) b.AddTransition(i, "a", i + 1);
        for (int i = 1; i <= maxN; i++)
        {
            b.AddTransition(i, "b", mid[(i, 1)]);
            for (int j = 1; j < i; j++) b.AddTransition(mid[(i, j)], "b", mid[(i, j + 1)]);
        }
        b.AddStart(0);
        return b.BuildDfa();
    }
}
