using FormalExpressivity.Classes.Types;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>Why one architecture's languages are among another's (each a theorem or a definition, docs/theory.md §4).</summary>
public enum InclusionRule
{
    /// <summary>Equal architectures.</summary>
    Same,
    /// <summary>local(k) ⊆ hybrid(k): a hybrid model may leave its global heads unused (definition).</summary>
    LocalInHybrid,
    /// <summary>global ⊆ hybrid(k): a hybrid model may leave its local heads unused (definition).</summary>
    GlobalInHybrid,
    /// <summary>Set windows ⊆ multiset windows: the set of a window is a function of its multiset (§3.1); for k ≤ 2 they are equal.</summary>
    SetInMultiset,
    /// <summary>For k ≤ 2 multiset windows define no more than set windows: the window size is definable (§3.1).</summary>
    MultisetInSetUpToTwo,
    /// <summary>local(k) ⊆ local(1) and hybrid(k) ⊆ hybrid(1): Y[&lt;=k]φ ≡ Yφ ∨ … ∨ Y^kφ, and a counting window is a Boolean combination of Y-chains (§2, §4).</summary>
    WindowInOne,
    /// <summary>global-nonstrict ⊆ global (LC25 §F).</summary>
    NonStrictInStrict,
    /// <summary>Every past fragment is star-free, hence in uha = LTL[S] (Kamp; theory.md §4).</summary>
    InStarFree,
    /// <summary>Every architecture recognizes only regular languages.</summary>
    InRegular,
}

/// <summary>
/// The inclusions between architectures and logic classes as data (<see cref="DirectInclusions"/>),
/// their reflexive–transitive closure (<see cref="Proof"/>), and the consistency check that no set
/// of verdicts contradicts them (<see cref="Violations"/>). The classes' own lattice is
/// <see cref="ClassHierarchy"/>; the two meet through <see cref="Architecture.ExactClass"/> and
/// <see cref="Architecture.NecessaryClass"/>.
/// </summary>
public static class ArchitectureHierarchy
{
    /// <summary>
    /// The direct inclusions sub ⊆ super for <paramref name="sub"/>, restricted to window sizes in
    /// <paramref name="windows"/> (the rules only ever move to the same k or to k = 1).
    /// </summary>
    /// <param name="sub">The included architecture.</param>
    /// <param name="windows">The window sizes of interest.</param>
    public static IEnumerable<(Architecture Super, InclusionRule Rule)> DirectInclusions(Architecture sub, IEnumerable<int> windows)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(windows);
        if (sub.Kind != ArchitectureKind.Regular) yield return (Architecture.Regular, InclusionRule.InRegular);
        if (sub.Kind is not (ArchitectureKind.Regular or ArchitectureKind.Uha)) yield return (Architecture.Uha, InclusionRule.InStarFree);
        switch (sub.Kind)
        {
            case ArchitectureKind.Global when sub.Masking == Masking.NonStrict:
                yield return (Architecture.Global, InclusionRule.NonStrictInStrict);
                break;
            case ArchitectureKind.Global:
                foreach (int k in windows.Where(k => k >= 1).Distinct())
                {
                    yield return (Architecture.Hybrid(k), InclusionRule.GlobalInHybrid);
                    yield return (Architecture.PastWindowLogic(k), InclusionRule.GlobalInHybrid);
                }
                break;
            case ArchitectureKind.Local or ArchitectureKind.Hybrid:
            {
                var same = sub with { Kind = ArchitectureKind.Hybrid };
                if (sub.Kind == ArchitectureKind.Local) yield return (same, InclusionRule.LocalInHybrid);
                var other = sub with { Windows = sub.Windows == WindowSemantics.Set ? WindowSemantics.Multiset : WindowSemantics.Set };
                if (sub.Windows == WindowSemantics.Set) yield return (other, InclusionRule.SetInMultiset);
                else if (sub.Window <= 2) yield return (other, InclusionRule.MultisetInSetUpToTwo);
                if (sub.Window > 1) yield return (sub with { Window = 1 }, InclusionRule.WindowInOne);
                break;
            }
        }
    }

    /// <summary>
    /// A chain of direct inclusions proving <paramref name="sub"/> ⊆ <paramref name="super"/> (empty when
    /// they are equal), or <c>null</c> when the hierarchy does not prove it.
    /// </summary>
    /// <param name="sub">The smaller architecture.</param>
    /// <param name="super">The larger architecture.</param>
    public static IReadOnlyList<(Architecture Super, InclusionRule Rule)>? Proof(Architecture sub, Architecture super)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(super);
        return Proofs.GetOrAdd((sub, super), p => Search(p.Sub, p.Super));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Architecture Sub, Architecture Super), IReadOnlyList<(Architecture Super, InclusionRule Rule)>?> Proofs = new();

    private static IReadOnlyList<(Architecture Super, InclusionRule Rule)>? Search(Architecture sub, Architecture super)
    {
        int[] windows = new[] { 1, sub.Window, super.Window }.Where(k => k >= 1).Distinct().ToArray();
        var parent = new Dictionary<Architecture, (Architecture From, InclusionRule Rule)?> { [sub] = null };
        var queue = new Queue<Architecture>();
        queue.Enqueue(sub);
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            if (a == super)
            {
                var chain = new List<(Architecture, InclusionRule)>();
                for (var at = a; parent[at] is { } step; at = step.From) chain.Add((at, step.Rule));
                chain.Reverse();
                return chain;
            }
            foreach (var (next, rule) in DirectInclusions(a, windows))
                if (parent.TryAdd(next, (a, rule))) queue.Enqueue(next);
        }
        return null;
    }

    /// <summary>True when the hierarchy proves <paramref name="sub"/> ⊆ <paramref name="super"/>.</summary>
    /// <param name="sub">The smaller architecture.</param>
    /// <param name="super">The larger architecture.</param>
    public static bool IsIncluded(Architecture sub, Architecture super) => Proof(sub, super) is not null;

    /// <summary>
    /// The contradictions of a set of rows for one language: a yes row whose superset row says no or
    /// unknown (the inclusion settles it), a no row whose subset row says yes or unknown, an exact class
    /// whose class verdict disagrees with its row, and a yes row whose necessary class says not a member.
    /// Empty when consistent.
    /// </summary>
    /// <param name="rows">Architecture rows of one language.</param>
    /// <param name="classes">The class verdicts of the same language (may be empty).</param>
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<Architecture, Verdicts.Verdict> rows, IReadOnlyDictionary<LanguageClass, ClassVerdict> classes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(classes);
        var problems = new List<string>();
        foreach (var (a, va) in rows)
        {
            foreach (var (b, vb) in rows)
            {
                if (a == b || va.Answer != Verdicts.Answer.Yes || vb.Answer == Verdicts.Answer.Yes || !IsIncluded(a, b)) continue;
                problems.Add(vb.Answer == Verdicts.Answer.No
                    ? $"{a.Key} says yes but its superset {b.Key} says no"
                    : $"{a.Key} says yes but its superset {b.Key} is left unknown");
            }
            foreach (var (b, vb) in rows)
                if (a != b && va.Answer == Verdicts.Answer.No && vb.Answer == Verdicts.Answer.Unknown && IsIncluded(b, a))
                    problems.Add($"{a.Key} says no but its subset {b.Key} is left unknown");
            if (a.ExactClass is { } exact && classes.TryGetValue(exact, out var cv) && cv.Decided && va.Answer != Verdicts.Answer.Unknown && cv.Member != (va.Answer == Verdicts.Answer.Yes))
                problems.Add($"{a.Key} says {(va.Answer == Verdicts.Answer.Yes ? "yes" : "no")} but it equals {exact}, whose decider says {(cv.Member ? "member" : "not a member")}");
            if (classes.TryGetValue(a.NecessaryClass, out var nv) && nv.Answer == false && va.Answer == Verdicts.Answer.Yes)
                problems.Add($"{a.Key} says yes but its necessary class {a.NecessaryClass} says not a member");
        }
        return problems;
    }
}
