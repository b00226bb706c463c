using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Claims;

/// <summary>A declared language compiled: its DFA and, for <c>ltl"…"</c>, the formula.</summary>
/// <param name="Dfa">A complete DFA of the language over the declared alphabet (not necessarily minimal).</param>
/// <param name="Formula">The parsed formula of an <c>ltl"…"</c> declaration, else <c>null</c>.</param>
public sealed record CompiledLanguage(Dfa Dfa, LtlFormula? Formula = null);

/// <summary>
/// The one place where the claims checker turns declarations into automata, so it can be bound to
/// whichever front ends exist (regex, LTL, FO compilers; automaton file readers).
/// </summary>
public interface ILanguageCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/> of kind <paramref name="kind"/> over <paramref name="alphabet"/>.
    /// For formulas, diagnostic spans are relative to <paramref name="text"/> (the binder moves them
    /// into the claims file). For <see cref="LanguageSourceKind.File"/>, <paramref name="text"/> is the
    /// path; problems inside the file are reported with spans of length 0 and the file's position in the message.
    /// </summary>
    /// <param name="kind">Regex, LTL, FO or file.</param>
    /// <param name="text">The formula or the path as written.</param>
    /// <param name="alphabet">The declared alphabet.</param>
    /// <param name="baseDirectory">The folder relative paths are resolved against.</param>
    ParseResult<CompiledLanguage> Compile(LanguageSourceKind kind, string text, Alphabet alphabet, string baseDirectory);
}
