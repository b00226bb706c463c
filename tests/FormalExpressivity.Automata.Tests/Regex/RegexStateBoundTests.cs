using CsCheck;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Regex;

/// <summary>
/// <see cref="RegexStateBound"/> against the constructed minimal DFA (the oracle): the bound never exceeds
/// its state count, and on expressions without <c>&amp;</c> and <c>~</c> it is at least the shortest
/// accepted word's length + 1, found by breadth-first search in the DFA.
/// </summary>
public class RegexStateBoundTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    [Test]
    public void The_bound_never_exceeds_the_minimal_DFA_and_meets_the_shortest_word()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            bool extended = random.Next(2) == 0;
            var raw = RandomRegex.Create(random, Ab.Count, 1 + random.Next(12), extended);
            var text = raw.ToText(Ab, random.Next(6));
            var node = RegexParser.Parse(text, Ab).Value;
            var dfa = RegexCompiler.ToDfa(node);
            long bound = RegexStateBound.LowerBound(node);
            Assert.That(bound, Is.InRange(1, dfa.StateCount), $"seed {seed}: {text}");
            if (!extended && ShortestAccepted(dfa) is { } shortest)
                Assert.That(bound, Is.GreaterThanOrEqualTo(shortest + 1), $"seed {seed}: {text}");
            // Through unions: at least 1 + the shortest word of each residual x⁻¹L (the run from δ(start, x)).
            if (!extended)
                for (int x = 0; x < dfa.SymbolCount; x++)
                    if (ShortestAccepted(dfa, dfa.Next(dfa.Start, x)) is { } residual)
                        Assert.That(bound, Is.GreaterThanOrEqualTo(residual + 1), $"seed {seed}: {text}, residual of {Ab[x]}");
        }, iter: 500);
    }

    [TestCase("a{7}", 8)]
    [TestCase("(a{10}){10}", 101)]
    [TestCase("(a?){3}{4}", 13)]
    [TestCase("a{3,}", 4)]
    [TestCase("(a|b{5})*", 5)] // b⁻¹L = b{4}L: its shortest word has 4 letters
    [TestCase("~(a{4})", 5)]
    [TestCase("a{9}&b", 1)]
    [TestCase("[]{3}|a", 2)]
    // A union hides the length of one branch behind ε (a*), seen through the first letter b: b⁻¹L = (a{10}){10}.
    [TestCase("b(a{10}){10}|a*", 101)]
    [TestCase("(b(a{10}){10}|a*)*", 101)]
    [TestCase("(a|b)b(a{10}){10}|eps", 103)] // finite: the longest word has 102 letters
    [TestCase("b(a{10}){10}|b*", 1)]
    // r - s keeps r's bound when every word of s is shorter than r's; other intersections know nothing.
    [TestCase("(a{10}){10}-b", 101)]
    [TestCase("(a{10}){10}-(a{100})", 1)]
    [TestCase("(a{10}){10}&a*", 1)]
    public void Known_bounds(string text, long expected)
    {
        var node = RegexParser.Parse(text, Ab).Value;
        Assert.That(RegexStateBound.LowerBound(node), Is.EqualTo(expected));
        Assert.That(RegexCompiler.ToDfa(node).StateCount, Is.GreaterThanOrEqualTo(expected));
    }

    [Test]
    public void A_bound_over_the_budget_is_refused_before_construction()
    {
        var node = RegexParser.Parse("((a{1000}){1000}){1000}", Ab).Value;
        var e = Assert.Throws<BudgetExceededException>(() => RegexCompiler.ToDfa(node, new RegexCompilerOptions { MaxStates = 1_000_000 }));
        Assert.That(e!.BudgetName, Is.EqualTo("max-states"));
        Assert.That(e.Message, Does.Contain("at least 1000000001 states").And.Contain("try --max-states 1000000001"));
    }

    private static int? ShortestAccepted(Dfa dfa) => ShortestAccepted(dfa, dfa.Start);

    private static int? ShortestAccepted(Dfa dfa, int from)
    {
        var distance = new int[dfa.StateCount];
        Array.Fill(distance, -1);
        var queue = new Queue<int>();
        distance[from] = 0;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int q = queue.Dequeue();
            if (dfa.IsAccepting(q)) return distance[q];
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int t = dfa.Next(q, a);
                if (distance[t] < 0)
                {
                    distance[t] = distance[q] + 1;
                    queue.Enqueue(t);
                }
            }
        }
        return null;
    }
}
