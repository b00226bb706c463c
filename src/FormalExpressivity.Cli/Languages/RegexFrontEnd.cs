using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Languages;

/// <summary>The <c>re:</c> front end: an extended regular expression (grammars/README.md) compiled by Brzozowski derivatives.</summary>
public static class RegexFrontEnd
{
    /// <summary>Compiles <paramref name="text"/> over <paramref name="alphabet"/> (default: the symbols that occur, sorted by name).</summary>
    /// <param name="text">The regex after the <c>re:</c> prefix.</param>
    /// <param name="alphabet">The declared alphabet, or null.</param>
    /// <param name="budgets">The <c>max-states</c> budget; null for the default.</param>
    /// <exception cref="CliInputException">The regex is malformed; the message carries positions and a caret.</exception>
    public static Dfa Load(string text, Alphabet? alphabet, Budgets? budgets = null)
    {
        var result = RegexCompiler.Compile(text, alphabet, RegexCompilerOptions.From(budgets ?? Budgets.Default));
        return result.Success ? result.Value : throw LanguageLoader.Fail(result.Diagnostics, text, "re");
    }
}
