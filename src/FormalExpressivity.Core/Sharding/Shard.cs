using System.Globalization;
using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Core.Sharding;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a run (<c>--shard i/n</c>, 0 ≤ i &lt; n). The work items of
/// a run carry stable non-negative keys (a language's index in the canonical enumeration, a corpus
/// length); shard i owns exactly the keys k with k mod n = i. So the n shards partition the work, their
/// union is the unsharded run, and neighbouring keys — which cost about the same — are spread over all
/// shards (round robin), which keeps the shards balanced.
/// </summary>
/// <param name="Index">i, from 0.</param>
/// <param name="Count">n ≥ 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The largest shard count accepted (a Slurm array is far smaller).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The whole run as one shard (0/1).</summary>
    public static Shard Whole => new(0, 1);

    /// <summary>Whether this is the whole run.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>Whether this shard owns the work item with key <paramref name="key"/> (k mod n = i).</summary>
    /// <param name="key">A non-negative stable key.</param>
    public bool Owns(long key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        return key % Count == Index;
    }

    /// <summary>
    /// The seed of the stream of work item <paramref name="key"/> under the master seed: every item has
    /// its own stream (<see cref="SplitMix64.Derive"/>), so a sharded run draws the same strings as the
    /// unsharded one whichever shard an item lands in.
    /// </summary>
    /// <param name="master">The run's seed.</param>
    /// <param name="key">The item's key.</param>
    public static ulong SeedFor(ulong master, long key) => SplitMix64.Derive(master, (ulong)key);

    /// <summary>Parses <c>i/n</c> with 0 ≤ i &lt; n ≤ <see cref="MaxCount"/>.</summary>
    /// <param name="text">The option value.</param>
    /// <param name="shard">The shard on success.</param>
    /// <param name="error">Why the text is not a shard, on failure.</param>
    public static bool TryParse(string? text, out Shard shard, out string error)
    {
        shard = Whole;
        error = "";
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"expected i/n with 0 ≤ i < n (e.g. 3/8), got '{text}'";
            return false;
        }
        if (n < 1 || n > MaxCount)
        {
            error = $"the shard count must be between 1 and {MaxCount.ToString(CultureInfo.InvariantCulture)}, got {n.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }
        if (i >= n)
        {
            error = $"the shard index must be below the count (0 ≤ i < {n.ToString(CultureInfo.InvariantCulture)}), got {i.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }
        shard = new Shard(i, n);
        return true;
    }

    /// <summary><c>i/n</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
