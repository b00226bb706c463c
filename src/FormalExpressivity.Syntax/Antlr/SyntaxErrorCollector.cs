using Antlr4.Runtime;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// The one ANTLR error listener of every grammar (regex, LTL, FO[&lt;], claims, transformer models):
/// collects lexer and parser errors as positioned diagnostics, replacing ANTLR's console listener.
/// Every character the lexer cannot match is reported (<c>…001</c>, up to
/// <see cref="SyntaxErrorStyle.MaxCharacterErrors"/>); of the parser errors only the first is kept
/// (<c>…002</c>, or <c>…003</c> at the end of the input), since later ones are mostly recovery
/// cascades, and it is dropped when the lexer already failed. What a grammar words differently —
/// codes, token names, "expected …" lists — is its <see cref="SyntaxErrorStyle"/>.
/// </summary>
internal sealed class SyntaxErrorCollector(string text, SyntaxErrorStyle style) : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private readonly List<Diagnostic> _characterErrors = [];

    /// <summary>The lexer's errors (unexpected characters), in source order.</summary>
    public IReadOnlyList<Diagnostic> CharacterErrors => _characterErrors;

    /// <summary>The first parser error since the last <see cref="ResetParserError"/>, or null.</summary>
    public Diagnostic? ParserError { get; private set; }

    /// <summary>Diagnostics in source order: the lexer errors, or else the first parser error.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        _characterErrors.Count > 0 ? _characterErrors : ParserError is null ? [] : [ParserError];

    /// <summary>Forgets the parser error, for a caller that parses a file line by line with one collector.</summary>
    public void ResetParserError() => ParserError = null;

    /// <summary>Attaches this collector to a lexer and a parser, removing the console listeners.</summary>
    public void Attach(Lexer lexer, Parser parser)
    {
        Attach(lexer);
        Attach(parser);
    }

    /// <summary>Attaches this collector to a lexer, removing the console listener.</summary>
    public void Attach(Lexer lexer)
    {
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(this);
    }

    /// <summary>Attaches this collector to a parser, removing the console listener.</summary>
    public void Attach(Parser parser)
    {
        parser.RemoveErrorListeners();
        parser.AddErrorListener(this);
    }

    /// <inheritdoc />
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (_characterErrors.Count >= style.MaxCharacterErrors) return;
        // ANTLR reports a lexer error at the start of the token it could not match (CodePointLexing).
        int offset = AntlrErrorText.OffsetOf(text, line, charPositionInLine);
        if (CodePoints.IsSecondHalf(text, offset)) return;
        _characterErrors.Add(Diagnostic.Error(style.CharacterCode, text, offset, Math.Max(1, CodePoints.LengthAt(text, offset)), $"unexpected character {CodePoints.Describe(text, offset)}"));
    }

    /// <inheritdoc />
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (ParserError is not null) return;
        bool atEnd = offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF;
        // The end of input is where the EOF token starts (a claims line ends before its newline).
        int offset = Math.Clamp(offendingSymbol?.StartIndex ?? text.Length, 0, text.Length);
        int length = atEnd ? 0 : Math.Max(1, offendingSymbol!.StopIndex - offendingSymbol.StartIndex + 1);
        ParserError = Diagnostic.Error(atEnd ? style.EndCode : style.TokenCode, text, offset, length, Message(recognizer as Parser, offendingSymbol, atEnd, msg, e));
    }

    private string Message(Parser? parser, IToken? offendingSymbol, bool atEnd, string antlrMessage, RecognitionException? e)
    {
        if (style.Expected is null) return antlrMessage;
        string what = atEnd ? style.EndWord : "'" + CodePoints.Clip(offendingSymbol!.Text) + "'";
        // A no-viable-alternative error found after looking ahead past the decision's first token (a failed
        // choice between statement forms, an ambiguous loop exit) reports the expectations at the decision's
        // start, which say nothing about the offending token: then name only the unexpected token.
        bool lookedAhead = e is NoViableAltException nv && nv.StartToken is not null && offendingSymbol is not null
            && nv.StartToken.TokenIndex != offendingSymbol.TokenIndex;
        string expected = lookedAhead && !style.ExpectedAfterLookahead ? "" : AntlrErrorText.JoinAlternatives(style.Expected(parser, e));
        if (expected.Length == 0) return $"unexpected {what}";
        return style.MissingBefore && antlrMessage.StartsWith("missing ", StringComparison.Ordinal)
            ? $"missing {expected} before {what}"
            : $"unexpected {what}{style.ExpectedSeparator}expected {expected}";
    }

    /// <summary>
    /// No LTL or FO[&lt;] token uses a character outside the Basic Multilingual Plane: report the first one
    /// up front, as one code point (<c>U+1F600</c>) covering both of its UTF-16 units.
    /// </summary>
    public static Diagnostic? CheckSurrogates(string text, string prefix)
    {
        for (int i = 0; i < text.Length; i++)
            if (char.IsSurrogate(text[i]))
                return Diagnostic.Error(prefix + "001", text, i, CodePoints.LengthAt(text, i), $"unexpected character {CodePoints.Describe(text, i)}");
        return null;
    }
}
