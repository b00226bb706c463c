using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Report;

/// <summary>
/// The JSON form of a <see cref="ClassificationReport"/> (<c>fex classify --json</c>): keys
/// <c>alphabet</c>, <c>states</c>, <c>classes</c> (the fourteen classes then <c>Ywin:k</c>, <c>PYwin:k</c>,
/// each <c>{member, parameter?, evidence}</c>; member is null for "unknown"), <c>architectures</c>
/// (each <c>{verdict, formula?, formulaSize?, formulaChecked?, witnesses?, identity?, depth?, note}</c>)
/// and <c>notes</c>. Words are arrays of symbol names; formulas use <see cref="Syntax.Temporal.CanonicalFormulaText"/>.
/// </summary>
public static class ClassificationReportJson
{
    /// <summary>The report as a JSON object.</summary>
    /// <param name="report">The report.</param>
    public static JsonObject ToJson(ClassificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sigma = report.Alphabet;
        var classes = ClassVerdictJson.ToJson(report.Classes, sigma);
        foreach (var (a, v) in report.LogicClasses)
        {
            var o = new JsonObject { ["member"] = v.Answer switch { Answer.Yes => true, Answer.No => false, _ => (JsonNode?)null } };
            if (v.Answer == Answer.Yes && v.Depth is int d) o["parameter"] = d;
            o["evidence"] = Evidence(v, a, sigma);
            classes[a.Key] = o;
        }
        var archs = new JsonObject();
        foreach (var (a, v) in report.Architectures) archs[a.Key] = Evidence(v, a, sigma);
        return new JsonObject
        {
            ["alphabet"] = new JsonArray(sigma.Symbols.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["states"] = report.Minimal.StateCount,
            ["classes"] = classes,
            ["architectures"] = archs,
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
        };
    }

    /// <summary>Indented JSON text.</summary>
    /// <param name="report">The report.</param>
    public static string Render(ClassificationReport report) =>
        Core.Text.JsonOutput.Write(ToJson(report));

    /// <summary>One verdict as JSON (<c>{verdict, formula?, …, note}</c>).</summary>
    /// <param name="v">The verdict.</param>
    /// <param name="architecture">The row it answers.</param>
    /// <param name="sigma">Σ.</param>
    public static JsonObject Evidence(Verdict v, Architecture architecture, Alphabet sigma)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(sigma);
        var o = new JsonObject { ["verdict"] = VerdictText.Word(v.Answer) };
        if (v.Formula is { } fe)
        {
            o["formula"] = VerdictText.FormulaText(fe.Formula, full: true);
            o["formulaSize"] = fe.Formula.Size;
            o["formulaChecked"] = fe.Proved;
        }
        if (v.Witnesses is { } w)
        {
            o["witnesses"] = new JsonObject
            {
                ["inLanguage"] = Word(w.InLanguage, sigma),
                ["notInLanguage"] = Word(w.NotInLanguage, sigma),
                ["fragment"] = w.Fragment,
                ["depth"] = w.Depth,
            };
        }
        if (v.Identity is { } id)
        {
            var a = new JsonObject();
            foreach (var kv in id.Assignment.OrderBy(kv => kv.Key, StringComparer.Ordinal)) a[kv.Key] = Word(kv.Value, sigma);
            o["identity"] = new JsonObject { ["identity"] = id.Identity, ["assignment"] = a };
        }
        if (v.Bound is { } b)
        {
            o["searchBound"] = new JsonObject
            {
                ["fragment"] = b.Fragment,
                ["depth"] = b.Depth,
                ["maxDepth"] = b.MaxDepth,
                ["budget"] = Budget(b.StoppedBy),
            };
        }
        if (v.Smallest is { } sm)
        {
            o["smallest"] = new JsonObject
            {
                ["proved"] = sm.Proved,
                ["searchedSize"] = sm.SearchedSize,
                ["grammar"] = sm.Grammar,
                ["budget"] = Budget(sm.StoppedBy),
                ["simplified"] = sm.Simplified,
            };
        }
        if (v.Answer == Answer.Yes && v.Formula is not null) o["depthIsLeast"] = v.Least is { Proved: true };
        if (v.Least?.Below is { } below)
        {
            o["below"] = new JsonObject
            {
                ["inLanguage"] = Word(below.InLanguage, sigma),
                ["notInLanguage"] = Word(below.NotInLanguage, sigma),
                ["depth"] = below.Depth,
            };
        }
        if (v.Certificate is { } c) o["certificate"] = Exact.CertificateJson.ToJson(c, sigma);
        if (v.Depth is int d) o["depth"] = d;
        o["note"] = VerdictText.Reason(v, architecture, sigma);
        return o;
    }

    private static JsonObject? Budget(BudgetStop? stop) =>
        stop is null ? null : new JsonObject { ["name"] = stop.Budget, ["limit"] = stop.Limit, ["what"] = stop.What };

    private static JsonArray Word(Word w, Alphabet sigma) => new(w.ToNames(sigma).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
}
