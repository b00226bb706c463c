using System.Text;

namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// Prints a formula in <see cref="LtlPrinter"/>'s syntax with the operands of ∧/∨ chains sorted by
/// their text, so the output does not depend on hash-consing ids (creation order in the process):
/// reports and snapshots are deterministic, and the text is a canonical key wherever subformulas must be
/// ordered (the heads and gates of a compiled transformer).
/// </summary>
public static class CanonicalFormulaText
{
    /// <summary>The canonical text of <paramref name="formula"/>.</summary>
    /// <param name="formula">The formula.</param>
    public static string Print(LtlFormula formula) => Print(formula, MaxLength);

    /// <summary>
    /// The largest text ever built: a hash-consed formula is a DAG whose text (a tree) can be exponentially
    /// longer than the DAG, e.g. a synthesized formula for a^24; past this many characters the text is cut.
    /// </summary>
    public const int MaxLength = 1_000_000;

    /// <summary>
    /// The canonical text of <paramref name="formula"/>, built in time and memory bounded by
    /// <paramref name="maxLength"/>: every partial text is cut after <paramref name="maxLength"/> + 1 characters, so the
    /// result is the full text when it has at most <paramref name="maxLength"/> characters and otherwise is longer than
    /// <paramref name="maxLength"/> (its prefix is then an abbreviation, for display only).
    /// </summary>
    /// <param name="formula">The formula.</param>
    /// <param name="maxLength">The length beyond which the text is cut (at least 1).</param>
    public static string Print(LtlFormula formula, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        int cap = maxLength + 1;
        var memo = new Dictionary<int, string>();
        var subformulas = formula.Subformulas();
        // A ∧/∨ node whose every parent has its own kind is flattened into them and never printed alone.
        var alone = new HashSet<int> { formula.Id };
        foreach (var s in subformulas)
            foreach (var c in s.Children)
                if ((s.Kind is not (LtlKind.And or LtlKind.Or) || c.Kind != s.Kind)) alone.Add(c.Id);
        // Children before parents: each Write finds its operands already printed, so the recursion stays a few
        // frames deep however deep the formula is (a synthesized formula for a 5 000-state chain nests thousands deep).
        var state = new Store(cap);
        foreach (var s in subformulas)
            if (s.Kind is not (LtlKind.And or LtlKind.Or) || alone.Contains(s.Id))
            {
                Write(s, memo, cap);
                state.Account(s, memo);
            }
        var text = memo[formula.Id];
        // A text cut by the store's budget is an abbreviation: make it longer than maxLength, as the contract says.
        return state.Cut.Contains(formula.Id) && text.Length < cap ? text.PadRight(cap, '…') : text;
    }

    /// <summary>
    /// Bounds the memory of the memo: once <see cref="StoreChars"/> characters are held, every further text is cut to
    /// <see cref="ShortChars"/> characters and marked, and so is every text built on a marked one (a deep formula of a
    /// 5 000-state DFA would otherwise hold thousands of texts of maxLength characters each).
    /// </summary>
    private sealed class Store(int cap)
    {
        private const long StoreChars = 8_000_000;
        private const int ShortChars = 256;
        private long _held;

        public HashSet<int> Cut { get; } = [];

        public void Account(LtlFormula f, Dictionary<int, string> memo)
        {
            var text = memo[f.Id];
            bool cut = false;
            foreach (var c in f.Children) cut |= Cut.Contains(c.Id) || (c.Kind is LtlKind.And or LtlKind.Or && ChainCut(c));
            if (_held > StoreChars && text.Length > ShortChars)
            {
                memo[f.Id] = text = text[..ShortChars];
                cut = true;
            }
            if (cut || text.Length >= cap) Cut.Add(f.Id);
            _held += text.Length;
        }

        // An operand chain of ∧/∨ flattened into its parent is cut when one of its operands is.
        private bool ChainCut(LtlFormula f)
        {
            var stack = new Stack<LtlFormula>();
            stack.Push(f);
            while (stack.Count > 0)
            {
                var g = stack.Pop();
                if (Cut.Contains(g.Id)) return true;
                if (g.Kind == f.Kind) foreach (var c in g.Children) stack.Push(c);
            }
            return false;
        }
    }

    // LtlPrinter's precedence levels: the same syntax.
    private static int Level(LtlKind kind) => LtlPrinter.Level(kind);

    private static string Write(LtlFormula f, Dictionary<int, string> memo, int cap)
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
                var parts = operands.Select(o => Wrap(o, Level(f.Kind) + 1, memo, cap)).Order(StringComparer.Ordinal);
                text = Join(f.Kind == LtlKind.And ? " & " : " | ", parts, cap);
                break;
            }
            case LtlKind.Iff:
            {
                var parts = new[] { Wrap(f.Left, 1, memo, cap), Wrap(f.Right, 1, memo, cap) }.Order(StringComparer.Ordinal);
                text = string.Join(" <-> ", parts);
                break;
            }
            case LtlKind.Implies: text = Wrap(f.Left, 2, memo, cap) + " -> " + Wrap(f.Right, 1, memo, cap); break;
            case LtlKind.Since: text = Wrap(f.Left, 5, memo, cap) + " S " + Wrap(f.Right, 4, memo, cap); break;
            case LtlKind.Until: text = Wrap(f.Left, 5, memo, cap) + " U " + Wrap(f.Right, 4, memo, cap); break;
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
                sb.Append(Wrap(f.Left, 5, memo, cap));
                text = sb.ToString();
                break;
            }
        }
        if (text.Length > cap) text = text[..cap];
        memo[f.Id] = text;
        return text;
    }

    private static string Join(string separator, IEnumerable<string> parts, int cap)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0) sb.Append(separator);
            sb.Append(part);
            if (sb.Length > cap) break;
        }
        return sb.ToString();
    }

    private static string Wrap(LtlFormula f, int context, Dictionary<int, string> memo, int cap)
    {
        var s = Write(f, memo, cap);
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
