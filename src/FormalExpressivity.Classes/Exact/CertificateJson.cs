using System.Text.Json.Nodes;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>
/// JSON for the all-depth certificates: <c>{kind: "lasso", fragment, prefix, loop, inTail, outTail, minRepetition, period}</c>,
/// <c>{kind: "stutter", prefix, letter, suffix}</c>, <c>{kind: "pumping", prefix, loop, omega, suffix}</c>; words are arrays of symbol names.
/// </summary>
public static class CertificateJson
{
    /// <summary>The certificate as JSON, with a <c>description</c> for people.</summary>
    /// <param name="certificate">A lasso, stutter or pumping certificate (others: kind and description only).</param>
    /// <param name="sigma">Σ.</param>
    public static JsonObject ToJson(ClassEvidence certificate, Alphabet sigma)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(sigma);
        var o = certificate switch
        {
            LassoCertificate c => new JsonObject
            {
                ["kind"] = "lasso",
                ["fragment"] = c.Fragment.Name,
                ["prefix"] = Word(c.Prefix, sigma),
                ["loop"] = Word(c.Loop, sigma),
                ["inTail"] = Word(c.InTail, sigma),
                ["outTail"] = Word(c.OutTail, sigma),
                ["minRepetition"] = c.MinRepetition,
                ["period"] = c.Period,
            },
            StutterCertificate s => new JsonObject
            {
                ["kind"] = "stutter",
                ["prefix"] = Word(s.Prefix, sigma),
                ["letter"] = sigma[s.Letter],
                ["suffix"] = Word(s.Suffix, sigma),
            },
            PumpingCertificate p => new JsonObject
            {
                ["kind"] = "pumping",
                ["prefix"] = Word(p.Prefix, sigma),
                ["loop"] = Word(p.Loop, sigma),
                ["omega"] = p.Omega,
                ["suffix"] = Word(p.Suffix, sigma),
            },
            _ => new JsonObject { ["kind"] = "other" },
        };
        o["description"] = certificate.Describe(sigma);
        return o;
    }

    /// <summary>The evidence kind of a certificate for tables: <c>lasso</c>, <c>stutter</c>, <c>pumping</c>.</summary>
    /// <param name="certificate">The certificate.</param>
    public static string Kind(ClassEvidence certificate) => certificate switch
    {
        LassoCertificate => "lasso",
        StutterCertificate => "stutter",
        PumpingCertificate => "pumping",
        _ => "other",
    };

    private static JsonArray Word(Word w, Alphabet sigma) => new(w.ToNames(sigma).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
}
