using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Automata.Tests.Temporal;

/// <summary>
/// theory.md §2 reference formulas: the LTL text parses, compiles (direct construction and through
/// FO[&lt;]), and is equivalent to the stated language, built by hand as a DFA. FO[&lt;] sentences for
/// the same languages are checked too.
/// </summary>
public class ReferenceFormulaTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    /// <summary>A DFA from a transition function over symbol names.</summary>
    private static Dfa Hand(Alphabet sigma, int states, int start, Func<int, bool> accepting, Func<int, string, int> next)
    {
        var b = new AutomatonBuilder(sigma);
        b.AddStates(states);
        b.AddStart(start);
        for (int q = 0; q < states; q++)
        {
            if (accepting(q)) b.SetAccepting(q);
            foreach (var s in sigma.Symbols) b.AddTransition(q, s, next(q, s));
        }
        return b.BuildDfa();
    }

    // aΣ*: 0 start, 1 accepting sink, 2 rejecting sink.
    private static Dfa StartsWithA(Alphabet s) => Hand(s, 3, 0, q => q == 1, (q, c) => q == 0 ? (c == "a" ? 1 : 2) : q);

    // Σ*a: state 1 iff the last symbol is a.
    private static Dfa EndsWithA(Alphabet s) => Hand(s, 2, 0, q => q == 1, (_, c) => c == "a" ? 1 : 0);

    // Σ*ab: 1 = last symbol a, 2 = last two symbols ab.
    private static Dfa EndsWithAb(Alphabet s) => Hand(s, 3, 0, q => q == 2, (q, c) => c == "a" ? 1 : c == "b" && q == 1 ? 2 : 0);

    // Σ*aΣ*.
    private static Dfa ContainsA(Alphabet s) => Hand(s, 2, 0, q => q == 1, (q, c) => q == 1 || c == "a" ? 1 : 0);

    // Σ*aΣ*bΣ*: 1 = an a seen, 2 = then a b.
    private static Dfa Subsequence(Alphabet s) => Hand(s, 3, 0, q => q == 2, (q, c) => q == 0 ? (c == "a" ? 1 : 0) : q == 1 ? (c == "b" ? 2 : 1) : 2);

    // Σ*abΣ*: 1 = last symbol a, 2 = ab seen (sink).
    private static Dfa Factor(Alphabet s) => Hand(s, 3, 0, q => q == 2, (q, c) => q == 2 ? 2 : c == "a" ? 1 : c == "b" && q == 1 ? 2 : 0);

    // L_k: d = symbols since the last a (0 … k−1 accepting), k = no a among the last k symbols.
    private static Dfa LastK(Alphabet s, int k) => Hand(s, k + 1, k, q => q < k, (q, c) => c == "a" ? 0 : Math.Min(q + 1, k));

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var sigma in new[] { Ab, Abc })
        {
            string n = sigma.Count == 2 ? "{a,b}" : "{a,b,c}";
            yield return new TestCaseData("P(a & !P true)", sigma, StartsWithA(sigma)).SetName($"aΣ* over {n}");
            yield return new TestCaseData("Y a", sigma, EndsWithA(sigma)).SetName($"Σ*a over {n}");
            yield return new TestCaseData("Y b & Y Y a", sigma, EndsWithAb(sigma)).SetName($"Σ*ab over {n}");
            yield return new TestCaseData("P a", sigma, ContainsA(sigma)).SetName($"Σ*aΣ* over {n}");
            yield return new TestCaseData("P(b & P a)", sigma, Subsequence(sigma)).SetName($"Σ*aΣ*bΣ* over {n}");
            yield return new TestCaseData("P(b & Y a)", sigma, Factor(sigma)).SetName($"Σ*abΣ* over {n}");
            for (int k = 1; k <= 5; k++)
                yield return new TestCaseData($"Y[<={k}] a", sigma, LastK(sigma, k)).SetName($"L_{k} over {n}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Reference_formula_denotes_the_stated_language(string text, Alphabet sigma, Dfa expected)
    {
        var f = LtlParser.Parse(text, sigma).GetValueOrThrow();
        var direct = LtlCompiler.ToDfa(f, sigma);
        Assert.That(Equivalence.FindDifference(direct, expected)?.Format(sigma), Is.Null, "direct construction vs the hand-built DFA");
        Assert.That(direct.StateCount, Is.EqualTo(expected.Minimize().StateCount), "minimal size");
        var viaFo = LtlCompiler.ToDfa(f, sigma, new LtlCompilerOptions { Construction = LtlConstruction.FirstOrder });
        Assert.That(Equivalence.FindDifference(viaFo, expected)?.Format(sigma), Is.Null, "FO[<] route vs the hand-built DFA");
    }

    private static IEnumerable<TestCaseData> FoCases()
    {
        var s = Abc;
        yield return new TestCaseData("exists x. first(x) & a(x)", StartsWithA(s)).SetName("FO aΣ*");
        yield return new TestCaseData("exists x. last(x) & a(x)", EndsWithA(s)).SetName("FO Σ*a");
        yield return new TestCaseData("exists x, y. succ(x, y) & last(y) & a(x) & b(y)", EndsWithAb(s)).SetName("FO Σ*ab");
        yield return new TestCaseData("exists x. a(x)", ContainsA(s)).SetName("FO Σ*aΣ*");
        yield return new TestCaseData("exists x, y. x < y & a(x) & b(y)", Subsequence(s)).SetName("FO Σ*aΣ*bΣ*");
        yield return new TestCaseData("exists x, y. succ(x, y) & a(x) & b(y)", Factor(s)).SetName("FO Σ*abΣ*");
        yield return new TestCaseData("exists x. a(x) & exists l. last(l) & (x = l | exists y. succ(x, y) & (y = l | succ(y, l)))", LastK(s, 3)).SetName("FO L_3");
    }

    [TestCaseSource(nameof(FoCases))]
    public void FO_sentence_denotes_the_stated_language(string text, Dfa expected)
    {
        var dfa = FoCompiler.ToDfa(FoParser.Parse(text, Abc).GetValueOrThrow(), Abc);
        Assert.That(Equivalence.FindDifference(dfa, expected)?.Format(Abc), Is.Null);
        Assert.That(dfa.StateCount, Is.EqualTo(expected.Minimize().StateCount));
    }
}
