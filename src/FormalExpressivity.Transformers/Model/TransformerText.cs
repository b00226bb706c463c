using Antlr4.Runtime;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Antlr;
using FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Transformers.Model;

/// <summary>
/// The text format of symbolic transformer models (<c>grammars/Transformer.g4</c>, documented in
/// <c>grammars/README.md</c>): parse with positioned diagnostics (never an exception on bad input),
/// print with <see cref="TransformerModel.ToText"/>; <c>Parse(model.ToText())</c> gives an equal model.
/// </summary>
public static class TransformerText
{
    /// <summary>Diagnostic code: syntax error.</summary>
    public const string SyntaxError = "TRF001";
    /// <summary>Diagnostic code: an ill-formed model (undefined or duplicate feature, bad window or threshold).</summary>
    public const string ModelError = "TRF002";
    /// <summary>Diagnostic code: a number out of range.</summary>
    public const string NumberError = "TRF003";
    /// <summary>Diagnostic code: a size limit was exceeded.</summary>
    public const string LimitError = "TRF004";

    /// <summary>The input length limit (characters).</summary>
    public const int MaxInputLength = 4_000_000;
    /// <summary>The limit on definitions (heads and gates).</summary>
    public const int MaxDefinitions = 100_000;
    /// <summary>The limit on a window size or threshold.</summary>
    public const int MaxWindow = 1_000_000;

    /// <summary>
    /// Syntax errors are all <see cref="SyntaxError"/>, worded by ANTLR after an unexpected character; as in
    /// every grammar, only the first parser error is kept, and none after a lexer error.
    /// </summary>
    private static readonly SyntaxErrorStyle SyntaxErrors = new() { CharacterCode = SyntaxError, TokenCode = SyntaxError, EndCode = SyntaxError };

    /// <summary>Parses a model.</summary>
    /// <param name="text">The model text.</param>
    public static ParseResult<TransformerModel> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxInputLength)
            return ParseResult<TransformerModel>.Fail(Diagnostic.Error(LimitError, text, 0, 0, $"the model text is longer than the limit of {MaxInputLength} characters"));
        var lexer = new TransformerLexer(new AntlrInputStream(text));
        var parser = new TransformerParser(new CommonTokenStream(lexer));
        var errors = new SyntaxErrorCollector(text, SyntaxErrors);
        errors.Attach(lexer, parser);
        var tree = parser.model();
        if (errors.Diagnostics.Count > 0) return ParseResult<TransformerModel>.Fail(errors.Diagnostics);
        return Build(text, tree);
    }

    private static ParseResult<TransformerModel> Build(string text, TransformerParser.ModelContext tree)
    {
        var errors = new List<Diagnostic>();
        Diagnostic At(IToken token, string code, string message) =>
            Diagnostic.Error(code, text, token.StartIndex, Math.Max(1, token.StopIndex - token.StartIndex + 1), message);
        Diagnostic AtRule(ParserRuleContext ctx, string code, string message) =>
            Diagnostic.Error(code, text, ctx.Start.StartIndex, Math.Max(1, ctx.Stop.StopIndex - ctx.Start.StartIndex + 1), message);

        var names = tree.alphabetDecl().IDENT().Select(t => t.Symbol).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in names)
            if (!seen.Add(t.Text)) errors.Add(At(t, ModelError, $"the symbol '{t.Text}' is declared twice"));
        if (names.Count > Alphabet.MaxSymbols) errors.Add(At(names[Alphabet.MaxSymbols], LimitError, $"more than {Alphabet.MaxSymbols} symbols"));
        if (errors.Count > 0) return ParseResult<TransformerModel>.Fail(errors);
        var alphabet = Alphabet.Create(names.Select(t => t.Text));

        var spans = new List<ParserRuleContext>();
        int? Number(IToken token)
        {
            if (int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) && v >= 1 && v <= MaxWindow) return v;
            errors.Add(At(token, NumberError, $"'{CodePoints.Clip(token.Text)}' is not a number between 1 and {MaxWindow}"));
            return null;
        }
        Gate MakeGate(TransformerParser.GateContext g)
        {
            var op = g.gateOp().GetText() switch { "not" => GateKind.Not, "and" => GateKind.And, _ => GateKind.Or };
            var ids = g.IDENT();
            return new Gate(ids[0].GetText(), op, ids.Skip(1).Select(i => i.GetText()).ToArray());
        }
        var prelude = new List<Gate>();
        if (tree.preludeBlock() is { } pre)
            foreach (var g in pre.gate()) { prelude.Add(MakeGate(g)); spans.Add(g); }
        var layers = new List<TransformerLayer>();
        foreach (var block in tree.layerBlock())
        {
            var heads = new List<AttentionHead>();
            foreach (var h in block.head())
            {
                var ids = h.IDENT();
                HeadKind kind;
                int window = 0;
                switch (h.headKind())
                {
                    case TransformerParser.LocalKindContext l:
                        kind = HeadKind.Local;
                        window = Number(l.INT().Symbol) ?? 1;
                        break;
                    case TransformerParser.UniqueHardKindContext u:
                        kind = HeadKind.UniqueHard;
                        window = u.INT() is { } k ? Number(k.Symbol) ?? 1 : 0;
                        break;
                    default:
                        kind = HeadKind.Global;
                        break;
                }
                var masking = h.masking().GetText() == "strict" ? Masking.Strict : Masking.NonStrict;
                int threshold = h.INT() is { } c ? Number(c.Symbol) ?? 1 : 1;
                heads.Add(new AttentionHead(ids[0].GetText(), kind, window, masking, ids[1].GetText(), ids[2].GetText(), threshold));
                spans.Add(h);
            }
            var gates = new List<Gate>();
            foreach (var g in block.gate()) { gates.Add(MakeGate(g)); spans.Add(g); }
            layers.Add(new TransformerLayer(heads, gates));
            if (spans.Count > MaxDefinitions)
                return ParseResult<TransformerModel>.Fail(AtRule(block, LimitError, $"more than {MaxDefinitions} heads and gates"));
        }
        if (errors.Count > 0) return ParseResult<TransformerModel>.Fail(errors);
        string output = tree.outputDecl().IDENT().GetText();
        var problems = TransformerModel.Check(alphabet, prelude, layers, output);
        if (problems.Count > 0)
        {
            foreach (var (element, message) in problems)
                errors.Add(element >= 0 ? AtRule(spans[element], ModelError, message)
                    : message.Contains("symbol name", StringComparison.Ordinal) ? AtRule(tree.alphabetDecl(), ModelError, message)
                    : AtRule(tree.outputDecl(), ModelError, message));
            return ParseResult<TransformerModel>.Fail(errors);
        }
        return ParseResult<TransformerModel>.Ok(TransformerModel.Create(alphabet, prelude, layers, output));
    }
}
