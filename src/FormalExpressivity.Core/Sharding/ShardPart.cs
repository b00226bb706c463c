using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Sharding;

/// <summary>
/// One part file of a sharded run: the <see cref="PartManifest"/> line, then the shard's rows, one per line,
/// exactly as the command writes them. Parts are written atomically by the shard, so a part either is
/// complete (its row count matches the manifest) or does not exist.
/// </summary>
/// <param name="Path">Where the part was read from (for messages).</param>
/// <param name="Manifest">The part's manifest.</param>
/// <param name="Rows">The rows, without line ends.</param>
public sealed record ShardPart(string Path, PartManifest Manifest, IReadOnlyList<string> Rows)
{
    /// <summary>The text of a part file: the manifest line and the rows, each ending in a line feed.</summary>
    /// <param name="manifest">The manifest (its <see cref="PartManifest.Rows"/> must equal the number of rows).</param>
    /// <param name="rows">The rows, without line ends.</param>
    public static string Render(PartManifest manifest, IReadOnlyList<string> rows)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        if (manifest.Rows != rows.Count) throw new ArgumentException($"the manifest says {manifest.Rows} rows but {rows.Count} are given", nameof(manifest));
        var text = new System.Text.StringBuilder(manifest.ToJsonLine()).Append('\n');
        foreach (var row in rows)
        {
            if (row.Contains('\n', StringComparison.Ordinal)) throw new ArgumentException("a row contains a line feed", nameof(rows));
            text.Append(row).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads only the manifest of a part file (its first line); <see cref="Rows"/> is empty. For parts too large to hold
    /// in memory, whose rows are then streamed with <see cref="ReadRows"/>.
    /// </summary>
    /// <param name="path">The part file.</param>
    public static ShardPart ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var lines = IO.InputFile.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new InputException("SHD001", $"{path}: empty file, not a part of a sharded fex run");
        var manifest = PartManifest.TryParse(lines.Current, out var error)
            ?? throw new InputException("SHD001", $"{path}: {error}");
        return new ShardPart(path, manifest, []);
    }

    /// <summary>
    /// Streams the rows of a part file (after its manifest line); once they are all read, a row count other than the
    /// manifest's is an <see cref="InputException"/> (SHD002), as in <see cref="Read"/>.
    /// </summary>
    /// <param name="path">The part file.</param>
    public static IEnumerable<string> ReadRows(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var manifest = ReadHeader(path).Manifest;
        long count = 0;
        bool first = true;
        foreach (var line in IO.InputFile.ReadLines(path))
        {
            if (first)
            {
                first = false;
                continue;
            }
            if (++count > manifest.Rows) throw new InputException("SHD002", $"{path}: more rows than the manifest's {manifest.Rows}");
            yield return line;
        }
        if (count != manifest.Rows)
            throw new InputException("SHD002", $"{path}: {count} rows but the manifest says {manifest.Rows} (an incomplete part; re-run shard {manifest.Shard})");
    }

    /// <summary>Reads a part file; a file that is not a complete part is an <see cref="InputException"/> (code SHD001–SHD003).</summary>
    /// <param name="path">The part file.</param>
    public static ShardPart Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Through the one bounded reader of input files (--max-input-bytes).
        using var lines = IO.InputFile.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new InputException("SHD001", $"{path}: empty file, not a part of a sharded fex run");
        var manifest = PartManifest.TryParse(lines.Current, out var error)
            ?? throw new InputException("SHD001", $"{path}: {error}");
        var rows = new List<string>();
        while (lines.MoveNext())
        {
            var line = lines.Current;
            if (rows.Count >= manifest.Rows)
                throw new InputException("SHD002", $"{path}: more rows than the manifest's {manifest.Rows}");
            rows.Add(line);
        }
        if (rows.Count != manifest.Rows)
            throw new InputException("SHD002", $"{path}: {rows.Count} rows but the manifest says {manifest.Rows} (an incomplete part; re-run shard {manifest.Shard})");
        return new ShardPart(path, manifest, rows);
    }
}
