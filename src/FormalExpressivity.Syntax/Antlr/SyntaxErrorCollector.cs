using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Collects ANTLR lexer and parser errors as positioned diagnostics (replacing the console
/// listener). Only the first parser error is kept (later ones are mostly recovery cascades), and
/// parser errors are dropped when the lexer already failed, since they follow from the bad character.
/// </summary>
internal sealed class SyntaxErrorCollector : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private readonly string _text;
    private readonly string _prefix;
    private readonly Func<int, string> _tokenName;
    private readonly int _operandToken;
    private readonly List<Diagnostic> _lexerErrors = [];
    private Diagnostic? _parserError;

    /// <param name="text">The source text.</param>
    /// <param name="prefix">Diagnostic code prefix (<c>LTL</c>, <c>FO</c>).</param>
    /// <param name="tokenName">Friendly name of a token type, for "expected …" lists.</param>
    /// <param name="operandToken">A token type that starts every operand: when it is expected, the message says "expected a formula".</param>
    public SyntaxErrorCollector(string text, string prefix, Func<int, string> tokenName, int operandToken)
    {
        _operandToken = operandToken;
        _text = text;
        _prefix = prefix;
        _tokenName = tokenName;
    }

    /// <summary>Code of an unexpected character (<c>…001</c>).</summary>
    public string UnexpectedCharacterCode => _prefix + "001";

    /// <summary>Diagnostics in source order: lexer errors, or else the first parser error.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        _lexerErrors.Count > 0 ? _lexerErrors : _parserError is null ? [] : [_parserError];

    /// <summary>Attaches this collector to a lexer and a parser, removing the console listeners.</summary>
    public void Attach(Lexer lexer, Parser parser)
    {
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(this);
        parser.RemoveErrorListeners();
        parser.AddErrorListener(this);
    }

    /// <inheritdoc />
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (_lexerErrors.Count >= 10) return;
        int offset = AntlrErrorText.OffsetOf(_text, line, charPositionInLine);
        if (CodePoints.IsSecondHalf(_text, offset)) return;
        _lexerErrors.Add(Diagnostic.Error(UnexpectedCharacterCode, _text, offset, Math.Max(1, CodePoints.LengthAt(_text, offset)), $"unexpected character {CodePoints.Describe(_text, offset)}"));
    }

    /// <inheritdoc />
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (_parserError is not null) return;
        // A no-viable-alternative error found after looking ahead past the decision's first token
        // (an ambiguous loop exit) reports the decision's follow set, which misleads: omit it then.
        bool lookedAhead = e is NoViableAltException nv && nv.StartToken is not null && offendingSymbol is not null
            && nv.StartToken.TokenIndex != offendingSymbol.TokenIndex;
        var expected = lookedAhead ? [] : ExpectedTokens(recognizer as Parser, e);
        string expectText = expected.Count == 0 ? "" : "; expected " + AntlrErrorText.JoinAlternatives(expected);
        if (offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF)
        {
            _parserError = Diagnostic.Error(_prefix + "003", _text, _text.Length, 0, "unexpected end of input" + expectText);
            return;
        }
        int start = Math.Clamp(offendingSymbol.StartIndex, 0, _text.Length);
        int length = Math.Max(1, offendingSymbol.StopIndex - offendingSymbol.StartIndex + 1);
        _parserError = Diagnostic.Error(_prefix + "002", _text, start, length, $"unexpected '{CodePoints.Clip(offendingSymbol.Text)}'{expectText}");
    }

    private List<string> ExpectedTokens(Parser? parser, RecognitionException? e)
    {
        var set = AntlrErrorText.ExpectedTokens(parser, e);
        if (set is null) return [];
        if (set.Contains(_operandToken)) return ["a formula"];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (int t in set.ToArray())
        {
            string n = _tokenName(t);
            if (n.Length > 0) names.Add(n);
        }
        return [.. names];
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
