using Antlr4.Runtime;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Antlr;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// Parses FO[&lt;] sentences in the dialect of <c>grammars/Fo.g4</c> (documented in
/// <c>grammars/README.md</c>, section "Fo.g4"); <c>Parse(Print(f))</c> returns <c>f</c> itself.
/// Never throws on bad input: every problem is a positioned diagnostic with a stable code.
/// </summary>
/// <remarks>
/// Codes: FO001 unexpected character; FO002 unexpected token; FO003 unexpected end of input;
/// FO004 nesting limit exceeded; FO007 unmatched parenthesis; FO008 empty input; FO009 label not
/// in the alphabet; FO010 free variable; FO011 (warning) an alphabet symbol is spelled like a keyword.
/// </remarks>
public static class FoParser
{
    /// <summary>The nesting limit: an upper bound on the syntax-tree depth (parentheses, quantifiers, negations, binary chains).</summary>
    public const int MaxNesting = 1000;

    /// <summary>Keywords that cannot be written as bare label names; such a symbol is written quoted (<c>'first'(x)</c>).</summary>
    public static IReadOnlySet<string> ReservedWords { get; } =
        new HashSet<string>(["true", "false", "exists", "forall", "succ", "first", "last"], StringComparer.Ordinal);

    private static readonly NestingScanner Scanner = new(
        ["exists", "forall"], [], "!~\u00AC\u2203\u2200", "&|<>=-\u2194\u21D4\u2192\u21D2\u2228\u2227\u2260\u2264\u2265",
        scopeWords: ["exists", "forall"], scopeChars: "\u2203\u2200");

    /// <summary>Parses a sentence with any label names.</summary>
    /// <param name="text">The sentence text.</param>
    public static ParseResult<FoFormula> Parse(string text) => Parse(text, null);

    /// <summary>
    /// Parses a sentence; when <paramref name="alphabet"/> is given, every label must be one of its
    /// symbols (FO009), and symbols spelled like keywords draw a warning (FO011).
    /// </summary>
    /// <param name="text">The sentence text.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to accept any label.</param>
    public static ParseResult<FoFormula> Parse(string text, Alphabet? alphabet)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
            return ParseResult<FoFormula>.Fail(Diagnostic.Error("FO008", text, 0, 0, "the sentence is empty"));
        var surrogate = SyntaxErrorCollector.CheckSurrogates(text, "FO");
        if (surrogate is not null) return ParseResult<FoFormula>.Fail(surrogate);
        var parens = Temporal.LtlParser.CheckParentheses(text, "FO007");
        if (parens is not null) return ParseResult<FoFormula>.Fail(parens);
        var nesting = Scanner.Scan(text, MaxNesting);
        if (nesting.Depth > MaxNesting)
            return ParseResult<FoFormula>.Fail(Diagnostic.Error("FO004", text, nesting.Offset, 1,
                $"the sentence nests deeper than the limit of {MaxNesting} levels"));
        return LargeStack.Run(nesting.ParenDepth, () => ParseChecked(text, alphabet));
    }

    /// <summary>Parses or throws <see cref="InputException"/> with the diagnostics.</summary>
    /// <param name="text">The sentence text.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c>.</param>
    public static FoFormula ParseOrThrow(string text, Alphabet? alphabet = null) => Parse(text, alphabet).GetValueOrThrow();

    private static ParseResult<FoFormula> ParseChecked(string text, Alphabet? alphabet)
    {
        var lexer = new G.FoLexer(new AntlrInputStream(text));
        var parser = new G.FoParser(new CommonTokenStream(lexer));
        var errors = new SyntaxErrorCollector(text, FormulaErrors);
        errors.Attach(lexer, parser);
        var tree = parser.start();
        if (errors.Diagnostics.Count > 0) return ParseResult<FoFormula>.Fail(errors.Diagnostics);
        var builder = new FoTreeBuilder(text);
        var formula = builder.Formula(tree.formula());
        var problems = new List<Diagnostic>(builder.Errors);
        if (alphabet is not null)
            problems.AddRange(builder.LabelOccurrences
                .Where(a => !alphabet.TryGetIndex(a.Name, out _))
                .Select(a => Diagnostic.Error("FO009", text, a.Offset, a.Length, $"label '{a.Name}' is not a symbol of the alphabet {alphabet}")));
        if (problems.Count > 0) return ParseResult<FoFormula>.Fail([.. problems.OrderBy(d => d.Span.Offset)]);
        var warnings = alphabet is null ? [] : alphabet.Symbols.Where(ReservedWords.Contains)
            .Select(s => new Diagnostic("FO011", SourceSpan.None,
                $"symbol '{s}' is spelled like an FO keyword; write it quoted as '{s}' in sentences", DiagnosticSeverity.Warning))
            .ToList();
        return ParseResult<FoFormula>.Ok(formula, warnings);
    }

    /// <summary>How FO[&lt;] syntax errors are worded (codes FO001–FO003).</summary>
    private static readonly SyntaxErrorStyle FormulaErrors = SyntaxErrorStyle.Formula("FO", TokenName, G.FoParser.TRUE);

    private static string TokenName(int type) => type switch
    {
        G.FoParser.IFF => "'<->'",
        G.FoParser.IMPLIES => "'->'",
        G.FoParser.OR => "'|'",
        G.FoParser.AND => "'&'",
        G.FoParser.NOT => "'!'",
        G.FoParser.NEQ => "'!='",
        G.FoParser.LE => "'<='",
        G.FoParser.GE => "'>='",
        G.FoParser.LT => "'<'",
        G.FoParser.GT => "'>'",
        G.FoParser.EQ => "'='",
        G.FoParser.TRUE => "'true'",
        G.FoParser.FALSE => "'false'",
        G.FoParser.EXISTS => "'exists'",
        G.FoParser.FORALL => "'forall'",
        G.FoParser.SUCC => "'succ'",
        G.FoParser.FIRST => "'first'",
        G.FoParser.LAST => "'last'",
        G.FoParser.LPAREN => "'('",
        G.FoParser.RPAREN => "')'",
        G.FoParser.COMMA => "','",
        G.FoParser.DOT => "'.'",
        G.FoParser.IDENT => "a variable",
        G.FoParser.QUOTED => "a quoted label",
        TokenConstants.EOF => "end of input",
        _ => "",
    };
}
