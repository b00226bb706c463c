using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Syntax.Files;

/// <summary>The notation of a language definition in a <c>.lang</c> file.</summary>
public enum LanguageNotation
{
    /// <summary><c>re"…"</c>: an extended regular expression (grammars/Regex.g4).</summary>
    Regex,
    /// <summary><c>ltl"…"</c>: a temporal formula (grammars/Ltl.g4), read at the end marker.</summary>
    Ltl,
    /// <summary><c>fo"…"</c>: an FO[&lt;] sentence (grammars/Fo.g4).</summary>
    Fo,
}

/// <summary>
/// A parsed <c>.lang</c> file (docs/formats.md): the declared alphabet and one language definition.
/// The definition is kept as text (escapes resolved); <see cref="Relocate"/> maps diagnostics of the
/// definition's own parser back to positions in the file.
/// </summary>
/// <param name="Source">The whole file text.</param>
/// <param name="Alphabet">The declared alphabet.</param>
/// <param name="Notation">The definition's notation.</param>
/// <param name="Definition">The definition text with escapes resolved.</param>
/// <param name="DefinitionOffsets">For each character of <paramref name="Definition"/> (and one past its end), its offset in <paramref name="Source"/>.</param>
public sealed record LanguageFile(string Source, Alphabet Alphabet, LanguageNotation Notation, string Definition, IReadOnlyList<int> DefinitionOffsets)
{
    /// <summary>Maps a diagnostic positioned in <see cref="Definition"/> to the same place in <see cref="Source"/>.</summary>
    /// <param name="diagnostic">A diagnostic of the definition's parser.</param>
    public Diagnostic Relocate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Span == SourceSpan.None) return diagnostic;
        int start = Math.Clamp(diagnostic.Span.Offset, 0, Definition.Length);
        int end = Math.Clamp(diagnostic.Span.Offset + diagnostic.Span.Length, start, Definition.Length);
        int from = DefinitionOffsets[start], to = DefinitionOffsets[end];
        return diagnostic with { Span = SourceSpan.FromOffset(Source, from, to - from) };
    }

    /// <summary>Parses the definition as a temporal formula over the declared alphabet, diagnostics relocated to the file.</summary>
    /// <exception cref="InvalidOperationException">The notation is not <see cref="LanguageNotation.Ltl"/>.</exception>
    public ParseResult<LtlFormula> ParseLtl()
    {
        if (Notation != LanguageNotation.Ltl) throw new InvalidOperationException($"the definition is {Notation}, not LTL");
        return RelocateAll(LtlParser.Parse(Definition, Alphabet));
    }

    /// <summary>Parses the definition as an FO[&lt;] sentence over the declared alphabet, diagnostics relocated to the file.</summary>
    /// <exception cref="InvalidOperationException">The notation is not <see cref="LanguageNotation.Fo"/>.</exception>
    public ParseResult<FoFormula> ParseFo()
    {
        if (Notation != LanguageNotation.Fo) throw new InvalidOperationException($"the definition is {Notation}, not FO");
        return RelocateAll(FoParser.Parse(Definition, Alphabet));
    }

    private ParseResult<T> RelocateAll<T>(ParseResult<T> result)
    {
        var diagnostics = result.Diagnostics.Select(Relocate).ToList();
        return result.Success ? ParseResult<T>.Ok(result.Value, diagnostics) : ParseResult<T>.Fail(diagnostics);
    }
}
