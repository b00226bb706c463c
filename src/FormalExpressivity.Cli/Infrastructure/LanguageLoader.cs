using FormalExpressivity.Core.IO;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// Turns a command-line language argument into a <see cref="Dfa"/>:
/// <list type="bullet">
/// <item><c>FILE.json</c> — the JSON automaton format (an <c>"nfa"</c> file is determinized);</item>
/// <item><c>FILE.att</c> — the AT&amp;T FSM text format, read as a DFA;</item>
/// <item><c>PREFIX:TEXT</c> or <c>FILE.EXT</c> handled by a front end registered in <see cref="FrontEnds"/>
/// (the front ends <c>re:</c>, <c>ltl:</c>, <c>fo:</c> and <c>.lang</c> files are registered there).</item>
/// </list>
/// Bad input becomes a <see cref="CliInputException"/> whose text names the file, line and column
/// with a caret (exit code 3). Formats are described in docs/formats.md.
/// </summary>
public static class LanguageLoader
{
    /// <summary>Prefixes and extensions that name a front end; a missing registration is reported as unavailable.</summary>
    public static IReadOnlyList<string> ReservedFrontEnds { get; } = ["re:", "ltl:", "fo:", ".lang"];

    /// <summary>
    /// The front ends: key <c>"re:"</c>-style prefixes (the function gets the text after the prefix) or
    /// <c>".ext"</c> file extensions (the function gets the path). Each function receives the
    /// <c>--alphabet</c> value (or null) and returns a DFA over that alphabet or one it infers;
    /// it reports bad input by throwing <see cref="CliInputException"/> (see <see cref="Fail"/>) or
    /// <see cref="InputException"/>. Registrations are made in <see cref="CreateFrontEnds"/>, one line each;
    /// this registry uses the default budgets.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<string, Alphabet?, Dfa>> FrontEnds { get; } = CreateFrontEnds(Budgets.Default);

    /// <summary>The front ends with the construction budgets (<c>max-states</c>, <c>max-variables</c>) of <paramref name="budgets"/>.</summary>
    /// <param name="budgets">The named budgets.</param>
    /// <param name="at">Where <c>ltl:</c> formulas are read (<c>--at</c>; the end position by default).</param>
    public static IReadOnlyDictionary<string, Func<string, Alphabet?, Dfa>> CreateFrontEnds(Budgets budgets, Syntax.Temporal.LtlEvaluationPoint at = Syntax.Temporal.LtlEvaluationPoint.EndMarker)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new Dictionary<string, Func<string, Alphabet?, Dfa>>(StringComparer.Ordinal)
        {
            ["re:"] = (text, alphabet) => Languages.RegexFrontEnd.Load(text, alphabet, budgets),
            ["ltl:"] = (text, alphabet) => LogicFrontEnds.LoadLtl(text, alphabet, budgets, at),
            ["fo:"] = (text, alphabet) => LogicFrontEnds.LoadFo(text, alphabet, budgets),
            [".lang"] = (path, alphabet) => LogicFrontEnds.LoadLanguageFile(path, alphabet,
                (text, sigma) => FormalExpressivity.Automata.Construction.RegexCompiler.Compile(text, sigma, FormalExpressivity.Automata.Construction.RegexCompilerOptions.From(budgets)), budgets),
        };
    }

    /// <summary>Loads the language named by <paramref name="spec"/>; the result is over <paramref name="alphabet"/> when one is given.</summary>
    /// <param name="spec">A file path or a <c>prefix:text</c> language.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value: declares the symbol order and may add symbols (they lead to a rejecting sink).</param>
    /// <param name="budgets">The construction budgets (<c>max-states</c>, <c>max-variables</c>); null for the defaults.</param>
    /// <param name="at">Where <c>ltl:</c> formulas are read (<c>--at</c>; the end position by default).</param>
    /// <exception cref="CliInputException">The input is malformed or unreadable.</exception>
    public static Dfa Load(string spec, Alphabet? alphabet, Budgets? budgets = null, Syntax.Temporal.LtlEvaluationPoint at = Syntax.Temporal.LtlEvaluationPoint.EndMarker) =>
        Load(spec, alphabet, budgets is null && at == Syntax.Temporal.LtlEvaluationPoint.EndMarker ? FrontEnds : CreateFrontEnds(budgets ?? Budgets.Default, at), budgets);

    /// <summary>Loads the language named by <paramref name="spec"/> using the given front ends.</summary>
    /// <param name="spec">A file path or a <c>prefix:text</c> language.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value, or null.</param>
    /// <param name="frontEnds">Front ends by prefix (<c>"re:"</c>) or extension (<c>".lang"</c>).</param>
    /// <param name="budgets">The <c>max-states</c> budget for determinizing an NFA file; null for the default.</param>
    public static Dfa Load(string spec, Alphabet? alphabet, IReadOnlyDictionary<string, Func<string, Alphabet?, Dfa>> frontEnds, Budgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(frontEnds);
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !File.Exists(spec))
        {
            string prefix = spec[..(colon + 1)];
            if (frontEnds.TryGetValue(prefix, out var frontEnd)) return Extend(frontEnd(spec[(colon + 1)..], alphabet), alphabet, spec);
            if (ReservedFrontEnds.Contains(prefix)) throw Unavailable(prefix);
            throw new CliInputException($"fex: error: unknown language prefix '{prefix}'; known: {string.Join(", ", frontEnds.Keys.Where(k => k.EndsWith(':')).DefaultIfEmpty("none"))}\n");
        }
        string extension = Path.GetExtension(spec).ToLowerInvariant();
        if (extension is not ".json" and not ".att")
        {
            if (frontEnds.TryGetValue(extension, out var frontEnd)) return Extend(frontEnd(spec, alphabet), alphabet, spec);
            if (ReservedFrontEnds.Contains(extension)) throw Unavailable(extension);
            throw new CliInputException($"fex: error: cannot tell the format of '{spec}': use a .json or .att file, or a prefix such as re:\n");
        }
        if (!File.Exists(spec)) throw new CliInputException($"fex: error: cannot read '{spec}': no such file\n");
        string text = InputFile.ReadAllText(spec);
        if (extension == ".att")
        {
            var att = AttFormat.ReadDfa(text, alphabet);
            if (!att.Success) throw Fail(att.Diagnostics, text, spec);
            CliConsole.Warn(DiagnosticFormatter.RenderAll(att.Diagnostics, text, spec));
            return att.Value;
        }
        var json = DfaJson.ReadDfa(text, determinizeNfa: true, maxStates: (budgets ?? Budgets.Default).MaxStates);
        if (!json.Success) throw Fail(json.Diagnostics, text, spec);
        // Warnings (unknown keys, repeated entries) are shown on success too, not only when the file fails.
        CliConsole.Warn(DiagnosticFormatter.RenderAll(json.Diagnostics, text, spec));
        return Extend(json.Value, alphabet, spec);
    }

    /// <summary>The exception for bad input: the diagnostics rendered with carets and the file name.</summary>
    /// <param name="diagnostics">The diagnostics (warnings are rendered too).</param>
    /// <param name="source">The text they refer to.</param>
    /// <param name="name">The file name (or the argument) shown before the position.</param>
    public static CliInputException Fail(IEnumerable<Diagnostic> diagnostics, string source, string name)
    {
        var list = diagnostics.ToList();
        var text = DiagnosticFormatter.RenderAll(list, source, name);
        // …006 (no alphabet can be inferred, the shared code scheme of grammars/README.md): say how to give one here.
        if (list.Any(d => d.Code.EndsWith("006", StringComparison.Ordinal)))
            text += "fex: note: give the alphabet with --alphabet, e.g. --alphabet a,b\n";
        return new(text);
    }

    /// <summary>Extends <paramref name="dfa"/> to <paramref name="alphabet"/> (symbols matched by name), or reports a symbol the alphabet lacks.</summary>
    private static Dfa Extend(Dfa dfa, Alphabet? alphabet, string spec)
    {
        if (alphabet is null || dfa.Alphabet.Equals(alphabet)) return dfa;
        var missing = dfa.Alphabet.Symbols.Where(s => !alphabet.TryGetIndex(s, out _)).ToArray();
        if (missing.Length > 0)
            throw new CliInputException($"fex: error: {spec} uses the symbol{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}, which --alphabet {alphabet} lacks\n");
        return dfa.WithAlphabet(alphabet);
    }

    private static CliInputException Unavailable(string frontEnd) =>
        new($"fex: error: the front end '{frontEnd}' is not available in this build\n");
}
