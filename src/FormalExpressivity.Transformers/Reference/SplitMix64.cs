namespace FormalExpressivity.Transformers.Reference;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; the seeding generator of xoshiro): state += 0x9E3779B97F4A7C15,
/// z = state; z = (z ^ z≫30)·0xBF58476D1CE4E5B9; z = (z ^ z≫27)·0x94D049BB133111EB; return z ^ z≫31.
/// A documented, platform-independent generator for reproducible random corpora (unlike System.Random).
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>A generator whose first output is SplitMix64(seed + golden gamma).</summary>
    /// <param name="seed">The seed.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound) (Lemire's multiply-shift; the tiny bias for huge bounds is irrelevant here).</summary>
    /// <param name="bound">The exclusive upper bound, ≥ 1.</param>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        return (int)(((Next() >> 32) * (ulong)bound) >> 32);
    }

    /// <summary>A uniform random word of the given length over <paramref name="symbols"/> symbols.</summary>
    /// <param name="length">The length.</param>
    /// <param name="symbols">|Σ|.</param>
    public int[] NextWord(int length, int symbols)
    {
        var w = new int[length];
        for (int i = 0; i < length; i++) w[i] = NextInt(symbols);
        return w;
    }
}
