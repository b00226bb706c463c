using System.Globalization;
using System.Text;

namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// Prints a <see cref="RegexNode"/> in the concrete syntax of grammars/Regex.g4 with the fewest
/// parentheses, such that parsing the text over the same alphabet gives back the same node
/// (<c>parse(print(r)) = r</c>). Symbols print bare when their name is one letter followed by
/// digits or underscores, otherwise quoted (<c>&lt;foo&gt;</c>); juxtaposed symbols that would spell
/// the keywords <c>eps</c> or <c>empty</c> are separated by spaces. <c>ε|r</c> prints as <c>r?</c>,
/// <c>r{1,}</c> as <c>r+</c>, the full set as <c>Σ</c>, a set more than twice as large as its complement as <c>[^…]</c>.
/// </summary>
public static class RegexPrinter
{
    private const int UnionLevel = 0, IntersectionLevel = 1, ConcatLevel = 2, PrefixLevel = 3, PostfixLevel = 4, AtomLevel = 5;

    /// <summary>Prints <paramref name="node"/>.</summary>
    /// <param name="node">The expression.</param>
    public static string Print(RegexNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node, UnionLevel);
        return SeparateKeywords(sb.ToString());
    }

    /// <summary>The printed form of one symbol name: bare (<c>a</c>, <c>b0</c>) or quoted (<c>&lt;foo&gt;</c>).</summary>
    /// <param name="name">A valid symbol name.</param>
    public static string SymbolText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool bare = name.Length > 0 && char.IsAsciiLetter(name[0]);
        for (int i = 1; i < name.Length && bare; i++) bare = char.IsAsciiDigit(name[i]) || name[i] == '_';
        return bare ? name : "<" + name + ">";
    }

    private static int Level(RegexNode n) => n.Kind switch
    {
        RegexKind.Concat => ConcatLevel,
        RegexKind.Union => n.ChildArray[0].Kind == RegexKind.Epsilon ? PostfixLevel : UnionLevel,
        RegexKind.Intersection => IntersectionLevel,
        RegexKind.Complement => PrefixLevel,
        RegexKind.Star or RegexKind.Repeat => PostfixLevel,
        _ => AtomLevel,
    };

    private static void Write(StringBuilder sb, RegexNode n, int context)
    {
        if (Level(n) < context)
        {
            sb.Append('(');
            Write(sb, n, UnionLevel);
            sb.Append(')');
            return;
        }
        switch (n.Kind)
        {
            case RegexKind.Empty: sb.Append('∅'); break;
            case RegexKind.Epsilon: sb.Append('ε'); break;
            case RegexKind.Symbols: WriteSet(sb, n); break;
            case RegexKind.Concat:
                for (var c = n; ; c = c.Right)
                {
                    if (c.Kind != RegexKind.Concat) { Write(sb, c, PrefixLevel); break; }
                    Write(sb, c.Left, PrefixLevel);
                }
                break;
            case RegexKind.Union:
            {
                var items = n.ChildArray;
                if (items[0].Kind == RegexKind.Epsilon)
                {
                    // ε sorts first: ε | r1 | … prints as (r1|…)?
                    if (items.Length == 2) Write(sb, items[1], PostfixLevel);
                    else
                    {
                        sb.Append('(');
                        Join(sb, items.AsSpan(1), "|", IntersectionLevel);
                        sb.Append(')');
                    }
                    sb.Append('?');
                }
                else Join(sb, items, "|", IntersectionLevel);
                break;
            }
            case RegexKind.Intersection: Join(sb, n.ChildArray, "&", ConcatLevel); break;
            case RegexKind.Complement:
                sb.Append('~');
                Write(sb, n.Left, PostfixLevel);
                break;
            case RegexKind.Star:
                Write(sb, n.Left, PostfixLevel);
                sb.Append('*');
                break;
            case RegexKind.Repeat:
                Write(sb, n.Left, PostfixLevel);
                if (n.Min == 1 && n.Max == RegexNode.Unbounded) sb.Append('+');
                else
                {
                    sb.Append('{').Append(n.Min.ToString(CultureInfo.InvariantCulture));
                    if (n.Max == RegexNode.Unbounded) sb.Append(',');
                    else if (n.Max != n.Min) sb.Append(',').Append(n.Max.ToString(CultureInfo.InvariantCulture));
                    sb.Append('}');
                }
                break;
        }
    }

    private static void Join(StringBuilder sb, ReadOnlySpan<RegexNode> items, string separator, int context)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (i > 0) sb.Append(separator);
            Write(sb, items[i], context);
        }
    }

    private static void WriteSet(StringBuilder sb, RegexNode n)
    {
        var alphabet = n.Alphabet;
        var set = n.Symbols;
        if (set.Count == 1)
        {
            sb.Append(SymbolText(alphabet[set.Members().First()]));
            return;
        }
        if (set.Count == alphabet.Count)
        {
            sb.Append('Σ');
            return;
        }
        var complement = set.Complement(alphabet.Count);
        bool negate = 2 * complement.Count < set.Count;
        sb.Append(negate ? "[^" : "[");
        sb.AppendJoin(' ', (negate ? complement : set).Members().Select(i => SymbolText(alphabet[i])));
        sb.Append(']');
    }

    // A maximal letter run spelling `eps` or `empty` would read as a keyword: space its symbols.
    private static string SeparateKeywords(string text)
    {
        StringBuilder? result = null;
        int copied = 0;
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == '<')
            {
                int close = text.IndexOf('>', i);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }
            if (!char.IsAsciiLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
            var run = text.AsSpan(start, i - start);
            if (run is "eps" or "empty")
            {
                result ??= new StringBuilder(text.Length + 8);
                result.Append(text, copied, start - copied);
                result.AppendJoin(' ', run.ToString().ToCharArray());
                copied = i;
            }
        }
        if (result is null) return text;
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }
}
