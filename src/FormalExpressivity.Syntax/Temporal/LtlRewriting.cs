namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// Semantics-preserving rewritings of temporal formulas on finite words, each applied bottom-up
/// over the subformula DAG without recursion.
/// </summary>
public static class LtlRewriting
{
    /// <summary>
    /// Replaces windows by Y-chains: Y[&lt;=k]φ = Y(φ ∨ Y[&lt;=k−1]φ) (theory.md §2), and the counting
    /// window C(k, c) = Y[&lt;=k,&gt;=c]φ by C(k, c) = Y((φ ∧ C(k−1, c−1)) ∨ C(k−1, c)) with C(j, 0) = ⊤
    /// and C(j, c) = ⊥ for c &gt; j: the window of n is position n−1 plus the window of size k−1 at n−1.
    /// </summary>
    /// <param name="formula">Any formula.</param>
    public static LtlFormula ExpandWindows(LtlFormula formula) => Map(formula, (f, c) => f.Kind switch
    {
        LtlKind.WindowYesterday => Window(f.Window, c[0]),
        LtlKind.WindowCount => Count(f.Window, f.Count, c[0]),
        _ => Ltl.WithChildren(f, c),
    });

    /// <summary>
    /// The mirror image of a future-only formula: X ↦ Y, F ↦ P, G ↦ H, U ↦ S. For a word w of length N,
    /// φ holds at position p of w iff mirror(φ) holds at N+1−p of the reversed word (positions 0 and N+1 swap).
    /// </summary>
    /// <param name="formula">A formula without past operators.</param>
    /// <exception cref="ArgumentException">The formula uses a past operator.</exception>
    public static LtlFormula MirrorFuture(LtlFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (!formula.IsFutureOnly) throw new ArgumentException($"the formula uses past operators: {formula}", nameof(formula));
        return Map(formula, (f, c) => f.Kind switch
        {
            LtlKind.Next => Ltl.Yesterday(c[0]),
            LtlKind.Future => Ltl.Past(c[0]),
            LtlKind.Globally => Ltl.Historically(c[0]),
            LtlKind.Until => Ltl.Since(c[0], c[1]),
            _ => Ltl.WithChildren(f, c),
        });
    }

    /// <summary>
    /// The truth value of a formula at a point where it is constant: at position 0 every past operator
    /// is decided (Y, P, S and windows false, H true), at N+1 every future one (X, F, U false, G true),
    /// and atoms are false at both. Returns <c>null</c> when the value depends on the word.
    /// </summary>
    /// <param name="formula">The formula.</param>
    /// <param name="at">The evaluation point.</param>
    public static bool? ConstantAt(LtlFormula formula, LtlEvaluationPoint at)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var value = new Dictionary<int, bool?>();
        foreach (var f in formula.Subformulas())
        {
            bool? L() => value[f.Children[0].Id];
            bool? R() => value[f.Children[1].Id];
            bool past = at == LtlEvaluationPoint.Zero;
            value[f.Id] = f.Kind switch
            {
                LtlKind.True => true,
                LtlKind.False or LtlKind.Atom => false,
                LtlKind.Not => !L(),
                LtlKind.And => L() == false || R() == false ? false : L() == true && R() == true ? true : null,
                LtlKind.Or => L() == true || R() == true ? true : L() == false && R() == false ? false : null,
                LtlKind.Implies => L() == false || R() == true ? true : L() == true && R() == false ? false : null,
                LtlKind.Iff => L() is null || R() is null ? null : L() == R(),
                LtlKind.Yesterday or LtlKind.WindowYesterday or LtlKind.WindowCount or LtlKind.Past or LtlKind.Since => past ? false : null,
                LtlKind.Historically => past ? true : null,
                LtlKind.Next or LtlKind.Future or LtlKind.Until => past ? null : false,
                LtlKind.Globally => past ? null : true,
                _ => throw new ArgumentOutOfRangeException(nameof(formula)),
            };
        }
        return value[formula.Id];
    }

    private static LtlFormula Window(int k, LtlFormula phi)
    {
        var w = Ltl.Yesterday(phi);
        for (int j = 2; j <= k; j++) w = Ltl.Yesterday(Ltl.Or(phi, w));
        return w;
    }

    private static LtlFormula Count(int k, int c, LtlFormula phi)
    {
        // row[j] = C(current size, j) for j = 0 … c
        var row = new LtlFormula[c + 1];
        row[0] = Ltl.True;
        for (int j = 1; j <= c; j++) row[j] = Ltl.False; // size 0: no position
        for (int size = 1; size <= k; size++)
        {
            var next = new LtlFormula[c + 1];
            next[0] = Ltl.True;
            for (int j = 1; j <= c; j++)
                next[j] = j > size ? Ltl.False : Ltl.Yesterday(Ltl.Or(Ltl.And(phi, row[j - 1]), row[j]));
            row = next;
        }
        return row[c];
    }

    private static LtlFormula Map(LtlFormula formula, Func<LtlFormula, LtlFormula[], LtlFormula> rebuild)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var mapped = new Dictionary<int, LtlFormula>();
        foreach (var f in formula.Subformulas())
            mapped[f.Id] = rebuild(f, f.Children.Select(c => mapped[c.Id]).ToArray());
        return mapped[formula.Id];
    }
}
