using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Classes.Internal;

namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// Green's relations of a finite semigroup S: x R y iff xS¹ = yS¹ (same strongly connected component
/// of the right Cayley graph), x L y iff S¹x = S¹y (left Cayley graph), x J y iff S¹xS¹ = S¹yS¹ (the
/// union of both graphs; J = D in a finite semigroup), H = R ∩ L.
/// </summary>
public sealed class GreenRelations
{
    private GreenRelations(int[] r, int rc, int[] l, int lc, int[] j, int jc, int[] h, int hc)
    {
        RClass = r; RCount = rc; LClass = l; LCount = lc; JClass = j; JCount = jc; HClass = h; HCount = hc;
    }

    /// <summary>R-class index of every element.</summary>
    public IReadOnlyList<int> RClass { get; }

    /// <summary>Number of R-classes.</summary>
    public int RCount { get; }

    /// <summary>L-class index of every element.</summary>
    public IReadOnlyList<int> LClass { get; }

    /// <summary>Number of L-classes.</summary>
    public int LCount { get; }

    /// <summary>J-class index of every element.</summary>
    public IReadOnlyList<int> JClass { get; }

    /// <summary>Number of J-classes.</summary>
    public int JCount { get; }

    /// <summary>H-class index of every element.</summary>
    public IReadOnlyList<int> HClass { get; }

    /// <summary>Number of H-classes.</summary>
    public int HCount { get; }

    internal static GreenRelations Compute(TransitionSemigroup s)
    {
        int n = s.Count, k = s.Dfa.SymbolCount;
        var r = StronglyConnected.Tarjan(s.RightCayley, n, k, out int rc);
        var l = StronglyConnected.Tarjan(s.LeftCayley, n, k, out int lc);
        var both = new int[n * 2 * k];
        var right = s.RightCayley;
        var left = s.LeftCayley;
        for (int i = 0; i < n; i++)
            for (int a = 0; a < k; a++)
            {
                both[i * 2 * k + a] = right[i * k + a];
                both[i * 2 * k + k + a] = left[i * k + a];
            }
        var j = StronglyConnected.Tarjan(both, n, 2 * k, out int jc);
        var h = new int[n];
        var ids = new Dictionary<(int, int), int>();
        for (int i = 0; i < n; i++)
        {
            if (!ids.TryGetValue((r[i], l[i]), out int id)) ids[(r[i], l[i])] = id = ids.Count;
            h[i] = id;
        }
        return new GreenRelations(r, rc, l, lc, j, jc, h, ids.Count);
    }
}
