using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using FormalExpressivity.Core.Text;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Collects ANTLR errors of the claims grammar as positioned diagnostics: every lexer error
/// (<c>CLM001</c>) and the first parser error of a line (<c>CLM002</c>, or <c>CLM003</c> at the end of the input). Replaces ANTLR's console
/// listener. Offsets are absolute in the claims file because the tokens of every line keep the
/// indices of the whole-file lexer.
/// </summary>
internal sealed class ClaimsErrorListener(string text) : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    public List<Diagnostic> LexerErrors { get; } = [];

    public Diagnostic? ParserError { get; set; }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        // ANTLR reports a lexer error at the start of the token it could not match.
        int offset = AntlrErrorText.OffsetOf(text, line, charPositionInLine);
        if (CodePoints.IsSecondHalf(text, offset)) return;
        LexerErrors.Add(Diagnostic.Error("CLM001", text, offset, Math.Max(1, CodePoints.LengthAt(text, offset)), $"unexpected character {CodePoints.Describe(text, offset)}"));
    }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (ParserError is not null) return;
        string what;
        int offset, length;
        bool atEnd = offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF;
        if (offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF)
        {
            what = "end of line";
            offset = offendingSymbol?.StartIndex ?? text.Length;
            length = 0;
        }
        else
        {
            what = "'" + CodePoints.Clip(offendingSymbol.Text) + "'";
            offset = offendingSymbol.StartIndex;
            length = Math.Max(1, offendingSymbol.StopIndex - offendingSymbol.StartIndex + 1);
        }
        // A failed choice between statement forms reports the expectations at the statement's start,
        // which say nothing about a token later in the line: then name only the unexpected token.
        bool laterInChoice = e is NoViableAltException nv && nv.StartToken is { } st && offendingSymbol is not null && st.TokenIndex != offendingSymbol.TokenIndex;
        string expected = laterInChoice ? "" : Expected(recognizer as Parser);
        string message = expected.Length > 0 ? $"unexpected {what}, expected {expected}" : $"unexpected {what}";
        ParserError = Diagnostic.Error(atEnd ? "CLM003" : "CLM002", text, offset, length, message);
    }

    private static string Expected(Parser? parser)
    {
        if (parser is null) return "";
        var set = AntlrErrorText.ExpectedTokens(parser);
        if (set is null) return "";
        var types = set.ToList();
        var names = new List<string>();
        // Keywords may be used as names: when a name is expected, say "a name" once.
        bool nameExpected = types.Contains(G.ClaimsParser.IDENT);
        if (nameExpected) names.Add("a name");
        foreach (int t in types)
        {
            if (nameExpected && IsNameToken(t)) continue;
            names.Add(Name(t));
        }
        names = names.Distinct().ToList();
        return AntlrErrorText.JoinAlternatives(names);
    }

    private static bool IsNameToken(int t) => t is G.ClaimsParser.IDENT or G.ClaimsParser.ALPHABET or G.ClaimsParser.LANGUAGE
        or G.ClaimsParser.MODEL or G.ClaimsParser.CLAIM or G.ClaimsParser.CONJECTURE or G.ClaimsParser.NOT
        or G.ClaimsParser.RECOGNIZABLE or G.ClaimsParser.BY or G.ClaimsParser.IN or G.ClaimsParser.OVER
        or G.ClaimsParser.UP or G.ClaimsParser.TO or G.ClaimsParser.STATES;

    private static string Name(int tokenType) => tokenType switch
    {
        TokenConstants.EOF => "end of line",
        G.ClaimsParser.INT => "a number",
        G.ClaimsParser.STRING => "a quoted formula or path",
        G.ClaimsParser.SUBSET => "'⊆'",
        _ => G.ClaimsParser.DefaultVocabulary.GetLiteralName(tokenType) ?? G.ClaimsParser.DefaultVocabulary.GetDisplayName(tokenType),
    };

}
