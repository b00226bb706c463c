using System.Numerics;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Counting;

public class WordCounterTests
{
    [Test]
    public void Counts_agree_with_enumeration_on_random_dfas()
    {
        const int seed = 611;
        var random = new Random(seed);
        for (int trial = 0; trial < 150; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(3));
            var dfa = RandomDfa.Create(random, 1 + random.Next(7), alphabet);
            const int maxLen = 6;
            var counter = new WordCounter(dfa, maxLen);
            var perLength = new long[maxLen + 1];
            var totals = new long[maxLen + 1];
            foreach (var w in RandomDfa.AllWords(alphabet, maxLen))
            {
                totals[w.Length]++;
                if (dfa.Accepts(w)) perLength[w.Length]++;
            }
            for (int n = 0; n <= maxLen; n++)
            {
                Assert.That(counter.Count(n), Is.EqualTo(new BigInteger(perLength[n])), $"seed {seed}, trial {trial}, n {n}");
                Assert.That(counter.CountRejected(n), Is.EqualTo(new BigInteger(totals[n] - perLength[n])), $"seed {seed}, trial {trial}, n {n}");
                Assert.That(counter.Total(n), Is.EqualTo(new BigInteger(totals[n])));
            }
        }
    }

    [Test]
    public void CountFrom_counts_the_words_accepted_from_each_state()
    {
        var random = new Random(12);
        var alphabet = RandomDfa.Letters(2);
        var dfa = RandomDfa.Create(random, 5, alphabet);
        var counter = new WordCounter(dfa, 5);
        for (int q = 0; q < dfa.StateCount; q++)
            for (int n = 0; n <= 5; n++)
            {
                int expected = RandomDfa.AllWords(alphabet, n).Count(w => w.Length == n && dfa.IsAccepting(dfa.Run(q, w.Symbols)));
                Assert.That(counter.CountFrom(q, n), Is.EqualTo(new BigInteger(expected)), $"state {q}, n {n}");
            }
    }

    [Test]
    public void Counts_words_without_bb_as_Fibonacci_numbers_up_to_length_500()
    {
        // no factor bb over {a, b}: states 0 (last not b), 1 (last b), 2 (sink)
        var ab = Alphabet.Of("a", "b");
        var acc = new BitSet(3);
        acc.Add(0);
        acc.Add(1);
        var dfa = Dfa.Create(ab, 0, [0, 1, 0, 2, 2, 2], acc);
        var counter = new WordCounter(dfa, 500);
        BigInteger f0 = 1, f1 = 2; // |words of length 0| = 1, length 1 = 2, then F(n) = F(n-1) + F(n-2)
        Assert.That(counter.Count(0), Is.EqualTo(f0));
        Assert.That(counter.Count(1), Is.EqualTo(f1));
        for (int n = 2; n <= 500; n++)
        {
            (f0, f1) = (f1, f0 + f1);
            Assert.That(counter.Count(n), Is.EqualTo(f1), $"n {n}");
        }
        Assert.That(counter.Total(500), Is.EqualTo(BigInteger.Pow(2, 500)));
    }

    [Test]
    public void Rejects_lengths_outside_the_table()
    {
        var counter = new WordCounter(Dfa.Trivial(RandomDfa.Letters(2), true), 3);
        Assert.That(() => counter.Count(4), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("0..3"));
        Assert.That(() => counter.CountFrom(1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
