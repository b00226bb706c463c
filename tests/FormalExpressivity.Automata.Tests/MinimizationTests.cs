using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests;

public class MinimizationTests
{
    [Test]
    public void Hopcroft_agrees_with_Moore_and_preserves_the_language_on_random_dfas()
    {
        const int seed = 20261129;
        var random = new Random(seed);
        for (int trial = 0; trial < 300; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(3));
            var dfa = RandomDfa.Create(random, 1 + random.Next(12), alphabet);
            var hopcroft = dfa.Minimize();
            var moore = dfa.MinimizeMoore();
            Assert.That(hopcroft.Table.ToArray(), Is.EqualTo(moore.Table.ToArray()), $"seed {seed}, trial {trial}");
            Assert.That(hopcroft.AcceptingStates(), Is.EqualTo(moore.AcceptingStates()), $"seed {seed}, trial {trial}");
            Assert.That(hopcroft.IsCanonical(), Is.True);
            foreach (var w in RandomDfa.AllWords(alphabet, 6))
                Assert.That(hopcroft.Accepts(w), Is.EqualTo(dfa.Accepts(w)), $"seed {seed}, trial {trial}, word {w}");
        }
    }

    [Test]
    public void Determinizing_the_reversal_twice_gives_back_the_language()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 100; trial++)
        {
            var alphabet = RandomDfa.Letters(2);
            var dfa = RandomDfa.Create(random, 1 + random.Next(8), alphabet).Minimize();
            var back = dfa.Reverse().Reverse();
            Assert.That(back.Table.ToArray(), Is.EqualTo(dfa.Table.ToArray()), $"trial {trial}");
            Assert.That(Equivalence.FindDifference(dfa, back), Is.Null);
        }
    }
}
