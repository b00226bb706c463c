using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Languages;

/// <summary>
/// Binds the claims checker's <see cref="ILanguageCompiler"/> to the front ends of this build:
/// <c>re"…"</c> → <see cref="RegexCompiler"/>; <c>ltl"…"</c> → <see cref="LtlParser"/> and the past-LTL
/// construction (<see cref="PastLtlCompiler"/>), or <see cref="LtlCompiler"/> for formulas with future
/// operators; <c>fo"…"</c> → <see cref="FoParser"/> and <see cref="FoCompiler"/> (a sentence, else
/// <c>CLM053</c>); <c>file"…"</c> → the JSON (<c>.json</c>) or AT&amp;T (other extensions) automaton readers.
/// </summary>
/// <param name="budgets">The construction budgets (<c>max-states</c>, <c>max-variables</c>); null for the defaults.</param>
public sealed class ClaimsLanguageCompiler(Budgets? budgets = null) : ILanguageCompiler
{
    private readonly Budgets _budgets = budgets ?? Budgets.Default;

    /// <inheritdoc />
    public ParseResult<CompiledLanguage> Compile(LanguageSourceKind kind, string text, Alphabet alphabet, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alphabet);
        switch (kind)
        {
            case LanguageSourceKind.Regex:
                return RegexCompiler.Compile(text, alphabet, RegexCompilerOptions.From(_budgets)).Select(d => new CompiledLanguage(d));
            case LanguageSourceKind.Ltl:
            {
                var parsed = LtlParser.Parse(text, alphabet);
                if (!parsed.Success) return ParseResult<CompiledLanguage>.Fail(parsed.Diagnostics);
                var formula = parsed.Value;
                // Past formulas by the direct construction; others (future, mixed) by the full LTL compiler.
                var dfa = formula.IsPastOnly ? PastLtlCompiler.ToDfa(formula, alphabet, _budgets.MaxStates) : LtlCompiler.ToDfa(formula, alphabet, LtlCompilerOptions.From(_budgets));
                return ParseResult<CompiledLanguage>.Ok(new CompiledLanguage(dfa, formula), parsed.Diagnostics);
            }
            case LanguageSourceKind.Fo:
            {
                var parsed = FoParser.Parse(text, alphabet);
                if (!parsed.Success) return ParseResult<CompiledLanguage>.Fail(parsed.Diagnostics);
                if (!parsed.Value.IsSentence)
                    return ParseResult<CompiledLanguage>.Fail(Diagnostic.Error("CLM053", text, 0, text.Length,
                        $"a language is defined by a sentence; free variables: {string.Join(", ", parsed.Value.FreeVariables)}"));
                return ParseResult<CompiledLanguage>.Ok(new CompiledLanguage(FoCompiler.ToDfa(parsed.Value, alphabet, FoCompilerOptions.From(_budgets))), parsed.Diagnostics);
            }
            case LanguageSourceKind.File:
            {
                var path = Path.IsPathRooted(text) ? text : Path.Combine(baseDirectory, text);
                string content;
                try
                {
                    content = File.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return ParseResult<CompiledLanguage>.Fail(new Diagnostic("CLM050", SourceSpan.None, $"cannot read {text}: {e.Message}"));
                }
                var dfa = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DfaJson.ReadDfa(content, determinizeNfa: true, maxStates: _budgets.MaxStates) : AttFormat.ReadDfa(content, alphabet);
                return dfa.Select(d => new CompiledLanguage(d));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
