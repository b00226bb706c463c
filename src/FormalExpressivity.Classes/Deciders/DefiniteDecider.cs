using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// Definite languages D = LTL[Y] = local(1) attention.
/// </summary>
/// <remarks>
/// Perles, Rabin &amp; Shamir (1963): L is definite of degree k iff membership of every word of length
/// ≥ k depends only on its last k symbols; for the minimal DFA this holds iff the graph on unordered
/// pairs {p ≠ q} with edges {p,q} → {p·a, q·a} (unequal images only) is acyclic, and the degree is the
/// longest path (in edges) + 1 (0 for a one-state DFA). Semigroup twin: s·e = e for every s ∈ S and
/// idempotent e ∈ S (semigroup, not monoid). In: Σ*a (degree 1). Out: aΣ* (sinks {1,2} form a self-loop).
/// </remarks>
public static class DefiniteDecider
{
    /// <summary>The definiteness degree of the minimal DFA's language, or <c>null</c> when it is not definite. O(n²·|Σ|).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxPairStates">Budget <c>max-pair-states</c>.</param>
    public static int? Degree(Dfa minimalDfa, long maxPairStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxPairStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var g = PairGraph.Analyze(minimalDfa, new int[minimalDfa.StateCount], maxPairStates);
        return g.HasCycle ? null : g.LongestPath + 1;
    }

    /// <summary>
    /// The definiteness degree by iterated merging of states, or <c>null</c> when the language is not definite;
    /// O(d·n·|Σ|) for degree d, no pair graph. p ~_0 q iff p = q, and p ~_{i+1} q iff p·a ~_i q·a for every
    /// letter a, so p ~_i q iff every word of length i sends p and q to one state. A path of ℓ edges in the pair
    /// graph is a word of length ℓ keeping a pair apart, hence the degree (longest path + 1) is the least i with
    /// ~_i universal, and the pair graph has a cycle iff ~_i stops changing before it is universal.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    public static int? DegreeByMerging(Dfa minimalDfa)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        int n = minimalDfa.StateCount, k = minimalDfa.SymbolCount;
        var table = minimalDfa.Table;
        var cls = new int[n];
        for (int q = 0; q < n; q++) cls[q] = q;
        int count = n;
        var next = new int[n];
        var ids = new Dictionary<RowKey, int>();
        for (int i = 0; ; i++)
        {
            if (count == 1) return i;
            ids.Clear();
            var rows = new int[n * k];
            for (int q = 0; q < n; q++)
            {
                for (int a = 0; a < k; a++) rows[q * k + a] = cls[table[q * k + a]];
                var key = new RowKey(rows, q * k, k);
                if (!ids.TryGetValue(key, out int id)) ids[key] = id = ids.Count;
                next[q] = id;
            }
            if (ids.Count == count) return null; // ~_{i+1} = ~_i: stable and not universal
            count = ids.Count;
            (cls, next) = (next, cls);
        }
    }

    /// <summary>A row of class ids (a slice of one array), compared by content.</summary>
    private readonly struct RowKey(int[] rows, int start, int length) : IEquatable<RowKey>
    {
        private ReadOnlySpan<int> Span => rows.AsSpan(start, length);

        public bool Equals(RowKey other) => Span.SequenceEqual(other.Span);

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var x in Span) h.Add(x);
            return h.ToHashCode();
        }
    }

    /// <summary>Decides D through the pair-graph test (no semigroup is built).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets and witness padding.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        options ??= DeciderOptions.Default;
        var dfa = minimalDfa;
        var group = new int[dfa.StateCount];
        var g = PairGraph.Analyze(dfa, group, options.MaxPairStates);
        if (!g.HasCycle)
        {
            int degree = g.LongestPath + 1;
            return new ClassVerdict(LanguageClass.D, true, degree,
                new ClassMembership("pair graph of the minimal DFA acyclic (Perles–Rabin–Shamir 1963)",
                    $"{g.VertexCount} pairs, longest path {g.LongestPath} edges, degree {degree}"));
        }
        return new ClassVerdict(LanguageClass.D, false, null, NonMembership(dfa, group, g.CycleP, g.CycleQ, options.WitnessPadding));
    }

    /// <summary>Decides D through the semigroup identity s·e^ω = e^ω (the twin of <see cref="Decide"/>).</summary>
    /// <param name="semigroup">The transition semigroup of the minimal DFA.</param>
    public static ClassVerdict DecideBySemigroup(TransitionSemigroup semigroup)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        foreach (var e in semigroup.Idempotents)
            for (int s = 0; s < semigroup.Count; s++)
                if (semigroup.Multiply(s, e) != e)
                    return new ClassVerdict(LanguageClass.D, false, null, new IdentityViolation(Identities.Definite,
                        new Dictionary<string, Word> { ["s"] = semigroup.Representative(s), ["e"] = semigroup.Representative(e) }));
        return new ClassVerdict(LanguageClass.D, true, null,
            new ClassMembership("s·e = e for every s and idempotent e of S", $"{semigroup.Count} elements, {semigroup.Idempotents.Count} idempotents"));
    }

    /// <summary>
    /// Evidence for L ∉ D from a pair {p, q} on a cycle: u fixes p and q; α, β reach p, q; z separates
    /// them. Then α·u^K·z and β·u^K·z share the suffix u^K·z but lie on opposite sides of L, and
    /// s·u^ω ≠ u^ω for s ∈ {α, β} (they differ at the start state).
    /// </summary>
    private static ClassEvidence NonMembership(Dfa dfa, int[] group, int p, int q, int padding)
    {
        var u = PairGraph.CycleWord(dfa, group, p, q);
        var accessP = DfaPaths.AccessWord(dfa, p)!;
        var accessQ = DfaPaths.AccessWord(dfa, q)!;
        var z = DfaPaths.Separating(dfa, p, q)!;
        int reps = Math.Max(1, Math.Max(padding, (dfa.StateCount + u.Length) / u.Length));
        var tail = u.Repeat(reps).Concat(z);
        var wp = accessP.Concat(tail);
        var wq = accessQ.Concat(tail);
        bool pIn = dfa.Accepts(wp);
        var pair = new WitnessPair(pIn ? wp : wq, pIn ? wq : wp, "LTL[Y]", tail.Length);
        // e = u^ω fixes p and q, so (α·e)(start) = p and (β·e)(start) = q: at least one differs from e(start).
        var e = DfaPaths.Action(dfa, u);
        int eStart = IdentityEvaluator.Omega(e)[dfa.Start];
        var s = eStart != p ? accessP : accessQ;
        var identity = new IdentityViolation(Identities.Definite, new Dictionary<string, Word> { ["s"] = s, ["e"] = u });
        return new EvidenceSet([identity, pair]);
    }
}
