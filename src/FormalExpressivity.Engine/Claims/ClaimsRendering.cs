using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// Text and JSON renderings of a <see cref="ClaimsReport"/> (deterministic: file order, invariant culture): the
/// output of <c>fex check</c> and of the playground's claims editor, one rendering for both.
/// </summary>
public static class ClaimsRendering
{
    /// <summary>The report for people: one block per claim (status, position, claim, evidence lines), then a summary line.</summary>
    /// <param name="report">The report.</param>
    /// <param name="fileName">The file name shown in the header.</param>
    public static string Text(ClaimsReport report, string fileName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(fileName).Append('\n');
        foreach (var o in report.Outcomes)
        {
            sb.Append('\n');
            sb.Append(Status(o.Status).PadRight(9)).Append(' ').Append(o.Statement.Span.Line.ToString(CultureInfo.InvariantCulture).PadLeft(4))
              .Append("  ").Append(o.Statement.Text).Append('\n');
            sb.Append("               ").Append(o.Summary).Append('\n');
            foreach (var line in o.Evidence) sb.Append("               ").Append(line).Append('\n');
        }
        sb.Append('\n').Append(SummaryLine(report)).Append('\n');
        return sb.ToString();
    }

    /// <summary>"N claims: a confirmed, b refuted, c unknown".</summary>
    /// <param name="report">The report.</param>
    public static string SummaryLine(ClaimsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Outcomes.Count} claims: {report.Count(ClaimStatus.Confirmed)} confirmed, {report.Count(ClaimStatus.Refuted)} refuted, {report.Count(ClaimStatus.Unknown)} unknown");
    }

    /// <summary>The report as indented JSON (schema in docs/claims.md).</summary>
    /// <param name="report">The report.</param>
    /// <param name="fileName">The file name recorded.</param>
    public static string Json(ClaimsReport report, string fileName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var claims = new JsonArray();
        foreach (var o in report.Outcomes) claims.Add((JsonNode)Claim(o)); // the non-generic Add: no reflection
        var root = new JsonObject
        {
            ["file"] = fileName,
            ["summary"] = new JsonObject
            {
                ["claims"] = report.Outcomes.Count,
                ["confirmed"] = report.Count(ClaimStatus.Confirmed),
                ["refuted"] = report.Count(ClaimStatus.Refuted),
                ["unknown"] = report.Count(ClaimStatus.Unknown),
                ["overall"] = Status(report.Overall),
            },
            ["claims"] = claims,
        };
        return JsonOutput.Write(root);
    }

    private static JsonObject Claim(ClaimOutcome o)
    {
        var s = o.Statement;
        var node = new JsonObject
        {
            ["line"] = s.Span.Line,
            ["column"] = s.Span.Column,
            ["text"] = s.Text,
            ["kind"] = s switch
            {
                RecognizabilityClaim r => r.Negated ? "not-recognizable" : "recognizable",
                ClassClaim c => c.Negated ? "not-in-class" : "in-class",
                EquivalenceClaim => "equivalent",
                _ => "conjecture",
            },
            ["status"] = Status(o.Status),
            ["summary"] = o.Summary,
            ["evidence"] = new JsonArray(o.Evidence.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        };
        if (o.Architecture is { } arch && o.Verdict is { } a) node["architecture"] = Answer(arch, a, AlphabetOf(o));
        if (o.Certificate is { } c2) node["certificate"] = new JsonObject { ["valid"] = c2.Valid, ["reason"] = c2.Reason };
        if (o.Empirical is { } e2)
            node["empirical"] = new JsonObject
            {
                ["method"] = e2.Method, ["words"] = e2.Words, ["exhaustiveUpTo"] = e2.ExhaustiveUpTo, ["randomWords"] = e2.RandomWords,
                ["maxLength"] = e2.MaxLength, ["seed"] = e2.Seed, ["agrees"] = e2.Agrees, ["note"] = e2.Note,
                ["disagreement"] = e2.Disagreement is { } w && AlphabetOf(o) is { } al ? Names(w, al) : null,
            };
        if (o.ClassVerdict is { } v)
            node["class"] = new JsonObject { ["class"] = v.Class.ToString(), ["member"] = v.Member, ["parameter"] = v.Parameter, ["evidence"] = AlphabetOf(o) is { } al2 ? v.Evidence.Describe(al2) : null };
        if (o.Equivalence is { } q)
            node["equivalence"] = new JsonObject
            {
                ["equivalent"] = q.Equivalent,
                ["bisimulationPairs"] = q.Bisimulation?.Count,
                ["counterexample"] = q.Counterexample is { } cw && AlphabetOf(o) is { } al3 ? Names(cw, al3) : null,
            };
        if (o.Conjecture is { } r2)
        {
            node["conjecture"] = new JsonObject
            {
                ["left"] = r2.Left.Key, ["right"] = r2.Right.Key, ["alphabet"] = new JsonArray(r2.Alphabet.Symbols.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
                ["maxStates"] = r2.MaxStates, ["languagesChecked"] = r2.LanguagesChecked, ["unknownLanguages"] = r2.UnknownCount,
                ["counterexample"] = r2.Counterexample is { } cx ? Witness(cx, r2.Left, r2.Right) : null,
                ["firstUnknown"] = r2.FirstUnknown is { } fu ? Witness(fu, r2.Left, r2.Right) : null,
            };
        }
        return node;
    }

    private static JsonObject Witness(ConjectureWitness w, Architecture left, Architecture right) => new()
    {
        ["dfa"] = JsonNode.Parse(Automata.Formats.DfaJson.Write(w.Dfa)),
        ["left"] = Answer(left, w.Left, w.Dfa.Alphabet),
        ["right"] = Answer(right, w.Right, w.Dfa.Alphabet),
    };

    private static JsonObject Answer(Architecture architecture, Verdict v, Alphabet? alphabet) => new()
    {
        ["key"] = architecture.Key,
        ["verdict"] = VerdictText.Word(v.Answer),
        ["reason"] = alphabet is null ? null : VerdictText.Reason(v, architecture, alphabet),
        ["formula"] = v.Formula is { } f ? VerdictText.FormulaText(f.Formula) : null,
        ["depth"] = v.Depth,
        ["evidence"] = v.Witnesses is { } w && alphabet is not null ? w.Describe(alphabet) : v.Identity is { } id && alphabet is not null ? id.Describe(alphabet) : null,
    };

    private static Alphabet? AlphabetOf(ClaimOutcome o) => o.Alphabet;

    private static JsonArray Names(Word w, Alphabet alphabet) => new(w.ToNames(alphabet).Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());

    /// <summary>confirmed / refuted / unknown.</summary>
    /// <param name="status">A status.</param>
    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Confirmed => "confirmed",
        ClaimStatus.Refuted => "refuted",
        _ => "unknown",
    };
}
