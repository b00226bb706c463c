using FormalExpressivity.Automata.Languages;

namespace FormalExpressivity.Playground.Compute;

/// <summary>
/// A language as the page's input box holds it: <c>re:REGEX</c>, <c>ltl:FORMULA</c>, <c>fo:SENTENCE</c>,
/// the text of a <c>.lang</c> file (it starts with <c>alphabet</c>), of a JSON automaton (it starts
/// with <c>{</c>) or of an AT&amp;T automaton (it starts with a digit), plus the alphabet field (<c>--alphabet</c>'s syntax; empty = the CLI's default).
/// It is loaded by the libraries' one dispatcher (<see cref="LanguageDispatcher"/>), the one <c>fex</c> uses, so the page's messages are the CLI's.
/// </summary>
/// <param name="Text">The language text.</param>
/// <param name="Alphabet">The alphabet field, e.g. <c>a,b,c</c>; empty for the CLI's inference.</param>
public sealed record LanguageInput(string Text, string Alphabet)
{
    /// <summary>The CLI argument for <see cref="Text"/>: the text itself for prefixed languages, a file name otherwise.</summary>
    public string CliArgument => Kind switch
    {
        LanguageFormat.LangFile => "language.lang",
        LanguageFormat.Json => "automaton.json",
        LanguageFormat.Att => "automaton.att",
        _ => Text.Trim(),
    };

    /// <summary>Which front end reads <see cref="Text"/>.</summary>
    public LanguageFormat Kind => LanguageDispatcher.FormatOfText(Text);

    /// <summary>Parses and compiles the input; budgets of the compilers surface as <see cref="FormalExpressivity.Core.Text.BudgetExceededException"/>.</summary>
    public LanguageLoad Load()
    {
        FormalExpressivity.Core.Alphabets.Alphabet? declared = null;
        if (!string.IsNullOrWhiteSpace(Alphabet) && !FormalExpressivity.Core.Alphabets.Alphabet.TryParse(Alphabet, out declared, out var alphabetError))
            return new LanguageLoad(null, null, $"fex: error: --alphabet: {alphabetError}\n", "", []);
        return LanguageDispatcher.LoadText(Text, declared, CliArgument);
    }
}
