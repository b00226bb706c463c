using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Files;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Playground.Compute;

/// <summary>
/// A language as the page's input box holds it: <c>re:REGEX</c>, <c>ltl:FORMULA</c>, <c>fo:SENTENCE</c>,
/// the text of a <c>.lang</c> file (it starts with <c>alphabet</c>), of a JSON automaton (it starts
/// with <c>{</c>) or of an AT&amp;T automaton (it starts with a digit), plus the alphabet field (<c>--alphabet</c>'s syntax; empty = the CLI's default).
/// </summary>
/// <param name="Text">The language text.</param>
/// <param name="Alphabet">The alphabet field, e.g. <c>a,b,c</c>; empty for the CLI's inference.</param>
public sealed record LanguageInput(string Text, string Alphabet)
{
    /// <summary>The CLI argument for <see cref="Text"/>: the text itself for prefixed languages, a file name otherwise.</summary>
    public string CliArgument => Kind switch
    {
        LanguageKind.LangFile => "language.lang",
        LanguageKind.Json => "automaton.json",
        LanguageKind.Att => "automaton.att",
        _ => Text.Trim(),
    };

    /// <summary>Which front end reads <see cref="Text"/>.</summary>
    public LanguageKind Kind
    {
        get
        {
            var t = Text.TrimStart();
            if (t.StartsWith("re:", StringComparison.Ordinal)) return LanguageKind.Regex;
            if (t.StartsWith("ltl:", StringComparison.Ordinal)) return LanguageKind.Ltl;
            if (t.StartsWith("fo:", StringComparison.Ordinal)) return LanguageKind.Fo;
            if (t.StartsWith('{')) return LanguageKind.Json;
            if (t.Length > 0 && char.IsAsciiDigit(t[0])) return LanguageKind.Att;
            return t.Length == 0 || t.StartsWith('#') || t.StartsWith("alphabet", StringComparison.Ordinal) ? LanguageKind.LangFile : LanguageKind.Unknown;
        }
    }
}

/// <summary>The front ends the page accepts.</summary>
public enum LanguageKind
{
    /// <summary>No known prefix.</summary>
    Unknown,
    /// <summary><c>re:</c> — extended regular expression.</summary>
    Regex,
    /// <summary><c>ltl:</c> — temporal logic read at the end marker.</summary>
    Ltl,
    /// <summary><c>fo:</c> — FO[&lt;] sentence.</summary>
    Fo,
    /// <summary>A <c>.lang</c> file's text.</summary>
    LangFile,
    /// <summary>A JSON automaton (docs/formats.md).</summary>
    Json,
    /// <summary>An AT&amp;T FSM text automaton (docs/formats.md).</summary>
    Att,
}

/// <summary>A loaded language, or the error exactly as <c>fex</c> prints it on standard error.</summary>
/// <param name="Dfa">The DFA, or null on error.</param>
/// <param name="Error">The CLI's error text (diagnostics rendered with carets), or null.</param>
/// <param name="Spans">The diagnostics' spans in the language text (offset, length), for marking the input.</param>
public sealed record LoadResult(Dfa? Dfa, string? Error, IReadOnlyList<(int Offset, int Length)> Spans);

/// <summary>
/// The page's language dispatcher: the seam to the libraries' front ends. It calls the same parsers and
/// compilers as <c>fex</c>'s language loader and renders errors with the same
/// <see cref="DiagnosticFormatter"/> call and names (<c>re</c>, <c>ltl</c>, <c>fo</c>, the file name), so
/// the page's messages are the CLI's. It is to be replaced by the libraries' one dispatcher (issue 9).
/// </summary>
public static class LanguageSource
{
    /// <summary>Parses and compiles <paramref name="input"/>; budgets of the compilers surface as <see cref="BudgetExceededException"/>.</summary>
    /// <param name="input">The page's input.</param>
    public static LoadResult Load(LanguageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Alphabet? declared = null;
        if (!string.IsNullOrWhiteSpace(input.Alphabet) && !Core.Alphabets.Alphabet.TryParse(input.Alphabet, out declared, out var alphabetError))
            return Fail($"fex: error: --alphabet: {alphabetError}\n");
        string text = input.Text.TrimStart();
        int shift = input.Text.Length - text.Length;
        switch (input.Kind)
        {
            case LanguageKind.Regex:
                return Regex(text["re:".Length..], declared, shift + 3);
            case LanguageKind.Ltl:
            {
                string body = text["ltl:".Length..];
                var parsed = LtlParser.Parse(body, declared);
                if (!parsed.Success) return Fail(parsed.Diagnostics, body, "ltl", shift + 4);
                var atoms = parsed.Value.Atoms();
                if (declared is null && atoms.Count == 0) return Fail("fex: error: the ltl formula mentions no symbol; give the alphabet with --alphabet\n");
                return Extend(LtlCompiler.ToDfa(parsed.Value, declared ?? Sorted(atoms)), declared, input.CliArgument);
            }
            case LanguageKind.Fo:
            {
                string body = text["fo:".Length..];
                var parsed = FoParser.Parse(body, declared);
                if (!parsed.Success) return Fail(parsed.Diagnostics, body, "fo", shift + 3);
                var labels = parsed.Value.Labels();
                if (declared is null && labels.Count == 0) return Fail("fex: error: the fo formula mentions no symbol; give the alphabet with --alphabet\n");
                return Extend(FoCompiler.ToDfa(parsed.Value, declared ?? Sorted(labels)), declared, input.CliArgument);
            }
            case LanguageKind.LangFile:
                return LangFile(input.Text, declared, input.CliArgument);
            case LanguageKind.Json:
            {
                var json = DfaJson.ReadDfa(input.Text, determinizeNfa: true);
                return json.Success ? Extend(json.Value, declared, input.CliArgument) : Fail(json.Diagnostics, input.Text, input.CliArgument, 0);
            }
            case LanguageKind.Att:
            {
                var att = AttFormat.ReadDfa(input.Text, declared);
                return att.Success ? new LoadResult(att.Value, null, []) : Fail(att.Diagnostics, input.Text, input.CliArgument, 0);
            }
            default:
                int colon = text.IndexOf(':', StringComparison.Ordinal);
                return colon > 0
                    ? Fail($"fex: error: unknown language prefix '{text[..(colon + 1)]}'; known: re:, ltl:, fo:\n")
                    : Fail("fex: error: cannot tell the format of the language: use a prefix such as re:, ltl: or fo:, or a .lang file's text (alphabet {…} and a definition)\n");
        }
    }

    private static LoadResult Regex(string body, Alphabet? declared, int shift)
    {
        var result = RegexCompiler.Compile(body, declared);
        return result.Success ? Extend(result.Value, declared, "re:" + body) : Fail(result.Diagnostics, body, "re", shift);
    }

    private static LoadResult LangFile(string text, Alphabet? declared, string name)
    {
        var parsed = LanguageFileParser.Parse(text);
        if (!parsed.Success) return Fail(parsed.Diagnostics, text, name, 0);
        var file = parsed.Value;
        switch (file.Notation)
        {
            case LanguageNotation.Ltl:
                var ltl = file.ParseLtl();
                return ltl.Success ? Extend(LtlCompiler.ToDfa(ltl.Value, file.Alphabet), declared, name) : Fail(ltl.Diagnostics, text, name, 0);
            case LanguageNotation.Fo:
                var fo = file.ParseFo();
                return fo.Success ? Extend(FoCompiler.ToDfa(fo.Value, file.Alphabet), declared, name) : Fail(fo.Diagnostics, text, name, 0);
            default:
                var re = RegexCompiler.Compile(file.Definition, file.Alphabet);
                if (re.Success) return Extend(re.Value, declared, name);
                return Fail(re.Diagnostics.Select(file.Relocate).ToList(), text, name, 0);
        }
    }

    private static Alphabet Sorted(IReadOnlyList<string> symbols) => Core.Alphabets.Alphabet.Create(symbols.Order(StringComparer.Ordinal));

    private static LoadResult Extend(Dfa dfa, Alphabet? alphabet, string spec)
    {
        if (alphabet is null || dfa.Alphabet.Equals(alphabet)) return new LoadResult(dfa, null, []);
        var missing = dfa.Alphabet.Symbols.Where(s => !alphabet.TryGetIndex(s, out _)).ToArray();
        if (missing.Length > 0)
            return Fail($"fex: error: {spec} uses the symbol{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}, which --alphabet {alphabet} lacks\n");
        return new LoadResult(dfa.WithAlphabet(alphabet), null, []);
    }

    private static LoadResult Fail(string message) => new(null, message, []);

    private static LoadResult Fail(IReadOnlyList<Diagnostic> diagnostics, string source, string name, int shift) =>
        new(null, DiagnosticFormatter.RenderAll(diagnostics, source, name),
            diagnostics.Select(d => (d.Span.Offset + shift, Math.Max(1, d.Span.Length))).ToList());
}
