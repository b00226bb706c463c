using Antlr4.Runtime;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// How one grammar words its syntax errors for <see cref="SyntaxErrorCollector"/>: its codes, the name of
/// the end of its input, and how it names the tokens a parser expected. The grammars' styles are
/// <see cref="Regex"/>, <see cref="Claims"/> and <see cref="Formula"/> (LTL, FO[&lt;]); the transformer
/// model format keeps ANTLR's own wording (<c>Transformers/Model/TransformerText</c>).
/// </summary>
internal sealed record SyntaxErrorStyle
{
    /// <summary>The code of an unexpected character.</summary>
    public required string CharacterCode { get; init; }

    /// <summary>The code of an unexpected token.</summary>
    public required string TokenCode { get; init; }

    /// <summary>The code of an unexpected end of input.</summary>
    public required string EndCode { get; init; }

    /// <summary>What the end of the input is called in a message.</summary>
    public string EndWord { get; init; } = "end of input";

    /// <summary>What joins "unexpected X" and "expected Y".</summary>
    public string ExpectedSeparator { get; init; } = ", ";

    /// <summary>Lexer errors beyond this many are not reported.</summary>
    public int MaxCharacterErrors { get; init; } = int.MaxValue;

    /// <summary>Whether the expected tokens are listed even after a look-ahead past the decision's first token.</summary>
    public bool ExpectedAfterLookahead { get; init; }

    /// <summary>Whether ANTLR's "missing X" reads "missing X before Y".</summary>
    public bool MissingBefore { get; init; }

    /// <summary>The names of the tokens the parser expected (from the exception when there is one), in message order; null keeps ANTLR's message.</summary>
    public Func<Parser?, RecognitionException?, IReadOnlyList<string>>? Expected { get; init; }

    /// <summary>Codes <c>PREFIX001</c> (character), <c>PREFIX002</c> (token), <c>PREFIX003</c> (end of input): one scheme across grammars.</summary>
    public static SyntaxErrorStyle Numbered(string prefix, Func<Parser?, RecognitionException?, IReadOnlyList<string>>? expected) => new()
    {
        CharacterCode = prefix + "001",
        TokenCode = prefix + "002",
        EndCode = prefix + "003",
        Expected = expected,
    };

    /// <summary>
    /// LTL and FO[&lt;] (prefix <c>LTL</c>, <c>FO</c>): "unexpected X; expected Y", at most ten character errors;
    /// when <paramref name="operandToken"/> (a token that starts every operand) is expected, the list says
    /// "a formula", otherwise it is the sorted names <paramref name="tokenName"/> gives (empty names left out).
    /// </summary>
    public static SyntaxErrorStyle Formula(string prefix, Func<int, string> tokenName, int operandToken) =>
        Numbered(prefix, (parser, e) =>
        {
            var set = AntlrErrorText.ExpectedTokens(parser, e);
            if (set is null) return [];
            if (set.Contains(operandToken)) return ["a formula"];
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (int t in set.ToArray())
            {
                string n = tokenName(t);
                if (n.Length > 0) names.Add(n);
            }
            return [.. names];
        }) with
        {
            ExpectedSeparator = "; ",
            MaxCharacterErrors = 10,
        };

    /// <summary>Regular expressions (<c>RE001</c>–<c>RE003</c>): every operand start is "an expression"; "missing X before Y".</summary>
    public static SyntaxErrorStyle Regex { get; } = Numbered("RE", (parser, _) => RegexExpected(parser)) with
    {
        ExpectedAfterLookahead = true,
        MissingBefore = true,
    };

    /// <summary>Claims files (<c>CLM001</c>–<c>CLM003</c>), parsed line by line: the end is the "end of line"; keywords usable as names are "a name".</summary>
    public static SyntaxErrorStyle Claims { get; } = Numbered("CLM", (parser, _) => ClaimsExpected(parser)) with
    {
        EndWord = "end of line",
    };

    private static List<string> RegexExpected(Parser? parser)
    {
        var set = AntlrErrorText.ExpectedTokens(parser);
        if (set is null) return [];
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
                    if (!expression) names.Add(RegexTokenName(t));
                    break;
                case G.RegexParser.STAR or G.RegexParser.PLUS or G.RegexParser.QUESTION or G.RegexParser.LBRACE
                    or G.RegexParser.UNION or G.RegexParser.AND or G.RegexParser.MINUS when expression:
                    break; // operators that may follow an expression add nothing once "an expression" is listed
                default:
                    names.Add(RegexTokenName(t));
                    break;
            }
        }
        return names.Distinct().ToList();
    }

    private static string RegexTokenName(int tokenType) => tokenType switch
    {
        TokenConstants.EOF => "end of input",
        G.RegexParser.INT => "a number",
        G.RegexParser.WORD or G.RegexParser.QUOTED => "a symbol",
        _ => G.RegexParser.DefaultVocabulary.GetLiteralName(tokenType) ?? G.RegexParser.DefaultVocabulary.GetDisplayName(tokenType),
    };

    private static List<string> ClaimsExpected(Parser? parser)
    {
        var set = AntlrErrorText.ExpectedTokens(parser);
        if (set is null) return [];
        var types = set.ToList();
        var names = new List<string>();
        // Keywords may be used as names: when a name is expected, say "a name" once.
        bool nameExpected = types.Contains(G.ClaimsParser.IDENT);
        if (nameExpected) names.Add("a name");
        foreach (int t in types)
        {
            if (nameExpected && IsClaimsNameToken(t)) continue;
            names.Add(ClaimsTokenName(t));
        }
        return names.Distinct().ToList();
    }

    private static bool IsClaimsNameToken(int t) => t is G.ClaimsParser.IDENT or G.ClaimsParser.ALPHABET or G.ClaimsParser.LANGUAGE
        or G.ClaimsParser.MODEL or G.ClaimsParser.CLAIM or G.ClaimsParser.CONJECTURE or G.ClaimsParser.NOT
        or G.ClaimsParser.RECOGNIZABLE or G.ClaimsParser.BY or G.ClaimsParser.IN or G.ClaimsParser.OVER
        or G.ClaimsParser.UP or G.ClaimsParser.TO or G.ClaimsParser.STATES;

    private static string ClaimsTokenName(int tokenType) => tokenType switch
    {
        TokenConstants.EOF => "end of line",
        G.ClaimsParser.INT => "a number",
        G.ClaimsParser.STRING => "a quoted formula or path",
        G.ClaimsParser.SUBSET => "'⊆'",
        _ => G.ClaimsParser.DefaultVocabulary.GetLiteralName(tokenType) ?? G.ClaimsParser.DefaultVocabulary.GetDisplayName(tokenType),
    };
}
