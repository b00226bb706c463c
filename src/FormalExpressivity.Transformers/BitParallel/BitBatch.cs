using System.Runtime.Intrinsics;

namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>
/// A batch of words in the bit-sliced layout of the kernels: strings are grouped into bundles of
/// 64·W lanes (W = 1, 4 or 8 words of 64 bits); for every bundle, position p (1 … L+1, L the longest
/// word) and symbol s (plus the end marker as symbol S) there is one W-word bit-vector whose bit j is
/// set iff lane j's word has symbol s at p (resp. p = N_j + 1). Each lane's output is later read at its
/// own end marker, so words of different lengths share a bundle.
/// </summary>
public sealed class BitBatch
{
    private BitBatch(int count, int symbols, int wordsPerBundle, int maxLength, ulong[] planes, LaneWidth width)
    {
        Count = count;
        Symbols = symbols;
        WordsPerBundle = wordsPerBundle;
        MaxLength = maxLength;
        Planes = planes;
        Width = width;
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>|Σ|.</summary>
    public int Symbols { get; }

    /// <summary>64-bit words per bundle (1, 4 or 8).</summary>
    public int WordsPerBundle { get; }

    /// <summary>The lane width the batch was laid out for (never <see cref="LaneWidth.Auto"/>).</summary>
    public LaneWidth Width { get; }

    /// <summary>The longest word length L.</summary>
    public int MaxLength { get; }

    /// <summary>Number of bundles.</summary>
    public int Bundles => (Count + 64 * WordsPerBundle - 1) / (64 * WordsPerBundle);

    internal ulong[] Planes { get; }

    internal int PositionStride => (Symbols + 1) * WordsPerBundle;

    internal int BundleStride => (MaxLength + 1) * PositionStride;

    /// <summary>The lane width <see cref="LaneWidth.Auto"/> resolves to on this machine.</summary>
    /// <param name="width">A requested width.</param>
    public static LaneWidth Resolve(LaneWidth width) => width != LaneWidth.Auto ? width
        : Vector512.IsHardwareAccelerated ? LaneWidth.Vector512
        : Vector256.IsHardwareAccelerated ? LaneWidth.Vector256
        : LaneWidth.Scalar64;

    /// <summary>Lays out <paramref name="words"/> (symbol indices 0 … <paramref name="symbols"/>−1).</summary>
    /// <param name="words">The words.</param>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="width">Lane width (Auto picks the widest accelerated one).</param>
    public static BitBatch Create(IReadOnlyList<int[]> words, int symbols, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        width = Resolve(width);
        int w = width switch { LaneWidth.Vector512 => 8, LaneWidth.Vector256 => 4, _ => 1 };
        int maxLength = 0;
        foreach (var word in words) maxLength = Math.Max(maxLength, word.Length);
        int lanes = 64 * w;
        int bundles = (words.Count + lanes - 1) / lanes;
        int positionStride = (symbols + 1) * w;
        long size = (long)bundles * (maxLength + 1) * positionStride;
        if (size > Array.MaxLength) throw new ArgumentException("the batch is too large for one array; split it", nameof(words));
        var planes = new ulong[size];
        for (int i = 0; i < words.Count; i++)
        {
            int bundle = i / lanes, lane = i % lanes, wordInBundle = lane >> 6;
            ulong bit = 1UL << (lane & 63);
            long bundleBase = (long)bundle * (maxLength + 1) * positionStride + wordInBundle;
            var word = words[i];
            for (int p = 0; p < word.Length; p++)
            {
                int s = word[p];
                if ((uint)s >= (uint)symbols) throw new ArgumentOutOfRangeException(nameof(words), $"word {i} has symbol index {s} outside 0…{symbols - 1}");
                planes[bundleBase + (long)p * positionStride + s * w] |= bit;
            }
            planes[bundleBase + (long)word.Length * positionStride + symbols * w] |= bit;
        }
        return new BitBatch(words.Count, symbols, w, maxLength, planes, width);
    }
}
