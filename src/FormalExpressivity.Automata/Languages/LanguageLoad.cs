using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Automata.Languages;

/// <summary>The notations <see cref="LanguageDispatcher"/> reads (docs/formats.md).</summary>
public enum LanguageFormat
{
    /// <summary>Not recognized: no known prefix or extension.</summary>
    Unknown,
    /// <summary><c>re:</c> — an extended regular expression (grammars/Regex.g4).</summary>
    Regex,
    /// <summary><c>ltl:</c> — a temporal formula read at the end marker (grammars/Ltl.g4).</summary>
    Ltl,
    /// <summary><c>fo:</c> — an FO[&lt;] sentence (grammars/Fo.g4).</summary>
    Fo,
    /// <summary>A <c>.lang</c> file: an alphabet and one definition.</summary>
    LangFile,
    /// <summary>A JSON automaton (an <c>"nfa"</c> is determinized).</summary>
    Json,
    /// <summary>An AT&amp;T FSM text automaton, read as a DFA.</summary>
    Att,
}

/// <summary>
/// A loaded language, or the error exactly as <c>fex</c> prints it: the DFA over the declared alphabet
/// (or the inferred one), the formula it was declared by (for <c>ltl:</c> and <c>.lang</c> files with an
/// <c>ltl"…"</c> definition; the decider chain uses it as a constructive proof), warnings, or the rendered error.
/// </summary>
/// <param name="Dfa">The DFA, or null on error.</param>
/// <param name="Formula">The temporal formula the language was declared by, or null.</param>
/// <param name="Error">The rendered error (diagnostics with name, position and caret, ending in a newline), or null.</param>
/// <param name="Warnings">Rendered warnings of a successful load (unknown JSON keys, …); empty when none.</param>
/// <param name="Spans">The error's diagnostic spans in the loaded text (offset, length; empty for a file argument), for marking an input box.</param>
public sealed record LanguageLoad(Dfa? Dfa, LtlFormula? Formula, string? Error, string Warnings, IReadOnlyList<(int Offset, int Length)> Spans)
{
    /// <summary>True when <see cref="Dfa"/> is set.</summary>
    public bool Success => Dfa is not null;

    internal static LanguageLoad Ok(Dfa dfa, LtlFormula? formula = null, string warnings = "") => new(dfa, formula, null, warnings, []);

    internal static LanguageLoad Fail(string error, IReadOnlyList<(int Offset, int Length)>? spans = null) => new(null, null, error, "", spans ?? []);
}
