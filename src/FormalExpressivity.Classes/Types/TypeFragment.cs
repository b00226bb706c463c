namespace FormalExpressivity.Classes.Types;

/// <summary>How a window component of a depth-r type aggregates what the window holds (theory.md §3.1).</summary>
public enum WindowSemantics
{
    /// <summary>The set of types in the window: what the existential logic LTL[Y[&lt;=k]] sees.</summary>
    Set,
    /// <summary>The multiset of types in the window: what a fixed-precision k-local head sees (its average is exact for k ≤ N_max).</summary>
    Multiset,
}

/// <summary>
/// A past fragment whose depth-r types are computed by <see cref="TypeTable"/> (theory.md §6):
/// T_0(i) = symbol at i (⊥ at N+1); T_r(i) = (T_0(i), window of T_{r−1} [set or multiset], {T_{r−1}(j) : j &lt; i} [if P]).
/// Two positions have equal T_r iff every formula of the fragment of operator depth ≤ r takes the same value there.
/// </summary>
/// <param name="Name">A display name (<c>LTL[P]</c>, <c>local:2</c>, <c>Ywin:3</c>, …).</param>
/// <param name="Past">Whether the fragment has P (a set component over all earlier positions).</param>
/// <param name="Window">The window size k of Y[&lt;=k] (0 = no window operator).</param>
/// <param name="Semantics">Set or multiset window aggregation.</param>
/// <param name="NonStrict">Non-strict masking: the P component also contains the position itself (only for fragments without a window).</param>
public sealed record TypeFragment(string Name, bool Past, int Window, WindowSemantics Semantics, bool NonStrict)
{
    /// <summary>LTL[P]: strict global attention.</summary>
    public static TypeFragment PastOnly { get; } = new("LTL[P]", true, 0, WindowSemantics.Set, false);

    /// <summary>Non-strict P (the position sees itself): non-strict global attention.</summary>
    public static TypeFragment PastNonStrict { get; } = new("LTL[P<=]", true, 0, WindowSemantics.Set, true);

    /// <summary>LTL[Y[&lt;=k]] with set windows (logic class <c>Ywin:k</c>).</summary>
    /// <param name="k">Window size ≥ 1.</param>
    public static TypeFragment WindowLogic(int k) => new($"LTL[Y[<={Check(k)}]]", false, k, WindowSemantics.Set, false);

    /// <summary>LTL[P,Y[&lt;=k]] with set windows (logic class <c>PYwin:k</c>).</summary>
    /// <param name="k">Window size ≥ 1.</param>
    public static TypeFragment PastWindowLogic(int k) => new($"LTL[P,Y[<={Check(k)}]]", true, k, WindowSemantics.Set, false);

    /// <summary>The k-local transformer (multiset windows, architecture <c>local:k</c>).</summary>
    /// <param name="k">Window size ≥ 1.</param>
    public static TypeFragment Local(int k) => new($"local:{Check(k)}", false, k, WindowSemantics.Multiset, false);

    /// <summary>The hybrid transformer, global and k-local heads (multiset windows, architecture <c>hybrid:k</c>).</summary>
    /// <param name="k">Window size ≥ 1.</param>
    public static TypeFragment Hybrid(int k) => new($"hybrid:{Check(k)}", true, k, WindowSemantics.Multiset, false);

    /// <summary>True when the window component counts (multiset with k ≥ 3); for k ≤ 2 sets and multisets define the same languages.</summary>
    public bool Counts => Window >= 3 && Semantics == WindowSemantics.Multiset;

    /// <summary>
    /// True when the depth-r types of this fragment refine those of <paramref name="coarser"/> at every depth r
    /// (equal types here imply equal types there): every operator of <paramref name="coarser"/> is one of this
    /// fragment's — P needs P with the same masking, a window needs the same size k, and a set window is read off a
    /// set or a multiset window. By induction on r, T_r here determines T_r there (a window bag maps element-wise,
    /// the P set likewise), so a coarser search that ran out of types at depth r leaves this one at least as many.
    /// </summary>
    /// <param name="coarser">The other fragment.</param>
    public bool Refines(TypeFragment coarser)
    {
        ArgumentNullException.ThrowIfNull(coarser);
        if (coarser.Past && (!Past || NonStrict != coarser.NonStrict)) return false;
        if (coarser.Window == 0) return true;
        return Window == coarser.Window && (coarser.Semantics == WindowSemantics.Set || Semantics == WindowSemantics.Multiset);
    }

    /// <summary>Throws unless the combination is supported: some operator, k ≥ 0, non-strict only without a window.</summary>
    public void Validate()
    {
        if (Window < 0) throw new ArgumentOutOfRangeException(nameof(Window), "the window size must be ≥ 0");
        if (!Past && Window == 0) throw new ArgumentException("a fragment needs P or a window operator");
        if (NonStrict && Window > 0) throw new ArgumentException("non-strict masking is supported for P-only fragments");
    }

    private static int Check(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return k;
    }
}
