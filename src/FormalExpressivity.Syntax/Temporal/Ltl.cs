using System.Collections.Concurrent;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// Smart constructors for <see cref="LtlFormula"/>: they hash-cons (equal formulas are one object)
/// and apply only semantics-preserving simplifications on finite words with strict operators:
/// ¬¬φ = φ; ⊤/⊥ absorption and identity for ∧, ∨; φ ∧ φ = φ; φ ∧ ¬φ = ⊥ (dually for ∨);
/// commutative operands ordered by <see cref="LtlFormula.Id"/>; Y ⊥ = P ⊥ = X ⊥ = F ⊥ = ⊥;
/// H ⊤ = G ⊤ = ⊤; φ S ⊥ = φ U ⊥ = ⊥; Y[&lt;=1] = Y; a window count with c = 1 is Y[&lt;=k], with c &gt; k is ⊥.
/// (Y ⊤ and P ⊤ are not ⊤: they are false at position 1.)
/// </summary>
public static class Ltl
{
    private readonly record struct NodeKey(LtlKind Kind, string? Atom, int Window, int Count, int Left, int Right);

    private static readonly ConcurrentDictionary<NodeKey, LtlFormula> Nodes = new();
    private static int _nextId;

    /// <summary>⊤.</summary>
    public static LtlFormula True { get; } = Make(LtlKind.True, null, 0, 0, []);

    /// <summary>⊥.</summary>
    public static LtlFormula False { get; } = Make(LtlKind.False, null, 0, 0, []);

    /// <summary>The atom π_name.</summary>
    /// <param name="name">A symbol name (see <see cref="Alphabet.IsValidName"/>).</param>
    public static LtlFormula Atom(string name)
    {
        if (!Alphabet.IsValidName(name)) throw new ArgumentException($"'{name}' is not a valid symbol name", nameof(name));
        return Make(LtlKind.Atom, name, 0, 0, []);
    }

    /// <summary>¬φ.</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Not(LtlFormula f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kind switch
        {
            LtlKind.True => False,
            LtlKind.False => True,
            LtlKind.Not => f.Left,
            _ => Make(LtlKind.Not, null, 0, 0, [f]),
        };
    }

    /// <summary>φ ∧ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula And(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == LtlKind.False || right.Kind == LtlKind.False) return False;
        if (left.Kind == LtlKind.True) return right;
        if (right.Kind == LtlKind.True) return left;
        if (ReferenceEquals(left, right)) return left;
        if (IsNegationOf(left, right)) return False;
        return Commutative(LtlKind.And, left, right);
    }

    /// <summary>φ ∨ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula Or(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == LtlKind.True || right.Kind == LtlKind.True) return True;
        if (left.Kind == LtlKind.False) return right;
        if (right.Kind == LtlKind.False) return left;
        if (ReferenceEquals(left, right)) return left;
        if (IsNegationOf(left, right)) return True;
        return Commutative(LtlKind.Or, left, right);
    }

    /// <summary>The conjunction of all operands (⊤ when empty).</summary>
    /// <param name="operands">Operands.</param>
    public static LtlFormula And(IEnumerable<LtlFormula> operands) => operands.Aggregate(True, And);

    /// <summary>The disjunction of all operands (⊥ when empty).</summary>
    /// <param name="operands">Operands.</param>
    public static LtlFormula Or(IEnumerable<LtlFormula> operands) => operands.Aggregate(False, Or);

    /// <summary>φ → ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula Implies(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Kind == LtlKind.True) return right;
        if (left.Kind == LtlKind.False || right.Kind == LtlKind.True) return True;
        if (right.Kind == LtlKind.False) return Not(left);
        if (ReferenceEquals(left, right)) return True;
        return Make(LtlKind.Implies, null, 0, 0, [left, right]);
    }

    /// <summary>φ ↔ ψ.</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula Iff(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (ReferenceEquals(left, right)) return True;
        if (left.Kind == LtlKind.True) return right;
        if (right.Kind == LtlKind.True) return left;
        if (left.Kind == LtlKind.False) return Not(right);
        if (right.Kind == LtlKind.False) return Not(left);
        return Commutative(LtlKind.Iff, left, right);
    }

    /// <summary>Y φ.</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Yesterday(LtlFormula f) => UnaryTemporal(LtlKind.Yesterday, f, 1);

    /// <summary>Y applied <paramref name="times"/> times (Y⁰φ = φ).</summary>
    /// <param name="times">How many Y.</param>
    /// <param name="f">φ.</param>
    public static LtlFormula YesterdayPower(int times, LtlFormula f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        for (int i = 0; i < times; i++) f = Yesterday(f);
        return f;
    }

    /// <summary>Y[&lt;=k] φ; Y[&lt;=1] φ is Y φ.</summary>
    /// <param name="k">Window size k ≥ 1.</param>
    /// <param name="f">φ.</param>
    public static LtlFormula WindowYesterday(int k, LtlFormula f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return k == 1 ? Yesterday(f) : UnaryTemporal(LtlKind.WindowYesterday, f, k);
    }

    /// <summary>Y[&lt;=k,&gt;=c] φ: at least c of the last k positions satisfy φ (theory.md §3.1).</summary>
    /// <param name="k">Window size k ≥ 1.</param>
    /// <param name="c">Threshold c ≥ 1.</param>
    /// <param name="f">φ.</param>
    public static LtlFormula WindowCount(int k, int c, LtlFormula f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(c, 1);
        ArgumentNullException.ThrowIfNull(f);
        if (c > k || f.Kind == LtlKind.False) return False;
        if (c == 1) return WindowYesterday(k, f);
        return Make(LtlKind.WindowCount, null, k, c, [f]);
    }

    /// <summary>P φ (strict past).</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Past(LtlFormula f) => UnaryTemporal(LtlKind.Past, f, 0);

    /// <summary>H φ (historically).</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Historically(LtlFormula f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kind == LtlKind.True ? True : Make(LtlKind.Historically, null, 0, 0, [f]);
    }

    /// <summary>φ S ψ (strict since).</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula Since(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return right.Kind == LtlKind.False ? False : Make(LtlKind.Since, null, 0, 0, [left, right]);
    }

    /// <summary>X φ (strict next).</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Next(LtlFormula f) => UnaryTemporal(LtlKind.Next, f, 0);

    /// <summary>F φ (strict future).</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Future(LtlFormula f) => UnaryTemporal(LtlKind.Future, f, 0);

    /// <summary>G φ (globally, strict).</summary>
    /// <param name="f">φ.</param>
    public static LtlFormula Globally(LtlFormula f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kind == LtlKind.True ? True : Make(LtlKind.Globally, null, 0, 0, [f]);
    }

    /// <summary>φ U ψ (strict until).</summary>
    /// <param name="left">φ.</param>
    /// <param name="right">ψ.</param>
    public static LtlFormula Until(LtlFormula left, LtlFormula right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return right.Kind == LtlKind.False ? False : Make(LtlKind.Until, null, 0, 0, [left, right]);
    }

    /// <summary>Rebuilds a node of the same kind from new children (parameters taken from <paramref name="template"/>), through the smart constructors.</summary>
    /// <param name="template">The node whose kind, atom and parameters are kept.</param>
    /// <param name="children">New operands (same arity).</param>
    public static LtlFormula WithChildren(LtlFormula template, IReadOnlyList<LtlFormula> children)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(children);
        return template.Kind switch
        {
            LtlKind.True or LtlKind.False or LtlKind.Atom => template,
            LtlKind.Not => Not(children[0]),
            LtlKind.And => And(children[0], children[1]),
            LtlKind.Or => Or(children[0], children[1]),
            LtlKind.Implies => Implies(children[0], children[1]),
            LtlKind.Iff => Iff(children[0], children[1]),
            LtlKind.Yesterday => Yesterday(children[0]),
            LtlKind.WindowYesterday => WindowYesterday(template.Window, children[0]),
            LtlKind.WindowCount => WindowCount(template.Window, template.Count, children[0]),
            LtlKind.Past => Past(children[0]),
            LtlKind.Historically => Historically(children[0]),
            LtlKind.Since => Since(children[0], children[1]),
            LtlKind.Next => Next(children[0]),
            LtlKind.Future => Future(children[0]),
            LtlKind.Globally => Globally(children[0]),
            LtlKind.Until => Until(children[0], children[1]),
            _ => throw new ArgumentOutOfRangeException(nameof(template)),
        };
    }

    private static bool IsNegationOf(LtlFormula a, LtlFormula b) =>
        (a.Kind == LtlKind.Not && ReferenceEquals(a.Left, b)) || (b.Kind == LtlKind.Not && ReferenceEquals(b.Left, a));

    private static LtlFormula Commutative(LtlKind kind, LtlFormula left, LtlFormula right) =>
        left.Id <= right.Id ? Make(kind, null, 0, 0, [left, right]) : Make(kind, null, 0, 0, [right, left]);

    private static LtlFormula UnaryTemporal(LtlKind kind, LtlFormula f, int window)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kind == LtlKind.False ? False : Make(kind, null, window, 0, [f]);
    }

    private static LtlFormula Make(LtlKind kind, string? atom, int window, int count, LtlFormula[] children)
    {
        var key = new NodeKey(kind, atom, window, count, children.Length > 0 ? children[0].Id : -1, children.Length > 1 ? children[1].Id : -1);
        if (Nodes.TryGetValue(key, out var existing)) return existing;
        lock (Nodes)
        {
            if (Nodes.TryGetValue(key, out existing)) return existing;
            var node = new LtlFormula(_nextId++, kind, atom, window, count, children);
            Nodes[key] = node;
            return node;
        }
    }
}
