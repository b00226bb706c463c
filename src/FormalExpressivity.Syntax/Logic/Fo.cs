using System.Collections.Concurrent;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// Smart constructors for <see cref="FoFormula"/>. They hash-cons (equal formulas are one object)
/// and simplify only where the law holds on every finite word, the empty word included:
/// ¬¬φ = φ; ⊤/⊥ absorption and identity for ∧, ∨, →, ↔; φ ∧ φ = φ ∨ φ = φ; ∃x.⊥ = ⊥; ∀x.⊤ = ⊤.
/// (∃x.⊤ is not ⊤: it is false on the empty word.) Operand order is kept as written.
/// </summary>
public static class Fo
{
    private readonly record struct NodeKey(FoKind Kind, string? Symbol, string? Var1, string? Var2, int Left, int Right);

    private static readonly ConcurrentDictionary<NodeKey, FoFormula> Nodes = new();
    private static int _nextId;

    /// <summary>⊤.</summary>
    public static FoFormula True { get; } = Make(FoKind.True, null, [], []);

    /// <summary>⊥.</summary>
    public static FoFormula False { get; } = Make(FoKind.False, null, [], []);

    /// <summary><c>a(x)</c>: the symbol at x is <paramref name="symbol"/>.</summary>
    /// <param name="symbol">A symbol name (see <see cref="Alphabet.IsValidName"/>).</param>
    /// <param name="x">A variable name.</param>
    public static FoFormula Label(string symbol, string x)
    {
        if (!Alphabet.IsValidName(symbol)) throw new ArgumentException($"'{symbol}' is not a valid symbol name", nameof(symbol));
        return Make(FoKind.Label, symbol, [Variable(x)], []);
    }

    /// <summary><c>x &lt; y</c>.</summary>
    /// <param name="x">The earlier position's variable.</param>
    /// <param name="y">The later position's variable.</param>
    public static FoFormula Less(string x, string y) => Make(FoKind.Less, null, [Variable(x), Variable(y)], []);

    /// <summary><c>x = y</c>.</summary>
    /// <param name="x">A variable.</param>
    /// <param name="y">A variable.</param>
    public static FoFormula Equal(string x, string y) => Make(FoKind.Equal, null, [Variable(x), Variable(y)], []);

    /// <summary><c>succ(x, y)</c>: y = x + 1.</summary>
    /// <param name="x">The earlier position's variable.</param>
    /// <param name="y">The next position's variable.</param>
    public static FoFormula Successor(string x, string y) => Make(FoKind.Successor, null, [Variable(x), Variable(y)], []);

    /// <summary><c>first(x)</c>: x = 1.</summary>
    /// <param name="x">A variable.</param>
    public static FoFormula First(string x) => Make(FoKind.First, null, [Variable(x)], []);

    /// <summary><c>last(x)</c>: x = N.</summary>
    /// <param name="x">A variable.</param>
    public static FoFormula Last(string x) => Make(FoKind.Last, null, [Variable(x)], []);

    /// <summary>¬φ.</summary>
    /// <param name="f">φ.</param>
    public static FoFormula Not(FoFormula f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kind switch
        {
            FoKind.True => False,
            FoKind.False => True,
            FoKind.Not => f.Children[0],
            _ => Make(FoKind.Not, null, [], [f]),
        };
    }

    /// <summary>φ ∧ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static FoFormula And(FoFormula left, FoFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == FoKind.False || right.Kind == FoKind.False) return False;
        if (left.Kind == FoKind.True) return right;
        if (right.Kind == FoKind.True || ReferenceEquals(left, right)) return left;
        return Make(FoKind.And, null, [], [left, right]);
    }

    /// <summary>φ ∨ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static FoFormula Or(FoFormula left, FoFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == FoKind.True || right.Kind == FoKind.True) return True;
        if (left.Kind == FoKind.False) return right;
        if (right.Kind == FoKind.False || ReferenceEquals(left, right)) return left;
        return Make(FoKind.Or, null, [], [left, right]);
    }

    /// <summary>The conjunction of all operands (⊤ when empty).</summary>
    /// <param name="operands">Operands.</param>
    public static FoFormula And(IEnumerable<FoFormula> operands) => operands.Aggregate(True, And);

    /// <summary>The disjunction of all operands (⊥ when empty).</summary>
    /// <param name="operands">Operands.</param>
    public static FoFormula Or(IEnumerable<FoFormula> operands) => operands.Aggregate(False, Or);

    /// <summary>φ → ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static FoFormula Implies(FoFormula left, FoFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == FoKind.True) return right;
        if (left.Kind == FoKind.False || right.Kind == FoKind.True) return True;
        if (right.Kind == FoKind.False) return Not(left);
        return Make(FoKind.Implies, null, [], [left, right]);
    }

    /// <summary>φ ↔ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static FoFormula Iff(FoFormula left, FoFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == FoKind.True) return right;
        if (right.Kind == FoKind.True) return left;
        if (left.Kind == FoKind.False) return Not(right);
        if (right.Kind == FoKind.False) return Not(left);
        return Make(FoKind.Iff, null, [], [left, right]);
    }

    /// <summary>∃x. φ.</summary>
    /// <param name="x">The bound variable.</param>
    /// <param name="body">φ.</param>
    public static FoFormula Exists(string x, FoFormula body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Kind == FoKind.False ? False : Make(FoKind.Exists, null, [Variable(x)], [body]);
    }

    /// <summary>∀x. φ.</summary>
    /// <param name="x">The bound variable.</param>
    /// <param name="body">φ.</param>
    public static FoFormula Forall(string x, FoFormula body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Kind == FoKind.True ? True : Make(FoKind.Forall, null, [Variable(x)], [body]);
    }

    private static string Variable(string x)
    {
        if (!Alphabet.IsValidName(x) || FoParser.ReservedWords.Contains(x))
            throw new ArgumentException($"'{x}' is not a valid variable name (an identifier that is not a keyword)", nameof(x));
        return x;
    }

    private static FoFormula Make(FoKind kind, string? symbol, string[] variables, FoFormula[] children)
    {
        var key = new NodeKey(kind, symbol, variables.Length > 0 ? variables[0] : null, variables.Length > 1 ? variables[1] : null,
            children.Length > 0 ? children[0].Id : -1, children.Length > 1 ? children[1].Id : -1);
        if (Nodes.TryGetValue(key, out var existing)) return existing;
        lock (Nodes)
        {
            if (Nodes.TryGetValue(key, out existing)) return existing;
            var node = new FoFormula(_nextId++, kind, symbol, variables, children);
            Nodes[key] = node;
            return node;
        }
    }
}
