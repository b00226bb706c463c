using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Engine.Evaluation;
using NUnit.Framework;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Engine.Tests;

/// <summary>The failure-analysis oracle of fex eval against T_r written out literally from the definition (theory.md §6).</summary>
public class ArchitectureTypeOracleTests
{
    /// <summary>The twin: T_r(i) written out literally as nested strings, straight from the definition.</summary>
    private static string NaiveType(Word w, int i, int r)
    {
        string t0 = i <= w.Length ? w[i - 1].ToString(System.Globalization.CultureInfo.InvariantCulture) : "⊥";
        if (r == 0) return t0;
        var set = Enumerable.Range(1, i - 1).Select(j => NaiveType(w, j, r - 1)).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        return "(" + t0 + ",{" + string.Join(";", set) + "})";
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Equal_keys_are_exactly_equal_literal_types(int depth)
    {
        var alphabet = RandomDfa.Letters(2);
        var words = RandomDfa.AllWords(alphabet, 6).ToList();
        var oracle = new ArchitectureTypeOracle(Architecture.Global, alphabet.Count, depth);
        var keys = words.Select(oracle.Key).ToList();
        var naive = words.Select(w => NaiveType(w, w.Length + 1, depth)).ToList();
        for (int x = 0; x < words.Count; x++)
            for (int y = x + 1; y < words.Count; y++)
                Assert.That(keys[x] == keys[y], Is.EqualTo(naive[x] == naive[y]), $"depth {depth}: {words[x].Format(alphabet)} vs {words[y].Format(alphabet)}");
    }

    [Test]
    public void Words_with_equal_depth_2_types_agree_on_a_depth_2_LTL_P_language()
    {
        // aΣ* ("the first symbol is a") is P(a ∧ ¬P⊤) at N+1: temporal depth 2.
        var alphabet = RandomDfa.Letters(3);
        var oracle = new ArchitectureTypeOracle(Architecture.Global, alphabet.Count, 2);
        var byKey = RandomDfa.AllWords(alphabet, 6).Where(w => w.Length > 0).GroupBy(oracle.Key);
        foreach (var group in byKey)
            Assert.That(group.Select(w => w[0] == 0).Distinct().Count(), Is.EqualTo(1), string.Join(", ", group.Select(w => w.Format(alphabet))));
    }

    [Test]
    public void Ends_with_a_is_out_of_reach_at_depth_1()
    {
        var ab = Alphabet.Of("a", "b");
        var oracle = new ArchitectureTypeOracle(Architecture.Global, 2, 1);
        Assert.That(oracle.Key(Word.Parse("aba", ab)), Is.EqualTo(oracle.Key(Word.Parse("ab", ab))));
        var deeper = new ArchitectureTypeOracle(Architecture.Global, 2, 2);
        Assert.That(deeper.Key(Word.Parse("aba", ab)), Is.Not.EqualTo(deeper.Key(Word.Parse("ab", ab))));
    }
}
