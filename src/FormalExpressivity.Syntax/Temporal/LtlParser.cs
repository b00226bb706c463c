using Antlr4.Runtime;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Antlr;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// Parses temporal formulas in the dialect of <c>grammars/Ltl.g4</c> (documented in
/// <c>grammars/README.md</c>, section "Ltl.g4"); the precedence is the one <see cref="LtlPrinter"/>
/// prints, so <c>Parse(Print(f))</c> returns <c>f</c> itself (hash-consing). Never throws on bad
/// input: every problem is a positioned diagnostic with a stable code.
/// </summary>
/// <remarks>
/// Codes: LTL001 unexpected character; LTL002 unexpected token; LTL003 unexpected end of input;
/// LTL004 nesting limit exceeded; LTL005 window size out of range; LTL005 count out of range;
/// LTL007 unmatched parenthesis; LTL008 empty input; LTL009 atom not in the alphabet;
/// LTL010 (warning) an alphabet symbol is spelled like an operator and must be quoted.
/// </remarks>
public static class LtlParser
{
    /// <summary>The nesting limit: an upper bound on the syntax-tree depth (parentheses, prefix operators, binary chains).</summary>
    public const int MaxNesting = 1000;

    /// <summary>The largest window size k accepted in <c>Y[&lt;=k]</c>.</summary>
    public const int MaxWindow = 4096;

    /// <summary>
    /// Words that are operators or constants and therefore cannot be written as bare atoms; a
    /// symbol with such a name is written quoted (<c>'P'</c>). <see cref="LtlPrinter"/> quotes them.
    /// </summary>
    public static IReadOnlySet<string> ReservedWords { get; } =
        new HashSet<string>(["true", "false", "Y", "P", "O", "H", "S", "X", "F", "G", "U"], StringComparer.Ordinal);

    private static readonly NestingScanner Scanner = new(
        ["Y", "P", "O", "H", "X", "F", "G"], ["S", "U"], "!~\u00AC\u25C6\u25A0\u25CB\u25C7\u2662\u25A1", "&|<>=-\u2194\u21D4\u2192\u21D2\u2228\u2227");

    /// <summary>Parses <paramref name="text"/> with any atoms.</summary>
    /// <param name="text">The formula text.</param>
    public static ParseResult<LtlFormula> Parse(string text) => Parse(text, null);

    /// <summary>
    /// Parses <paramref name="text"/>; when <paramref name="alphabet"/> is given, every atom must be
    /// one of its symbols (LTL009), and symbols spelled like operators draw a warning (LTL010).
    /// </summary>
    /// <param name="text">The formula text.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to accept any atom.</param>
    public static ParseResult<LtlFormula> Parse(string text, Alphabet? alphabet)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
            return ParseResult<LtlFormula>.Fail(Diagnostic.Error("LTL008", text, 0, 0, "the formula is empty"));
        var surrogate = SyntaxErrorCollector.CheckSurrogates(text, "LTL");
        if (surrogate is not null) return ParseResult<LtlFormula>.Fail(surrogate);
        var parens = CheckParentheses(text);
        if (parens is not null) return ParseResult<LtlFormula>.Fail(parens);
        var nesting = Scanner.Scan(text, MaxNesting);
        if (nesting.Depth > MaxNesting)
            return ParseResult<LtlFormula>.Fail(Diagnostic.Error("LTL004", text, nesting.Offset, 1,
                $"the formula nests deeper than the limit of {MaxNesting} levels"));
        return LargeStack.Run(nesting.ParenDepth, () => ParseChecked(text, alphabet));
    }

    /// <summary>Parses or throws <see cref="InputException"/> with the diagnostics.</summary>
    /// <param name="text">The formula text.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c>.</param>
    public static LtlFormula ParseOrThrow(string text, Alphabet? alphabet = null) => Parse(text, alphabet).GetValueOrThrow();

    private static ParseResult<LtlFormula> ParseChecked(string text, Alphabet? alphabet)
    {
        var lexer = new G.LtlLexer(new AntlrInputStream(text));
        var parser = new G.LtlParser(new CommonTokenStream(lexer));
        var errors = new SyntaxErrorCollector(text, FormulaErrors);
        errors.Attach(lexer, parser);
        var tree = parser.start();
        if (errors.Diagnostics.Count > 0) return ParseResult<LtlFormula>.Fail(errors.Diagnostics);
        var builder = new LtlTreeBuilder(text);
        var formula = builder.Formula(tree.formula());
        if (builder.Errors.Count > 0) return ParseResult<LtlFormula>.Fail(builder.Errors);
        if (alphabet is null) return ParseResult<LtlFormula>.Ok(formula);
        var unknown = builder.AtomOccurrences
            .Where(a => !alphabet.TryGetIndex(a.Name, out _))
            .Select(a => Diagnostic.Error("LTL009", text, a.Offset, a.Length, $"atom '{a.Name}' is not a symbol of the alphabet {alphabet}"))
            .ToList();
        if (unknown.Count > 0) return ParseResult<LtlFormula>.Fail(unknown);
        var warnings = alphabet.Symbols.Where(ReservedWords.Contains)
            .Select(s => new Diagnostic("LTL010", SourceSpan.None,
                $"symbol '{s}' is spelled like an LTL operator or constant; write it quoted as '{s}' in formulas", DiagnosticSeverity.Warning))
            .ToList();
        return ParseResult<LtlFormula>.Ok(formula, warnings);
    }

    /// <summary>Unmatched parentheses get their own diagnostic, pointing at the culprit (LTL007).</summary>
    internal static Diagnostic? CheckParentheses(string text, string code = "LTL007")
    {
        var open = new Stack<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') open.Push(i);
            else if (text[i] == ')')
            {
                if (open.Count == 0) return Diagnostic.Error(code, text, i, 1, "')' has no matching '('");
                open.Pop();
            }
        }
        return open.Count > 0 ? Diagnostic.Error(code, text, open.Peek(), 1, "'(' is never closed") : null;
    }

    /// <summary>How LTL syntax errors are worded (codes LTL001–LTL003).</summary>
    private static readonly SyntaxErrorStyle FormulaErrors = SyntaxErrorStyle.Formula("LTL", TokenName, G.LtlParser.TRUE);

    private static string TokenName(int type) => type switch
    {
        G.LtlParser.IFF => "'<->'",
        G.LtlParser.IMPLIES => "'->'",
        G.LtlParser.OR => "'|'",
        G.LtlParser.AND => "'&'",
        G.LtlParser.NOT => "'!'",
        G.LtlParser.TRUE => "'true'",
        G.LtlParser.FALSE => "'false'",
        G.LtlParser.YESTERDAY => "'Y'",
        G.LtlParser.PAST => "'P'",
        G.LtlParser.HISTORICALLY => "'H'",
        G.LtlParser.SINCE => "'S'",
        G.LtlParser.NEXT => "'X'",
        G.LtlParser.FUTURE => "'F'",
        G.LtlParser.GLOBALLY => "'G'",
        G.LtlParser.UNTIL => "'U'",
        G.LtlParser.LPAREN => "'('",
        G.LtlParser.RPAREN => "')'",
        G.LtlParser.LBRACK => "'['",
        G.LtlParser.RBRACK => "']'",
        G.LtlParser.COMMA => "','",
        G.LtlParser.LE => "'<='",
        G.LtlParser.GE => "'>='",
        G.LtlParser.INT => "a number",
        G.LtlParser.IDENT => "an atom",
        G.LtlParser.QUOTED => "a quoted atom",
        TokenConstants.EOF => "end of input",
        _ => "",
    };
}
