using Antlr4.Runtime;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
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

    /// <summary>
    /// Memory set aside per character of model text (text or JSON) while it is parsed — token objects, the parse
    /// tree or the deserialized objects —, checked against <c>--max-memory</c> before parsing starts.
    /// </summary>
    public const int BytesPerCharacter = 32;
    /// <summary>
    /// Memory set aside per definition (head or gate, prelude included): its features in the simulator's
    /// batches and in the model compiler, checked against <c>--max-memory</c> (512M admits about 131 000).
    /// </summary>
    public const int BytesPerDefinition = 4096;
    /// <summary>
    /// The largest window size or threshold a model may state: a hard limit of representation, not of the budget. A
    /// local head over k positions keeps 2k bits in every state of the model's DFA, and a state is one array, which
    /// holds at most <see cref="Array.MaxLength"/> (0x7FFFFFC7) elements; so k ≤ 0x7FFFFFC7 / 2. What the windows
    /// cost is bounded by <c>--max-memory</c> (<see cref="StateProblem"/>, <see cref="BytesPerStateBit"/> a bit of
    /// all heads together), so raising that flag raises the widest window a run admits up to this limit.
    /// </summary>
    public const int MaxWindow = 0x7FFFFFC7 / 2;

    /// <summary>
    /// Memory per bit of one DFA state that loading a model sets aside: the model automaton keeps each state as a
    /// vector and a key (3 bytes a bit, <c>ModelAutomaton</c>), and the simulator's rings hold the same positions.
    /// A model whose one state does not fit <c>--max-memory</c> is refused at load with the value to try.
    /// </summary>
    public const int BytesPerStateBit = 3;

    /// <summary>Why a window above <see cref="MaxWindow"/> is refused (the text of its messages).</summary>
    internal const string WindowReason = "a window of k positions keeps 2k bits in every state of the model's DFA, one array of at most 2147483591 elements; --max-memory bounds what smaller windows cost";

    /// <summary>
    /// Why the windows of a model whose DFA states have <paramref name="stateBits"/> bits cannot be run, or null: the bits
    /// do not fit one array (a hard limit), or one state (<see cref="BytesPerStateBit"/> a bit) does not fit the memory
    /// budget (<c>--max-memory</c>, with the value to try).
    /// </summary>
    /// <param name="stateBits">The bits of one state: <see cref="TransformerModel.StateBitsOf"/> summed over the heads.</param>
    public static string? StateProblem(long stateBits)
    {
        if (stateBits > Array.MaxLength)
            return $"the model's heads keep {stateBits} bits in every state of its DFA (2 bits a position of each window), more than the {Array.MaxLength} one state can hold; make the windows smaller";
        return MemoryProblem(stateBits, BytesPerStateBit, $"one state of the model's DFA ({stateBits} bits: 2 a position of each window)");
    }

    /// <summary>
    /// Why a model of <paramref name="characters"/> characters may not be parsed in this run, or null: it is longer
    /// than the input limit in force (<c>--max-input-bytes</c>, <see cref="InputFile.Current"/>) or parsing it would
    /// exceed the memory budget (<c>--max-memory</c>, <see cref="BytesPerCharacter"/> per character).
    /// </summary>
    /// <param name="characters">The length of the model text.</param>
    public static string? SizeProblem(long characters)
    {
        long limit = InputFile.Current.MaxBytes;
        if (characters > limit)
            return $"the model has {characters} characters, more than {InputFile.Flag} {ByteSize.Format(limit)} allows; try {InputFile.Flag} {ByteSize.FormatRoundedUp(characters)}";
        return MemoryProblem(characters, BytesPerCharacter, "parsing the model");
    }

    /// <summary>Why a model of <paramref name="definitions"/> heads and gates does not fit the memory budget (<c>--max-memory</c>, <see cref="BytesPerDefinition"/> each), or null.</summary>
    /// <param name="definitions">Heads and gates, prelude included.</param>
    public static string? DefinitionsProblem(long definitions) =>
        MemoryProblem(definitions, BytesPerDefinition, $"the model's {definitions} heads and gates");

    private static string? MemoryProblem(long count, long itemBytes, string what)
    {
        try
        {
            MemoryBudget.Current.Require(count, itemBytes, what);
            return null;
        }
        catch (BudgetExceededException e)
        {
            return e.Message;
        }
    }

    /// <summary>The message of a window or threshold out of range, naming the flag that bounds what large windows cost.</summary>
    internal static string WindowMessage(string number) =>
        $"'{CodePoints.Clip(number)}' is not a number between 1 and {MaxWindow} ({WindowReason})";

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
        if (SizeProblem(text.Length) is { } tooLarge)
            return ParseResult<TransformerModel>.Fail(Diagnostic.Error(LimitError, text, 0, 0, tooLarge));
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
            errors.Add(At(token, NumberError, WindowMessage(token.Text)));
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
        int nextCheck = 4096;
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
            if (spans.Count >= nextCheck)
            {
                // Stop at the block where the definitions so far (prelude included) outgrow the memory budget.
                nextCheck = spans.Count + 4096;
                if (DefinitionsProblem(spans.Count) is { } tooMany) return ParseResult<TransformerModel>.Fail(AtRule(block, LimitError, tooMany));
            }
        }
        if (errors.Count > 0) return ParseResult<TransformerModel>.Fail(errors);
        if (spans.Count > 0 && DefinitionsProblem(spans.Count) is { } tooManyInAll)
            return ParseResult<TransformerModel>.Fail(AtRule(spans[^1], LimitError, tooManyInAll));
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
