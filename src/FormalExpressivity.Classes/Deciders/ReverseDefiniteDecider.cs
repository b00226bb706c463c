using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Reverse definite languages K (membership of long words depends on a prefix of bounded length).</summary>
/// <remarks>
/// Brzozowski (1969), Perles–Rabin–Shamir (1963): L is reverse definite of degree k iff every word of
/// length k leads the start state of the minimal DFA into an absorbing state (all letters loop); this
/// holds for some k iff every state reachable from a state on a cycle is absorbing. Semigroup twin:
/// e^ω s = e^ω. In: aΣ* (degree 1). Out: Σ*a (the states 0, 1 form a cycle and are not absorbing).
/// </remarks>
public static class ReverseDefiniteDecider
{
    /// <summary>Decides K with its degree, on the DFA (no semigroup). O(n²·|Σ|).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Witness padding.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        options ??= DeciderOptions.Default;
        var dfa = minimalDfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var absorbing = new bool[n];
        for (int q = 0; q < n; q++)
        {
            absorbing[q] = true;
            for (int a = 0; a < k; a++) if (dfa.Next(q, a) != q) absorbing[q] = false;
        }
        var comp = StronglyConnected.Tarjan(dfa.Table, n, k, out int count);
        var sizes = StronglyConnected.Sizes(comp, count);
        for (int p = 0; p < n; p++)
        {
            bool cyclic = sizes[comp[p]] > 1 || Enumerable.Range(0, k).Any(a => dfa.Next(p, a) == p);
            if (!cyclic) continue;
            // A non-absorbing state reachable from the cyclic state p refutes K.
            for (int q = 0; q < n; q++)
            {
                if (absorbing[q]) continue;
                var beta = DfaPaths.Between(dfa, p, q);
                if (beta is null) continue;
                return new ClassVerdict(LanguageClass.K, false, null, NonMembership(dfa, p, q, beta, options.WitnessPadding));
            }
        }
        // Degree: the least level all of whose states are absorbing.
        var level = new HashSet<int> { dfa.Start };
        for (int degree = 0; ; degree++)
        {
            if (level.All(q => absorbing[q]))
                return new ClassVerdict(LanguageClass.K, true, degree,
                    new ClassMembership("every state reachable from a cycle is absorbing (reverse definite)", $"all words of length {degree} reach absorbing states"));
            var next = new HashSet<int>();
            foreach (var q in level) for (int a = 0; a < k; a++) next.Add(dfa.Next(q, a));
            level = next;
        }
    }

    private static ClassEvidence NonMembership(Dfa dfa, int p, int q, Word beta, int padding)
    {
        // c: a non-empty word with p·c = p (p lies on a cycle).
        Word c = Word.Empty;
        for (int a = 0; a < dfa.SymbolCount && c.Length == 0; a++)
        {
            var back = DfaPaths.Between(dfa, dfa.Next(p, a), p);
            if (back is not null) c = Word.Of(a).Concat(back);
        }
        int bad = Enumerable.Range(0, dfa.SymbolCount).First(a => dfa.Next(q, a) != q);
        var s = q != p ? beta : Word.Of(bad);
        int ps = dfa.Run(p, s.Symbols);
        var identity = new IdentityViolation(Identities.ReverseDefinite, new Dictionary<string, Word> { ["e"] = c, ["s"] = s });
        var prefix = DfaPaths.AccessWord(dfa, p)!.Concat(c.Repeat(Math.Max(1, padding)));
        var z = DfaPaths.Separating(dfa, p, ps)!;
        var w1 = prefix.Concat(s).Concat(z);
        var w2 = prefix.Concat(z);
        bool in1 = dfa.Accepts(w1);
        return new EvidenceSet([identity, new WitnessPair(in1 ? w1 : w2, in1 ? w2 : w1, "prefix", prefix.Length)]);
    }
}
