using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FormalExpressivity.Core.Sharding;

/// <summary>
/// The manifest of one part of a sharded run, written as the first line of the part file. Parts belong to
/// one run when their <see cref="Command"/>, <see cref="Run"/> fingerprint and shard count agree.
/// </summary>
/// <param name="Command">The <c>fex</c> subcommand that wrote the part (<c>census</c>, <c>corpus</c>, <c>check</c>).</param>
/// <param name="Run">A fingerprint of everything that determines the output — inputs, options and budgets, in
/// canonical form — and nothing else (not the shard, not the paths, not the time): <see cref="Fingerprint"/>.</param>
/// <param name="Shard">Which part this is.</param>
/// <param name="Inputs">The canonical inputs, options and budgets as name/value pairs (what the fingerprint covers),
/// in a fixed order, so that a merge can name what differs between two parts.</param>
/// <param name="Rows">How many rows (lines after the manifest) the part holds.</param>
/// <param name="Items">How many work items (languages, lengths) the shard processed.</param>
/// <param name="Seconds">Wall-clock time of the shard's work (informative; never part of the merged output).</param>
public sealed record PartManifest(string Command, string Run, Shard Shard, IReadOnlyList<KeyValuePair<string, string>> Inputs, long Rows, long Items, double Seconds)
{
    /// <summary>The format tag that starts every part file's first line.</summary>
    public const string FormatTag = "fex-part";

    /// <summary>The fingerprint of a run: SHA-256 over the command and the canonical inputs, as 16 hex digits.</summary>
    /// <param name="command">The subcommand.</param>
    /// <param name="inputs">The canonical inputs in their fixed order.</param>
    public static string Fingerprint(string command, IEnumerable<KeyValuePair<string, string>> inputs)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(inputs);
        var text = new StringBuilder(command).Append('\n');
        foreach (var (k, v) in inputs) text.Append(k).Append('=').Append(v).Append('\n');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>
    /// The budgets the part was made with: <paramref name="defaults"/> with every budget recorded in <see cref="Inputs"/>
    /// (by its name, e.g. <c>max-depth</c>) applied; a budget recorded as <c>default</c> keeps the default (the machine-derived
    /// <c>max-states</c> is recorded so, so that nodes of different sizes make parts of one run).
    /// </summary>
    /// <param name="defaults">The budgets of the merging machine.</param>
    /// <exception cref="Text.InputException">A recorded value is not a number in the budget's range (SHD001).</exception>
    public Limits.Budgets RecordedBudgets(Limits.Budgets defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var budgets = defaults;
        foreach (var (name, value) in Inputs)
        {
            if (Limits.Budgets.Find(name) is not { } budget || value == "default") continue;
            if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long v) || v < budget.Minimum || v > budget.Maximum)
                throw new Text.InputException("SHD001", $"malformed part manifest: budget {name} = '{value}'");
            budgets = budget.With(budgets, v);
        }
        return budgets;
    }

    /// <summary>The manifest as one line of JSON (no line break).</summary>
    public string ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Text.JsonOutput.WriterOptions.Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber(FormatTag, 1);
            w.WriteString("command", Command);
            w.WriteString("run", Run);
            w.WriteNumber("shard", Shard.Index);
            w.WriteNumber("shards", Shard.Count);
            w.WriteStartObject("inputs");
            foreach (var (k, v) in Inputs) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteNumber("rows", Rows);
            w.WriteNumber("items", Items);
            w.WriteNumber("seconds", Math.Round(Seconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a manifest line; null with <paramref name="error"/> when it is not one.</summary>
    /// <param name="line">The first line of a file.</param>
    /// <param name="error">Why it is not a manifest.</param>
    public static PartManifest? TryParse(string line, out string error)
    {
        error = "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(FormatTag, out var tag) || tag.ValueKind != JsonValueKind.Number || tag.GetInt32() != 1)
            {
                error = $"not a part file of a sharded fex run (its first line has no \"{FormatTag}\": 1)";
                return null;
            }
            string Str(string name) => root.GetProperty(name).GetString() ?? throw new FormatException($"\"{name}\" is null");
            int shards = root.GetProperty("shards").GetInt32(), shard = root.GetProperty("shard").GetInt32();
            if (shards < 1 || shards > Shard.MaxCount || shard < 0 || shard >= shards) throw new FormatException($"shard {shard}/{shards} is out of range");
            var inputs = root.GetProperty("inputs").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")).ToList();
            long rows = root.GetProperty("rows").GetInt64(), items = root.GetProperty("items").GetInt64();
            if (rows < 0 || items < 0) throw new FormatException("negative counts");
            return new PartManifest(Str("command"), Str("run"), new Shard(shard, shards), inputs, rows, items, root.GetProperty("seconds").GetDouble());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            // The message names what is wrong without echoing the file's content (it may not be a part file at all).
            error = e is JsonException ? "not a part file of a sharded fex run (its first line is not a JSON manifest)" : $"malformed part manifest: {e.Message}";
            return null;
        }
    }
}
