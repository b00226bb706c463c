namespace FormalExpressivity.Classes;

/// <summary>
/// The inclusion lattice of the classes as data, with a consistency check for a set of verdicts.
/// Every pair (sub, super) is a theorem: SL_k ⊆ LT_k (McNaughton–Papert 1971); D, K ⊆ LI ⊆ LT ⊆ LTT ⊆ SF
/// (Brzozowski–Simon 1973, Thérien–Weiss 1985); D ⊆ L and K ⊆ R (s·e = e gives y(xy)^ω = (xy)^ω, and
/// dually); J ⊆ R, L ⊆ DA ⊆ SF (Green's relations; Schützenberger 1976); R ⊆ LR, D ⊆ LR, LT ⊆ LR ⊆ SF
/// (eSe semilattice ⇒ R-trivial; LR = R∗D, theory.md §4); LTT ⊆ LR (Thérien–Weiss with f = e makes eSe
/// commutative and aperiodic, hence R-trivial); SF ⊆ REG; PT = J (Simon 1975).
/// Known incomparabilities (theory.md §4): R vs D (aΣ*, Σ*a), L vs LR (RDP-1), DA vs LR ((ab)* ∈ LR ∖ DA).
/// </summary>
public static class ClassHierarchy
{
    /// <summary>The direct inclusions sub ⊆ super (PT = J is listed both ways).</summary>
    public static IReadOnlyList<(LanguageClass Sub, LanguageClass Super)> Inclusions { get; } =
    [
        (LanguageClass.SL, LanguageClass.LT),
        (LanguageClass.D, LanguageClass.LI),
        (LanguageClass.K, LanguageClass.LI),
        (LanguageClass.LI, LanguageClass.LT),
        (LanguageClass.LT, LanguageClass.LTT),
        (LanguageClass.LTT, LanguageClass.SF),
        (LanguageClass.D, LanguageClass.L),
        (LanguageClass.K, LanguageClass.R),
        (LanguageClass.J, LanguageClass.R),
        (LanguageClass.J, LanguageClass.L),
        (LanguageClass.R, LanguageClass.DA),
        (LanguageClass.L, LanguageClass.DA),
        (LanguageClass.DA, LanguageClass.SF),
        (LanguageClass.R, LanguageClass.LR),
        (LanguageClass.D, LanguageClass.LR),
        (LanguageClass.LT, LanguageClass.LR),
        (LanguageClass.LTT, LanguageClass.LR),
        (LanguageClass.LR, LanguageClass.SF),
        (LanguageClass.SF, LanguageClass.REG),
        (LanguageClass.PT, LanguageClass.J),
        (LanguageClass.J, LanguageClass.PT),
    ];

    /// <summary>True when every member of <paramref name="sub"/> is a member of <paramref name="super"/> (reflexive–transitive closure of <see cref="Inclusions"/>).</summary>
    /// <param name="sub">The smaller class.</param>
    /// <param name="super">The larger class.</param>
    public static bool IsIncluded(LanguageClass sub, LanguageClass super)
    {
        var seen = new HashSet<LanguageClass> { sub };
        var stack = new Stack<LanguageClass>();
        stack.Push(sub);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (c == super) return true;
            foreach (var (s, t) in Inclusions)
                if (s == c && seen.Add(t)) stack.Push(t);
        }
        return false;
    }

    /// <summary>
    /// The violations of the lattice by a set of verdicts for one language: a member of a class that is
    /// not a member of a superclass, and parameter relations (SL_k ⇒ LT_k, D of degree k ⇒ LT_{k+1}, PT = J).
    /// Empty when consistent.
    /// </summary>
    /// <param name="verdicts">Verdicts for one language, any subset of the classes.</param>
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<LanguageClass, ClassVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var problems = new List<string>();
        foreach (var (sub, vs) in verdicts)
            foreach (var (super, vt) in verdicts)
                if (sub != super && vs.Decided && vt.Decided && vs.Member && !vt.Member && IsIncluded(sub, super))
                    problems.Add($"member of {sub} but not of its superclass {super}");
        if (verdicts.TryGetValue(LanguageClass.LT, out var lt) && lt.Member && lt.Parameter is int ltk)
        {
            if (verdicts.TryGetValue(LanguageClass.SL, out var sl) && sl.Member && sl.Parameter is int slk && ltk > slk)
                problems.Add($"SL_{slk} but least LT k = {ltk} > {slk}");
            if (verdicts.TryGetValue(LanguageClass.D, out var d) && d.Member && d.Parameter is int deg && ltk > Math.Max(1, deg + 1))
                problems.Add($"definite of degree {deg} but least LT k = {ltk} > {deg + 1}");
        }
        return problems;
    }
}
