namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// An immutable, hash-consed FO[&lt;] formula node, made only by the smart constructors of
/// <see cref="Fo"/>: structurally equal formulas are the same object. Free variables, size and
/// quantifier depth are cached bottom-up.
/// </summary>
public sealed class FoFormula
{
    private readonly FoFormula[] _children;
    private readonly string[] _variables;
    private readonly string[] _free;

    internal FoFormula(int id, FoKind kind, string? symbol, string[] variables, FoFormula[] children)
    {
        Id = id;
        Kind = kind;
        Symbol = symbol;
        _variables = variables;
        _children = children;
        var free = new SortedSet<string>(StringComparer.Ordinal);
        int size = 1, depth = 0;
        foreach (var c in children)
        {
            free.UnionWith(c._free);
            size = (int)Math.Min((long)size + c.Size, int.MaxValue);
            depth = Math.Max(depth, c.QuantifierDepth);
        }
        if (kind is FoKind.Exists or FoKind.Forall)
        {
            free.Remove(variables[0]);
            depth++;
        }
        else free.UnionWith(variables);
        _free = [.. free];
        Size = size;
        QuantifierDepth = depth;
    }

    /// <summary>A process-unique number; creation order (children before parents).</summary>
    public int Id { get; }

    /// <summary>The node kind.</summary>
    public FoKind Kind { get; }

    /// <summary>The symbol name of a <see cref="FoKind.Label"/> predicate, otherwise <c>null</c>.</summary>
    public string? Symbol { get; }

    /// <summary>
    /// The variables of an atomic formula in argument order (one for labels, <c>first</c>, <c>last</c>;
    /// two for <c>&lt;</c>, <c>=</c>, <c>succ</c>), or the bound variable of a quantifier; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>The operands in order.</summary>
    public IReadOnlyList<FoFormula> Children => _children;

    /// <summary>The free variables, sorted ordinally.</summary>
    public IReadOnlyList<string> FreeVariables => _free;

    /// <summary>True when no variable is free.</summary>
    public bool IsSentence => _free.Length == 0;

    /// <summary>The number of nodes of the formula as a tree, saturating at <see cref="int.MaxValue"/> (a formula with shared subformulas can have a tree exponentially larger than its graph).</summary>
    public int Size { get; }

    /// <summary>The maximal nesting of quantifiers.</summary>
    public int QuantifierDepth { get; }

    /// <summary>All distinct subformulas, children before parents (a topological order of the DAG).</summary>
    public IReadOnlyList<FoFormula> Subformulas()
        => DagOrder.PostOrder(this, f => f.Id, f => f._children);

    /// <summary>The distinct label symbols in order of first occurrence (left to right).</summary>
    public IReadOnlyList<string> Labels()
        => Subformulas().Where(f => f.Kind == FoKind.Label).Select(f => f.Symbol!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The formula in the syntax of <see cref="FoPrinter"/>.</summary>
    public override string ToString() => FoPrinter.Print(this);
}
