using System.Globalization;

namespace FormalExpressivity.Core.Limits;

/// <summary>
/// Byte counts as people write them on a command line: a whole number with an optional binary suffix
/// <c>K</c>, <c>M</c>, <c>G</c> or <c>T</c> (1024-based; a trailing <c>B</c> or <c>iB</c> is allowed),
/// e.g. <c>512M</c>, <c>4G</c>, <c>1048576</c>. Formatting picks the largest unit that divides the value
/// exactly, so <see cref="Format"/> and <see cref="TryParse"/> round-trip.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
        [("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10)];

    /// <summary>Parses <paramref name="text"/>; false (and 0) when it is not a byte count between 1 and 2^62.</summary>
    /// <param name="text">For example <c>512M</c>.</param>
    /// <param name="bytes">The value in bytes.</param>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('B')) t = t[..^1];
        long factor = 1;
        foreach (var (suffix, f) in Units)
            if (t.EndsWith(suffix, StringComparison.Ordinal)) { factor = f; t = t[..^1]; break; }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1) return false;
        if (n > (1L << 62) / factor) return false;
        bytes = n * factor;
        return true;
    }

    /// <summary>Formats <paramref name="bytes"/> with the largest unit that divides it (<c>512M</c>), else as a plain number.</summary>
    /// <param name="bytes">A byte count.</param>
    public static string Format(long bytes)
    {
        foreach (var (suffix, f) in Units)
            if (bytes >= f && bytes % f == 0) return (bytes / f).ToString(CultureInfo.InvariantCulture) + suffix;
        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Rounds <paramref name="bytes"/> up to a round figure people would type (a whole number of MiB or GiB) and formats it.</summary>
    /// <param name="bytes">A byte count.</param>
    public static string FormatRoundedUp(long bytes)
    {
        const long mib = 1L << 20, gib = 1L << 30;
        if (bytes >= 4 * gib) return Format((bytes + gib - 1) / gib * gib);
        return Format(Math.Max(mib, (bytes + mib - 1) / mib * mib));
    }
}
