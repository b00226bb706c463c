using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using FormalExpressivity.Core.Text;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Collects ANTLR lexer and parser errors of the regex grammar as positioned diagnostics:
/// every lexer error (<c>RE001</c>) and the first parser error (<c>RE002</c>; later ones are
/// usually consequences of recovery). Replaces ANTLR's console listener.
/// </summary>
internal sealed class RegexErrorListener(string text) : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    public List<Diagnostic> LexerErrors { get; } = [];

    public Diagnostic? ParserError { get; private set; }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        int offset = AntlrErrorText.OffsetOf(text, line, charPositionInLine);
        if (CodePoints.IsSecondHalf(text, offset)) return;
        LexerErrors.Add(Diagnostic.Error("RE001", text, offset, Math.Max(1, CodePoints.LengthAt(text, offset)), $"unexpected character {CodePoints.Describe(text, offset)}"));
    }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (ParserError is not null) return;
        string what;
        int offset, length;
        bool atEnd = offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF;
        if (offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF)
        {
            what = "end of input";
            offset = text.Length;
            length = 0;
        }
        else
        {
            what = "'" + CodePoints.Clip(offendingSymbol.Text) + "'";
            offset = offendingSymbol.StartIndex;
            length = Math.Max(1, offendingSymbol.StopIndex - offendingSymbol.StartIndex + 1);
        }
        string expected = Expected(recognizer as Parser);
        string message = msg.StartsWith("missing ", StringComparison.Ordinal) && expected.Length > 0
            ? $"missing {expected} before {what}"
            : expected.Length > 0 ? $"unexpected {what}, expected {expected}" : $"unexpected {what}";
        ParserError = Diagnostic.Error(atEnd ? "RE003" : "RE002", text, offset, length, message);
    }

    private static string Expected(Parser? parser)
    {
        if (parser is null) return "";
        var set = AntlrErrorText.ExpectedTokens(parser);
        if (set is null) return "";
        var types = set.ToList();
        var names = new List<string>();
        bool expression = types.Contains(G.RegexParser.LPAREN);
        if (expression) names.Add("an expression");
        foreach (int t in types)
        {
            switch (t)
            {
                case G.RegexParser.LPAREN or G.RegexParser.WORD or G.RegexParser.QUOTED or G.RegexParser.EPSILON
                    or G.RegexParser.EMPTYSET or G.RegexParser.ANY or G.RegexParser.LBRACK or G.RegexParser.NOT:
                    if (!expression) names.Add(Name(t));
                    break;
                case G.RegexParser.STAR or G.RegexParser.PLUS or G.RegexParser.QUESTION or G.RegexParser.LBRACE
                    or G.RegexParser.UNION or G.RegexParser.AND or G.RegexParser.MINUS when expression:
                    break; // operators that may follow an expression add nothing once "an expression" is listed
                default:
                    names.Add(Name(t));
                    break;
            }
        }
        names = names.Distinct().ToList();
        return AntlrErrorText.JoinAlternatives(names);
    }

    private static string Name(int tokenType) => tokenType switch
    {
        TokenConstants.EOF => "end of input",
        G.RegexParser.INT => "a number",
        G.RegexParser.WORD or G.RegexParser.QUOTED => "a symbol",
        _ => G.RegexParser.DefaultVocabulary.GetLiteralName(tokenType) ?? G.RegexParser.DefaultVocabulary.GetDisplayName(tokenType),
    };

}
