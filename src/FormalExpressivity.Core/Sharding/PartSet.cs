using System.Globalization;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Sharding;

/// <summary>
/// A checked set of parts of one sharded run: all from the same command with the same run fingerprint and
/// shard count, no shard twice. <see cref="Missing"/> lists the shards without a part (to resubmit).
/// </summary>
public sealed class PartSet
{
    private PartSet(IReadOnlyList<ShardPart> parts, IReadOnlyList<int> missing)
    {
        Parts = parts;
        Missing = missing;
    }

    /// <summary>The parts in shard order.</summary>
    public IReadOnlyList<ShardPart> Parts { get; }

    /// <summary>The shard indices with no part, ascending.</summary>
    public IReadOnlyList<int> Missing { get; }

    /// <summary>The manifest all parts share (that of the first part).</summary>
    public PartManifest First => Parts[0].Manifest;

    /// <summary>Whether every shard 0 … n−1 has its part.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>
    /// Checks that <paramref name="parts"/> belong to one run and that no shard appears twice; throws an
    /// <see cref="InputException"/> (SHD004 different runs, SHD005 duplicate) naming the files otherwise.
    /// </summary>
    /// <param name="parts">At least one part.</param>
    public static PartSet Of(IReadOnlyList<ShardPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new InputException("SHD004", "no part files given");
        var first = parts[0];
        foreach (var p in parts.Skip(1))
        {
            var m = p.Manifest;
            if (m.Command != first.Manifest.Command)
                throw new InputException("SHD004", $"{p.Path} is a part of 'fex {m.Command}' but {first.Path} of 'fex {first.Manifest.Command}'");
            if (m.Shard.Count != first.Manifest.Shard.Count)
                throw new InputException("SHD004", $"{p.Path} is one of {m.Shard.Count} shards but {first.Path} one of {first.Manifest.Shard.Count}");
            if (m.Run != first.Manifest.Run)
                throw new InputException("SHD004", $"{p.Path} and {first.Path} belong to different runs ({Difference(first.Manifest, m)})");
        }
        var byShard = new ShardPart?[first.Manifest.Shard.Count];
        foreach (var p in parts)
        {
            int i = p.Manifest.Shard.Index;
            if (byShard[i] is { } other)
                throw new InputException("SHD005", $"shard {p.Manifest.Shard} appears twice: {other.Path} and {p.Path}");
            byShard[i] = p;
        }
        var missing = new List<int>();
        for (int i = 0; i < byShard.Length; i++) if (byShard[i] is null) missing.Add(i);
        return new PartSet(byShard.OfType<ShardPart>().ToList(), missing);
    }

    /// <summary>The imbalance of the shards' times: slowest ÷ fastest (1 when there is one part or no time).</summary>
    public double Imbalance()
    {
        var times = Parts.Select(p => p.Manifest.Seconds).ToList();
        double min = times.Min(), max = times.Max();
        return min <= 0 ? 1 : max / min;
    }

    /// <summary>The missing shards as a Slurm array list (<c>0,3-5</c>), empty when complete.</summary>
    public string MissingAsArrayList()
    {
        var ranges = new List<string>();
        for (int i = 0; i < Missing.Count;)
        {
            int j = i;
            while (j + 1 < Missing.Count && Missing[j + 1] == Missing[j] + 1) j++;
            ranges.Add(i == j ? Missing[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Missing[i]}-{Missing[j]}"));
            i = j + 1;
        }
        return string.Join(',', ranges);
    }

    private static string Difference(PartManifest a, PartManifest b)
    {
        var left = a.Inputs.ToDictionary(p => p.Key, p => p.Value);
        var right = b.Inputs.ToDictionary(p => p.Key, p => p.Value);
        var names = left.Keys.Union(right.Keys).Where(k => !left.TryGetValue(k, out var x) || !right.TryGetValue(k, out var y) || x != y).ToList();
        return names.Count == 0
            ? "fingerprints differ"
            : string.Join("; ", names.Select(k => $"{k}: {(left.TryGetValue(k, out var x) ? x : "—")} vs {(right.TryGetValue(k, out var y) ? y : "—")}"));
    }
}
