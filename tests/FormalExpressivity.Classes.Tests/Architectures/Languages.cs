using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>The languages of theory.md §4 and §9, built from past LTL or by hand.</summary>
public static class Languages
{
    public static readonly Alphabet AB = Alphabet.Of("a", "b");
    public static readonly Alphabet ABC = Alphabet.Of("a", "b", "c");
    public static readonly Alphabet Rdp = Alphabet.Of("a", "b0", "b1", "c");
    public static readonly Alphabet Ldp2 = Alphabet.Of("a1", "a2", "b0", "b1", "b2", "c");

    static LtlFormula A(string s) => Ltl.Atom(s);
    static LtlFormula First => Ltl.Not(Ltl.Past(Ltl.True));

    public static Dfa FromLtl(LtlFormula f, Alphabet sigma) => PastLtlCompiler.ToDfa(f, sigma);

    public static Dfa StartsWithA => FromLtl(Ltl.Past(Ltl.And(A("a"), First)), AB);
    public static Dfa EndsWithA => FromLtl(Ltl.Yesterday(A("a")), AB);
    public static Dfa EndsWithAB => FromLtl(Ltl.And(Ltl.Yesterday(A("b")), Ltl.Yesterday(Ltl.Yesterday(A("a")))), AB);
    public static Dfa Subsequence => FromLtl(Ltl.Past(Ltl.And(A("b"), Ltl.Past(A("a")))), ABC);
    public static Dfa ContainsA => FromLtl(Ltl.Past(A("a")), AB);
    public static Dfa FactorAB => FromLtl(Ltl.Past(Ltl.And(A("b"), Ltl.Yesterday(A("a")))), ABC);
    public static Dfa Last => FromLtl(Ltl.Yesterday(A("b")), AB);
    public static Dfa FirstB => FromLtl(Ltl.Past(Ltl.And(A("b"), First)), AB);
    public static Dfa AmongLast(int k) => FromLtl(Ltl.WindowYesterday(k, A("a")), AB);
    public static Dfa StartsWithAAndAmongLast2 => FromLtl(Ltl.And(Ltl.Past(Ltl.And(A("a"), First)), Ltl.WindowYesterday(2, A("a"))), AB);
    public static Dfa TwoOfLastThree => FromLtl(Ltl.WindowCount(3, 2, A("a")), AB);
    public static Dfa StartsWithBB => FromLtl(Ltl.Past(Ltl.And(A("b"), Ltl.And(Ltl.Yesterday(A("b")), Ltl.Not(Ltl.Yesterday(Ltl.Past(Ltl.True)))))), AB);

    /// <summary>(ab)*.</summary>
    public static Dfa AbStar
    {
        get
        {
            var b = new AutomatonBuilder(AB);
            int s0 = b.AddState(true), s1 = b.AddState();
            b.AddStart(s0).AddTransition(s0, "a", s1).AddTransition(s1, "b", s0);
            return b.BuildDfa().Minimize();
        }
    }

    /// <summary>(a(ab)*b)*: bounded Dyck of depth 2 (counter 0, 1, 2).</summary>
    public static Dfa Dyck12
    {
        get
        {
            var b = new AutomatonBuilder(AB);
            int c0 = b.AddState(true), c1 = b.AddState(), c2 = b.AddState();
            b.AddStart(c0).AddTransition(c0, "a", c1).AddTransition(c1, "a", c2).AddTransition(c2, "b", c1).AddTransition(c1, "b", c0);
            return b.BuildDfa().Minimize();
        }
    }

    /// <summary>Even number of b over {a,b}.</summary>
    public static Dfa Parity
    {
        get
        {
            var b = new AutomatonBuilder(AB);
            int e = b.AddState(true), o = b.AddState();
            b.AddStart(e).AddTransition(e, "a", e).AddTransition(e, "b", o).AddTransition(o, "a", o).AddTransition(o, "b", e);
            return b.BuildDfa().Minimize();
        }
    }

    /// <summary>RDP-1 = (Σ∖{b0})* a (Σ∖{a,b1})* over {a,b0,b1,c}.</summary>
    public static Dfa Rdp1 => Polynomial(Rdp, [["a", "b1", "c"], ["b0", "c"]], ["a"]);

    /// <summary>LDP-1 = (Σ∖{a,b0})* a (Σ∖{b1})* over {a,b0,b1,c}.</summary>
    public static Dfa Ldp1 => Polynomial(Rdp, [["b1", "c"], ["a", "b0", "c"]], ["a"]);

    /// <summary>LDP-2 = (Σ∖{a1,b0})* a1 (Σ∖{a2,b1})* a2 (Σ∖{b2})* over {a1,a2,b0,b1,b2,c}.</summary>
    public static Dfa Ldp2Language => Polynomial(Ldp2, [["a2", "b1", "b2", "c"], ["a1", "b0", "b2", "c"], ["a1", "a2", "b0", "b1", "c"]], ["a1", "a2"]);

    /// <summary>A0* m1 A1* m2 … A_n* as an NFA, determinized and minimized.</summary>
    static Dfa Polynomial(Alphabet sigma, string[][] loops, string[] markers)
    {
        var b = new AutomatonBuilder(sigma);
        int n = loops.Length;
        var states = Enumerable.Range(0, n).Select(_ => b.AddState()).ToArray();
        b.AddStart(states[0]).SetAccepting(states[n - 1]);
        for (int i = 0; i < n; i++)
        {
            foreach (var s in loops[i]) b.AddTransition(states[i], s, states[i]);
            if (i + 1 < n) b.AddTransition(states[i], markers[i], states[i + 1]);
        }
        return b.BuildNfa().Determinize().Minimize();
    }
}
