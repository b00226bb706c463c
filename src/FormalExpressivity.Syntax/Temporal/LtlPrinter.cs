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

    /// <summary>
    /// The ordinal order of the printed forms: <c>CompareText(a, b)</c> has the sign of
    /// <c>string.CompareOrdinal(Print(a), Print(b))</c>, computed without printing either whole. A hash-consed formula is
    /// a DAG whose text can be exponentially longer than it (a synthesized formula for the word a^100 prints to gigabytes),
    /// so both texts are read lazily, and where both sides are about to print the same subformula with the same
    /// parenthesization that stretch is equal and skipped unread.
    /// </summary>
    /// <param name="a">The first formula.</param>
    /// <param name="b">The second formula.</param>
    public static int CompareText(LtlFormula a, LtlFormula b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b)) return 0;
        var x = new TextCursor(a);
        var y = new TextCursor(b);
        while (true)
        {
            if (x.AtItem(out var nx, out bool px) && y.AtItem(out var ny, out bool py) && ReferenceEquals(nx, ny) && px == py)
            {
                x.Skip();
                y.Skip();
                continue;
            }
            int cx = x.Next(), cy = y.Next();
            if (cx != cy) return cx < cy ? -1 : 1;
            if (cx < 0) return 0;
        }
    }

    /// <summary><see cref="CompareText"/> as a comparer (equal texts compare equal).</summary>
    public static IComparer<LtlFormula> TextOrder { get; } = Comparer<LtlFormula>.Create(CompareText);

    /// <summary>
    /// The printed form of a formula read one character at a time: a stack of pending pieces — literal text or a
    /// subformula with its parenthesization, expanded as <see cref="Write"/> would print it only when reached.
    /// </summary>
    private sealed class TextCursor
    {
        private readonly Stack<(string? Text, LtlFormula? Node, bool Paren)> _pending = new();
        private string _current = "";
        private int _position;

        public TextCursor(LtlFormula f) => _pending.Push((null, f, false));

        /// <summary>True when the current literal is used up and the next piece is a subformula (returned).</summary>
        public bool AtItem(out LtlFormula? node, out bool paren)
        {
            node = null;
            paren = false;
            if (_position < _current.Length || _pending.Count == 0 || _pending.Peek().Node is null) return false;
            (_, node, paren) = _pending.Peek();
            return true;
        }

        public void Skip() => _pending.Pop();

        /// <summary>The next character, or −1 at the end.</summary>
        public int Next()
        {
            while (_position >= _current.Length)
            {
                if (_pending.Count == 0) return -1;
                var (text, node, paren) = _pending.Pop();
                if (text is not null)
                {
                    _current = text;
                    _position = 0;
                }
                else Expand(node!, paren);
            }
            return _current[_position++];
        }

        // Pushes the pieces Write prints for f, last first.
        private void Expand(LtlFormula f, bool paren)
        {
            var pieces = new List<(string? Text, LtlFormula? Node, bool Paren)>();
            if (paren) pieces.Add(("(", null, false));
            switch (f.Kind)
            {
                case LtlKind.True: pieces.Add(("true", null, false)); break;
                case LtlKind.False: pieces.Add(("false", null, false)); break;
                case LtlKind.Atom: pieces.Add((LtlParser.ReservedWords.Contains(f.Atom!) ? $"'{f.Atom}'" : f.Atom!, null, false)); break;
                case LtlKind.Iff: Binary(" <-> ", 1, 1); break;
                case LtlKind.Implies: Binary(" -> ", 2, 1); break;
                case LtlKind.Or: Binary(" | ", 2, 3); break;
                case LtlKind.And: Binary(" & ", 3, 4); break;
                case LtlKind.Since: Binary(" S ", 5, 4); break;
                case LtlKind.Until: Binary(" U ", 5, 4); break;
                default: pieces.Add((Prefix(f), null, false)); pieces.Add((null, f.Left, Level(f.Left.Kind) < 5)); break;
            }
            if (paren) pieces.Add((")", null, false));
            for (int i = pieces.Count - 1; i >= 0; i--) _pending.Push(pieces[i]);

            void Binary(string op, int leftContext, int rightContext)
            {
                pieces.Add((null, f.Left, Level(f.Left.Kind) < leftContext));
                pieces.Add((op, null, false));
                pieces.Add((null, f.Right, Level(f.Right.Kind) < rightContext));
            }
        }
    }

    // Precedence levels: 0 iff, 1 implies, 2 or, 3 and, 4 since/until, 5 prefix/atoms.
    private static int Level(LtlKind kind) => kind switch
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
