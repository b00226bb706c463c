using System.Text.Json;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Evaluation;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Tests;

public class DatasetTests
{
    private static readonly CorpusSplitSpec[] ThreeSplits = [new("train", 1, 12), new("validation", 1, 12), new("test", 10, 16)];

    private static CorpusOptions Options(Dfa dfa, int parallelism = 1, ulong seed = 3, CorpusLabels labels = CorpusLabels.Membership,
        CorpusGeneratorKind generator = CorpusGeneratorKind.Balanced, IReadOnlyList<CorpusSplitSpec>? splits = null, int perLength = 40) => new()
    {
        Language = dfa, LanguageSpec = "test", Splits = splits ?? ThreeSplits, PerLength = perLength, Seed = seed, Parallelism = parallelism,
        Labels = labels, Generator = generator,
    };

    private static Dictionary<string, List<LabelledRow>> ReadSplits(string folder, string ext = "jsonl") =>
        Directory.GetFiles(Path.Combine(folder, "data"), "*." + ext).ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => CorpusReader.ReadCorpus(f).ToList());

    [TestCase(CorpusFormat.Jsonl)]
    [TestCase(CorpusFormat.Parquet)]
    public void Splits_are_disjoint_and_identical_for_every_thread_count(CorpusFormat format)
    {
        using var dir = new TempDir();
        var dfa = PaperLanguages.Lt2();
        CorpusWriter.Write(new CorpusGenerator(Options(dfa, parallelism: 1)), dir.File("one"), format);
        CorpusWriter.Write(new CorpusGenerator(Options(dfa, parallelism: 4)), dir.File("four"), format);
        foreach (var file in Directory.GetFiles(dir.File("one"), "*", SearchOption.AllDirectories))
            Assert.That(File.ReadAllBytes(file), Is.EqualTo(File.ReadAllBytes(file.Replace("/one/", "/four/", StringComparison.Ordinal))), file);
        var splits = ReadSplits(dir.File("one"), CorpusFormats.Name(format));
        Assert.That(splits.Keys.Order(), Is.EqualTo(new[] { "test", "train", "validation" }));
        var owner = new Dictionary<string, string>();
        foreach (var (name, rows) in splits)
            foreach (var row in rows)
                Assert.That(owner.TryAdd(row.Text, name), Is.True, $"'{row.Text}' is in {name} and in {owner.GetValueOrDefault(row.Text)}");
        // lengths 10-12 are shared by all three splits; each still gets its 40 strings there
        Assert.That(splits["test"].Count(r => r.Text.Length == 11), Is.EqualTo(40));
        Assert.That(splits["train"].Count(r => r.Text.Length == 11), Is.EqualTo(40));
    }

    [Test]
    public void Row_ids_are_consecutive_per_split_and_unique_across_splits()
    {
        using var dir = new TempDir();
        var manifest = CorpusWriter.Write(new CorpusGenerator(Options(PaperLanguages.Parity())), dir.File("d"), CorpusFormat.Jsonl);
        var ids = new List<long>();
        foreach (var split in manifest.Splits)
        {
            var lines = File.ReadAllLines(Path.Combine(dir.File("d"), split.File));
            var splitIds = lines.Select(l => { using var d = JsonDocument.Parse(l); return d.RootElement.GetProperty("id").GetInt64(); }).ToList();
            Assert.That(splitIds, Is.EqualTo(Enumerable.Range(0, lines.Length).Select(i => split.FirstId + i)));
            ids.AddRange(splitIds);
        }
        Assert.That(ids, Is.Unique);
        Assert.That(ids.Order(), Is.EqualTo(Enumerable.Range(0, ids.Count).Select(i => (long)i)));
    }

    [Test]
    public void The_uniform_generator_draws_different_strings_for_different_languages()
    {
        var parity = new CorpusGenerator(Options(PaperLanguages.Parity(), generator: CorpusGeneratorKind.Uniform)).Blocks().SelectMany(b => b.Words).ToList();
        var first = new CorpusGenerator(Options(PaperLanguages.First(), generator: CorpusGeneratorKind.Uniform)).Blocks().SelectMany(b => b.Words).ToList();
        Assert.That(parity.Where(w => w.Length >= 10), Is.Not.EqualTo(first.Where(w => w.Length >= 10)));
    }

    [Test]
    public void Exhaustive_runs_record_no_seed_and_refuse_overlapping_splits()
    {
        using var dir = new TempDir();
        var splits = new CorpusSplitSpec[] { new("train", 0, 3), new("test", 4, 5) };
        CorpusWriter.Write(new CorpusGenerator(Options(PaperLanguages.Parity(), generator: CorpusGeneratorKind.Exhaustive, splits: splits)), dir.File("e"), CorpusFormat.Csv);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("e/manifest.json")));
        Assert.That(doc.RootElement.GetProperty("seed").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(doc.RootElement.GetProperty("splits").EnumerateArray().Select(s => s.GetProperty("strings").GetInt32()), Is.EqualTo(new[] { 1 + 2 + 4 + 8, 16 + 32 }));
        // the empty word is the quoted empty field, with length 0
        Assert.That(File.ReadAllLines(dir.File("e/data/train.csv"))[1], Is.EqualTo("0,\"\",0,1"));
        Assert.That(CorpusReader.ReadCorpus(dir.File("e/data/train.csv"))[0].Text, Is.EqualTo(""));
        Assert.That(() => new CorpusGenerator(Options(PaperLanguages.Parity(), generator: CorpusGeneratorKind.Exhaustive, splits: [new("a", 0, 3), new("b", 3, 4)])),
            Throws.InstanceOf<FormalExpressivity.Core.Text.InputException>().With.Message.Contains("share lengths"));
    }

    [Test]
    public void Per_position_columns_agree_with_direct_computations_on_the_language()
    {
        using var dir = new TempDir();
        var dfa = PaperLanguages.Dyck12();
        CorpusWriter.Write(new CorpusGenerator(Options(dfa, labels: CorpusLabels.Prefix | CorpusLabels.NextSymbols | CorpusLabels.States, perLength: 20)), dir.File("p"), CorpusFormat.Jsonl);
        var minimal = CorpusLocation.ReadManifest(dir.File("p/manifest.json")).Dfa!;
        var counter = new WordCounter(dfa, 40);
        int k = dfa.SymbolCount;
        foreach (var line in File.ReadLines(dir.File("p/data/test.jsonl")))
        {
            using var d = JsonDocument.Parse(line);
            var r = d.RootElement;
            var word = Word.Parse(r.GetProperty("string").GetString()!, dfa.Alphabet);
            var prefixes = r.GetProperty("prefix_labels").GetString()!;
            var next = r.GetProperty("next_symbols").GetString()!.Split(' ').Select(long.Parse).ToArray();
            var states = r.GetProperty("states").GetString()!.Split(' ').Select(int.Parse).ToArray();
            Assert.That(prefixes, Is.EqualTo(new string(Evaluator.PrefixTruth(dfa, word).Select(b => b ? '1' : '0').ToArray())));
            Assert.That(prefixes[^1] == '1', Is.EqualTo(r.GetProperty("label").GetBoolean()));
            for (int i = 0; i <= word.Length; i++)
            {
                // the twin: a symbol may follow when some completion of the extended prefix is in L
                // (counted on the original DFA, up to its state count)
                var prefix = Word.Of(word.Symbols[..i]);
                int q = dfa.Run(prefix.Symbols);
                long expected = dfa.IsAccepting(q) ? 1L << k : 0;
                for (int a = 0; a < k; a++)
                    if (Enumerable.Range(0, dfa.StateCount).Any(m => !counter.CountFrom(dfa.Next(q, a), m).IsZero)) expected |= 1L << a;
                Assert.That(next[i], Is.EqualTo(expected), $"{word.Format(dfa.Alphabet)} at {i}");
                Assert.That(states[i], Is.EqualTo(minimal.Run(prefix.Symbols)));
            }
        }
    }

    [Test]
    public void A_folder_that_is_not_a_dataset_is_never_replaced_and_a_dataset_is_replaced_whole()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("mine"));
        File.WriteAllText(dir.File("mine/notes.txt"), "keep");
        var gen = new CorpusGenerator(Options(PaperLanguages.Parity()));
        Assert.That(() => CorpusWriter.Write(gen, dir.File("mine"), CorpusFormat.Jsonl), Throws.InstanceOf<IOException>().With.Message.Contains("refusing to replace"));
        Assert.That(File.ReadAllText(dir.File("mine/notes.txt")), Is.EqualTo("keep"));
        CorpusWriter.Write(gen, dir.File("ds"), CorpusFormat.Parquet);
        CorpusWriter.Write(gen, dir.File("ds"), CorpusFormat.Jsonl);
        Assert.That(Directory.GetFiles(dir.File("ds/data")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "test.jsonl", "train.jsonl", "validation.jsonl" }));
        Assert.That(Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "ds", "mine" }), "no temporary folder left");
        var vocab = JsonDocument.Parse(File.ReadAllText(dir.File("ds/vocab.json"))).RootElement;
        Assert.That(vocab.GetProperty("tokens").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())), Is.EqualTo(new[] { ("<pad>", 0), ("<bos>", 1), ("<eos>", 2), ("a", 3), ("b", 4) }));
        var card = File.ReadAllText(dir.File("ds/README.md"));
        Assert.That(card, Does.StartWith("---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train.jsonl\n"));
        Assert.That(card, Does.Contain("  - name: validation\n    num_examples: "));
    }
}
