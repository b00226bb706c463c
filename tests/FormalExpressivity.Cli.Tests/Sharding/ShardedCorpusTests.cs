namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// <c>fex corpus … --shard i/n</c> and <c>fex merge</c>: the merged dataset folder — every split file (JSONL, CSV, Parquet),
/// manifest.json, vocab.json and the dataset card — and standard output (text and JSON) are byte for byte the unsharded
/// run's, for n = 1, uneven splits and more shards than lengths, with several splits sharing lengths and per-position
/// labels; parts of another run, a changed block and a missing -o are refused and leave no dataset behind.
/// </summary>
public class ShardedCorpusTests : ShardFolderTest
{
    static readonly string[] Corpus =
    [
        "corpus", "re:(a|b)*ab(a|b)*", "--splits", "train=0-7,validation=3-7,test=8-12", "--per-length", "6",
        "--labels", "prefix,states", "--seed", "9",
    ];

    static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    List<string> Shards(int n, string format, string prefix)
    {
        var parts = new List<string>();
        for (int i = 0; i < n; i++)
        {
            var part = P($"{prefix}-{i}.part");
            var r = Run([.. Corpus, "--format", format, "--shard", $"{i}/{n}", "-o", part]);
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(r.Out, Does.StartWith($"corpus shard {i}/{n}:"));
            parts.Add(part);
        }
        parts.Reverse(); // any order
        return parts;
    }

    [TestCase("jsonl", new[] { 1, 3, 20 })]
    [TestCase("csv", new[] { 4 })]
    [TestCase("parquet", new[] { 2 })]
    public void Merged_parts_are_the_unsharded_dataset(string format, int[] counts)
    {
        var whole = Run([.. Corpus, "--format", format, "-o", P("whole")]);
        Assert.That(whole.Code, Is.EqualTo(0), whole.Err);
        var wholeJson = Run([.. Corpus, "--format", format, "--json", "-o", P("whole")]);
        var expected = Files(P("whole"));
        Assert.That(expected.Keys, Has.Some.StartsWith("data"));
        foreach (int n in counts) // 13 lengths: 20 shards leave 7 empty
        {
            var parts = Shards(n, format, $"{format}{n}");
            var merged = Run(["merge", .. parts, "-o", P("whole")]);
            Assert.That(merged.Code, Is.EqualTo(0), merged.Err);
            Assert.That(merged.Out, Is.EqualTo(whole.Out), $"standard output, n = {n}");
            Assert.That(merged.Err, Does.Contain("imbalance (slowest ÷ fastest)"));
            var got = Files(P("whole"));
            Assert.That(got.Keys.Order(), Is.EqualTo(expected.Keys.Order()), $"files, n = {n}");
            foreach (var (name, bytes) in expected) Assert.That(got[name], Is.EqualTo(bytes), $"{name}, n = {n}");
            var mergedJson = Run(["merge", .. parts, "--json", "-o", P("whole")]);
            Assert.That(mergedJson.Out, Is.EqualTo(wholeJson.Out), $"JSON, n = {n}");
        }
    }

    [Test]
    public void Merge_refuses_foreign_and_altered_parts_and_writes_nothing()
    {
        var parts = Shards(2, "jsonl", "p");
        var r = Run(["merge", .. parts]);
        Assert.That((r.Code, r.Err.Contains("needs -o DIR", StringComparison.Ordinal)), Is.EqualTo((2, true)), r.Err);

        var foreign = P("foreign.part");
        Assert.That(Run([.. Corpus.Select(a => a == "9" ? "10" : a), "--shard", "0/2", "-o", foreign]).Code, Is.EqualTo(0));
        r = Run(["merge", parts[0], foreign, "-o", P("out")]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("SHD004").And.Contain("seed: 9 vs 10"));

        // One word of a block replaced by another of the same length: its label no longer matches L.
        var lines = File.ReadAllLines(parts[1]).ToList();
        int row = lines.FindIndex(1, l => l.Contains("\"length\":4,", StringComparison.Ordinal));
        Assert.That(row, Is.Positive);
        var words = System.Text.Json.Nodes.JsonNode.Parse(lines[row])!;
        var first = (string)words["words"]![0]!;
        words["words"]![0] = first.Contains("ab", StringComparison.Ordinal) ? "bbba" : "aabb";
        lines[row] = words.ToJsonString();
        File.WriteAllLines(parts[1], lines);
        r = Run(["merge", .. parts, "-o", P("out")]);
        Assert.That(r.Code, Is.EqualTo(3), r.Err);
        Assert.That(r.Err, Does.Contain("SHD002").And.Contain("not its membership in L"));
        Assert.That(Directory.Exists(P("out")), Is.False);
        Assert.That(Folder.GetDirectories().Select(d => d.Name), Is.Empty, "no temporary dataset folder is left");
    }
}
