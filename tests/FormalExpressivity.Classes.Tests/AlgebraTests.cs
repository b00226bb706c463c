using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

public class AlgebraTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    private static IEnumerable<(Dfa Dfa, string Context)> Cases()
    {
        foreach (var (name, dfa) in Languages.All()) yield return (dfa, name);
        const int seed = 77;
        foreach (var (dfa, trial) in SmallDfas.Random(seed, 150, 5, Alphabet.Of("a", "b", "c")))
            yield return (dfa, $"seed {seed} trial {trial}");
    }

    private static string Key(ReadOnlySpan<int> t) => string.Join(',', t.ToArray());

    [Test]
    public void Elements_and_shortlex_representatives_match_brute_force_word_enumeration()
    {
        foreach (var (dfa, ctx) in Cases())
        {
            TransitionSemigroup s;
            try { s = TransitionSemigroup.Create(dfa, 2000); } catch (BudgetExceededException) { continue; }
            int maxLen = Enumerable.Range(0, s.Count).Max(i => s.Representative(i).Length) + 1;
            if (Math.Pow(dfa.SymbolCount, maxLen) > 20_000) continue;
            var first = new Dictionary<string, Word>();
            foreach (var w in RandomDfa.AllWords(dfa.Alphabet, maxLen))
            {
                if (w.Length == 0) continue;
                var key = Key(Internal(dfa, w));
                first.TryAdd(key, w);
            }
            Assert.That(first.Count, Is.EqualTo(s.Count), ctx);
            for (int i = 0; i < s.Count; i++)
            {
                Assert.That(first[Key(s.Element(i))], Is.EqualTo(s.Representative(i)), $"{ctx} element {i}");
                Assert.That(s.ElementOf(s.Representative(i)), Is.EqualTo(i), ctx);
            }
        }
    }

    private static int[] Internal(Dfa dfa, Word w)
    {
        var t = new int[dfa.StateCount];
        for (int q = 0; q < t.Length; q++) t[q] = dfa.Run(q, w.Symbols);
        return t;
    }

    [Test]
    public void Products_omega_and_local_monoids_obey_their_definitions()
    {
        foreach (var (dfa, ctx) in Cases())
        {
            TransitionSemigroup s;
            try { s = TransitionSemigroup.Create(dfa, 120); } catch (BudgetExceededException) { continue; }
            for (int x = 0; x < s.Count; x++)
            {
                for (int y = 0; y < s.Count; y++)
                {
                    var composed = IdentityEvaluator.Compose(s.Element(x).ToArray(), s.Element(y).ToArray());
                    Assert.That(s.Element(s.Multiply(x, y)).ToArray(), Is.EqualTo(composed), ctx);
                }
                int e = s.Omega(x);
                Assert.That(s.IsIdempotent(e), Is.True, ctx);
                Assert.That(s.Element(e).ToArray(), Is.EqualTo(IdentityEvaluator.Omega(s.Element(x).ToArray())), ctx);
                for (int a = 0; a < dfa.SymbolCount; a++)
                    Assert.That(s.LeftMultiplyBySymbol(x, a), Is.EqualTo(s.Multiply(s.Generator(a), x)), ctx);
            }
            foreach (var e in s.Idempotents)
            {
                var local = s.LocalMonoid(e);
                Assert.That(local, Does.Contain(e), ctx);
                foreach (var a in local)
                {
                    Assert.That((s.Multiply(e, a), s.Multiply(a, e)), Is.EqualTo((a, a)), $"{ctx}: e is the identity of eSe");
                    foreach (var b in local) Assert.That(local, Does.Contain(s.Multiply(a, b)), $"{ctx}: eSe closed");
                }
            }
        }
    }

    [Test]
    public void Green_relations_match_their_definitions()
    {
        foreach (var (dfa, ctx) in Cases())
        {
            TransitionSemigroup s;
            try { s = TransitionSemigroup.Create(dfa, 60); } catch (BudgetExceededException) { continue; }
            int n = s.Count;
            // x ≤_R y iff x ∈ yS¹; likewise L and J, from all products.
            bool InRight(int x, int y) => x == y || Enumerable.Range(0, n).Any(t => s.Multiply(y, t) == x);
            bool InLeft(int x, int y) => x == y || Enumerable.Range(0, n).Any(t => s.Multiply(t, y) == x);
            var ideal = new HashSet<int>[n];
            for (int y = 0; y < n; y++)
            {
                ideal[y] = [y];
                for (int t = 0; t < n; t++) { ideal[y].Add(s.Multiply(t, y)); ideal[y].Add(s.Multiply(y, t)); }
                foreach (var z in ideal[y].ToList()) for (int t = 0; t < n; t++) ideal[y].Add(s.Multiply(z, t));
                foreach (var z in ideal[y].ToList()) for (int t = 0; t < n; t++) ideal[y].Add(s.Multiply(t, z));
            }
            var g = s.Green;
            for (int x = 0; x < n; x++)
                for (int y = 0; y < n; y++)
                {
                    bool r = InRight(x, y) && InRight(y, x), l = InLeft(x, y) && InLeft(y, x), j = ideal[y].Contains(x) && ideal[x].Contains(y);
                    Assert.That(g.RClass[x] == g.RClass[y], Is.EqualTo(r), $"{ctx} R {x} {y}");
                    Assert.That(g.LClass[x] == g.LClass[y], Is.EqualTo(l), $"{ctx} L {x} {y}");
                    Assert.That(g.JClass[x] == g.JClass[y], Is.EqualTo(j), $"{ctx} J {x} {y}");
                    Assert.That(g.HClass[x] == g.HClass[y], Is.EqualTo(r && l), $"{ctx} H {x} {y}");
                }
        }
    }

    [Test]
    public void Syntactic_monoids_of_textbook_languages()
    {
        var dyck = Languages.All().Single(l => l.Name.StartsWith("DYCK-(1,1)", StringComparison.Ordinal)).Dfa;
        var s = TransitionSemigroup.Create(dyck);
        // (ab)*: S = {a, b, ab, ba, 0}; the monoid adds 1.
        Assert.That((s.Count, s.MonoidCount, s.IdentityIndex), Is.EqualTo((5, 6, -1)));
        Assert.That(s.Idempotents.Select(i => s.Representative(i).Format(dyck.Alphabet)), Is.EqualTo(new[] { "aa", "ab", "ba" }));
        var parity = Languages.All().Single(l => l.Name.StartsWith("PARITY", StringComparison.Ordinal)).Dfa;
        var p = TransitionSemigroup.Create(parity);
        Assert.That((p.Count, p.MonoidCount, p.Representative(p.IdentityIndex).Format(parity.Alphabet)), Is.EqualTo((2, 2, "a")));
    }

    [Test]
    public void Budget_names_max_semigroup()
    {
        var random = new Random(5);
        var dfa = RandomDfa.Create(random, 12, Ab);
        var ex = Assert.Throws<BudgetExceededException>(() => TransitionSemigroup.Create(dfa, 3))!;
        Assert.That((ex.BudgetName, ex.Limit), Is.EqualTo(("max-semigroup", 3L)));
        Assert.That(ex.Message, Does.Contain("max-semigroup"));
    }

    [Test]
    public void Identity_evaluator_rejects_malformed_input()
    {
        var dfa = Languages.All()[0].Dfa;
        var w = new Dictionary<string, Word> { ["x"] = Word.Of(0) };
        Assert.Throws<FormatException>(() => IdentityEvaluator.Evaluate("x = x = x", w, dfa));
        Assert.Throws<FormatException>(() => IdentityEvaluator.Evaluate("(x = x", w, dfa));
        Assert.Throws<FormatException>(() => IdentityEvaluator.Evaluate("x + x = x", w, dfa));
        Assert.Throws<ArgumentException>(() => IdentityEvaluator.Evaluate("y = x", w, dfa));
        Assert.Throws<ArgumentException>(() => IdentityEvaluator.Evaluate("x = x", new Dictionary<string, Word> { ["x"] = Word.Empty }, dfa));
        Assert.That(IdentityEvaluator.IsViolated(Identities.Aperiodic, new Dictionary<string, Word> { ["x"] = Word.Of(1) }, dfa), Is.True, "PARITY: b^ω = bb ≠ b");
    }
}
