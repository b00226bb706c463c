using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// A command-line LANG argument through the one language dispatcher (<see cref="LanguageDispatcher"/>:
/// <c>re:</c>, <c>ltl:</c>, <c>fo:</c>, <c>.json</c>, <c>.att</c>, <c>.lang</c>; docs/formats.md). The CLI's part is
/// only the console: warnings go to standard error, and bad input becomes a <see cref="CliInputException"/>
/// with the rendered diagnostics (exit code 3).
/// </summary>
public static class LanguageLoader
{
    /// <summary>Loads the language named by <paramref name="spec"/>; the result is over <paramref name="alphabet"/> when one is given.</summary>
    /// <param name="spec">A file path or a <c>prefix:text</c> language.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value: declares the symbol order and may add symbols (they lead to a rejecting sink).</param>
    /// <param name="budgets">The construction budgets (<c>max-states</c>, <c>max-variables</c>); null for the defaults.</param>
    /// <param name="at">Where an <c>ltl:</c> formula is read (<c>--at</c>; the end position by default).</param>
    /// <exception cref="CliInputException">The input is malformed or unreadable.</exception>
    public static Dfa Load(string spec, Alphabet? alphabet, Budgets? budgets = null, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker) =>
        LoadDeclared(spec, alphabet, budgets, at).Dfa;

    /// <summary>Like <see cref="Load"/>, also returning the formula an <c>ltl:</c> argument or <c>.lang</c> file declared the language by.</summary>
    /// <param name="spec">A file path or a <c>prefix:text</c> language.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value, or null.</param>
    /// <param name="budgets">The construction budgets; null for the defaults.</param>
    /// <param name="at">Where an <c>ltl:</c> formula is read (<c>--at</c>); read at the start it declares no formula.</param>
    /// <exception cref="CliInputException">The input is malformed or unreadable.</exception>
    public static (Dfa Dfa, LtlFormula? Formula) LoadDeclared(string spec, Alphabet? alphabet, Budgets? budgets = null, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        var load = LanguageDispatcher.Load(spec, alphabet, budgets, at);
        if (load.Dfa is not { } dfa) throw new CliInputException(load.Error!);
        CliConsole.Warn(load.Warnings);
        return (dfa, load.Formula);
    }
}
