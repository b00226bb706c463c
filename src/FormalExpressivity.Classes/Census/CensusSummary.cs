using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormalExpressivity.Classes.Census;

/// <summary>A pair of rows separated by a language: the first language (canonical order) with <paramref name="Yes"/> = yes and <paramref name="No"/> = no.</summary>
/// <param name="Yes">The architecture that recognizes it.</param>
/// <param name="No">The architecture that does not.</param>
/// <param name="Index">The language's index.</param>
/// <param name="Key">The language's key.</param>
/// <param name="States">Its number of states.</param>
public sealed record CensusSeparation(string Yes, string No, long Index, string Key, int States);

/// <summary>
/// The census summary, computed from the rows alone (so that merged shards reproduce it): counts of
/// yes/no/unknown per architecture, the evidence kinds, the smallest language separating every ordered
/// pair of architectures (or none: the data is consistent with an inclusion), and every unknown row.
/// </summary>
/// <param name="Languages">The number of languages.</param>
/// <param name="Keys">The architectures in row order.</param>
/// <param name="Counts">Architecture → verdict → count.</param>
/// <param name="EvidenceKinds">Architecture → evidence kind → count.</param>
/// <param name="Separations">For each ordered pair with a separating language: the first one.</param>
/// <param name="Unknowns">Every unknown row.</param>
public sealed record CensusSummary(
    long Languages,
    IReadOnlyList<string> Keys,
    IReadOnlyDictionary<string, SortedDictionary<string, long>> Counts,
    IReadOnlyDictionary<string, SortedDictionary<string, long>> EvidenceKinds,
    IReadOnlyList<CensusSeparation> Separations,
    IReadOnlyList<CensusRow> Unknowns)
{
    /// <summary>Builds the summary from rows in canonical order.</summary>
    /// <param name="rows">The rows.</param>
    public static CensusSummary FromRows(IEnumerable<CensusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new List<string>();
        var counts = new Dictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        var unknowns = new List<CensusRow>();
        var first = new Dictionary<(string, string), CensusSeparation>();
        long languages = 0;
        foreach (var group in Group(rows))
        {
            languages++;
            foreach (var r in group)
            {
                if (!counts.ContainsKey(r.Architecture))
                {
                    keys.Add(r.Architecture);
                    counts[r.Architecture] = new(StringComparer.Ordinal) { ["yes"] = 0, ["no"] = 0, ["unknown"] = 0 };
                    kinds[r.Architecture] = new(StringComparer.Ordinal);
                }
                counts[r.Architecture][r.Verdict] = counts[r.Architecture].GetValueOrDefault(r.Verdict) + 1;
                kinds[r.Architecture][r.Evidence] = kinds[r.Architecture].GetValueOrDefault(r.Evidence) + 1;
                if (r.Verdict == "unknown") unknowns.Add(r);
            }
            foreach (var yes in group.Where(r => r.Verdict == "yes"))
                foreach (var no in group.Where(r => r.Verdict == "no"))
                    first.TryAdd((yes.Architecture, no.Architecture), new CensusSeparation(yes.Architecture, no.Architecture, yes.Index, yes.Key, yes.States));
        }
        var order = keys.Select((k, i) => (k, i)).ToDictionary(t => t.k, t => t.i, StringComparer.Ordinal);
        var separations = first.Values.OrderBy(s => order[s.Yes]).ThenBy(s => order[s.No]).ToList();
        return new CensusSummary(languages, keys, counts, kinds, separations, unknowns);
    }

    private static IEnumerable<List<CensusRow>> Group(IEnumerable<CensusRow> rows)
    {
        List<CensusRow>? current = null;
        foreach (var r in rows)
        {
            if (current is not null && current[0].Index != r.Index)
            {
                yield return current;
                current = null;
            }
            (current ??= []).Add(r);
        }
        if (current is not null) yield return current;
    }

    /// <summary>The pairs (A, B) of architectures with no language that A recognizes and B does not: on the data, A ⊆ B.</summary>
    public IEnumerable<(string A, string B)> Inclusions()
    {
        var separated = Separations.Select(s => (s.Yes, s.No)).ToHashSet();
        foreach (var a in Keys)
            foreach (var b in Keys)
                if (a != b && !separated.Contains((a, b))) yield return (a, b);
    }

    /// <summary>The summary as deterministic JSON.</summary>
    public JsonObject ToJson()
    {
        var counts = new JsonObject();
        foreach (var k in Keys)
        {
            var o = new JsonObject();
            foreach (var (verdict, n) in Counts[k]) o[verdict] = n;
            var e = new JsonObject();
            foreach (var (kind, n) in EvidenceKinds[k]) e[kind] = n;
            o["evidence"] = e;
            counts[k] = o;
        }
        return new JsonObject
        {
            ["languages"] = Languages,
            ["architectures"] = new JsonArray(Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
            ["counts"] = counts,
            ["separations"] = new JsonArray(Separations.Select(s => (JsonNode)new JsonObject
            {
                ["yes"] = s.Yes, ["no"] = s.No, ["index"] = s.Index, ["key"] = s.Key, ["states"] = s.States,
            }).ToArray()),
            ["inclusionsOnData"] = new JsonArray(Inclusions().Select(p => (JsonNode)new JsonArray(p.A, p.B)).ToArray()),
            ["unknowns"] = new JsonArray(Unknowns.Select(r => (JsonNode)new JsonObject
            {
                ["index"] = r.Index, ["key"] = r.Key, ["architecture"] = r.Architecture,
            }).ToArray()),
        };
    }

    /// <summary>Indented JSON text.</summary>
    public string RenderJson() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The summary as a text table.</summary>
    public string RenderText()
    {
        var sb = new StringBuilder();
        long rows = Counts.Values.Sum(c => c.Values.Sum());
        long unknown = Unknowns.Count;
        sb.Append(CultureInfo.InvariantCulture, $"{Languages} languages, {rows} rows, {unknown} unknown ({(rows == 0 ? 0 : 100.0 * unknown / rows):0.00} %)").AppendLine();
        sb.AppendLine();
        sb.AppendLine("architecture         yes      no  unknown  evidence");
        foreach (var k in Keys)
        {
            var c = Counts[k];
            string kinds = string.Join(", ", EvidenceKinds[k].Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value}")));
            sb.Append(CultureInfo.InvariantCulture, $"{k,-17} {c["yes"],6} {c["no"],7} {c["unknown"],8}  {kinds}").AppendLine();
        }
        sb.AppendLine();
        sb.AppendLine("inclusions consistent with the data (A ⊆ B: no language in A and not in B):");
        foreach (var group in Inclusions().GroupBy(p => p.A))
            sb.Append(CultureInfo.InvariantCulture, $"  {group.Key} ⊆ {string.Join(", ", group.Select(p => p.B))}").AppendLine();
        if (Unknowns.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("unknown rows:");
            foreach (var r in Unknowns) sb.Append(CultureInfo.InvariantCulture, $"  #{r.Index} [{r.Key}] {r.Architecture}").AppendLine();
        }
        return sb.ToString();
    }
}
