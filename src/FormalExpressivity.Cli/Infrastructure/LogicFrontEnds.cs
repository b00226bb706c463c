using FormalExpressivity.Core.IO;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Files;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The command-line front ends for <c>ltl:FORMULA</c>, <c>fo:SENTENCE</c> and <c>.lang</c> files, in the
/// shape of the language loader's registry (text or path, optional <c>--alphabet</c> → DFA). Without
/// <c>--alphabet</c>, the alphabet is the symbols the formula mentions, sorted by name like the regex front
/// end's (so <c>ltl:P(b &amp; Y a)</c> is over {a, b}; hash-consing reorders commutative operands, so
/// textual order would not be stable); a <c>.lang</c> file declares its own. Bad input is a
/// <see cref="CliInputException"/> with the diagnostics rendered with carets.
/// </summary>
public static class LogicFrontEnds
{
    /// <summary>
    /// Compiles an <c>ltl:</c> argument, read at the end marker N+1 or, with <paramref name="at"/> = start, at
    /// position 0 (theory.md §1). When the formula's truth at that point cannot depend on the word (every
    /// future operator is false at N+1, every past one at 0 — <c>ltl:F a</c> at the end is the empty language),
    /// a warning on standard error says so and names the other point.
    /// </summary>
    /// <param name="text">The formula (the text after <c>ltl:</c>).</param>
    /// <param name="alphabet">The <c>--alphabet</c> value, or <c>null</c> for the atoms sorted by name.</param>
    /// <param name="budgets">The <c>max-states</c> budget; null for the default.</param>
    /// <param name="at">Where the formula is read (<c>--at</c>).</param>
    /// <exception cref="CliInputException">The formula is malformed, mentions a symbol outside the alphabet, or mentions none and no alphabet is given.</exception>
    public static Dfa LoadLtl(string text, Alphabet? alphabet, Budgets? budgets = null, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compiled = LtlCompiler.Compile(text, alphabet, LtlCompilerOptions.From(budgets ?? Budgets.Default) with { EvaluateAt = at });
        if (!compiled.Success) throw Fail(compiled.Diagnostics, text, "ltl");
        if (LtlParser.Parse(text) is { Success: true } parsed && Engine.Languages.EvaluationPointWarning.For(parsed.Value, "ltl:" + text, at) is { } warning)
            CliConsole.Warn(warning);
        return compiled.Value;
    }

    /// <summary>Compiles an <c>fo:</c> argument.</summary>
    /// <param name="text">The sentence (the text after <c>fo:</c>).</param>
    /// <param name="alphabet">The <c>--alphabet</c> value, or <c>null</c> for the labels sorted by name.</param>
    /// <param name="budgets">The <c>max-states</c> and <c>max-variables</c> budgets; null for the defaults.</param>
    /// <exception cref="CliInputException">The sentence is malformed, has a free variable, or uses a symbol outside the alphabet.</exception>
    public static Dfa LoadFo(string text, Alphabet? alphabet, Budgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compiled = FoCompiler.Compile(text, alphabet, FoCompilerOptions.From(budgets ?? Budgets.Default));
        return compiled.Success ? compiled.Value : throw Fail(compiled.Diagnostics, text, "fo");
    }

    /// <summary>
    /// Compiles a <c>.lang</c> file (docs/formats.md) over its declared alphabet. Register as
    /// <c>[".lang"] = (path, a) =&gt; LogicFrontEnds.LoadLanguageFile(path, a, (t, s) =&gt; RegexCompiler.Compile(t, s))</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value; the loader extends the result to it. Unused here.</param>
    /// <param name="regex">Compiles a <c>re"…"</c> definition over an alphabet, or <c>null</c> when no regex front end is available.</param>
    /// <param name="budgets">The construction budgets of <c>ltl</c> and <c>fo</c> definitions; null for the defaults.</param>
    /// <exception cref="CliInputException">The file is unreadable or malformed, or its definition is.</exception>
    public static Dfa LoadLanguageFile(string path, Alphabet? alphabet, Func<string, Alphabet, ParseResult<Dfa>>? regex = null, Budgets? budgets = null)
    {
        budgets ??= Budgets.Default;
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new CliInputException($"fex: error: cannot read '{path}': no such file\n");
        string text = InputFile.ReadAllText(path);
        var parsed = LanguageFileParser.Parse(text);
        if (!parsed.Success) throw Fail(parsed.Diagnostics, text, path);
        var file = parsed.Value;
        switch (file.Notation)
        {
            case LanguageNotation.Ltl:
                var ltl = file.ParseLtl();
                if (!ltl.Success) throw Fail(ltl.Diagnostics, text, path);
                return LtlCompiler.ToDfa(ltl.Value, file.Alphabet, LtlCompilerOptions.From(budgets));
            case LanguageNotation.Fo:
                var fo = file.ParseFo();
                if (!fo.Success) throw Fail(fo.Diagnostics, text, path);
                var foDfa = FoCompiler.Compile(fo.Value, file.Alphabet, FoCompilerOptions.From(budgets));
                return foDfa.Success ? foDfa.Value : throw Fail(foDfa.Diagnostics.Select(file.Relocate), text, path);
            default:
                if (regex is null) throw new CliInputException($"fex: error: {path}: the regular-expression front end is not available in this build\n");
                var re = regex(file.Definition, file.Alphabet);
                if (!re.Success) throw Fail(re.Diagnostics.Select(file.Relocate), text, path);
                return re.Value;
        }
    }

    private static CliInputException Fail(IEnumerable<Diagnostic> diagnostics, string source, string name) =>
        LanguageLoader.Fail(diagnostics, source, name);
}
