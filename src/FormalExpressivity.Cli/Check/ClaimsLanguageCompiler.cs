using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Classes.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Cli.Check;

/// <summary>
/// Binds the claims checker's <see cref="ILanguageCompiler"/> to the front ends of this build:
/// <c>re"…"</c> → <see cref="RegexCompiler"/>; <c>ltl"…"</c> → <see cref="LtlParser"/> and the past-LTL
/// construction (<see cref="PastLtlCompiler"/>); <c>file"…"</c> → the JSON (<c>.json</c>) or AT&amp;T
/// (other extensions) automaton readers. <c>fo"…"</c> and LTL formulas with future operators are
/// rejected with a diagnostic naming the missing front end (<c>CLM053</c>).
/// </summary>
public sealed class ClaimsLanguageCompiler : ILanguageCompiler
{
    /// <inheritdoc />
    public ParseResult<CompiledLanguage> Compile(LanguageSourceKind kind, string text, Alphabet alphabet, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alphabet);
        switch (kind)
        {
            case LanguageSourceKind.Regex:
                return RegexCompiler.Compile(text, alphabet).Select(d => new CompiledLanguage(d));
            case LanguageSourceKind.Ltl:
            {
                var parsed = LtlParser.Parse(text, alphabet);
                if (!parsed.Success) return ParseResult<CompiledLanguage>.Fail(parsed.Diagnostics);
                var formula = parsed.Value;
                if (!formula.IsPastOnly)
                    return ParseResult<CompiledLanguage>.Fail(Diagnostic.Error("CLM053", text, 0, text.Length,
                        "this build compiles past-time formulas only (P, H, Y, Y[<=k], S); the future operators X, F, G, U need the full LTL compiler"));
                return ParseResult<CompiledLanguage>.Ok(new CompiledLanguage(PastLtlCompiler.ToDfa(formula, alphabet), formula), parsed.Diagnostics);
            }
            case LanguageSourceKind.Fo:
                return ParseResult<CompiledLanguage>.Fail(Diagnostic.Error("CLM053", text, 0, text.Length,
                    "this build has no first-order front end; give the language as re\"…\" or ltl\"…\""));
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
                var dfa = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DfaJson.ReadDfa(content, determinizeNfa: true) : AttFormat.ReadDfa(content, alphabet);
                return dfa.Select(d => new CompiledLanguage(d));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
