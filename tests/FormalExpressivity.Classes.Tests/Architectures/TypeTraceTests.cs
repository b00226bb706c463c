using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Architectures;

public class TypeTraceTests
{
    static readonly Alphabet AB = Languages.AB;

    static Word W(string s) => Word.Parse(s, AB);

    [Test]
    public void First_difference_of_the_counting_pair_is_depth_1_for_multisets_and_none_for_sets()
    {
        // theory.md §3.1: (aab)^6 and (abb)^6 agree on set windows, part at depth 1 on multiset windows.
        var u = W("aab").Repeat(6);
        var v = W("abb").Repeat(6);
        Assert.That(TypeTrace.Compute(TypeFragment.Local(3), AB, u, v, 4).FirstDifference, Is.EqualTo(1));
        Assert.That(TypeTrace.Compute(TypeFragment.WindowLogic(3), AB, u, v, 4).FirstDifference, Is.Null);
    }

    [Test]
    public void Agrees_with_the_checker_s_agreement_depth_on_every_pair_of_short_words()
    {
        var words = Enumerable.Range(0, 6).SelectMany(n => Enumerable.Range(0, 1 << n).Select(bits => Word.Of(Enumerable.Range(0, n).Select(i => (bits >> i) & 1).ToArray()))).ToList();
        foreach (var fragment in new[] { TypeFragment.PastOnly, TypeFragment.Local(2), TypeFragment.Hybrid(1), TypeFragment.WindowLogic(2) })
            foreach (var u in words.Where((_, i) => i % 3 == 0))
                foreach (var v in words.Where((_, i) => i % 5 == 0))
                {
                    var trace = TypeTrace.Compute(fragment, AB, u, v, 3);
                    int agreed = TypeChecker.AgreementDepth(fragment, 2, u, v, 3);
                    Assert.That(trace.FirstDifference, Is.EqualTo(agreed == 3 ? null : agreed + 1), $"{fragment.Name}: {u.Format(AB)} / {v.Format(AB)}");
                    Assert.That(trace.U[0], Is.EqualTo(u.Symbols.ToArray().Append(2).ToArray()), "depth 0 = the symbols, then ⊥");
                    Assert.That(trace.U.Count, Is.EqualTo(4));
                }
    }

    [Test]
    public void Keys_name_every_type_id_of_every_depth()
    {
        var trace = TypeTrace.Compute(TypeFragment.Hybrid(2), AB, W("abba"), W("baab"), 3);
        for (int d = 0; d < trace.U.Count; d++)
            foreach (var t in trace.U[d].Concat(trace.V[d]))
                Assert.That(trace.Keys[d].ContainsKey(t), Is.True, $"depth {d}, type {t}");
        Assert.That(trace.Keys[0][2], Is.EqualTo("⊥"));
        Assert.That(trace.Keys[1].Values, Has.All.StartsWith("1:"));
    }
}
