using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Automata.Languages;

/// <summary>
/// The warning for an LTL formula whose truth at the evaluation point cannot depend on the word (theory.md §1):
/// at the end position N+1 every future operator is decided (X, F, U false, G true), at position 0 every past
/// one, so <c>F a</c> read at the end is the empty language and <c>P a</c> read at the start too. Shared by
/// <c>ltl:</c> arguments and <c>ltl"…"</c> languages of claims files.
/// </summary>
public static class EvaluationPointWarning
{
    /// <summary>The warning text (one line, with a trailing newline) when <paramref name="formula"/> is constant at <paramref name="at"/>, else null.</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="display">How the user wrote it, e.g. <c>ltl:F a</c>.</param>
    /// <param name="at">The evaluation point.</param>
    public static string? For(LtlFormula formula, string display, LtlEvaluationPoint at)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(display);
        if (LtlRewriting.ConstantAt(formula, at) is not bool value) return null;
        string truth = value ? "true" : "false";
        string language = value ? "every word (Σ*)" : "no word (the empty language)";
        return at == LtlEvaluationPoint.EndMarker
            ? $"fex: warning: {display} is {truth} at the end position N+1 whatever the word (future operators see no position after N+1), so it accepts {language}; to read it before the word, use --at start\n"
            : $"fex: warning: {display} is {truth} at position 0 whatever the word (past operators see no position before 0), so it accepts {language}; to read it at the end, use --at end (the default)\n";
    }
}
