using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Reference;

namespace FormalExpressivity.Transformers.Numeric;

/// <summary>One row of a precision probe: the first disagreement of a numeric model with the symbolic one.</summary>
/// <param name="Format">The arithmetic format.</param>
/// <param name="PastFix">Whether the two-layer fix was applied.</param>
/// <param name="FirstLength">The shortest probed length with a disagreement, or null when none was found.</param>
/// <param name="Word">The disagreeing word (symbol indices), or null.</param>
/// <param name="NumericAccepts">The numeric verdict on <paramref name="Word"/>.</param>
/// <param name="MaxLengthProbed">The longest length probed.</param>
public sealed record PrecisionRow(NumberFormat Format, bool PastFix, int? FirstLength, int[]? Word, bool NumericAccepts, int MaxLengthProbed);

/// <summary>
/// Searches for the shortest length at which the numeric model of a symbolic model disagrees with it
/// (theory.md §8: fixed precision caps how many positions attention can weigh). Probed lengths: every
/// L ≤ <c>dense</c>, then 2^j − 1, 2^j, 2^j + 1 and 3·2^(j−1) up to <c>maxLength</c> (where sums of ones
/// saturate: 256 in bfloat16, 2048 in binary16, 2^24 in binary32). Probed words per length: the
/// constant words s^L for every symbol s, the alternation of the first two symbols, and one
/// SplitMix64-random word (seed and length fixed), so the result is deterministic.
/// </summary>
public static class PrecisionProbe
{
    /// <summary>The probed lengths, ascending.</summary>
    /// <param name="dense">Every length up to this one.</param>
    /// <param name="maxLength">The largest length.</param>
    public static IReadOnlyList<int> Lengths(int dense, int maxLength)
    {
        var set = new SortedSet<int>(Enumerable.Range(0, Math.Min(dense, maxLength) + 1));
        for (int j = 1; j < 31 && 1 << (j - 1) <= maxLength; j++)
            foreach (int l in new[] { (1 << j) - 1, 1 << j, (1 << j) + 1, 3 << (j - 1) })
                if (l <= maxLength) set.Add(l);
        return set.ToArray();
    }

    /// <summary>Runs the probe for one format.</summary>
    /// <param name="symbolic">The symbolic model (the reference semantics).</param>
    /// <param name="format">The format.</param>
    /// <param name="pastFix">Whether to apply the two-layer fix.</param>
    /// <param name="dense">Every length up to this one is probed.</param>
    /// <param name="maxLength">The largest probed length.</param>
    /// <param name="seed">Seed of the random probe words.</param>
    public static PrecisionRow Run(TransformerModel symbolic, NumberFormat format, bool pastFix, int dense, int maxLength, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(symbolic);
        var numeric = NumericCompiler.Compile(symbolic, new NumericOptions(pastFix)).GetModelOrThrow();
        var kernelModel = symbolic;
        int sigma = symbolic.Alphabet.Count;
        var random = new SplitMix64(seed);
        foreach (int length in Lengths(dense, maxLength))
        {
            var words = new List<int[]>();
            for (int s = 0; s < sigma; s++) words.Add(Enumerable.Repeat(s, length).ToArray());
            if (sigma > 1) words.Add(Enumerable.Range(0, length).Select(i => i % 2).ToArray());
            words.Add(random.NextWord(length, sigma));
            var expected = BitParallel.BitParallelKernel.Run(kernelModel, words);
            for (int i = 0; i < words.Count; i++)
            {
                bool got = numeric.Accepts(words[i], format);
                if (got != expected[i]) return new PrecisionRow(format, pastFix, length, words[i], got, maxLength);
            }
        }
        return new PrecisionRow(format, pastFix, null, null, false, maxLength);
    }
}
