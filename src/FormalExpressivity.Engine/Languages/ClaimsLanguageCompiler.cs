using FormalExpressivity.Core.IO;
using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Languages;

/// <summary>
/// Binds the claims checker's <see cref="ILanguageCompiler"/> to the front ends of this build:
/// <c>re"…"</c>, <c>ltl"…"</c> and <c>fo"…"</c> go through the one language dispatcher
/// (<see cref="LanguageDispatcher.CompileText"/>, as <c>re:</c>, <c>ltl:</c> and <c>fo:</c> arguments do), keeping the
/// grammars' positioned diagnostics and codes, which the binder places inside the declaration's string;
/// <c>file"…"</c> → the JSON (<c>.json</c>) or AT&amp;T (other extensions) automaton readers.
/// </summary>
/// <remarks>
/// Automaton files are read only below the claims file's folder (the <c>baseDirectory</c>) or a folder of
/// <paramref name="allowedFolders"/> (<c>--allow-path</c>), judged on real paths; a file that does not
/// parse as an automaton is reported by position and code only, never by its content.
/// </remarks>
/// <param name="budgets">The construction budgets (<c>max-states</c>, <c>max-variables</c>); null for the defaults.</param>
/// <param name="allowedFolders">Folders besides the claims file's own whose files may be read (<c>--allow-path</c>).</param>
/// <param name="at">Where <c>ltl"…"</c> languages are read (<c>--at</c>): the end position N+1 (default) or position 0.
/// Read at 0, a formula is no longer a proof of yes for the past fragments (it is not declared to the engine).</param>
/// <param name="warn">Receives the warning for a formula that cannot depend on the word at that point (<see cref="EvaluationPointWarning"/>).</param>
public sealed class ClaimsLanguageCompiler(Budgets? budgets = null, IReadOnlyList<string>? allowedFolders = null,
    LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker, Action<string>? warn = null) : ILanguageCompiler
{
    private readonly Budgets _budgets = budgets ?? Budgets.Default;
    private readonly IReadOnlyList<string> _allowedFolders = allowedFolders ?? [];

    /// <inheritdoc />
    public ParseResult<CompiledLanguage> Compile(LanguageSourceKind kind, string text, Alphabet alphabet, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alphabet);
        switch (kind)
        {
            case LanguageSourceKind.Regex or LanguageSourceKind.Ltl or LanguageSourceKind.Fo:
            {
                var format = kind switch { LanguageSourceKind.Regex => LanguageFormat.Regex, LanguageSourceKind.Ltl => LanguageFormat.Ltl, _ => LanguageFormat.Fo };
                var compiled = LanguageDispatcher.CompileText(format, text, alphabet, _budgets, at);
                if (!compiled.Success) return ParseResult<CompiledLanguage>.Fail(compiled.Diagnostics);
                var (dfa, formula) = compiled.Value;
                if (formula is not null && EvaluationPointWarning.For(formula, $"ltl\"{text}\"", at) is { } warning) warn?.Invoke(warning);
                // Read at position 0 a formula is no proof of yes for the past fragments: it is not declared to the engine.
                return ParseResult<CompiledLanguage>.Ok(new CompiledLanguage(dfa, at == LtlEvaluationPoint.EndMarker ? formula : null), compiled.Diagnostics);
            }
            case LanguageSourceKind.File:
            {
                var path = Path.IsPathRooted(text) ? text : Path.Combine(baseDirectory, text);
                if (!new FolderAccess([baseDirectory, .. _allowedFolders]).Allows(path))
                {
                    var real = FolderAccess.RealPath(path);
                    string via = real == Path.GetFullPath(path) ? "" : $" (it leads to {real})";
                    return ParseResult<CompiledLanguage>.Fail(new Diagnostic("CLM050", SourceSpan.None,
                        $"'{text}' lies outside the claims file's folder{via}; allow its folder with --allow-path {Path.GetDirectoryName(real)}"));
                }
                if (!File.Exists(path))
                    return ParseResult<CompiledLanguage>.Fail(new Diagnostic("CLM050", SourceSpan.None, $"cannot read {text}: {(Directory.Exists(path) ? "it is a folder" : "no such file")}"));
                string content;
                try
                {
                    content = InputFile.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return ParseResult<CompiledLanguage>.Fail(new Diagnostic("CLM050", SourceSpan.None, $"cannot read {text}: {e.Message}"));
                }
                bool json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                var dfa = json ? DfaJson.ReadDfa(content, determinizeNfa: true, maxStates: _budgets.MaxStates) : AttFormat.ReadDfa(content, alphabet);
                if (dfa.Success) return dfa.Select(d => new CompiledLanguage(d));
                // The file is not the automaton it should be: say where and which rule, but echo none of its
                // content (it may be any file the claims file names).
                var first = dfa.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? dfa.Diagnostics[0];
                int errors = dfa.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                return ParseResult<CompiledLanguage>.Fail(new Diagnostic("CLM050", SourceSpan.None,
                    $"'{text}' is not a valid {(json ? "JSON" : "AT&T")} automaton file over {alphabet}: {errors} error{(errors == 1 ? "" : "s")}, the first {first.Code} at line {first.Span.Line}, column {first.Span.Column}; run 'fex compile {text}' for details"));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
