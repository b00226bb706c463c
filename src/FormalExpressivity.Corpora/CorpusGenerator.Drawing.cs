using System.Numerics;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Corpora;

public sealed partial class CorpusGenerator
{
    /// <summary>
    /// <paramref name="count"/> distinct words of length <paramref name="n"/>, uniformly without
    /// replacement, in random order: from Σⁿ (<paramref name="sampler"/> null) or from the sampler's
    /// language. When the set has at most <paramref name="count"/> words (the plan never asks for more),
    /// all of them are listed (shortlex by unranking) and shuffled; otherwise exact uniform draws are
    /// repeated until <paramref name="count"/> distinct words are found (rejection of repeats keeps the
    /// result a uniform random subset).
    /// </summary>
    private List<Word> DrawDistinct(WordSampler? sampler, int n, int count, SplitMix64 rng)
    {
        var result = new List<Word>(count);
        if (count == 0) return result;
        int k = Options.Language.SymbolCount;
        var population = sampler is null ? BigInteger.Pow(k, n) : sampler.Counter.Count(n);
        if (population <= count)
        {
            if (sampler is null) result.AddRange(AllWords(k, n));
            else for (int r = 0; r < (int)population; r++) result.Add(sampler.Unrank(n, true, r));
            var shuffled = result.ToArray();
            rng.Shuffle(shuffled.AsSpan());
            return [.. shuffled];
        }
        var seen = new HashSet<Word>(count);
        var buffer = new int[n];
        while (result.Count < count)
        {
            if (sampler is null)
                for (int j = 0; j < n; j++) buffer[j] = rng.NextInt(k);
            else sampler.SampleInto(buffer, inLanguage: true, rng);
            var w = Word.Of(buffer);
            if (seen.Add(w)) result.Add(w);
        }
        return result;
    }

    /// <summary>Σⁿ in shortlex (here: lexicographic) order.</summary>
    private static IEnumerable<Word> AllWords(int k, int n)
    {
        var w = new int[n];
        while (true)
        {
            yield return Word.Of(w);
            int i = n - 1;
            while (i >= 0 && w[i] == k - 1) w[i--] = 0;
            if (i < 0) yield break;
            w[i]++;
        }
    }
}
