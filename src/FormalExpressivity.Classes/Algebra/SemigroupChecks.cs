using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// Identity tests on an enumerated <see cref="TransitionSemigroup"/>. Each returns <c>null</c> when the
/// identity holds on S, or an <see cref="IdentityViolation"/> whose variables are named by the
/// shortlex-least words of the offending elements (re-checkable by <see cref="IdentityEvaluator"/>).
/// </summary>
public static class SemigroupChecks
{
    private static IdentityViolation Violation(TransitionSemigroup s, string identity, params (string Name, int Element)[] vars) =>
        new(identity, vars.ToDictionary(v => v.Name, v => s.Representative(v.Element)));

    private static IdentityViolation Violation(string identity, params (string Name, Word Word)[] vars) =>
        new(identity, vars.ToDictionary(v => v.Name, v => v.Word));

    /// <summary>x^ω x = x^ω (aperiodic).</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindAperiodicViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (int x = 0; x < s.Count; x++)
            if (s.Multiply(s.Omega(x), x) != s.Omega(x)) return Violation(s, Identities.Aperiodic, ("x", x));
        return null;
    }

    /// <summary>(xy)^ω x = (xy)^ω (R-trivial), through the R-classes: a ≠ b with a·s = b, b·t = a gives x = s, y = t.</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindRViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (a, b) = TwoInOneClass(s.Green.RClass);
        if (a < 0) return null;
        var x = CayleyPath(s, a, b, right: true);
        var y = CayleyPath(s, b, a, right: true);
        return Violation(Identities.RTrivial, ("x", x), ("y", y));
    }

    /// <summary>y (xy)^ω = (xy)^ω (L-trivial), through the L-classes: a ≠ b with s·a = b, t·b = a gives x = t, y = s.</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindLViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (a, b) = TwoInOneClass(s.Green.LClass);
        if (a < 0) return null;
        var sw = CayleyPath(s, a, b, right: false);
        var tw = CayleyPath(s, b, a, right: false);
        return Violation(Identities.LTrivial, ("x", tw), ("y", sw));
    }

    /// <summary>(xy)^ω x (xy)^ω = (xy)^ω (DA); exhaustive over pairs, budgeted by <paramref name="maxPairs"/>.</summary>
    /// <param name="s">The semigroup.</param>
    /// <param name="maxPairs">Budget <c>max-semigroup</c> squared bound on pairs examined.</param>
    public static IdentityViolation? FindDAViolation(TransitionSemigroup s, long maxPairs = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(s);
        // Fast acceptance: DA iff aperiodic and every regular J-class consists of idempotents (Schützenberger 1976).
        if (FindAperiodicViolation(s) is null)
        {
            var regular = new bool[s.Green.JCount];
            foreach (var e in s.Idempotents) regular[s.Green.JClass[e]] = true;
            bool ok = true;
            for (int x = 0; x < s.Count && ok; x++) ok = !regular[s.Green.JClass[x]] || s.IsIdempotent(x);
            if (ok) return null;
        }
        long pairs = (long)s.Count * s.Count;
        if (pairs > maxPairs) throw new BudgetExceededException("max-semigroup", maxPairs, "the DA identity search over pairs of elements");
        // Pairs by increasing max index, so short witnesses come first.
        for (int m = 0; m < s.Count; m++)
            for (int o = 0; o <= m; o++)
                foreach (var (x, y) in new[] { (m, o), (o, m) })
                {
                    int e = s.Omega(s.Multiply(x, y));
                    if (s.Multiply(s.Multiply(e, x), e) != e) return Violation(s, Identities.DA, ("x", x), ("y", y));
                }
        throw new InvalidOperationException("DA structure test and identity search disagree");
    }

    /// <summary>s e^ω = e^ω (definite; semigroup).</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindDefiniteViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var e in s.Idempotents)
            for (int x = 0; x < s.Count; x++)
                if (s.Multiply(x, e) != e) return Violation(s, Identities.Definite, ("s", x), ("e", e));
        return null;
    }

    /// <summary>e^ω s = e^ω (reverse definite; semigroup).</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindReverseDefiniteViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var e in s.Idempotents)
            for (int x = 0; x < s.Count; x++)
                if (s.Multiply(e, x) != e) return Violation(s, Identities.ReverseDefinite, ("s", x), ("e", e));
        return null;
    }

    /// <summary>e^ω s e^ω = e^ω (generalized definite; semigroup).</summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindGeneralizedDefiniteViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var e in s.Idempotents)
            for (int x = 0; x < s.Count; x++)
                if (s.Multiply(s.Multiply(e, x), e) != e) return Violation(s, Identities.GeneralizedDefinite, ("s", x), ("e", e));
        return null;
    }

    /// <summary>
    /// eSe R-trivial for every idempotent e (LR). The R-relation of eSe is the restriction of S's: two
    /// distinct a, b ∈ eSe in one R-class of S give m, m' ∈ eSe with a·m' = b, b·m = a, hence x = m', y = m.
    /// </summary>
    /// <param name="s">The semigroup.</param>
    public static IdentityViolation? FindLocalRViolation(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var r = s.Green.RClass;
        // D-equivalent idempotents have isomorphic local monoids: one per J-class suffices.
        foreach (var e in OneIdempotentPerJClass(s))
        {
            var local = s.LocalMonoid(e);
            var seen = new Dictionary<int, int>();
            foreach (var a in local)
            {
                if (!seen.TryGetValue(r[a], out int b)) { seen[r[a]] = a; continue; }
                int x = local.First(m => s.Multiply(b, m) == a);
                int y = local.First(m => s.Multiply(a, m) == b);
                return Violation(s, Identities.LocallyRTrivial, ("e", e), ("x", x), ("y", y));
            }
        }
        return null;
    }

    /// <summary>
    /// eSe idempotent and commutative for every idempotent e (locally testable; Brzozowski–Simon 1973, McNaughton 1974).
    /// One idempotent per J-class suffices: D-equivalent idempotents have isomorphic local monoids (Green's
    /// lemma; J = D in a finite semigroup), so the test costs O(#regular J-classes · |S| · n) plus the pairs of
    /// one local monoid, budgeted by <paramref name="maxPairs"/> (<c>max-semigroup</c>).
    /// </summary>
    /// <param name="s">The semigroup.</param>
    /// <param name="maxPairs">Budget on the commutativity pairs examined.</param>
    public static IdentityViolation? FindLocallyTestableViolation(TransitionSemigroup s, long maxPairs = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(s);
        long work = 0;
        foreach (var e in OneIdempotentPerJClass(s))
        {
            var local = s.LocalMonoid(e);
            foreach (var a in local)
                if (!s.IsIdempotent(a)) return Violation(s, Identities.LocallyIdempotent, ("e", e), ("x", a));
            work += (long)local.Count * (local.Count - 1) / 2;
            if (work > maxPairs) throw new BudgetExceededException("max-semigroup", maxPairs, "the commutativity check of the local monoids eSe");
            for (int i = 0; i < local.Count; i++)
                for (int j = i + 1; j < local.Count; j++)
                    if (s.Multiply(local[i], local[j]) != s.Multiply(local[j], local[i]))
                        return Violation(s, Identities.LocallyCommutative, ("e", e), ("x", local[i]), ("y", local[j]));
        }
        return null;
    }

    /// <summary>The least idempotent of every regular J-class, in index order.</summary>
    /// <param name="s">The semigroup.</param>
    public static IReadOnlyList<int> OneIdempotentPerJClass(TransitionSemigroup s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var j = s.Green.JClass;
        var seen = new bool[s.Green.JCount];
        var result = new List<int>();
        foreach (var e in s.Idempotents)
            if (!seen[j[e]]) { seen[j[e]] = true; result.Add(e); }
        return result;
    }

    /// <summary>
    /// Thérien–Weiss (1985): e x f y e z f = e z f y e x f for idempotents e, f. With a = exf, c = ezf ∈ eSf and
    /// b = fye ∈ fSe it reads a·b·c = c·b·a. The identity for (e, f) is the identity for (e', f') whenever
    /// e R e' and f L f' (then eSf = e'Sf', and a·f y e'·c = a·f y e·c since e'c = c = ec), so one idempotent
    /// per R-class and one per L-class suffice; the triples examined are budgeted by <paramref name="maxProducts"/>.
    /// </summary>
    /// <param name="s">The semigroup.</param>
    /// <param name="maxProducts">Budget on triples examined.</param>
    public static IdentityViolation? FindTherienWeissViolation(TransitionSemigroup s, long maxProducts)
    {
        ArgumentNullException.ThrowIfNull(s);
        long work = 0;
        var green = s.Green;
        var es = FirstPerClass(s.Idempotents, green.RClass);
        var fs = FirstPerClass(s.Idempotents, green.LClass);
        foreach (var e in es)
            foreach (var f in fs)
            {
                var ef = Sandwich(s, e, f);
                var fe = Sandwich(s, f, e);
                work += (long)ef.Count * ef.Count * fe.Count / 2 + ef.Count + fe.Count;
                if (work > maxProducts) throw new BudgetExceededException("max-semigroup", maxProducts, "the Thérien–Weiss identity check");
                foreach (var b in fe)
                    for (int i = 0; i < ef.Count; i++)
                    {
                        int a = ef[i];
                        int ab = s.Multiply(a, b);
                        for (int j = i + 1; j < ef.Count; j++)
                        {
                            int c = ef[j];
                            if (s.Multiply(ab, c) != s.Multiply(s.Multiply(c, b), a))
                                return Violation(s, Identities.TherienWeiss, ("e", e), ("f", f), ("x", a), ("y", b), ("z", c));
                        }
                    }
            }
        return null;
    }

    private static List<int> FirstPerClass(IReadOnlyList<int> elements, IReadOnlyList<int> cls)
    {
        var seen = new HashSet<int>();
        var result = new List<int>();
        foreach (var x in elements) if (seen.Add(cls[x])) result.Add(x);
        return result;
    }

    /// <summary>eSf = { x : e·x = x = x·f } for idempotents e, f (x = e·s·f satisfies both; such x is e·x·f), in index order.</summary>
    private static List<int> Sandwich(TransitionSemigroup s, int e, int f)
    {
        var result = new List<int>();
        var te = s.Element(e);
        var tf = s.Element(f);
        int n = te.Length;
        for (int x = 0; x < s.Count; x++)
        {
            var tx = s.Element(x);
            bool ok = true;
            // (e·x)(q) = x(e(q)) and (x·f)(q) = f(x(q)).
            for (int q = 0; q < n && ok; q++) ok = tx[te[q]] == tx[q] && tf[tx[q]] == tx[q];
            if (ok) result.Add(x);
        }
        return result;
    }

    private static (int, int) TwoInOneClass(IReadOnlyList<int> cls)
    {
        var first = new Dictionary<int, int>();
        for (int i = 0; i < cls.Count; i++)
        {
            if (first.TryGetValue(cls[i], out int j)) return (j, i);
            first[cls[i]] = i;
        }
        return (-1, -1);
    }

    /// <summary>A shortest non-empty word w with a·w = b (right) or w·a = b (left), by BFS in a Cayley graph.</summary>
    private static Word CayleyPath(TransitionSemigroup s, int a, int b, bool right)
    {
        int k = s.Dfa.SymbolCount;
        var parent = new Dictionary<int, (int Parent, int Symbol)>();
        var queue = new Queue<int>();
        queue.Enqueue(a);
        parent[a] = (-1, -1);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            for (int c = 0; c < k; c++)
            {
                int w = right ? s.RightMultiplyBySymbol(v, c) : s.LeftMultiplyBySymbol(v, c);
                if (parent.ContainsKey(w)) continue;
                parent[w] = (v, c);
                if (w == b)
                {
                    var symbols = new List<int>();
                    for (int t = b; t != a; t = parent[t].Parent) symbols.Add(parent[t].Symbol);
                    // Right: path letters c1..cm give a·c1⋯cm; left: they give cm⋯c1·a.
                    if (right) symbols.Reverse();
                    return Word.Of(symbols.ToArray());
                }
                queue.Enqueue(w);
            }
        }
        throw new InvalidOperationException("the elements are not in one Green class");
    }
}
