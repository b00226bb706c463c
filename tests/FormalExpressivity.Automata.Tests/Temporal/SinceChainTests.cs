using System.Diagnostics;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Temporal;

/// <summary>
/// Regression for issue 15: a chain of <c>(a U b)</c> joined by <c>S</c> (mixed past and future,
/// so the FO[&lt;] route) took 40 s at 160 links because every track automaton was minimized by
/// Moore's rounds, whose number grows with the chain. Hopcroft keeps it near the output size: the
/// minimal DFA of n links has n(n−1)/2 states (each extra link tolerates one more break of the
/// (a U b) run), so the time can only be polynomial, and the construction visits each link once.
/// </summary>
public class SinceChainTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    private static LtlFormula Chain(int links) => LtlParser.ParseOrThrow(string.Join(" S ", Enumerable.Repeat("(a U b)", links)));

    [Test]
    public void Short_chains_match_the_evaluator()
    {
        for (int links = 1; links <= 6; links++)
        {
            var f = Chain(links);
            var dfa = LtlCompiler.ToDfa(f, Ab);
            foreach (var w in RandomDfa.AllWords(Ab, 9))
                Assert.That(dfa.Accepts(w), Is.EqualTo(LtlEvaluator.Accepts(f, Ab, w.Symbols)), $"{links} links on '{w.Format(Ab)}'");
        }
    }

    [Test]
    public void A_chain_of_160_links_compiles_in_seconds()
    {
        var watch = Stopwatch.StartNew();
        var dfa = LtlCompiler.ToDfa(Chain(160), Ab);
        watch.Stop();
        Assert.That(dfa.StateCount, Is.EqualTo(160 * 159 / 2));
        // Hopcroft itself (Minimize would return a table the construction proved minimal as it is).
        Minimization.HopcroftPartition(dfa, out int classes);
        Assert.That(classes, Is.EqualTo(dfa.StateCount));
        // Generous for a shared 2-core machine and a debug build. Moore: 40–50 s in a release build; Hopcroft: 4.7 s release, whole process.
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(30), "160 links");
    }
}
