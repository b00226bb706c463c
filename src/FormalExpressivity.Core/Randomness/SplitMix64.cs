namespace FormalExpressivity.Core.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// the constants of Vigna's reference implementation). The whole specification:
/// <code>
/// state += 0x9E3779B97F4A7C15;
/// z = state;
/// z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9;
/// z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB;
/// return z ^ (z &gt;&gt; 31);
/// </code>
/// with 64-bit wrap-around arithmetic. Seed 0 first yields <c>0xE220A8397B1DCDAF</c>.
/// Not cryptographic; period 2^64.
/// </summary>
public sealed class SplitMix64 : IRandomSource
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>A generator whose state starts at <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed; every value (0 included) is valid.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <inheritdoc />
    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>
    /// The SplitMix64 output function applied to <paramref name="z"/>: a bijection on 64-bit words
    /// that scrambles every input bit into every output bit.
    /// </summary>
    /// <param name="z">Any 64-bit word.</param>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Derives an independent-looking seed for a sub-stream: <c>Mix(seed + Gamma·(k+1))</c> folded
    /// over the keys in order. Used to give every (length, label) of a corpus its own stream, so
    /// lengths can be generated in any order or in parallel with the same result.
    /// </summary>
    /// <param name="seed">The parent seed.</param>
    /// <param name="keys">The sub-stream's keys, e.g. a length and a label.</param>
    public static ulong Derive(ulong seed, params ReadOnlySpan<ulong> keys)
    {
        var s = seed;
        foreach (var k in keys) s = Mix(s + Gamma * (k + 1));
        return s;
    }
}
