using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Files;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Automata.Languages;

/// <summary>
/// The one language dispatcher of every front end (<c>fex</c>'s LANG arguments, the playground's input box):
/// <list type="bullet">
/// <item><c>re:REGEX</c>, <c>ltl:FORMULA</c>, <c>fo:SENTENCE</c> — compiled by <see cref="RegexCompiler"/>,
/// <see cref="LtlCompiler"/> (read at the end marker) and <see cref="FoCompiler"/>;</item>
/// <item><c>.lang</c> files (an alphabet and one <c>re</c>/<c>ltl</c>/<c>fo</c> definition), <c>.json</c> automata
/// (an <c>"nfa"</c> is determinized within <c>max-states</c>) and <c>.att</c> automata (read as a DFA).</item>
/// </list>
/// The alphabet rule (docs/formats.md): a declared alphabet (<c>--alphabet</c>) fixes the symbol order and
/// may add symbols (they lead to a rejecting sink); without one, a formula or regex is over the symbols it
/// mentions sorted by name (ordinal), a file over the alphabet it declares. Bad input never throws: the
/// result carries the diagnostics rendered with name, position and caret (codes of grammars/README.md).
/// An exceeded budget throws <see cref="BudgetExceededException"/>; an unreadable or oversized file throws
/// <see cref="InputException"/> from <see cref="InputFile"/>.
/// </summary>
public static class LanguageDispatcher
{
    /// <summary>The language prefixes, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["re:", "ltl:", "fo:"];

    /// <summary>
    /// Loads a command-line language argument: <c>PREFIX:TEXT</c> (unless a file of that name exists) or a
    /// <c>.json</c>, <c>.att</c> or <c>.lang</c> file.
    /// </summary>
    /// <param name="spec">The argument.</param>
    /// <param name="alphabet">The declared alphabet, or null for the inference rule.</param>
    /// <param name="budgets">The construction budgets (<c>max-states</c>, <c>max-variables</c>); null for the defaults.</param>
    /// <param name="at">Where an <c>ltl:</c> formula is read (<c>--at</c>): the end position N+1 (default) or position 0. Read at 0
    /// it is not returned as the declaring formula (it is no past formula read at the end), and a formula that cannot depend on
    /// the word at that point gets a warning (<see cref="EvaluationPointWarning"/>).</param>
    public static LanguageLoad Load(string spec, Alphabet? alphabet, Budgets? budgets = null, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        ArgumentNullException.ThrowIfNull(spec);
        budgets ??= Budgets.Default;
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !File.Exists(spec))
        {
            string prefix = spec[..(colon + 1)];
            var format = FormatOfPrefix(prefix);
            if (format == LanguageFormat.Unknown) return UnknownPrefix(prefix);
            return Extend(Compile(format, spec[(colon + 1)..], alphabet, budgets, 0, at), alphabet, spec);
        }
        var fileFormat = Path.GetExtension(spec).ToLowerInvariant() switch
        {
            ".json" => LanguageFormat.Json,
            ".att" => LanguageFormat.Att,
            ".lang" => LanguageFormat.LangFile,
            _ => LanguageFormat.Unknown,
        };
        if (fileFormat == LanguageFormat.Unknown)
            return LanguageLoad.Fail($"fex: error: cannot tell the format of '{spec}': use a .json, .att or .lang file, or a prefix such as re:\n");
        if (!File.Exists(spec)) return LanguageLoad.Fail($"fex: error: cannot read '{spec}': no such file\n");
        if (fileFormat is LanguageFormat.Att or LanguageFormat.Json)
        {
            // Parsed from the UTF-8 bytes; the text is decoded only to render diagnostics.
            using var utf8 = InputFile.ReadAllUtf8(spec);
            return Extend(fileFormat == LanguageFormat.Att
                ? ReadAtt(utf8.Bytes, utf8.Decode, alphabet, spec)
                : ReadJson(utf8.Bytes, utf8.Decode, budgets, spec), alphabet, spec);
        }
        return Extend(Read(fileFormat, InputFile.ReadAllText(spec), alphabet, budgets, spec), alphabet, spec);
    }

    /// <summary>
    /// The notation of a language given as text (an input box): a prefix, else a JSON object (<c>{</c>), an
    /// AT&amp;T table (a digit) or a <c>.lang</c> text (empty, a <c>#</c> comment or <c>alphabet</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    public static LanguageFormat FormatOfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.TrimStart();
        foreach (var prefix in Prefixes)
            if (t.StartsWith(prefix, StringComparison.Ordinal)) return FormatOfPrefix(prefix);
        if (t.StartsWith('{')) return LanguageFormat.Json;
        if (t.Length > 0 && char.IsAsciiDigit(t[0])) return LanguageFormat.Att;
        return t.Length == 0 || t.StartsWith('#') || t.StartsWith("alphabet", StringComparison.Ordinal) ? LanguageFormat.LangFile : LanguageFormat.Unknown;
    }

    /// <summary>
    /// Loads a language given as text (<see cref="FormatOfText"/> tells its notation); the error spans are
    /// offsets into <paramref name="text"/>. A file notation's text is read as that file's content.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="alphabet">The declared alphabet, or null.</param>
    /// <param name="fileName">The name diagnostics of a file notation are rendered with (<c>language.lang</c>, …).</param>
    /// <param name="budgets">The construction budgets; null for the defaults.</param>
    public static LanguageLoad LoadText(string text, Alphabet? alphabet, string fileName, Budgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        budgets ??= Budgets.Default;
        var format = FormatOfText(text);
        string trimmed = text.TrimStart();
        switch (format)
        {
            case LanguageFormat.Regex or LanguageFormat.Ltl or LanguageFormat.Fo:
            {
                int prefix = trimmed.IndexOf(':', StringComparison.Ordinal) + 1;
                return Extend(Compile(format, trimmed[prefix..], alphabet, budgets, text.Length - trimmed.Length + prefix), alphabet, text.Trim());
            }
            case LanguageFormat.Unknown:
                int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                return colon > 0
                    ? UnknownPrefix(trimmed[..(colon + 1)])
                    : LanguageLoad.Fail("fex: error: cannot tell the format of the language: use a prefix such as re:, ltl: or fo:, or a .lang file's text (alphabet {…} and a definition)\n");
            default:
                return Extend(Read(format, text, alphabet, budgets, fileName), alphabet, fileName);
        }
    }

    /// <summary>
    /// The error for <paramref name="diagnostics"/>: rendered with name, position and caret; a diagnostic
    /// with code <c>…006</c> (no alphabet can be inferred) adds how to give one.
    /// </summary>
    /// <param name="diagnostics">The diagnostics (warnings are rendered too).</param>
    /// <param name="source">The text they refer to.</param>
    /// <param name="name">The name shown before the position (a file, or <c>re</c>, <c>ltl</c>, <c>fo</c>).</param>
    /// <param name="shift">Added to every span offset (where <paramref name="source"/> starts in the input box).</param>
    public static LanguageLoad Fail(IReadOnlyList<Diagnostic> diagnostics, string source, string name, int shift = 0)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = DiagnosticFormatter.RenderAll(diagnostics, source, name);
        if (diagnostics.Any(d => d.Code.EndsWith("006", StringComparison.Ordinal)))
            text += "fex: note: give the alphabet with --alphabet, e.g. --alphabet a,b\n";
        return LanguageLoad.Fail(text, diagnostics.Select(d => (d.Span.Offset + shift, Math.Max(1, d.Span.Length))).ToList());
    }

    private static LanguageFormat FormatOfPrefix(string prefix) => prefix switch
    {
        "re:" => LanguageFormat.Regex,
        "ltl:" => LanguageFormat.Ltl,
        "fo:" => LanguageFormat.Fo,
        _ => LanguageFormat.Unknown,
    };

    private static LanguageLoad UnknownPrefix(string prefix) =>
        LanguageLoad.Fail($"fex: error: unknown language prefix '{prefix}'; known: {string.Join(", ", Prefixes)}\n");

    /// <summary>
    /// Compiles the text of a <c>re:</c>, <c>ltl:</c> or <c>fo:</c> language (what follows the prefix) with the
    /// grammar's own positioned diagnostics (offsets into <paramref name="text"/>), unrendered: the core that
    /// <see cref="Load"/> and <see cref="LoadText"/> render, and whose diagnostics a claims file's <c>re"…"</c>,
    /// <c>ltl"…"</c> and <c>fo"…"</c> declarations place in the claims file. For <c>ltl:</c> the parsed formula
    /// comes back too, whatever the evaluation point (a caller declares it to the decider chain only when it is
    /// read at the end). On success the diagnostics are the grammar's warnings (e.g. LTL010).
    /// </summary>
    /// <param name="format"><see cref="LanguageFormat.Regex"/>, <see cref="LanguageFormat.Ltl"/> or <see cref="LanguageFormat.Fo"/>.</param>
    /// <param name="text">The expression, formula or sentence.</param>
    /// <param name="alphabet">The declared alphabet, or null for the inference rule.</param>
    /// <param name="budgets">The construction budgets; null for the defaults.</param>
    /// <param name="at">Where an <c>ltl:</c> formula is read.</param>
    public static ParseResult<(Dfa Dfa, LtlFormula? Formula)> CompileText(LanguageFormat format, string text, Alphabet? alphabet,
        Budgets? budgets = null, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        ArgumentNullException.ThrowIfNull(text);
        budgets ??= Budgets.Default;
        switch (format)
        {
            case LanguageFormat.Regex:
                return RegexCompiler.Compile(text, alphabet, RegexCompilerOptions.From(budgets)).Select(d => (d, (LtlFormula?)null));
            case LanguageFormat.Ltl:
            {
                var ltl = LtlCompiler.Compile(text, alphabet, LtlCompilerOptions.From(budgets) with { EvaluateAt = at });
                if (!ltl.Success) return ParseResult<(Dfa, LtlFormula?)>.Fail(ltl.Diagnostics);
                // The formula over the DFA's alphabet (declared or inferred).
                var formula = LtlParser.Parse(text, ltl.Value.Alphabet);
                return ParseResult<(Dfa, LtlFormula?)>.Ok((ltl.Value, formula.Success ? formula.Value : null), ltl.Diagnostics);
            }
            case LanguageFormat.Fo:
                return FoCompiler.Compile(text, alphabet, FoCompilerOptions.From(budgets)).Select(d => (d, (LtlFormula?)null));
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a formula notation (re:, ltl:, fo:)");
        }
    }

    /// <summary>Compiles the text after a prefix (<see cref="CompileText"/>); diagnostics are rendered named <c>re</c>, <c>ltl</c> or <c>fo</c>.</summary>
    private static LanguageLoad Compile(LanguageFormat format, string text, Alphabet? alphabet, Budgets budgets, int shift, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        var compiled = CompileText(format, text, alphabet, budgets, at);
        if (!compiled.Success) return Fail(compiled.Diagnostics, text, format switch { LanguageFormat.Regex => "re", LanguageFormat.Ltl => "ltl", _ => "fo" }, shift);
        var (dfa, formula) = compiled.Value;
        if (formula is null) return LanguageLoad.Ok(dfa);
        // The declared formula is a constructive proof for the decider chain — when read at the end.
        string warning = EvaluationPointWarning.For(formula, "ltl:" + text, at) ?? "";
        return LanguageLoad.Ok(dfa, at == LtlEvaluationPoint.EndMarker ? formula : null, warning);
    }

    /// <summary>Reads a file's content in <paramref name="format"/>; diagnostics are named <paramref name="name"/>.</summary>
    private static LanguageLoad Read(LanguageFormat format, string text, Alphabet? alphabet, Budgets budgets, string name)
    {
        switch (format)
        {
            case LanguageFormat.Att:
                return ReadAtt(System.Text.Encoding.UTF8.GetBytes(text), () => text, alphabet, name);
            case LanguageFormat.Json:
                return ReadJson(System.Text.Encoding.UTF8.GetBytes(text), () => text, budgets, name);
            default:
                return LangFile(text, budgets, name);
        }
    }

    private static LanguageLoad ReadAtt(ReadOnlyMemory<byte> utf8, Func<string> text, Alphabet? alphabet, string name)
    {
        var att = AttFormat.ReadDfa(utf8, alphabet);
        if (!att.Success) return Fail(att.Diagnostics, text(), name);
        return LanguageLoad.Ok(att.Value, warnings: att.Diagnostics.Count == 0 ? "" : DiagnosticFormatter.RenderAll(att.Diagnostics, text(), name));
    }

    private static LanguageLoad ReadJson(ReadOnlyMemory<byte> utf8, Func<string> text, Budgets budgets, string name)
    {
        var json = DfaJson.ReadDfa(utf8, determinizeNfa: true, maxStates: budgets.MaxStates);
        if (!json.Success) return Fail(json.Diagnostics, text(), name);
        // Warnings (unknown keys, repeated entries) are shown on success too, not only when the file fails.
        return LanguageLoad.Ok(json.Value, warnings: json.Diagnostics.Count == 0 ? "" : DiagnosticFormatter.RenderAll(json.Diagnostics, text(), name));
    }

    private static LanguageLoad LangFile(string text, Budgets budgets, string name)
    {
        var parsed = LanguageFileParser.Parse(text);
        if (!parsed.Success) return Fail(parsed.Diagnostics, text, name);
        var file = parsed.Value;
        switch (file.Notation)
        {
            case LanguageNotation.Ltl:
            {
                var ltl = file.ParseLtl();
                return ltl.Success ? LanguageLoad.Ok(LtlCompiler.ToDfa(ltl.Value, file.Alphabet, LtlCompilerOptions.From(budgets)), ltl.Value) : Fail(ltl.Diagnostics, text, name);
            }
            case LanguageNotation.Fo:
            {
                var fo = file.ParseFo();
                if (!fo.Success) return Fail(fo.Diagnostics, text, name);
                var dfa = FoCompiler.Compile(fo.Value, file.Alphabet, FoCompilerOptions.From(budgets));
                return dfa.Success ? LanguageLoad.Ok(dfa.Value) : Fail(dfa.Diagnostics.Select(file.Relocate).ToList(), text, name);
            }
            default:
            {
                var re = RegexCompiler.Compile(file.Definition, file.Alphabet, RegexCompilerOptions.From(budgets));
                return re.Success ? LanguageLoad.Ok(re.Value) : Fail(re.Diagnostics.Select(file.Relocate).ToList(), text, name);
            }
        }
    }

    /// <summary>Extends a loaded DFA to the declared alphabet (symbols matched by name), or reports a symbol the alphabet lacks.</summary>
    private static LanguageLoad Extend(LanguageLoad load, Alphabet? alphabet, string spec)
    {
        if (load.Dfa is not { } dfa || alphabet is null || dfa.Alphabet.Equals(alphabet)) return load;
        var missing = dfa.Alphabet.Symbols.Where(s => !alphabet.TryGetIndex(s, out _)).ToArray();
        if (missing.Length > 0)
            return LanguageLoad.Fail($"fex: error: {spec} uses the symbol{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}, which --alphabet {alphabet} lacks\n");
        // The formula's atoms are all in the alphabet, so it denotes the same language over the larger one.
        return load with { Dfa = dfa.WithAlphabet(alphabet) };
    }
}
