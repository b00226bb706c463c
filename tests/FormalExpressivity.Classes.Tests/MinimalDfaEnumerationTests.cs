using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Testing;
using NUnit.Framework;

namespace FormalExpressivity.Classes.Tests;

public class MinimalDfaEnumerationTests
{
    [TestCase(1, 1)]
    [TestCase(2, 12)]
    [TestCase(3, 216)]
    [TestCase(4, 5248)]
    public void Canonical_binary_tables_are_counted_by_OEIS_A006689(int states, int expected) =>
        Assert.That(MinimalDfaEnumeration.CanonicalTables(states, 2).Count(), Is.EqualTo(expected));

    [TestCase(1, 2)]
    [TestCase(2, 24)]
    [TestCase(3, 1028)]
    public void Binary_languages_with_exactly_n_minimal_states(int states, int expected) =>
        Assert.That(MinimalDfaEnumeration.Enumerate(Alphabet.Of("a", "b"), states).Count(d => d.StateCount == states), Is.EqualTo(expected));

    [TestCase(3, 2)]
    [TestCase(2, 3)]
    [TestCase(1, 4)]
    public void Canonical_tables_equal_the_filtered_brute_force(int states, int symbols)
    {
        var direct = MinimalDfaEnumeration.CanonicalTables(states, symbols).Select(t => string.Join(',', t)).ToList();
        var alphabet = RandomDfa.Letters(symbols);
        var brute = AllTables(states, symbols)
            .Where(t => Dfa.Create(alphabet, 0, t, new BitSet(states)).IsCanonical())
            .Select(t => string.Join(',', t)).ToList();
        Assert.That(direct, Is.EqualTo(brute), "same tables, same (lexicographic) order");
    }

    [TestCase(3, 2)]
    [TestCase(2, 3)]
    public void Enumeration_equals_minimize_and_canonicalize_of_every_table(int maxStates, int symbols)
    {
        // Independent twin: every table with every accepting set, Hopcroft-minimized, canonically
        // numbered and deduplicated.
        var alphabet = RandomDfa.Letters(symbols);
        var brute = new HashSet<string>(StringComparer.Ordinal);
        for (int n = 1; n <= maxStates; n++)
            foreach (var t in AllTables(n, symbols))
                for (int mask = 0; mask < 1 << n; mask++)
                    brute.Add(Key(Dfa.Create(alphabet, 0, t, Mask(n, mask)).Minimize().Canonicalize()));
        var enumerated = MinimalDfaEnumeration.Enumerate(alphabet, maxStates).Select(Key).ToList();
        Assert.That(enumerated, Is.Unique);
        Assert.That(enumerated.ToHashSet(), Is.EquivalentTo(brute));
    }

    [Test]
    public void Languages_come_in_increasing_state_count_and_are_canonical_and_minimal()
    {
        int last = 0;
        foreach (var d in MinimalDfaEnumeration.Enumerate(Alphabet.Of("a", "b"), 3))
        {
            Assert.That(d.StateCount, Is.GreaterThanOrEqualTo(last));
            last = d.StateCount;
            Assert.That(d.IsCanonical(), Is.True);
            Assert.That(d.Minimize().StateCount, Is.EqualTo(d.StateCount));
        }
    }

    [Test]
    public void IsMinimal_agrees_with_Hopcroft_on_random_DFAs()
    {
        var random = new Random(20261129);
        for (int i = 0; i < 2000; i++)
        {
            int n = random.Next(1, 7), k = random.Next(1, 4);
            var d = RandomDfa.Create(random, n, RandomDfa.Letters(k)).Canonicalize();
            uint mask = 0;
            foreach (int q in d.AcceptingStates().Elements()) mask |= 1u << q;
            Assert.That(MinimalDfaEnumeration.IsMinimal(d.Table, d.StateCount, k, mask), Is.EqualTo(d.Minimize().StateCount == d.StateCount),
                $"seed 20261129, iteration {i}: {d}");
        }
    }

    [Test]
    public void Budget_names_the_limit()
    {
        var e = Assert.Throws<BudgetExceededException>(() => MinimalDfaEnumeration.Enumerate(Alphabet.Of("a", "b"), 3, maxLanguages: 100).Count());
        Assert.That(e!.BudgetName, Is.EqualTo("max-languages"));
    }

    internal static IEnumerable<int[]> AllTables(int states, int symbols)
    {
        int cells = states * symbols;
        var t = new int[cells];
        long total = (long)Math.Pow(states, cells);
        for (long code = 0; code < total; code++)
        {
            long c = code;
            for (int i = cells - 1; i >= 0; i--) { t[i] = (int)(c % states); c /= states; }
            yield return (int[])t.Clone();
        }
    }

    internal static BitSet Mask(int n, int mask)
    {
        var b = new BitSet(n);
        for (int q = 0; q < n; q++) if ((mask >> q & 1) != 0) b.Add(q);
        return b;
    }

    internal static string Key(Dfa d) => d.StateCount + ":" + string.Join(',', d.Table.ToArray()) + ":" + d.AcceptingStates();
}
