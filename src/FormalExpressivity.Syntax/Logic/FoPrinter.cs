using System.Text;

namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// Prints FO[&lt;] formulas in the ASCII syntax <see cref="FoParser"/> reads back (parse ∘ print = id).
/// Precedence, loosest first: <c>&lt;-&gt;</c>, <c>-&gt;</c> (right-associative), <c>|</c>, <c>&amp;</c>,
/// prefix <c>!</c>. A quantifier's body extends as far right as possible, so a quantified formula is
/// parenthesized exactly when something follows it. Labels spelled like keywords are quoted.
/// </summary>
public static class FoPrinter
{
    /// <summary>Prints <paramref name="formula"/>.</summary>
    /// <param name="formula">The formula.</param>
    public static string Print(FoFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var sb = new StringBuilder();
        Write(sb, formula, 0, rightmost: true);
        return sb.ToString();
    }

    // Levels: 0 iff, 1 implies, 2 or, 3 and, 4 prefix and atoms.
    private static int Level(FoKind kind) => kind switch
    {
        FoKind.Iff => 0,
        FoKind.Implies => 1,
        FoKind.Or => 2,
        FoKind.And => 3,
        _ => 4,
    };

    private static void Write(StringBuilder sb, FoFormula f, int context, bool rightmost)
    {
        // Prefix chains (negations, quantifiers) are written iteratively.
        while (f.Kind is FoKind.Not or FoKind.Exists or FoKind.Forall)
        {
            if (f.Kind == FoKind.Not)
            {
                sb.Append('!');
                context = 4;
            }
            else
            {
                if (!rightmost)
                {
                    sb.Append('(');
                    Write(sb, f, 0, rightmost: true);
                    sb.Append(')');
                    return;
                }
                sb.Append(f.Kind == FoKind.Exists ? "exists " : "forall ").Append(f.Variables[0]).Append(". ");
                context = 0;
            }
            f = f.Children[0];
        }
        int level = Level(f.Kind);
        bool paren = level < context;
        if (paren)
        {
            sb.Append('(');
            rightmost = true;
        }
        var v = f.Variables;
        switch (f.Kind)
        {
            case FoKind.True: sb.Append("true"); break;
            case FoKind.False: sb.Append("false"); break;
            case FoKind.Label:
                sb.Append(FoParser.ReservedWords.Contains(f.Symbol!) ? $"'{f.Symbol}'" : f.Symbol).Append('(').Append(v[0]).Append(')');
                break;
            case FoKind.Less: sb.Append(v[0]).Append(" < ").Append(v[1]); break;
            case FoKind.Equal: sb.Append(v[0]).Append(" = ").Append(v[1]); break;
            case FoKind.Successor: sb.Append("succ(").Append(v[0]).Append(", ").Append(v[1]).Append(')'); break;
            case FoKind.First: sb.Append("first(").Append(v[0]).Append(')'); break;
            case FoKind.Last: sb.Append("last(").Append(v[0]).Append(')'); break;
            case FoKind.Iff: Binary(sb, f, " <-> ", 1, 1, rightmost); break;
            case FoKind.Implies: Binary(sb, f, " -> ", 2, 1, rightmost); break;
            case FoKind.Or: Binary(sb, f, " | ", 2, 3, rightmost); break;
            case FoKind.And: Binary(sb, f, " & ", 3, 4, rightmost); break;
            default: throw new ArgumentOutOfRangeException(nameof(f));
        }
        if (paren) sb.Append(')');
    }

    private static void Binary(StringBuilder sb, FoFormula f, string op, int leftContext, int rightContext, bool rightmost)
    {
        Write(sb, f.Children[0], leftContext, rightmost: false);
        sb.Append(op);
        Write(sb, f.Children[1], rightContext, rightmost);
    }
}
