using System.Text;

namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// Prints formulas in the ASCII syntax that the LTL parser reads back (parse ∘ print = id).
/// Precedence, loosest first: <c>&lt;-&gt;</c>, <c>-&gt;</c> (right-associative), <c>|</c>, <c>&amp;</c>,
/// <c>S</c> and <c>U</c> (right-associative), then the prefix operators <c>!</c>, <c>Y</c>,
/// <c>Y[&lt;=k]</c>, <c>Y[&lt;=k,&gt;=c]</c>, <c>P</c>, <c>H</c>, <c>X</c>, <c>F</c>, <c>G</c>.
/// Parentheses are printed only where precedence needs them. Atoms spelled like an operator or
/// constant (<see cref="LtlParser.ReservedWords"/>) are printed quoted: <c>'P'</c>.
/// </summary>
public static class LtlPrinter
{
    /// <summary>Prints <paramref name="formula"/>.</summary>
    /// <param name="formula">The formula.</param>
    public static string Print(LtlFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var sb = new StringBuilder();
        Write(sb, formula, 0);
        return sb.ToString();
    }

    // Precedence levels: 0 iff, 1 implies, 2 or, 3 and, 4 since/until, 5 prefix/atoms.
    internal static int Level(LtlKind kind) => kind switch
    {
        LtlKind.Iff => 0,
        LtlKind.Implies => 1,
        LtlKind.Or => 2,
        LtlKind.And => 3,
        LtlKind.Since or LtlKind.Until => 4,
        _ => 5,
    };

    private static void Write(StringBuilder sb, LtlFormula f, int context)
    {
        // Deep formulas (e.g. long Y chains) are printed iteratively along prefix chains.
        int level = Level(f.Kind);
        bool paren = level < context;
        if (paren) sb.Append('(');
        switch (f.Kind)
        {
            case LtlKind.True: sb.Append("true"); break;
            case LtlKind.False: sb.Append("false"); break;
            case LtlKind.Atom: sb.Append(LtlParser.ReservedWords.Contains(f.Atom!) ? $"'{f.Atom}'" : f.Atom); break;
            case LtlKind.Iff: Binary(sb, f, " <-> ", 1, 1); break;
            case LtlKind.Implies: Binary(sb, f, " -> ", 2, 1); break;
            case LtlKind.Or: Binary(sb, f, " | ", 2, 3); break;
            case LtlKind.And: Binary(sb, f, " & ", 3, 4); break;
            case LtlKind.Since: Binary(sb, f, " S ", 5, 4); break;
            case LtlKind.Until: Binary(sb, f, " U ", 5, 4); break;
            default:
                var node = f;
                while (node.Kind is LtlKind.Not or LtlKind.Yesterday or LtlKind.WindowYesterday or LtlKind.WindowCount
                       or LtlKind.Past or LtlKind.Historically or LtlKind.Next or LtlKind.Future or LtlKind.Globally)
                {
                    sb.Append(Prefix(node));
                    node = node.Left;
                }
                Write(sb, node, 5);
                break;
        }
        if (paren) sb.Append(')');
    }

    private static void Binary(StringBuilder sb, LtlFormula f, string op, int leftContext, int rightContext)
    {
        Write(sb, f.Left, leftContext);
        sb.Append(op);
        Write(sb, f.Right, rightContext);
    }

    private static string Prefix(LtlFormula f) => f.Kind switch
    {
        LtlKind.Not => "!",
        LtlKind.Yesterday => "Y ",
        LtlKind.WindowYesterday => $"Y[<={f.Window}] ",
        LtlKind.WindowCount => $"Y[<={f.Window},>={f.Count}] ",
        LtlKind.Past => "P ",
        LtlKind.Historically => "H ",
        LtlKind.Next => "X ",
        LtlKind.Future => "F ",
        LtlKind.Globally => "G ",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };
}
