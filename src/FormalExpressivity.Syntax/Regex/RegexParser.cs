using Antlr4.Runtime;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Antlr;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// Parses extended regular expressions (grammars/Regex.g4, documented in grammars/README.md) into
/// hash-consed <see cref="RegexNode"/>s. Never throws on bad input: every problem is a positioned
/// <see cref="Diagnostic"/>.
/// <list type="table">
/// <item><term>RE002</term><description>syntax error (the first one)</description></item>
/// <item><term>RE001</term><description>a character that is not part of the syntax</description></item>
/// <item><term>RE009</term><description>a symbol that is not in the declared alphabet</description></item>
/// <item><term>RE004</term><description>nesting deeper than <see cref="MaxNestingDepth"/> parentheses or <see cref="MaxTreeDepth"/> operators</description></item>
/// <item><term>RE005</term><description>a repetition count above the state budget (<c>--max-states</c>, see <see cref="Parse(string, Alphabet?, int)"/>) or an upper bound below the lower one</description></item>
/// <item><term>RE006</term><description>no alphabet declared and none can be inferred (no symbol occurs, or more than 64 do)</description></item>
/// </list>
/// </summary>
public static class RegexParser
{
    /// <summary>The deepest parenthesis nesting accepted; checked by a scan before ANTLR's recursive descent runs.</summary>
    public const int MaxNestingDepth = 100;

    /// <summary>The deepest <see cref="RegexNode.Depth"/> accepted (bounds the recursion of every later algorithm).</summary>
    public const int MaxTreeDepth = 1000;

    /// <summary>
    /// The largest count m or n of one repetition <c>r{m,n}</c> when no state budget is given: the library default of
    /// <c>max-states</c> (<see cref="FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates"/>). With a budget the
    /// limit is the budget itself (<see cref="Parse(string, Alphabet?, int)"/>).
    /// </summary>
    public const int DefaultMaxRepetitionCount = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>
    /// Parses <paramref name="text"/> over <paramref name="alphabet"/>. When no alphabet is given,
    /// it is <b>the symbols that occur</b> in the text (including inside sets), in ordinal order of
    /// their names; <c>Σ</c>, <c>.</c> and <c>[^…]</c> are then relative to that inferred alphabet.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it.</param>
    public static ParseResult<RegexNode> Parse(string text, Alphabet? alphabet = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseCore(text, alphabet, null, DefaultMaxRepetitionCount);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="Parse(string, Alphabet?)"/> does, accepting repetition counts up to
    /// <paramref name="maxStates"/>, the <c>max-states</c> budget of the construction that follows (RE005 otherwise,
    /// naming <c>--max-states</c> and the value that admits the count).
    /// <para>
    /// Why the state budget bounds a count: a DFA for <c>r{m,n}</c> whose operand has no empty word needs more than m
    /// states (its shortest word has length ≥ m; <c>RegexStateBound</c>), and with one the constructions still walk the
    /// count one step at a time (a derivative or position state per count: <c>(a*b*){1000}</c> = Σ* exceeds
    /// <c>--max-states 100</c> in the subset construction). So no count above the budget can be built within it in
    /// general, and raising <c>--max-states</c> raises the limit with it.
    /// </para>
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it.</param>
    /// <param name="maxStates">The <c>max-states</c> budget, ≥ 1: the largest repetition count accepted.</param>
    public static ParseResult<RegexNode> Parse(string text, Alphabet? alphabet, int maxStates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        return ParseCore(text, alphabet, null, maxStates);
    }

    /// <summary>Parses <paramref name="text"/> with <paramref name="builder"/>, so the result shares nodes with earlier ones.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="builder">The builder; its alphabet is the declared alphabet.</param>
    public static ParseResult<RegexNode> Parse(string text, RegexBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(builder);
        return ParseCore(text, builder.Alphabet, builder, DefaultMaxRepetitionCount);
    }

    /// <summary>Parses or throws <see cref="InputException"/> carrying the diagnostics.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it.</param>
    public static RegexNode ParseOrThrow(string text, Alphabet? alphabet = null) => Parse(text, alphabet).GetValueOrThrow();

    private static ParseResult<RegexNode> ParseCore(string text, Alphabet? alphabet, RegexBuilder? builder, int maxCount)
    {
        // ANTLR parses nested groups by recursion: reject deep nesting before it runs.
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(' && ++depth > MaxNestingDepth)
                return ParseResult<RegexNode>.Fail(Diagnostic.Error("RE004", text, i, 1, $"parentheses are nested deeper than the limit {MaxNestingDepth}"));
            if (text[i] == ')' && depth > 0) depth--;
        }

        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<RegexNode>.Fail(Diagnostic.Error("RE008", text, 0, text.Length, "the expression is empty (write eps for the empty word, [] for the empty language)"));
        var listener = new SyntaxErrorCollector(text, SyntaxErrorStyle.Regex);
        var lexer = new G.RegexLexer(new AntlrInputStream(text));
        var tokens = new CommonTokenStream(lexer);
        var parser = new G.RegexParser(tokens);
        listener.Attach(lexer, parser);
        var tree = parser.regex();
        if (listener.CharacterErrors.Count > 0) return ParseResult<RegexNode>.Fail(listener.CharacterErrors);
        if (listener.ParserError is not null) return ParseResult<RegexNode>.Fail(UnmatchedParenthesis(text, tokens) ?? listener.ParserError);

        var occurrences = RegexTreeBuilder.CollectSymbols(tokens.GetTokens());
        if (alphabet is null)
        {
            var names = occurrences.Select(o => o.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (names.Count == 0)
                return ParseResult<RegexNode>.Fail(Diagnostic.Error("RE006", text, 0, text.Length,
                    "no symbol occurs in the expression, so the alphabet cannot be inferred; declare one"));
            if (names.Count > Alphabet.MaxSymbols)
                return ParseResult<RegexNode>.Fail(Diagnostic.Error("RE006", text, 0, text.Length,
                    $"{names.Count} distinct symbols occur, more than the {Alphabet.MaxSymbols} an alphabet may have"));
            alphabet = Alphabet.Create(names);
        }
        else
        {
            // A loop, not Where(…).Select(…): LINQ's Select on a Where iterator is a generic virtual call, resolved by the
            // runtime type loader in the Native AOT fex.
            var unknown = new List<Diagnostic>();
            foreach (var o in occurrences)
                if (alphabet.IndexOf(o.Name) < 0)
                    unknown.Add(Diagnostic.Error("RE009", text, o.Offset, o.Length, $"'{o.Name}' is not a symbol of the alphabet {alphabet}"));
            if (unknown.Count > 0) return ParseResult<RegexNode>.Fail(unknown);
        }
        return RegexTreeBuilder.Build(text, tree, builder ?? new RegexBuilder(alphabet), MaxTreeDepth, maxCount);
    }

    /// <summary>After a syntax error: an unmatched parenthesis token (quoted symbols excluded) gets its own diagnostic (RE007), as in LTL and FO.</summary>
    private static Diagnostic? UnmatchedParenthesis(string text, CommonTokenStream tokens)
    {
        var open = new Stack<IToken>();
        foreach (var token in tokens.GetTokens())
        {
            if (token.Type == G.RegexParser.LPAREN) open.Push(token);
            else if (token.Type == G.RegexParser.RPAREN)
            {
                if (open.Count == 0) return Diagnostic.Error("RE007", text, token.StartIndex, 1, "')' has no matching '('");
                open.Pop();
            }
        }
        return open.Count > 0 ? Diagnostic.Error("RE007", text, open.Peek().StartIndex, 1, "'(' is never closed") : null;
    }
}
