using System.Numerics;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Counting;

public class WordSamplerTests
{
    /// <summary>Even number of b over {a, b}.</summary>
    private static Dfa Parity()
    {
        var acc = new BitSet(2);
        acc.Add(0);
        return Dfa.Create(Alphabet.Of("a", "b"), 0, [0, 1, 1, 0], acc);
    }

    /// <summary>No factor bb over {a, b}.</summary>
    private static Dfa NoBb()
    {
        var acc = new BitSet(3);
        acc.Add(0);
        acc.Add(1);
        return Dfa.Create(Alphabet.Of("a", "b"), 0, [0, 1, 0, 2, 2, 2], acc);
    }

    private static IEnumerable<TestCaseData> Samplers()
    {
        foreach (var side in new[] { true, false })
        {
            yield return new TestCaseData(side, 62, false).SetName($"Fast_sampler_is_uniform_on_length_6_inLanguage_{side}");
            yield return new TestCaseData(side, 1, false).SetName($"Fast_sampler_with_1_bit_fast_path_is_uniform_inLanguage_{side}");
            yield return new TestCaseData(side, 62, true).SetName($"Unranking_sampler_is_uniform_on_length_6_inLanguage_{side}");
        }
    }

    [TestCaseSource(nameof(Samplers))]
    public void Length_n_distribution_is_uniform(bool inLanguage, int fastBits, bool byUnranking)
    {
        const ulong seed = 20261129;
        var dfa = NoBb();
        const int n = 6; // 21 words without bb, 43 with
        var sampler = new WordSampler(new WordCounter(dfa, n), fastBits);
        var target = RandomDfa.AllWords(dfa.Alphabet, n).Where(w => w.Length == n && dfa.Accepts(w) == inLanguage).ToList();
        var index = target.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var counts = new long[target.Count];
        var rng = new SplitMix64(seed);
        int draws = target.Count * 200;
        for (int i = 0; i < draws; i++)
        {
            var w = byUnranking ? sampler.SampleByUnranking(n, inLanguage, rng) : sampler.Sample(n, inLanguage, rng);
            Assert.That(dfa.Accepts(w), Is.EqualTo(inLanguage), $"seed {seed}: {w.Format(dfa.Alphabet)}");
            counts[index[w]]++;
        }
        var expected = Enumerable.Repeat((double)draws / target.Count, target.Count).ToArray();
        var chi = ChiSquare.Statistic(counts, expected);
        Assert.That(chi, Is.LessThan(ChiSquare.Critical(target.Count - 1)), $"seed {seed}, chi-square {chi:F2} over {target.Count} cells");
    }

    [Test]
    public void Long_samples_follow_the_exact_prefix_distribution([Values(62, 3)] int fastBits)
    {
        // Length 200: counts have ~140 bits, so the scaled fast path is used. The distribution of the
        // first three symbols must match |{w ∈ L ∩ Σ^200 : w starts with p}| / |L ∩ Σ^200|.
        const ulong seed = 77;
        var dfa = NoBb();
        const int n = 200;
        var counter = new WordCounter(dfa, n);
        var sampler = new WordSampler(counter, fastBits);
        var prefixes = RandomDfa.AllWords(dfa.Alphabet, 3).Where(w => w.Length == 3).ToList();
        var total = counter.Count(n);
        var probability = prefixes.Select(p => (double)counter.CountFrom(dfa.Run(p.Symbols), n - 3) / (double)total).ToArray();
        var rng = new SplitMix64(seed);
        const int draws = 20000;
        var observed = new long[prefixes.Count];
        for (int i = 0; i < draws; i++)
        {
            var w = sampler.Sample(n, true, rng);
            Assert.That(dfa.Accepts(w), Is.True);
            observed[prefixes.FindIndex(p => p.Symbols.SequenceEqual(w.Symbols[..3]))]++;
        }
        var cells = Enumerable.Range(0, prefixes.Count).Where(i => probability[i] > 0).ToList();
        Assert.That(observed.Where((_, i) => probability[i] == 0).Sum(), Is.Zero, "impossible prefix sampled");
        var chi = ChiSquare.Statistic(cells.Select(i => observed[i]).ToList(), cells.Select(i => probability[i] * draws).ToList());
        Assert.That(chi, Is.LessThan(ChiSquare.Critical(cells.Count - 1)), $"seed {seed}, chi-square {chi:F2}");
    }

    [Test]
    public void Every_sample_is_on_the_requested_side_for_random_dfas()
    {
        const int seed = 5;
        var random = new Random(seed);
        var rng = new SplitMix64(seed);
        for (int trial = 0; trial < 100; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(4));
            var dfa = RandomDfa.Create(random, 1 + random.Next(9), alphabet);
            var sampler = new WordSampler(dfa, 120);
            foreach (var n in new[] { 0, 1, 2, 7, 64, 120 })
                foreach (var side in new[] { true, false })
                {
                    bool exists = sampler.TrySample(n, side, rng, out var w);
                    Assert.That(exists, Is.EqualTo(!sampler.Counter.CountFrom(dfa.Start, n, side).IsZero), $"seed {seed}, trial {trial}, n {n}");
                    if (!exists)
                    {
                        Assert.That(() => sampler.Sample(n, side, rng), Throws.InvalidOperationException.With.Message.Contains($"length {n}"));
                        continue;
                    }
                    Assert.That(w!.Length, Is.EqualTo(n));
                    Assert.That(dfa.Accepts(w), Is.EqualTo(side), $"seed {seed}, trial {trial}, n {n}");
                }
        }
    }

    [Test]
    public void Unrank_enumerates_each_length_in_lexicographic_order_and_Rank_inverts_it()
    {
        var random = new Random(99);
        for (int trial = 0; trial < 40; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(3));
            var dfa = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            var sampler = new WordSampler(dfa, 5);
            for (int n = 0; n <= 5; n++)
                foreach (var side in new[] { true, false })
                {
                    var expected = RandomDfa.AllWords(alphabet, n).Where(w => w.Length == n && dfa.Accepts(w) == side).ToList();
                    Assert.That(sampler.Counter.CountFrom(dfa.Start, n, side), Is.EqualTo(new BigInteger(expected.Count)));
                    for (int r = 0; r < expected.Count; r++)
                    {
                        Assert.That(sampler.Unrank(n, side, r), Is.EqualTo(expected[r]), $"trial {trial}, n {n}, rank {r}");
                        Assert.That(sampler.Rank(expected[r]), Is.EqualTo(new BigInteger(r)));
                    }
                    Assert.That(() => sampler.Unrank(n, side, expected.Count), Throws.InstanceOf<ArgumentOutOfRangeException>());
                }
        }
    }

    [Test]
    public void Same_seed_gives_the_same_samples()
    {
        var sampler = new WordSampler(Parity(), 300);
        var a = Enumerable.Range(0, 20).Select(_ => 0).ToList();
        var r1 = new SplitMix64(42);
        var r2 = new SplitMix64(42);
        for (int i = 0; i < 20; i++)
            Assert.That(sampler.Sample(300, i % 2 == 0, r1), Is.EqualTo(sampler.Sample(300, i % 2 == 0, r2)));
    }
}
