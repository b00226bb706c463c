using System.Numerics;

namespace FormalExpressivity.Core.Randomness;

/// <summary>
/// Uniform draws built on <see cref="IRandomSource.NextUInt64"/>. Each method documents exactly how
/// many words it consumes, so that outputs are reproducible from the generator's specification.
/// </summary>
public static class RandomSourceExtensions
{
    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) by rejection: draw x; r = x mod bound;
    /// accept when x − r ≤ 2^64 − bound (the last incomplete block of residues is rejected).
    /// Consumes one word per attempt; the expected number of attempts is below 2.
    /// </summary>
    /// <param name="random">The source.</param>
    /// <param name="bound">Exclusive upper bound, at least 1.</param>
    public static ulong NextBelow(this IRandomSource random, ulong bound)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be at least 1");
        if ((bound & (bound - 1)) == 0) return random.NextUInt64() & (bound - 1);
        while (true)
        {
            var x = random.NextUInt64();
            var r = x % bound;
            if (x - r <= ulong.MaxValue - bound + 1) return r;
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>); see <see cref="NextBelow(IRandomSource, ulong)"/>.</summary>
    /// <param name="random">The source.</param>
    /// <param name="bound">Exclusive upper bound, at least 1.</param>
    public static int NextInt(this IRandomSource random, int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be at least 1");
        return (int)random.NextBelow((ulong)bound);
    }

    /// <summary>
    /// A random word of <paramref name="length"/> symbols in [0, <paramref name="symbols"/>): each symbol is
    /// the high 32 bits x of one draw scaled by multiply-shift (Lemire), ⌊x·symbols / 2^32⌋ — one draw per
    /// symbol, bias below symbols/2^32. The random words of <c>fex simulate</c> and the precision probe, so a
    /// seed reproduces the same corpus.
    /// </summary>
    /// <param name="random">The source.</param>
    /// <param name="length">The length, ≥ 0.</param>
    /// <param name="symbols">|Σ|, at least 1.</param>
    public static int[] NextWord(this IRandomSource random, int length, int symbols)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        var w = new int[length];
        for (int i = 0; i < length; i++) w[i] = (int)(((random.NextUInt64() >> 32) * (ulong)symbols) >> 32);
        return w;
    }

    /// <summary>
    /// A uniform non-negative integer of <paramref name="bits"/> bits: ⌈bits/64⌉ words, the first
    /// word drawn supplying the least significant 64 bits, the excess high bits of the last word cleared.
    /// </summary>
    /// <param name="random">The source.</param>
    /// <param name="bits">Number of bits (≥ 0).</param>
    public static BigInteger NextBits(this IRandomSource random, int bits)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        if (bits == 0) return BigInteger.Zero;
        int words = (bits + 63) / 64;
        var bytes = new byte[words * 8 + 1]; // trailing zero byte keeps the value non-negative
        for (int i = 0; i < words; i++)
        {
            var w = random.NextUInt64();
            if (i == words - 1 && bits % 64 != 0) w &= (1UL << (bits % 64)) - 1;
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8, 8), w);
            if (!BitConverter.IsLittleEndian) bytes.AsSpan(i * 8, 8).Reverse();
        }
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) by rejection: draw
    /// <see cref="NextBits"/> with the bit length of bound − 1 until the value is below the bound
    /// (fewer than 2 attempts on average).
    /// </summary>
    /// <param name="random">The source.</param>
    /// <param name="bound">Exclusive upper bound, at least 1.</param>
    public static BigInteger NextBelow(this IRandomSource random, BigInteger bound)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (bound.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be at least 1");
        if (bound.IsOne) return BigInteger.Zero;
        int bits = (int)(bound - 1).GetBitLength();
        while (true)
        {
            var x = random.NextBits(bits);
            if (x < bound) return x;
        }
    }

    /// <summary>
    /// Shuffles <paramref name="items"/> in place (Fisher–Yates, Durstenfeld's form: for i from the
    /// last index down to 1, swap item i with item <c>NextInt(i + 1)</c>).
    /// </summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="random">The source.</param>
    /// <param name="items">The items.</param>
    public static void Shuffle<T>(this IRandomSource random, Span<T> items)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
