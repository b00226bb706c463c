using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Report;

/// <summary>
/// The JSON form of a <see cref="ClassificationReport"/> (<c>fex classify --json</c>): keys
/// <c>alphabet</c>, <c>states</c>, <c>classes</c> (the fourteen classes then <c>Ywin:k</c>, <c>PYwin:k</c>,
/// each <c>{member, parameter?, evidence}</c>; member is null for "unknown"), <c>architectures</c>
/// (each <c>{verdict, formula?, formulaSize?, formulaChecked?, witnesses?, identity?, depth?, note}</c>)
/// and <c>notes</c>. Words are arrays of symbol names; formulas use <see cref="CanonicalFormulaText"/>.
/// </summary>
public static class ClassificationReportJson
{
    /// <summary>In text without <c>--full</c>, formula texts longer than this many characters are cut (JSON always prints them in full).</summary>
    public const int MaxTextFormulaLength = 400;

    /// <summary>The report as a JSON object.</summary>
    /// <param name="report">The report.</param>
    public static JsonObject ToJson(ClassificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sigma = report.Alphabet;
        var classes = ClassVerdictJson.ToJson(report.Classes, sigma);
        foreach (var v in report.LogicClasses)
        {
            var o = new JsonObject { ["member"] = v.Verdict switch { Verdict.Yes => true, Verdict.No => false, _ => (JsonNode?)null } };
            if (v.Verdict == Verdict.Yes && v.Depth is int d) o["parameter"] = d;
            o["evidence"] = Evidence(v, sigma);
            classes[v.Key] = o;
        }
        var archs = new JsonObject();
        foreach (var v in report.Architectures) archs[v.Key] = Evidence(v, sigma);
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
    /// <param name="sigma">Σ.</param>
    public static JsonObject Evidence(ArchitectureVerdict v, Alphabet sigma)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(sigma);
        var o = new JsonObject { ["verdict"] = Classifier.Text(v.Verdict) };
        if (v.Formula is { } f)
        {
            o["formula"] = CanonicalFormulaText.Print(f);
            o["formulaSize"] = f.Size;
            o["formulaChecked"] = v.FormulaChecked;
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
        if (v.Verdict == Verdict.Yes && v.Formula is not null) o["depthIsLeast"] = v.DepthIsLeast;
        if (v.Below is { } b)
        {
            o["below"] = new JsonObject
            {
                ["inLanguage"] = Word(b.InLanguage, sigma),
                ["notInLanguage"] = Word(b.NotInLanguage, sigma),
                ["depth"] = b.Depth,
            };
        }
        if (v.Certificate is { } c) o["certificate"] = Exact.CertificateJson.ToJson(c, sigma);
        if (v.Depth is int d) o["depth"] = d;
        o["note"] = v.Note;
        return o;
    }

    /// <summary>The canonical text of a formula; unless <paramref name="full"/>, cut after <see cref="MaxTextFormulaLength"/> characters with a pointer to <c>--full</c>.</summary>
    /// <param name="f">The formula.</param>
    /// <param name="full">True to print it whatever its length.</param>
    public static string FormulaText(Syntax.Temporal.LtlFormula f, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        string text = CanonicalFormulaText.Print(f);
        return full || text.Length <= MaxTextFormulaLength ? text : text[..MaxTextFormulaLength] + " … (cut; --full or --json prints it whole)";
    }

    private static JsonArray Word(Word w, Alphabet sigma) => new(w.ToNames(sigma).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
}
