namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// A character-level pre-scan that bounds the nesting depth of a formula before ANTLR sees it, so
/// that pathological input (100 000 parentheses, <c>!!!!…</c>, <c>Y Y Y …</c>) is rejected with a
/// diagnostic instead of overflowing the stack. The measure is an upper bound on the depth of the
/// resulting syntax tree: each open parenthesis, each prefix operator in the current operand, and
/// each binary operator in the current chain adds one level; a binary operator ends the operand's
/// prefix chain. Bracketed parameters (<c>[&lt;=3,&gt;=2]</c>) and quoted names are skipped.
/// </summary>
internal sealed class NestingScanner
{
    private readonly HashSet<string> _prefixWords;
    private readonly HashSet<string> _binaryWords;
    private readonly string _prefixChars;
    private readonly string _binaryChars;
    private readonly HashSet<string> _scopeWords;
    private readonly string _scopeChars;

    /// <param name="prefixWords">Identifier-like prefix operators (<c>Y</c>, <c>exists</c>).</param>
    /// <param name="binaryWords">Identifier-like binary operators (<c>S</c>, <c>U</c>).</param>
    /// <param name="prefixChars">Single-character prefix operators (<c>!</c>, <c>¬</c>, <c>∃</c>).</param>
    /// <param name="binaryChars">Characters of binary operators; a maximal run counts once.</param>
    /// <param name="scopeWords">Prefix words whose scope extends to the enclosing ')' (quantifiers): they nest like '('.</param>
    /// <param name="scopeChars">Single-character scope operators (<c>∃</c>, <c>∀</c>).</param>
    public NestingScanner(IEnumerable<string> prefixWords, IEnumerable<string> binaryWords, string prefixChars, string binaryChars,
        IEnumerable<string>? scopeWords = null, string scopeChars = "")
    {
        _scopeWords = new HashSet<string>(scopeWords ?? [], StringComparer.Ordinal);
        _scopeChars = scopeChars;
        _prefixWords = new HashSet<string>(prefixWords, StringComparer.Ordinal);
        _binaryWords = new HashSet<string>(binaryWords, StringComparer.Ordinal);
        _prefixChars = prefixChars;
        _binaryChars = binaryChars;
    }

    /// <summary>The result: the largest depth, where it was first reached, and the deepest nesting of parentheses and scopes (what ANTLR recurses on).</summary>
    public readonly record struct Result(int Depth, int Offset, int ParenDepth);

    /// <summary>Scans <paramref name="text"/>; stops early at the first offset where the depth exceeds <paramref name="limit"/>.</summary>
    public Result Scan(string text, int limit)
    {
        // Per open parenthesis: the depth at which its content starts (base), binary ops seen in the chain.
        var bases = new Stack<(int Base, int Binary, int Parens)>();
        int baseDepth = 0, binary = 0, prefix = 0, max = 0, maxAt = 0, parens = 0, maxParens = 0;
        void OpenScope()
        {
            // A quantifier's body runs to the enclosing ')': it nests like an opening parenthesis.
            baseDepth = baseDepth + binary + prefix + 1;
            binary = 0;
            prefix = 0;
            parens++;
            maxParens = Math.Max(maxParens, parens);
        }
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                string word = text[start..i];
                if (_scopeWords.Contains(word)) OpenScope();
                else if (_prefixWords.Contains(word)) prefix++;
                else if (_binaryWords.Contains(word)) { binary++; prefix = 0; }
            }
            else if (c == '(')
            {
                bases.Push((baseDepth, binary, parens));
                OpenScope();
                i++;
            }
            else if (c == ')')
            {
                if (bases.Count > 0)
                {
                    (baseDepth, binary, parens) = bases.Pop();
                }
                prefix = 0;
                i++;
            }
            else if (c == '[')
            {
                while (i < text.Length && text[i] != ']') i++;
                i = Math.Min(text.Length, i + 1);
            }
            else if (c == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'' && text[i] != '\n') i++;
                i = Math.Min(text.Length, i + 1);
            }
            else if (_scopeChars.Contains(c))
            {
                OpenScope();
                i++;
            }
            else if (_prefixChars.Contains(c))
            {
                prefix++;
                i++;
            }
            else if (_binaryChars.Contains(c))
            {
                while (i < text.Length && _binaryChars.Contains(text[i])) i++;
                binary++;
                prefix = 0;
            }
            else i++;
            int depth = baseDepth + binary + prefix;
            if (depth > max)
            {
                max = depth;
                maxAt = start;
                if (max > limit) break;
            }
        }
        return new Result(max, maxAt, maxParens);
    }
}
