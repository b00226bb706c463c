using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// The standard translation of temporal formulas into FO[&lt;] (Kamp's easy direction), with the two
/// points outside the word handled explicitly: FO variables range over the positions 1 … N, so each
/// subformula gets a translation at a variable position x and closed translations at the end marker
/// N+1 and at 0. E.g. at x: P φ ↦ ∃y. y &lt; x ∧ φ(y); Y φ ↦ ∃y. succ(y, x) ∧ φ(y);
/// φ S ψ ↦ ∃y. y &lt; x ∧ ψ(y) ∧ ∀z. (y &lt; z ∧ z &lt; x) → φ(z); at N+1: Y φ ↦ ∃y. last(y) ∧ φ(y),
/// P φ ↦ ∃y. φ(y), F φ ↦ ⊥, G φ ↦ ⊤; at 0: X φ ↦ ∃y. first(y) ∧ φ(y), F φ ↦ ∃y. φ(y), H φ ↦ ⊤.
/// Windows are first expanded into Y-chains (<see cref="LtlRewriting.ExpandWindows"/>). Three
/// variables x0, x1, x2 suffice (each translation at v has only v free), so shared subformulas stay shared.
/// </summary>
public static class LtlToFo
{
    private static readonly string[] Vars = ["x0", "x1", "x2"];

    /// <summary>The sentence that holds on w iff <paramref name="formula"/> holds at <paramref name="at"/> of w.</summary>
    /// <param name="formula">Any temporal formula (past, future or mixed).</param>
    /// <param name="at">Where the formula is read.</param>
    public static FoFormula Translate(LtlFormula formula, LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var expanded = LtlRewriting.ExpandWindows(formula);
        // pos[id][v] = translation at variable Vars[v]; end[id], zero[id] = closed translations.
        var pos = new Dictionary<int, FoFormula[]>();
        var end = new Dictionary<int, FoFormula>();
        var zero = new Dictionary<int, FoFormula>();
        foreach (var f in expanded.Subformulas())
        {
            var c = f.Children;
            var at3 = new FoFormula[3];
            for (int v = 0; v < 3; v++) at3[v] = AtPosition(f, v, pos);
            pos[f.Id] = at3;
            end[f.Id] = Closed(f, end, pos, atEnd: true);
            zero[f.Id] = Closed(f, zero, pos, atEnd: false);
        }
        return at == LtlEvaluationPoint.EndMarker ? end[expanded.Id] : zero[expanded.Id];
    }

    private static FoFormula AtPosition(LtlFormula f, int v, Dictionary<int, FoFormula[]> pos)
    {
        string x = Vars[v];
        int yi = v == 0 ? 1 : 0;
        int zi = 3 - v - yi;
        string y = Vars[yi], z = Vars[zi];
        FoFormula L(int at) => pos[f.Children[0].Id][at];
        FoFormula R(int at) => pos[f.Children[1].Id][at];
        return f.Kind switch
        {
            LtlKind.True => Fo.True,
            LtlKind.False => Fo.False,
            LtlKind.Atom => Fo.Label(f.Atom!, x),
            LtlKind.Not => Fo.Not(L(v)),
            LtlKind.And => Fo.And(L(v), R(v)),
            LtlKind.Or => Fo.Or(L(v), R(v)),
            LtlKind.Implies => Fo.Implies(L(v), R(v)),
            LtlKind.Iff => Fo.Iff(L(v), R(v)),
            LtlKind.Yesterday => Fo.Exists(y, Fo.And(Fo.Successor(y, x), L(yi))),
            LtlKind.Past => Fo.Exists(y, Fo.And(Fo.Less(y, x), L(yi))),
            LtlKind.Historically => Fo.Forall(y, Fo.Implies(Fo.Less(y, x), L(yi))),
            LtlKind.Since => Fo.Exists(y, Fo.And(Fo.And(Fo.Less(y, x), R(yi)),
                Fo.Forall(z, Fo.Implies(Fo.And(Fo.Less(y, z), Fo.Less(z, x)), L(zi))))),
            LtlKind.Next => Fo.Exists(y, Fo.And(Fo.Successor(x, y), L(yi))),
            LtlKind.Future => Fo.Exists(y, Fo.And(Fo.Less(x, y), L(yi))),
            LtlKind.Globally => Fo.Forall(y, Fo.Implies(Fo.Less(x, y), L(yi))),
            LtlKind.Until => Fo.Exists(y, Fo.And(Fo.And(Fo.Less(x, y), R(yi)),
                Fo.Forall(z, Fo.Implies(Fo.And(Fo.Less(x, z), Fo.Less(z, y)), L(zi))))),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "windows must be expanded first"),
        };
    }

    private static FoFormula Closed(LtlFormula f, Dictionary<int, FoFormula> closed, Dictionary<int, FoFormula[]> pos, bool atEnd)
    {
        const int Y = 0, Z = 1;
        string y = Vars[Y], z = Vars[Z];
        FoFormula L() => closed[f.Children[0].Id];
        FoFormula R() => closed[f.Children[1].Id];
        FoFormula LP(int at) => pos[f.Children[0].Id][at];
        FoFormula RP(int at) => pos[f.Children[1].Id][at];
        switch (f.Kind)
        {
            case LtlKind.True: return Fo.True;
            case LtlKind.False or LtlKind.Atom: return Fo.False;
            case LtlKind.Not: return Fo.Not(L());
            case LtlKind.And: return Fo.And(L(), R());
            case LtlKind.Or: return Fo.Or(L(), R());
            case LtlKind.Implies: return Fo.Implies(L(), R());
            case LtlKind.Iff: return Fo.Iff(L(), R());
        }
        if (atEnd)
        {
            return f.Kind switch
            {
                LtlKind.Yesterday => Fo.Exists(y, Fo.And(Fo.Last(y), LP(Y))),
                LtlKind.Past => Fo.Exists(y, LP(Y)),
                LtlKind.Historically => Fo.Forall(y, LP(Y)),
                LtlKind.Since => Fo.Exists(y, Fo.And(RP(Y), Fo.Forall(z, Fo.Implies(Fo.Less(y, z), LP(Z))))),
                LtlKind.Next or LtlKind.Future or LtlKind.Until => Fo.False,
                LtlKind.Globally => Fo.True,
                _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "windows must be expanded first"),
            };
        }
        return f.Kind switch
        {
            LtlKind.Yesterday or LtlKind.Past or LtlKind.Since => Fo.False,
            LtlKind.Historically => Fo.True,
            LtlKind.Next => Fo.Exists(y, Fo.And(Fo.First(y), LP(Y))),
            LtlKind.Future => Fo.Exists(y, LP(Y)),
            LtlKind.Globally => Fo.Forall(y, LP(Y)),
            LtlKind.Until => Fo.Exists(y, Fo.And(RP(Y), Fo.Forall(z, Fo.Implies(Fo.Less(z, y), LP(Z))))),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "windows must be expanded first"),
        };
    }
}
