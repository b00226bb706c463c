using System.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Report;

/// <summary>
/// Prints a formula in <see cref="LtlPrinter"/>'s syntax with the operands of ∧/∨ chains sorted by
/// their text, so the output does not depend on hash-consing ids (creation order in the process):
/// reports and snapshots are deterministic.
/// </summary>
public static class CanonicalFormulaText
{
    /// <summary>The canonical text of <paramref name="formula"/>.</summary>
    /// <param name="formula">The formula.</param>
    public static string Print(LtlFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return Write(formula, new Dictionary<int, string>());
    }

    private static int Level(LtlKind kind) => kind switch
    {
        LtlKind.Iff => 0,
        LtlKind.Implies => 1,
        LtlKind.Or => 2,
        LtlKind.And => 3,
        LtlKind.Since or LtlKind.Until => 4,
        _ => 5,
    };

    private static string Write(LtlFormula f, Dictionary<int, string> memo)
    {
        if (memo.TryGetValue(f.Id, out var done)) return done;
        string text;
        switch (f.Kind)
        {
            case LtlKind.True: text = "true"; break;
            case LtlKind.False: text = "false"; break;
            case LtlKind.Atom: text = f.Atom!; break;
            case LtlKind.And or LtlKind.Or:
            {
                var operands = new List<LtlFormula>();
                Flatten(f, f.Kind, operands);
                var parts = operands.Select(o => Wrap(o, Level(f.Kind) + 1, memo)).Order(StringComparer.Ordinal);
                text = string.Join(f.Kind == LtlKind.And ? " & " : " | ", parts);
                break;
            }
            case LtlKind.Iff:
            {
                var parts = new[] { Wrap(f.Left, 1, memo), Wrap(f.Right, 1, memo) }.Order(StringComparer.Ordinal);
                text = string.Join(" <-> ", parts);
                break;
            }
            case LtlKind.Implies: text = Wrap(f.Left, 2, memo) + " -> " + Wrap(f.Right, 1, memo); break;
            case LtlKind.Since: text = Wrap(f.Left, 5, memo) + " S " + Wrap(f.Right, 4, memo); break;
            case LtlKind.Until: text = Wrap(f.Left, 5, memo) + " U " + Wrap(f.Right, 4, memo); break;
            default:
            {
                var sb = new StringBuilder();
                sb.Append(f.Kind switch
                {
                    LtlKind.Not => "!",
                    LtlKind.Yesterday => "Y ",
                    LtlKind.WindowYesterday => FormattableString.Invariant($"Y[<={f.Window}] "),
                    LtlKind.WindowCount => FormattableString.Invariant($"Y[<={f.Window},>={f.Count}] "),
                    LtlKind.Past => "P ",
                    LtlKind.Historically => "H ",
                    LtlKind.Next => "X ",
                    LtlKind.Future => "F ",
                    _ => "G ",
                });
                sb.Append(Wrap(f.Left, 5, memo));
                text = sb.ToString();
                break;
            }
        }
        memo[f.Id] = text;
        return text;
    }

    private static string Wrap(LtlFormula f, int context, Dictionary<int, string> memo)
    {
        var s = Write(f, memo);
        return Level(f.Kind) < context ? "(" + s + ")" : s;
    }

    private static void Flatten(LtlFormula f, LtlKind kind, List<LtlFormula> into)
    {
        var stack = new Stack<LtlFormula>();
        stack.Push(f);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            if (g.Kind == kind)
            {
                stack.Push(g.Right);
                stack.Push(g.Left);
            }
            else into.Add(g);
        }
    }
}
