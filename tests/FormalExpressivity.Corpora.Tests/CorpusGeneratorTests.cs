using System.Numerics;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Writers;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Corpora.Tests;

public class CorpusGeneratorTests
{
    private static CorpusOptions Options(Dfa dfa, int min, int max, int perLength = 64, string strategy = "uniform", ulong seed = 1,
        CorpusGeneratorKind generator = CorpusGeneratorKind.Balanced, int parallelism = 1) => new()
    {
        Language = dfa, LanguageSpec = "test", MinLength = min, MaxLength = max, PerLength = perLength, Strategy = strategy,
        Seed = seed, Generator = generator, Parallelism = parallelism,
    };

    /// <summary>Writes the dataset folder and returns the path of its one split file (data/test.EXT).</summary>
    internal static string WriteDataset(CorpusOptions options, CorpusFormat format, TempDir dir, string folder)
    {
        CorpusWriter.Write(new CorpusGenerator(options), dir.File(folder), format);
        return Path.Combine(dir.File(folder), "data", "test." + CorpusFormats.Name(format));
    }

    private static byte[] WriteBytes(CorpusOptions options, CorpusFormat format, TempDir dir, string folder) =>
        File.ReadAllBytes(WriteDataset(options, format, dir, folder));

    [TestCase(CorpusFormat.Jsonl)]
    [TestCase(CorpusFormat.Csv)]
    [TestCase(CorpusFormat.Parquet)]
    public void Same_seed_gives_identical_bytes_and_another_seed_different_ones(CorpusFormat format)
    {
        using var dir = new TempDir();
        var dfa = PaperLanguages.Dyck12();
        var a = WriteBytes(Options(dfa, 1, 30, seed: 7, strategy: "one-symbol-edit-even"), format, dir, "a");
        var b = WriteBytes(Options(dfa, 1, 30, seed: 7, strategy: "one-symbol-edit-even", parallelism: 3), format, dir, "b");
        var c = WriteBytes(Options(dfa, 1, 30, seed: 8, strategy: "one-symbol-edit-even"), format, dir, "c");
        Assert.That(a, Is.EqualTo(b), "same seed, different parallelism");
        Assert.That(a, Is.Not.EqualTo(c), "different seeds");
        Assert.That(File.ReadAllBytes(dir.File("a/manifest.json")), Is.EqualTo(File.ReadAllBytes(dir.File("b/manifest.json"))));
        Assert.That(File.ReadAllBytes(dir.File("a/README.md")), Is.EqualTo(File.ReadAllBytes(dir.File("b/README.md"))));
    }

    [Test]
    public void Every_written_label_agrees_with_the_dfa_for_every_strategy_and_format()
    {
        using var dir = new TempDir();
        var cases = new (Dfa Dfa, string Strategy)[]
        {
            (PaperLanguages.Parity(), "uniform"), (PaperLanguages.AbStar(), "one-symbol-edit-even"), (PaperLanguages.Dyck12(), "one-symbol-edit"),
            (PaperLanguages.Lt2(), "exactly-one-occurrence:ab"), (PaperLanguages.Cnt(12), "delete-one"), (PaperLanguages.First(), "uniform"),
        };
        foreach (var (dfa, strategy) in cases)
            foreach (var format in Enum.GetValues<CorpusFormat>())
            {
                var path = WriteDataset(Options(dfa, 1, 24, 40, strategy), format, dir, $"{strategy}-{format}".Replace(':', '-'));
                var rows = CorpusReader.ReadCorpus(path);
                Assert.That(rows, Is.Not.Empty);
                foreach (var row in rows)
                    Assert.That(dfa.Accepts(Word.Parse(row.Text, dfa.Alphabet)), Is.EqualTo(row.Label), $"{strategy} {format}: '{row.Text}' line {row.Line}");
            }
    }

    [Test]
    public void Balanced_corpora_are_half_and_half_and_take_every_string_once_when_fewer_exist()
    {
        // (ab)* has one word of each even length and none of odd length: sampling is without
        // replacement, so that one word appears once, with a note, and the negatives fill their half.
        var gen = new CorpusGenerator(Options(PaperLanguages.AbStar(), 8, 11, perLength: 100));
        foreach (var block in gen.Blocks())
        {
            Assert.That(block.Words.All(w => w.Length == block.Length), Is.True);
            Assert.That(block.Words.Distinct().Count(), Is.EqualTo(block.Words.Count), "no repeats within a length");
            if (block.Length % 2 == 0)
            {
                Assert.That((block.Positives, block.Negatives), Is.EqualTo((1, 50)), $"length {block.Length}");
                Assert.That(block.Note, Does.Contain($"length {block.Length}: only 1 distinct positive strings exist (50 asked)"));
            }
            else
            {
                Assert.That((block.Positives, block.Negatives), Is.EqualTo((0, 100)), $"length {block.Length}");
                Assert.That(block.Note, Does.Contain($"no positive string of length {block.Length}"));
            }
        }
    }

    [Test]
    public void Even_length_strategy_skips_odd_lengths_and_the_manifest_records_it()
    {
        using var dir = new TempDir();
        var dfa = PaperLanguages.Dyck12();
        var path = WriteDataset(Options(dfa, 1, 9, 10, "one-symbol-edit-even"), CorpusFormat.Jsonl, dir, "d");
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("d/manifest.json")));
        var root = doc.RootElement;
        var counter = new FormalExpressivity.Automata.Operations.WordCounter(dfa, 9);
        Corpora.Strategies.CorpusStrategies.TryCreate("one-symbol-edit-even", dfa, out var strategy, out _);
        var negatives = new FormalExpressivity.Automata.Operations.WordCounter(strategy!.Negatives, 9);
        var counts = root.GetProperty("splits")[0].GetProperty("counts").EnumerateArray().Select(c => (c.GetProperty("length").GetInt32(), c.GetProperty("positive").GetInt32(), c.GetProperty("negative").GetInt32())).ToList();
        Assert.That(counts, Is.EqualTo(new[] { 2, 4, 6, 8 }.Select(n => (n, (int)BigInteger.Min(5, counter.Count(n)), (int)BigInteger.Min(5, negatives.Count(n)))).ToList()));
        Assert.That(root.GetProperty("strategy").GetProperty("name").GetString(), Is.EqualTo("one-symbol-edit-even"));
        Assert.That(root.GetProperty("excludedByStrategy").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1, 3, 5, 7, 9 }));
        Assert.That(root.GetProperty("seed").GetUInt64(), Is.EqualTo(1UL));
        Assert.That(root.GetProperty("splits")[0].GetProperty("name").GetString(), Is.EqualTo("test"));
        Assert.That(root.GetProperty("splits")[0].GetProperty("lengths").GetProperty("max").GetInt32(), Is.EqualTo(9));
        int total = counts.Sum(c => c.Item2 + c.Item3);
        Assert.That(root.GetProperty("totals").GetProperty("strings").GetInt32(), Is.EqualTo(total));
        Assert.That(root.GetProperty("language").GetProperty("alphabet").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo(CorpusManifest.ToolVersion));
        var fingerprint = root.GetProperty("language").GetProperty("fingerprint").GetString();
        Assert.That(fingerprint, Has.Length.EqualTo(64));
        // the embedded minimal DFA has that fingerprint
        var embedded = CorpusLocation.ReadManifest(dir.File("d/manifest.json"));
        Assert.That(CorpusManifest.Fingerprint(embedded.Dfa!), Is.EqualTo(fingerprint));
        // the same language built differently (the accepting state split in two) has the same fingerprint
        var b = new AutomatonBuilder(PaperLanguages.Ab);
        b.AddStates(4);
        b.SetAccepting(0).SetAccepting(3).AddStart(0);
        b.AddTransition(0, "a", 1).AddTransition(1, "a", 2).AddTransition(1, "b", 3).AddTransition(2, "b", 1).AddTransition(3, "a", 1);
        var split = b.BuildDfa();
        Assert.That(split.StateCount, Is.EqualTo(5));
        Assert.That(CorpusManifest.Fingerprint(FormalExpressivity.Automata.Operations.Minimization.Minimize(split)), Is.EqualTo(fingerprint));
        Assert.That(CorpusManifest.Fingerprint(FormalExpressivity.Automata.Operations.Minimization.Minimize(PaperLanguages.AbStar())), Is.Not.EqualTo(fingerprint));
        Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(total));
    }

    [Test]
    public void Sampling_without_replacement_includes_every_word_equally_often()
    {
        // LT-2 at length 4: over many seeds, 6 positives and 6 negatives are drawn per length; each
        // word of a side must be included with probability 6/|side| (chi-square on inclusion counts,
        // each count binomial with variance e(1 − p)).
        var dfa = PaperLanguages.Lt2();
        const int seeds = 3000, draw = 12;
        foreach (var side in new[] { true, false })
        {
            var target = RandomDfa.AllWords(dfa.Alphabet, 4).Where(w => w.Length == 4 && dfa.Accepts(w) == side).ToList();
            var counts = target.ToDictionary(w => w, _ => 0L);
            for (ulong seed = 0; seed < seeds; seed++)
            {
                var gen = new CorpusGenerator(Options(dfa, 4, 4, perLength: draw, seed: seed));
                var block = gen.GenerateLength(gen.Plan[0])[0];
                for (int i = 0; i < block.Words.Count; i++) if (block.Labels[i] == side) counts[block.Words[i]]++;
            }
            double p = (draw / 2.0) / target.Count, e = seeds * p;
            double chi = counts.Values.Sum(o => (o - e) * (o - e) / (e * (1 - p)));
            int df = target.Count - 1;
            double t = 2.0 / (9.0 * df), critical = df * Math.Pow(1 - t + 3.0902 * Math.Sqrt(t), 3); // p = 0.001
            Assert.That(chi, Is.LessThan(critical), $"side {side}, chi-square {chi:F1}, df {df}");
        }
    }

    [Test]
    public void Exhaustive_generator_lists_every_word_in_shortlex_order()
    {
        var dfa = PaperLanguages.Parity();
        var gen = new CorpusGenerator(Options(dfa, 0, 4, generator: CorpusGeneratorKind.Exhaustive));
        var words = gen.Blocks().SelectMany(b => b.Words).ToList();
        Assert.That(words, Is.EqualTo(RandomDfa.AllWords(dfa.Alphabet, 4).ToList()));
        var labels = gen.Blocks().SelectMany(b => b.Labels).ToList();
        Assert.That(labels, Is.EqualTo(words.Select(dfa.Accepts).ToList()));
    }

    [Test]
    public void Uniform_generator_labels_by_L_and_positive_generator_only_draws_positives()
    {
        var dfa = PaperLanguages.First();
        var uni = new CorpusGenerator(Options(dfa, 8, 11, 200, generator: CorpusGeneratorKind.Uniform)).Blocks().ToList();
        Assert.That(uni.SelectMany(b => b.Words.Zip(b.Labels)).All(p => dfa.Accepts(p.First) == p.Second), Is.True);
        Assert.That(uni.Sum(b => b.Positives), Is.InRange(300, 500), "about half of the 800 words start with b");
        var pos = new CorpusGenerator(Options(dfa, 6, 9, 30, generator: CorpusGeneratorKind.Positive)).Blocks().ToList();
        Assert.That(pos.All(b => b.Positives == 30 && b.Negatives == 0), Is.True);
    }

    [Test]
    public void Papers_test_split_has_460_lengths_of_512_strings()
    {
        var gen = new CorpusGenerator(Options(PaperLanguages.Parity(), 0, 0, CorpusOptions.DefaultPerLength) with { Splits = [CorpusSplitSpec.Default("test")] });
        Assert.That(gen.Lengths, Has.Count.EqualTo(460));
        Assert.That(CorpusSplitSpec.Default("train"), Is.EqualTo(new CorpusSplitSpec("train", 1, 40)));
        var last = gen.GenerateLength(gen.Plan[^1])[0];
        Assert.That((last.Positives, last.Negatives), Is.EqualTo((256, 256)));
        Assert.That(last.Words.All(w => w.Length == 500), Is.True);
    }

    [Test]
    public void Bad_options_are_input_errors_and_budgets_name_their_limit()
    {
        var dfa = PaperLanguages.Parity();
        Assert.That(() => new CorpusGenerator(Options(dfa, 5, 4)), Throws.InstanceOf<InputException>().With.Message.Contains("5-4"));
        Assert.That(() => new CorpusGenerator(Options(dfa, 1, 4, strategy: "bogus")), Throws.InstanceOf<InputException>());
        Assert.That(() => new CorpusGenerator(Options(dfa, 1, 4, strategy: "one-symbol-edit", generator: CorpusGeneratorKind.Uniform)),
            Throws.InstanceOf<InputException>().With.Message.Contains("takes no strategy"));
        Assert.That(() => new CorpusGenerator(Options(dfa, 0, 40, generator: CorpusGeneratorKind.Exhaustive)),
            Throws.InstanceOf<BudgetExceededException>().With.Message.Contains("max-strings"));
        Assert.That(() => new CorpusGenerator(Options(PaperLanguages.Cnt(8), 1, 4, strategy: "one-symbol-edit") with { MaxStates = 3 }),
            Throws.InstanceOf<BudgetExceededException>().With.Message.Contains("max-states"));
    }

    [Test]
    public void A_failed_write_leaves_no_file_behind()
    {
        using var dir = new TempDir();
        var path = dir.File("missing-folder/x");
        Assert.That(() => CorpusWriter.Write(new CorpusGenerator(Options(PaperLanguages.Parity(), 1, 3)), path, CorpusFormat.Jsonl), Throws.InstanceOf<IOException>());
        Assert.That(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Identifier_alphabets_round_trip_through_every_format_including_the_empty_word()
    {
        using var dir = new TempDir();
        const int seed = 31;
        var dfa = RandomDfa.Create(new Random(seed), 4, Alphabet.Of("a1", "b0", "c"));
        foreach (var format in Enum.GetValues<CorpusFormat>())
        {
            var path = WriteDataset(Options(dfa, 0, 3, generator: CorpusGeneratorKind.Exhaustive), format, dir, "ids-" + format);
            var rows = CorpusReader.ReadCorpus(path);
            Assert.That(rows, Has.Count.EqualTo(1 + 3 + 9 + 27), $"seed {seed}, {format}");
            Assert.That(rows[0].Text, Is.EqualTo(""));
            Assert.That(rows[1].Text, Is.EqualTo("a1"));
            Assert.That(rows[4].Text, Is.EqualTo("a1 a1"));
            foreach (var row in rows)
            {
                Assert.That(CorpusFormats.TryParseWord(row.Text, dfa.Alphabet, out var w, out var error), Is.True, error);
                Assert.That(dfa.Accepts(w!), Is.EqualTo(row.Label), $"seed {seed}, {format}, '{row.Text}'");
            }
        }
    }
}
