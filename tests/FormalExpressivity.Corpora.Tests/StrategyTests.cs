using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Strategies;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Corpora.Tests;

public class StrategyTests
{
    private static List<Word> Words(Alphabet alphabet, int n) => RandomDfa.AllWords(alphabet, n).Where(w => w.Length == n).ToList();

    private static int Occurrences(Word w, Word u)
    {
        int c = 0;
        for (int i = 0; i + u.Length <= w.Length; i++)
            if (w.Symbols.Slice(i, u.Length).SequenceEqual(u.Symbols)) c++;
        return c;
    }

    [Test]
    public void OneSubstitution_is_exactly_the_Hamming_distance_1_neighbourhood_on_random_dfas()
    {
        const int seed = 17;
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var alphabet = RandomDfa.Letters(2 + random.Next(2));
            var dfa = RandomDfa.Create(random, 1 + random.Next(5), alphabet);
            var edit = NearMisses.OneSubstitution(dfa);
            for (int n = 0; n <= 5; n++)
            {
                var positives = Words(alphabet, n).Where(dfa.Accepts).ToList();
                foreach (var w in Words(alphabet, n))
                {
                    bool expected = positives.Any(p => Enumerable.Range(0, n).Count(i => p[i] != w[i]) == 1);
                    Assert.That(edit.Accepts(w), Is.EqualTo(expected), $"seed {seed}, trial {trial}, word {w.Format(alphabet)}");
                }
            }
        }
    }

    [Test]
    public void OneDeletion_is_exactly_the_set_of_words_one_insertion_away_from_L()
    {
        const int seed = 18;
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var alphabet = RandomDfa.Letters(2);
            var dfa = RandomDfa.Create(random, 1 + random.Next(5), alphabet);
            var del = NearMisses.OneDeletion(dfa);
            for (int n = 0; n <= 5; n++)
                foreach (var w in Words(alphabet, n))
                {
                    bool expected = Enumerable.Range(0, n + 1).Any(i => Enumerable.Range(0, alphabet.Count)
                        .Any(a => dfa.Accepts(w.Slice(0, i).Append(a).Concat(w.Slice(i, n - i)))));
                    Assert.That(del.Accepts(w), Is.EqualTo(expected), $"seed {seed}, trial {trial}, word {w.Format(alphabet)}");
                }
        }
    }

    [TestCase("a", 0)]
    [TestCase("a", 1)]
    [TestCase("ab", 1)]
    [TestCase("aba", 1)]
    [TestCase("aa", 2)]
    public void FactorCount_counts_overlapping_occurrences(string factor, int count)
    {
        var alphabet = PaperLanguages.Abc;
        var u = Word.Parse(factor, alphabet);
        var exactly = NearMisses.FactorCount(alphabet, u, count);
        var atLeast = NearMisses.FactorCount(alphabet, u, count, atLeast: true);
        foreach (var w in RandomDfa.AllWords(alphabet, 6))
        {
            Assert.That(exactly.Accepts(w), Is.EqualTo(Occurrences(w, u) == count), w.Format(alphabet));
            Assert.That(atLeast.Accepts(w), Is.EqualTo(Occurrences(w, u) >= count), w.Format(alphabet));
        }
    }

    [Test]
    public void Every_strategy_keeps_positives_inside_and_negatives_outside_L()
    {
        var languages = new[] { PaperLanguages.Parity(), PaperLanguages.AbStar(), PaperLanguages.Dyck12(), PaperLanguages.Lt2(), PaperLanguages.Cnt(4) };
        foreach (var dfa in languages)
            foreach (var name in new[] { "uniform", "one-symbol-edit", "one-symbol-edit-even", "delete-one", "exactly-one-occurrence:a" })
            {
                Assert.That(CorpusStrategies.TryCreate(name, dfa, out var s, out var error), Is.True, error);
                foreach (var w in RandomDfa.AllWords(dfa.Alphabet, 6))
                {
                    if (s!.Positives.Accepts(w)) Assert.That(dfa.Accepts(w), Is.True, $"{name}: {w.Format(dfa.Alphabet)}");
                    if (s.Negatives.Accepts(w)) Assert.That(dfa.Accepts(w), Is.False, $"{name}: {w.Format(dfa.Alphabet)}");
                }
            }
    }

    [Test]
    public void Delete_one_on_CNT_gives_one_a_or_one_b_short()
    {
        var cnt = PaperLanguages.Cnt(5);
        Assert.That(CorpusStrategies.TryCreate("delete-one", cnt, out var s, out _), Is.True);
        var negatives = RandomDfa.AllWords(cnt.Alphabet, 9).Where(s!.Negatives.Accepts).Select(w => w.Format(cnt.Alphabet)).ToHashSet();
        var expected = new HashSet<string>();
        for (int n = 1; n <= 5; n++)
        {
            expected.Add(new string('a', n) + new string('b', n - 1));
            expected.Add(new string('a', n - 1) + new string('b', n));
        }
        Assert.That(negatives, Is.EquivalentTo(expected));
    }

    [Test]
    public void Exactly_one_occurrence_uses_the_LT_convention()
    {
        var lt2 = PaperLanguages.Lt2();
        Assert.That(CorpusStrategies.TryCreate("exactly-one-occurrence:ab", lt2, out var s, out _), Is.True);
        var ab = Word.Parse("ab", lt2.Alphabet);
        foreach (var w in RandomDfa.AllWords(lt2.Alphabet, 6))
        {
            Assert.That(s!.Positives.Accepts(w), Is.EqualTo(Occurrences(w, ab) == 1));
            Assert.That(s.Negatives.Accepts(w), Is.EqualTo(Occurrences(w, ab) == 0));
        }
        Assert.That(s!.Name, Is.EqualTo("exactly-one-occurrence:ab"));
    }

    [TestCase("nonsense", "unknown strategy 'nonsense'")]
    [TestCase("uniform:x", "takes no argument")]
    [TestCase("exactly-one-occurrence", "needs a factor")]
    [TestCase("exactly-one-occurrence:ad", "'d' is not a symbol")]
    public void Bad_strategy_names_are_explained(string name, string message)
    {
        Assert.That(CorpusStrategies.TryCreate(name, PaperLanguages.Lt2(), out var s, out var error), Is.False);
        Assert.That(s, Is.Null);
        Assert.That(error, Does.Contain(message));
    }
}
