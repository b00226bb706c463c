using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FormalExpressivity.Classes.Census;

/// <summary>One census row per line: <c>{index, key, states, classes, architecture, verdict, evidence, depth, formulaSize, formulaChecked, formulaSmallest}</c> (nulls written as null; fixed key order).</summary>
public static class CensusJsonl
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON line of a row (without the newline).</summary>
    /// <param name="row">The row.</param>
    public static string Line(CensusRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("index", row.Index);
            w.WriteString("key", row.Key);
            w.WriteNumber("states", row.States);
            w.WriteString("classes", row.Classes);
            w.WriteString("architecture", row.Architecture);
            w.WriteString("verdict", row.Verdict);
            w.WriteString("evidence", row.Evidence);
            if (row.Depth is int d) w.WriteNumber("depth", d); else w.WriteNull("depth");
            if (row.FormulaSize is int s) w.WriteNumber("formulaSize", s); else w.WriteNull("formulaSize");
            if (row.FormulaChecked is bool c) w.WriteBoolean("formulaChecked", c); else w.WriteNull("formulaChecked");
            if (row.FormulaSmallest is bool m) w.WriteBoolean("formulaSmallest", m); else w.WriteNull("formulaSmallest");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses a line written by <see cref="Line"/>.</summary>
    /// <param name="line">The line.</param>
    public static CensusRow Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        int? Int(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();
        bool? Bool(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetBoolean();
        return new CensusRow(e.GetProperty("index").GetInt64(), e.GetProperty("key").GetString()!, e.GetProperty("states").GetInt32(),
            e.GetProperty("architecture").GetString()!, e.GetProperty("verdict").GetString()!, e.GetProperty("evidence").GetString()!,
            Int("depth"), Int("formulaSize"), Bool("formulaChecked"), Bool("formulaSmallest"), e.GetProperty("classes").GetString()!);
    }
}
