using System.Text.Json;
using System.Text.Json.Serialization;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Transformers.Model;

/// <summary>
/// The JSON form of a symbolic model (<c>docs/formats.md</c>, "Transformer models"):
/// <c>{"format":"fex-transformer/1","alphabet":[…],"prelude":[gate…],"layers":[{"heads":[…],"gates":[…]}],"output":"…"}</c>
/// with heads <c>{"output","kind":"global|local|uha","window","masking":"strict|nonstrict","select","value","threshold"}</c>
/// and gates <c>{"output","op":"not|and|or","inputs":[…]}</c>.
/// </summary>
public static partial class TransformerJson
{
    /// <summary>The format tag.</summary>
    public const string FormatTag = "fex-transformer/1";

    /// <summary>Diagnostic code: malformed JSON or a wrong shape.</summary>
    public const string JsonError = "TRJ001";

    // Source-generated (de)serialization: no reflection, so the Native AOT build of fex keeps it.
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never, MaxDepth = 16)]
    [JsonSerializable(typeof(ModelDto))]
    private sealed partial class ModelJsonContext : JsonSerializerContext;

    private sealed record GateDto(string Output, string Op, string[] Inputs);
    private sealed record HeadDto(string Output, string Kind, int Window, string Masking, string Select, string Value, int Threshold);
    private sealed record LayerDto(HeadDto[] Heads, GateDto[] Gates);
    private sealed record ModelDto(string Format, string[] Alphabet, GateDto[] Prelude, LayerDto[] Layers, string Output);

    /// <summary>The model as indented JSON.</summary>
    /// <param name="model">The model.</param>
    public static string Serialize(TransformerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        static GateDto G(Gate g) => new(g.Output, g.Kind.ToString().ToLowerInvariant(), g.Inputs.ToArray());
        var dto = new ModelDto(FormatTag, model.Alphabet.Symbols.ToArray(), model.Prelude.Select(G).ToArray(),
            model.Layers.Select(l => new LayerDto(
                l.Heads.Select(h => new HeadDto(h.Output, h.Kind switch { HeadKind.Global => "global", HeadKind.Local => "local", _ => "uha" },
                    h.Window, h.Masking == Masking.Strict ? "strict" : "nonstrict", h.Selector, h.Value, h.Threshold)).ToArray(),
                l.Gates.Select(G).ToArray())).ToArray(),
            model.Output);
        return FormalExpressivity.Core.Text.JsonOutput.Write(w => JsonSerializer.Serialize(w, dto, ModelJsonContext.Default.ModelDto));
    }

    /// <summary>Parses the JSON form; bad input gives diagnostics (JSON errors with line and column).</summary>
    /// <param name="json">The JSON text.</param>
    public static ParseResult<TransformerModel> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (TransformerText.SizeProblem(json.Length) is { } tooLarge) return Fail(SourceSpan.None, tooLarge);
        ModelDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDto);
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1, column = (int)(e.BytePositionInLine ?? 0) + 1;
            return Fail(new SourceSpan(0, 0, line, column), "malformed JSON model: " + e.Message.Split(" Path:")[0]);
        }
        // Positions are found only when there is something to report (a second, linear pass over the text).
        JsonModelPositions? positions = null;
        SourceSpan At(Func<JsonModelPositions, long> where)
        {
            positions ??= JsonModelPositions.Locate(json);
            return positions.Span(where(positions));
        }
        if (dto is null || dto.Alphabet is null || dto.Layers is null || dto.Output is null)
            return Fail(At(p => p.Root), "a JSON model needs 'alphabet', 'layers' and 'output'");
        if (dto.Format != FormatTag) return Fail(At(p => p.Format), $"unknown format '{dto.Format}', expected '{FormatTag}'");
        if (dto.Alphabet.Length == 0 || dto.Alphabet.Length > Alphabet.MaxSymbols || dto.Alphabet.Distinct().Count() != dto.Alphabet.Length || !dto.Alphabet.All(Alphabet.IsValidName))
            return Fail(At(p => p.Alphabet), $"the alphabet must be 1…{Alphabet.MaxSymbols} distinct symbol names");
        // Definitions in reading order (prelude gates, then per layer its heads and its gates), as TransformerModel.Check numbers them.
        var problems = new List<(int Element, string Message)>();
        int element = 0;
        Gate? G(GateDto? g)
        {
            int at = element++;
            if (g?.Output is null || g.Inputs is null || g.Inputs.Any(i => i is null)) { problems.Add((at, "a gate needs 'output', 'op' and 'inputs'")); return null; }
            GateKind? op = g.Op switch { "not" => GateKind.Not, "and" => GateKind.And, "or" => GateKind.Or, _ => null };
            if (op is null) { problems.Add((at, $"unknown gate op '{g.Op}'")); return null; }
            return new Gate(g.Output, op.Value, g.Inputs);
        }
        AttentionHead? H(HeadDto? h)
        {
            int at = element++;
            if (h?.Output is null || h.Select is null || h.Value is null) { problems.Add((at, "a head needs 'output', 'select' and 'value'")); return null; }
            HeadKind? kind = h.Kind switch { "global" => HeadKind.Global, "local" => HeadKind.Local, "uha" => HeadKind.UniqueHard, _ => null };
            Masking? masking = h.Masking switch { "strict" => Masking.Strict, "nonstrict" => Masking.NonStrict, _ => null };
            if (kind is null || masking is null) { problems.Add((at, $"head '{h.Output}': unknown kind '{h.Kind}' or masking '{h.Masking}'")); return null; }
            return new AttentionHead(h.Output, kind.Value, h.Window, masking.Value, h.Select, h.Value, h.Threshold);
        }
        var prelude = (dto.Prelude ?? []).Select(G).ToList();
        var layers = new List<(List<AttentionHead?> Heads, List<Gate?> Gates)>();
        foreach (var l in dto.Layers)
        {
            var heads = (l?.Heads ?? []).Select(H).ToList();
            layers.Add((heads, (l?.Gates ?? []).Select(G).ToList()));
        }
        SourceSpan Element(int index, string message) => At(p =>
            index >= 0 && index < p.Definitions.Count ? p.Definitions[index]
            : message.Contains("symbol name", StringComparison.Ordinal) ? p.Alphabet : p.Output);
        if (problems.Count > 0) return Fail(Element(problems[0].Element, problems[0].Message), problems[0].Message);
        var alphabet = Alphabet.Create(dto.Alphabet);
        var built = layers.Select(l => new TransformerLayer(l.Heads.Select(h => h!).ToArray(), l.Gates.Select(g => g!).ToArray())).ToList();
        var gates = prelude.Select(g => g!).ToList();
        var check = TransformerModel.Check(alphabet, gates, built, dto.Output);
        if (check.Count > 0)
            return ParseResult<TransformerModel>.Fail(check.Select(p => new Diagnostic(JsonError, Element(p.Element, p.Message), p.Message)).ToList());
        return ParseResult<TransformerModel>.Ok(TransformerModel.Create(alphabet, gates, built, dto.Output));
    }

    private static ParseResult<TransformerModel> Fail(SourceSpan span, string message) =>
        ParseResult<TransformerModel>.Fail(new Diagnostic(JsonError, span, message));
}
