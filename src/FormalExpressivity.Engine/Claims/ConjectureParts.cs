using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// The part files of <c>fex check FILE --shard i/n</c>: one row per conjecture that enumerates (those the hierarchy
/// does not settle), holding the shard's <see cref="ConjectureScan"/> — counts, the first counterexample and first
/// open language as DFA keys (<see cref="CensusRunner.KeyOf"/>), and the indices of the open languages. The manifest's
/// inputs are the claims file's name and SHA-256 and the budgets; <c>fex merge</c> checks the claims file against them.
/// </summary>
public static class ConjectureParts
{
    /// <summary>The conjectures of <paramref name="document"/> that enumerate, with their statement index (file order).</summary>
    /// <param name="document">The claims file.</param>
    public static IReadOnlyList<(int Statement, Conjecture Conjecture)> Enumerating(ClaimsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Statements
            .Select((s, i) => (Statement: i, Conjecture: s as Conjecture))
            .Where(p => p.Conjecture is { } c && ConjectureChecker.Enumerates(Architecture.From(c.Left), Architecture.From(c.Right)))
            .Select(p => (p.Statement, p.Conjecture!))
            .ToList();
    }

    /// <summary>The SHA-256 of a claims file's text (UTF-8), in hex.</summary>
    /// <param name="source">The file's text.</param>
    public static string Hash(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source ?? throw new ArgumentNullException(nameof(source)))));

    /// <summary>The run inputs of a sharded check: the file's name and hash, then the budgets.</summary>
    /// <param name="fileName">The name shown in the report header.</param>
    /// <param name="source">The file's text.</param>
    /// <param name="budgets">The budget values (name, value), in option order.</param>
    public static List<KeyValuePair<string, string>> RunInputs(string fileName, string source, IEnumerable<KeyValuePair<string, string>> budgets)
    {
        var inputs = new List<KeyValuePair<string, string>> { KeyValuePair.Create("file", fileName), KeyValuePair.Create("sha256", Hash(source)) };
        inputs.AddRange(budgets);
        return inputs;
    }

    /// <summary>One row: a conjecture's scan.</summary>
    /// <param name="statement">The conjecture's index among the file's statements.</param>
    /// <param name="scan">The shard's scan.</param>
    public static string Row(int statement, ConjectureScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutput.WriterOptions.Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber("statement", statement);
            w.WriteNumber("enumerated", scan.Enumerated);
            w.WriteNumber("checked", scan.Checked);
            w.WriteBoolean("budgetExceeded", scan.BudgetExceeded);
            Language(w, "counterexample", scan.Counterexample);
            Language(w, "firstUnknown", scan.FirstUnknown);
            w.WriteStartArray("unknown");
            foreach (long i in scan.Unknown) w.WriteNumberValue(i);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Language(Utf8JsonWriter w, string name, IndexedLanguage? language)
    {
        if (language is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("index", language.Index);
        w.WriteString("dfa", CensusRunner.KeyOf(language.Dfa));
        w.WriteEndObject();
    }

    /// <summary>
    /// Reads the rows of every part: per enumerating conjecture (by statement index), the n scans. Each part must hold
    /// exactly one row per enumerating conjecture of <paramref name="document"/>, each scanning only its own shard's
    /// languages (SHD002 otherwise).
    /// </summary>
    /// <param name="set">The parts of one run.</param>
    /// <param name="document">The claims file the parts were made from.</param>
    public static Dictionary<int, List<ConjectureScan>> Read(PartSet set, ClaimsDocument document)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(document);
        var conjectures = Enumerating(document).ToDictionary(p => p.Statement, p => p.Conjecture);
        var scans = conjectures.Keys.ToDictionary(k => k, _ => new List<ConjectureScan>());
        foreach (var part in set.Parts)
        {
            var seen = new HashSet<int>();
            for (int r = 0; r < part.Rows.Count; r++)
            {
                string Where() => string.Create(CultureInfo.InvariantCulture, $"{part.Path}: row {r + 1}");
                int statement;
                ConjectureScan scan;
                try
                {
                    using var doc = JsonDocument.Parse(part.Rows[r]);
                    var root = doc.RootElement;
                    statement = root.GetProperty("statement").GetInt32();
                    if (!conjectures.TryGetValue(statement, out var conjecture))
                        throw new FormatException($"statement {statement} is not a conjecture that enumerates");
                    IndexedLanguage? Lang(string name)
                    {
                        var e = root.GetProperty(name);
                        if (e.ValueKind == JsonValueKind.Null) return null;
                        long index = e.GetProperty("index").GetInt64();
                        var dfa = CensusRunner.FromKey(conjecture.Alphabet, e.GetProperty("dfa").GetString() ?? throw new FormatException("null DFA key"));
                        if (index < 0 || !part.Manifest.Shard.Owns(index)) throw new FormatException($"language {index} does not belong to shard {part.Manifest.Shard}");
                        return new IndexedLanguage(index, dfa);
                    }
                    var unknown = root.GetProperty("unknown").EnumerateArray().Select(x => x.GetInt64()).ToList();
                    if (unknown.Any(i => i < 0 || !part.Manifest.Shard.Owns(i))) throw new FormatException($"an open language does not belong to shard {part.Manifest.Shard}");
                    scan = new ConjectureScan(part.Manifest.Shard, root.GetProperty("enumerated").GetInt64(), root.GetProperty("checked").GetInt64(),
                        Lang("counterexample"), unknown, Lang("firstUnknown"), root.GetProperty("budgetExceeded").GetBoolean());
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
                {
                    throw new InputException("SHD002", $"{Where()} is not a conjecture scan of this claims file ({e.Message})");
                }
                // A scan examines exactly its shard's languages among those enumerated (Shard.Owns).
                var sh = part.Manifest.Shard;
                long owned = scan.Enumerated > sh.Index ? (scan.Enumerated - 1 - sh.Index) / sh.Count + 1 : 0;
                if (scan.Checked != owned)
                    throw new InputException("SHD002", string.Create(CultureInfo.InvariantCulture,
                        $"{Where()}: {scan.Checked} languages examined, but shard {sh} owns {owned} of the first {scan.Enumerated}"));
                if (!seen.Add(statement)) throw new InputException("SHD002", $"{Where()}: the conjecture of statement {statement} appears twice");
                scans[statement].Add(scan);
            }
            if (seen.Count != conjectures.Count)
                throw new InputException("SHD002", string.Create(CultureInfo.InvariantCulture, $"{part.Path} holds {seen.Count} of the claims file's {conjectures.Count} enumerating conjectures"));
        }
        return scans;
    }
}
