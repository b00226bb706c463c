using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes;

/// <summary>
/// The JSON form of class verdicts (the <c>classes</c> object of <c>fex classify --json</c>): keyed by
/// class name in <see cref="LanguageClass"/> order, each <c>{member, parameter?, decidedBy?, evidence}</c> (member
/// null when a budget stopped the row, with evidence of kind <c>budget-stop</c>); words are
/// arrays of symbol names; evidence is <c>{kind, text, …fields}</c>.
/// </summary>
public static class ClassVerdictJson
{
    /// <summary>The verdicts as a JSON object keyed by class.</summary>
    /// <param name="verdicts">Verdicts for one language.</param>
    /// <param name="alphabet">The alphabet naming the symbols.</param>
    public static JsonObject ToJson(IReadOnlyDictionary<LanguageClass, ClassVerdict> verdicts, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var o = new JsonObject();
        foreach (var c in ClassDeciders.All)
            if (verdicts.TryGetValue(c, out var v)) o[c.ToString()] = ToJson(v, alphabet);
        return o;
    }

    /// <summary>One verdict as JSON.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="alphabet">The alphabet naming the symbols.</param>
    public static JsonObject ToJson(ClassVerdict verdict, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var o = new JsonObject { ["member"] = verdict.Answer };
        if (verdict.Parameter is int p) o["parameter"] = p;
        if (verdict.Bounds is { } b) o["parameterBounds"] = new JsonObject { ["lower"] = b.Lower, ["upper"] = b.Upper };
        if (verdict.DecidedBy is { } test) o["decidedBy"] = test;
        o["evidence"] = Evidence(verdict.Evidence, alphabet);
        return o;
    }

    /// <summary>Indented JSON text with stable key order.</summary>
    /// <param name="verdicts">Verdicts for one language.</param>
    /// <param name="alphabet">The alphabet naming the symbols.</param>
    public static string Render(IReadOnlyDictionary<LanguageClass, ClassVerdict> verdicts, Alphabet alphabet) =>
        Core.Text.JsonOutput.Write(ToJson(verdicts, alphabet));

    private static JsonArray W(Word w, Alphabet alphabet) => new(w.ToNames(alphabet).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());

    private static JsonNode Evidence(ClassEvidence e, Alphabet alphabet)
    {
        var o = new JsonObject();
        switch (e)
        {
            case EvidenceSet set:
                return new JsonArray(set.Items.Select(i => Evidence(i, alphabet)).ToArray());
            case IdentityViolation iv:
                o["kind"] = "identity-violation";
                o["identity"] = iv.Identity;
                var a = new JsonObject();
                foreach (var kv in iv.Assignment.OrderBy(kv => kv.Key, StringComparer.Ordinal)) a[kv.Key] = W(kv.Value, alphabet);
                o["assignment"] = a;
                break;
            case WitnessPair wp:
                o["kind"] = "witness-pair";
                o["inLanguage"] = W(wp.InLanguage, alphabet);
                o["notInLanguage"] = W(wp.NotInLanguage, alphabet);
                o["fragment"] = wp.Fragment;
                o["depth"] = wp.Depth;
                break;
            case LrConfiguration c:
                o["kind"] = "lr-configuration";
                o["p"] = c.P; o["q"] = c.Q; o["r"] = c.R; o["rPrime"] = c.RPrime;
                o["u"] = W(c.U, alphabet); o["x"] = W(c.X, alphabet); o["y"] = W(c.Y, alphabet);
                break;
            case SuffixSubstitutionViolation s:
                o["kind"] = "suffix-substitution";
                o["u1"] = W(s.U1, alphabet); o["x"] = W(s.X, alphabet); o["v1"] = W(s.V1, alphabet);
                o["u2"] = W(s.U2, alphabet); o["v2"] = W(s.V2, alphabet);
                break;
            case BudgetStop b:
                o["kind"] = "budget-stop";
                o["budget"] = b.Budget;
                o["limit"] = b.Limit;
                o["flag"] = b.Flag;
                break;
            case ClassMembership m:
                o["kind"] = "membership";
                o["criterion"] = m.Criterion;
                o["checked"] = m.Checked;
                break;
            default:
                o["kind"] = e.GetType().Name;
                break;
        }
        o["text"] = e.Describe(alphabet);
        return o;
    }
}
