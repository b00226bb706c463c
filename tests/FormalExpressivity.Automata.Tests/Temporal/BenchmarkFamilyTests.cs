using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Temporal;

/// <summary>The benchmark families denote the languages they are named after (hand-built DFAs, or the evaluator).</summary>
public class BenchmarkFamilyTests
{
    private static Dfa Hand(Alphabet sigma, int states, Func<int, bool> accepting, Func<int, string, int> next)
    {
        var b = new AutomatonBuilder(sigma);
        b.AddStates(states);
        b.AddStart(0);
        for (int q = 0; q < states; q++)
        {
            if (accepting(q)) b.SetAccepting(q);
            foreach (var s in sigma.Symbols) b.AddTransition(q, s, next(q, s));
        }
        return b.BuildDfa();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Ldp_is_the_left_deterministic_polynomial(int n)
    {
        var (f, sigma) = LtlFamilies.Get($"ldp-{n}");
        // Stage i = a1 … a_i matched; in stage i < n, a_{i+1} advances and b_i kills; in stage n, b_n kills.
        int dead = n + 1;
        var expected = Hand(sigma, n + 2, q => q == n, (q, s) =>
            q == dead ? dead : q < n && s == $"a{q + 1}" ? q + 1 : s == $"b{q}" ? dead : q);
        Assert.That(Equivalence.FindDifference(LtlCompiler.ToDfa(f, sigma), expected)?.Format(sigma), Is.Null, f.ToString());
    }

    [TestCase(3)]
    [TestCase(6)]
    [TestCase(12)]
    public void Pt_is_the_subsequence_language(int n)
    {
        var (f, sigma) = LtlFamilies.Get($"pt-{n}");
        // Stage i = the first i pattern letters (a, b, a, …) found as a subsequence.
        var expected = Hand(sigma, n + 1, q => q == n, (q, s) => q < n && s == (q % 2 == 0 ? "a" : "b") ? q + 1 : q);
        Assert.That(Equivalence.FindDifference(LtlCompiler.ToDfa(f, sigma), expected)?.Format(sigma), Is.Null, f.ToString());
    }

    [TestCase(2)]
    [TestCase(4)]
    public void Since_family_matches_the_evaluator(int n)
    {
        var (f, sigma) = LtlFamilies.Get($"since-{n}");
        var dfa = LtlCompiler.ToDfa(f, sigma);
        foreach (var w in RandomDfa.AllWords(sigma, 6))
            Assert.That(dfa.Accepts(w), Is.EqualTo(LtlEvaluator.Accepts(f, sigma, w.Symbols)), $"{f} on '{w.Format(sigma)}'");
    }
}
