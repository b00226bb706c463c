using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Engine.Evaluation;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Corpora.Tests;

/// <summary>
/// The failure analysis's oracles (the classes' type automata behind <see cref="ArchitectureTypeOracle"/>)
/// against a literal twin: T_r written out as nested strings straight from theory.md §6.
/// </summary>
public class ArchitectureTypeOracleTests
{
    /// <summary>
    /// T_r(N+1) literally: T_0(i) = symbol (⊥ at N+1); T_r(i) = (T_0(i), [T_{r−1}(j) : i−k ≤ j &lt; i] as a
    /// sorted multiset (set when <paramref name="setWindows"/>) if k &gt; 0, {T_{r−1}(j) : j &lt; i} if
    /// <paramref name="past"/>, with j itself included when <paramref name="nonStrict"/>).
    /// </summary>
    public static string LiteralType(Word w, int depth, int k, bool past, bool nonStrict = false, bool setWindows = false)
    {
        int n = w.Length;
        var zero = Enumerable.Range(0, n + 1).Select(i => i < n ? "s" + w[i] : "⊥").ToArray();
        var t = zero.ToArray();
        for (int r = 1; r <= depth; r++)
        {
            var next = new string[n + 1];
            for (int i = 0; i <= n; i++)
            {
                var window = k == 0 ? [] : t[Math.Max(0, i - k)..i].OrderBy(x => x, StringComparer.Ordinal).ToArray();
                if (setWindows) window = window.Distinct().ToArray();
                var seen = t[..(nonStrict ? i + 1 : i)].Distinct().OrderBy(x => x, StringComparer.Ordinal);
                next[i] = "(" + zero[i] + (k > 0 ? ",[" + string.Join(";", window) + "]" : "") + (past ? ",{" + string.Join(";", seen) + "}" : "") + ")";
            }
            t = next;
        }
        return t[n];
    }

    /// <summary>The literal type of <paramref name="w"/> for an architecture's fragment.</summary>
    public static string LiteralType(Word w, Architecture a, int depth)
    {
        var f = a.Fragment!;
        return LiteralType(w, depth, f.Window, f.Past, f.NonStrict, f.Semantics == FormalExpressivity.Classes.Types.WindowSemantics.Set);
    }

    private static ArchitectureTypeOracle Oracle(Architecture a, int symbols, int depth) => new(a, symbols, depth, 50_000, 400_000);

    private static IEnumerable<TestCaseData> Cases() =>
        from a in new[] { "global", "global-nonstrict", "local:1", "local:2", "local:3", "hybrid:1", "hybrid:2", "Ywin:3" }
        from d in new[] { 0, 1, 2, 3 }
        select new TestCaseData(a, d);

    [TestCaseSource(nameof(Cases))]
    public void Equal_keys_are_exactly_equal_literal_types(string architecture, int depth)
    {
        Assert.That(Architecture.TryParse(architecture, out var a), Is.True);
        var alphabet = RandomDfa.Letters(2);
        var words = RandomDfa.AllWords(alphabet, 6).ToList();
        var oracle = Oracle(a!, alphabet.Count, depth);
        Assert.That(oracle.Architecture, Is.EqualTo(architecture));
        var keys = words.Select(oracle.Key).ToList();
        var literal = words.Select(w => LiteralType(w, a!, depth)).ToList();
        for (int x = 0; x < words.Count; x++)
            for (int y = x + 1; y < words.Count; y++)
                Assert.That(keys[x] == keys[y], Is.EqualTo(literal[x] == literal[y]), $"{architecture} depth {depth}: {words[x].Format(alphabet)} vs {words[y].Format(alphabet)}");
    }

    [Test]
    public void Words_with_equal_depth_2_types_agree_on_a_depth_2_LTL_P_language()
    {
        // aΣ* ("the first symbol is a") is P(a ∧ ¬P⊤) at N+1: temporal depth 2.
        var alphabet = RandomDfa.Letters(3);
        var oracle = Oracle(Architecture.Global, alphabet.Count, 2);
        var byKey = RandomDfa.AllWords(alphabet, 6).Where(w => w.Length > 0).GroupBy(oracle.Key);
        foreach (var group in byKey)
            Assert.That(group.Select(w => w[0] == 0).Distinct().Count(), Is.EqualTo(1), string.Join(", ", group.Select(w => w.Format(alphabet))));
    }

    [Test]
    public void Ends_with_a_is_out_of_reach_of_global_at_depth_1_and_within_reach_of_local_1()
    {
        var ab = Alphabet.Of("a", "b");
        var oracle = Oracle(Architecture.Global, 2, 1);
        Assert.That(oracle.Key(Word.Parse("aba", ab)), Is.EqualTo(oracle.Key(Word.Parse("ab", ab))));
        var deeper = Oracle(Architecture.Global, 2, 2);
        Assert.That(deeper.Key(Word.Parse("aba", ab)), Is.Not.EqualTo(deeper.Key(Word.Parse("ab", ab))));
        var local = Oracle(Architecture.Local(1), 2, 1);
        Assert.That(local.Key(Word.Parse("aba", ab)), Is.Not.EqualTo(local.Key(Word.Parse("ab", ab))));
        Assert.That(() => Oracle(Architecture.Uha, 2, 1), Throws.ArgumentException);
    }

    [Test]
    public void A_type_budget_is_reported_by_name()
    {
        var oracle = new ArchitectureTypeOracle(Architecture.Hybrid(2), 2, 3, 50_000, 10);
        var words = RandomDfa.AllWords(RandomDfa.Letters(2), 8);
        Assert.That(() => { foreach (var w in words) oracle.Key(w); }, Throws.InstanceOf<FormalExpressivity.Core.Text.BudgetExceededException>().With.Message.Contains("max-type-states"));
    }
}
