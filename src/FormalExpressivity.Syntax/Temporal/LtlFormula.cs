namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// An immutable, hash-consed temporal-logic formula node. Nodes are made only by the smart
/// constructors of <see cref="Ltl"/>, so structurally equal formulas are the same object and
/// reference equality is formula equality. Facts (depth, size, operators used) are cached bottom-up.
/// </summary>
public sealed class LtlFormula
{
    private readonly LtlFormula[] _children;

    internal LtlFormula(int id, LtlKind kind, string? atom, int window, int count, LtlFormula[] children)
    {
        Id = id;
        Kind = kind;
        Atom = atom;
        Window = window;
        Count = count;
        _children = children;
        int childDepth = 0, size = 1;
        var ops = TemporalOperators.None;
        foreach (var c in children)
        {
            childDepth = Math.Max(childDepth, c.Depth);
            size = (int)Math.Min((long)size + c.Size, int.MaxValue);
            ops |= c.Operators;
        }
        ops |= OperatorOf(kind, window);
        Operators = ops;
        Depth = childDepth + (IsTemporal ? 1 : 0);
        Size = size;
    }

    /// <summary>A process-unique number; creation order (children before parents).</summary>
    public int Id { get; }

    /// <summary>The node kind.</summary>
    public LtlKind Kind { get; }

    /// <summary>The symbol name of an <see cref="LtlKind.Atom"/>, otherwise <c>null</c>.</summary>
    public string? Atom { get; }

    /// <summary>The window size k of <see cref="LtlKind.WindowYesterday"/> and <see cref="LtlKind.WindowCount"/> (1 for Y), otherwise 0.</summary>
    public int Window { get; }

    /// <summary>The threshold c of <see cref="LtlKind.WindowCount"/>, otherwise 0.</summary>
    public int Count { get; }

    /// <summary>The operands in order.</summary>
    public IReadOnlyList<LtlFormula> Children => _children;

    /// <summary>The first operand (unary and binary nodes).</summary>
    public LtlFormula Left => _children[0];

    /// <summary>The second operand (binary nodes).</summary>
    public LtlFormula Right => _children[1];

    /// <summary>Operator depth: the maximal nesting of temporal operators (theory.md §2).</summary>
    public int Depth { get; }

    /// <summary>The number of nodes of the formula as a tree (shared subformulas counted each time), saturating at <see cref="int.MaxValue"/>: a graph of a few thousand nodes can have an exponentially larger tree.</summary>
    public int Size { get; }

    /// <summary>The temporal operators used anywhere in the formula.</summary>
    public TemporalOperators Operators { get; }

    /// <summary>True for Y, Y[&lt;=k], window counts, P, H, S, X, F, G, U.</summary>
    public bool IsTemporal => Kind >= LtlKind.Yesterday;

    /// <summary>True when the formula uses no future operator.</summary>
    public bool IsPastOnly => (Operators & TemporalOperators.AnyFuture) == 0;

    /// <summary>True when the formula uses no past operator.</summary>
    public bool IsFutureOnly => (Operators & TemporalOperators.AnyPast) == 0;

    /// <summary>The distinct atoms (symbol names) in order of first occurrence (left to right).</summary>
    public IReadOnlyList<string> Atoms()
        => Subformulas().Where(f => f.Kind == LtlKind.Atom).Select(f => f.Atom!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>All distinct subformulas, children before parents (a topological order of the DAG).</summary>
    public IReadOnlyList<LtlFormula> Subformulas()
        => DagOrder.PostOrder(this, f => f.Id, f => f._children);

    /// <summary>The formula in the ASCII syntax of <see cref="LtlPrinter"/>.</summary>
    public override string ToString() => LtlPrinter.Print(this);

    private static TemporalOperators OperatorOf(LtlKind kind, int window) => kind switch
    {
        LtlKind.Yesterday => TemporalOperators.Yesterday,
        LtlKind.WindowYesterday => window == 1 ? TemporalOperators.Yesterday : TemporalOperators.WindowYesterday,
        LtlKind.WindowCount => TemporalOperators.WindowCount,
        LtlKind.Past => TemporalOperators.Past,
        LtlKind.Historically => TemporalOperators.Historically,
        LtlKind.Since => TemporalOperators.Since,
        LtlKind.Next => TemporalOperators.Next,
        LtlKind.Future => TemporalOperators.Future,
        LtlKind.Globally => TemporalOperators.Globally,
        LtlKind.Until => TemporalOperators.Until,
        _ => TemporalOperators.None,
    };
}
