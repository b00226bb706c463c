using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests;

/// <summary>
/// The depth claims of the deciders' witness pairs, checked with the depth-r set types of theory.md §6
/// (a test-side implementation): T_0(i) = symbol (⊥ at N+1), T_r(i) = (T_0(i), {T_{r−1}(j) : j ∈ W(i)}),
/// with W(i) = {i−1} ∩ [1, N] for LTL[Y] and W(i) = [1, i−1] for LTL[P]. Equal T_r(N+1) ⇔ equal truth of
/// every formula of depth ≤ r evaluated at N+1.
/// </summary>
public class WitnessDepthTests
{
    private static bool AgreeUpTo(Word u, Word v, int depth, bool past)
    {
        var intern = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Level0(Word w) => Enumerable.Range(0, w.Length + 1).Select(i => i < w.Length ? w[i] : -1).ToArray();
        int[] Next(int[] prev, Word w, int r)
        {
            var t = new int[w.Length + 1];
            for (int i = 0; i <= w.Length; i++) // zero-based i is position i+1
            {
                IEnumerable<int> window = past ? Enumerable.Range(0, i) : (i >= 1 ? [i - 1] : []);
                var key = $"{r}:{(i < w.Length ? w[i] : -1)}:{string.Join(',', window.Select(j => prev[j]).Distinct().Order())}";
                if (!intern.TryGetValue(key, out int id)) intern[key] = id = intern.Count;
                t[i] = id;
            }
            return t;
        }
        int[] tu = Level0(u), tv = Level0(v);
        for (int r = 1; r <= depth; r++)
        {
            tu = Next(tu, u, r);
            tv = Next(tv, v, r);
            if (tu[^1] != tv[^1]) return false;
        }
        return true;
    }

    [Test]
    public void Witness_pairs_of_D_and_R_agree_on_every_formula_up_to_their_stated_depth()
    {
        int pairs = 0;
        foreach (var dfa in SmallDfas.AllMinimal(3, Alphabet.Of("a", "b")).Concat(Languages.All().Select(l => l.Dfa)).Concat(SmallDfas.Random(99, 150, 8, Alphabet.Of("a", "b", "c")).Select(r => r.Dfa)))
            foreach (var c in new[] { LanguageClass.D, LanguageClass.R })
            {
                var v = ClassDeciders.Decide(c, dfa);
                if (v.Member || v.Evidence is not EvidenceSet set) continue;
                foreach (var wp in set.Items.OfType<WitnessPair>())
                {
                    pairs++;
                    bool past = wp.Fragment == "LTL[P]";
                    Assert.That(AgreeUpTo(wp.InLanguage, wp.NotInLanguage, wp.Depth, past), Is.True,
                        $"{c} {wp.Describe(dfa.Alphabet)} on {SmallDfas.Key(dfa)}");
                }
            }
        Assert.That(pairs, Is.GreaterThan(500));
    }
}
