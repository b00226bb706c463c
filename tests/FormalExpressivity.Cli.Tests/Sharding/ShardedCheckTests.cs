namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// <c>fex check FILE --shard i/n</c> and <c>fex merge --claims FILE</c>: for n = 1, uneven splits and more shards than
/// languages the merged report (text and JSON, standard output and -o file, exit code) is byte for byte the unsharded
/// one, with confirmed, refuted and hierarchy-settled conjectures next to an ordinary claim (open ones: the engine's
/// ShardedConjectureTests); parts of another
/// file, a changed claims file, a missing --claims and a row of another shard are refused.
/// </summary>
public class ShardedCheckTests : ShardFolderTest
{
    const string Claims = """
        alphabet {a, b}
        language ENDB = ltl"b"
        claim ENDB recognizable by local(1)
        conjecture local(3) ⊆ local(2) up to STATES states
        conjecture hybrid(3) ⊆ global up to STATES states
        conjecture global ⊆ local(1) up to STATES states
        conjecture hybrid(2) ⊆ hybrid(1) up to STATES states

        """;

    string File_(int states)
    {
        var path = P($"c{states}.claims");
        File.WriteAllText(path, Claims.Replace("STATES", states.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    List<string> Shards(string claims, int n)
    {
        var parts = new List<string>();
        for (int i = 0; i < n; i++)
        {
            var part = P($"{Path.GetFileNameWithoutExtension(claims)}-{i}-of-{n}.part");
            var r = Run("check", claims, "--max-depth", "1", "--shard", $"{i}/{n}", "-o", part);
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(r.Out, Does.StartWith($"check shard {i}/{n}: 3 conjectures that enumerate"));
            parts.Add(part);
        }
        parts.Reverse(); // any order
        return parts;
    }

    [TestCase(3, new[] { 1, 2, 5 })]
    [TestCase(2, new[] { 40 })]
    public void Merged_parts_are_the_unsharded_report(int states, int[] counts)
    {
        var claims = File_(states);
        var text = Run("check", claims, "--max-depth", "1", "-o", P("whole.txt"));
        var json = Run("check", claims, "--max-depth", "1", "--json");
        Assert.That(text.Code, Is.EqualTo(1), text.Err + text.Out); // global ⊆ local(1) is refuted
        Assert.That(text.Out, Does.Contain("confirmed    4").And.Contain("refuted      6").And.Contain("holds by the hierarchy"));
        Assert.That(File.ReadAllText(P("whole.txt")), Is.EqualTo(text.Out));
        // hybrid(3) ⊆ global was open at depth 1 (12 languages); the search over P of window types now proves (ba)* hybrid(3)
        // with a formula, which refutes it. Open conjectures in merged parts stay covered by the engine's ShardedConjectureTests.
        if (states == 3) Assert.That(text.Out, Does.Contain("refuted      5").And.Contain("formula found by the search over P of window types"));
        foreach (int n in counts)
        {
            var parts = Shards(claims, n);
            var merged = Run(["merge", .. parts, "--claims", claims, "-o", P($"m{n}.txt")]);
            Assert.That((merged.Code, merged.Out), Is.EqualTo((text.Code, text.Out)), $"text, n = {n}: {merged.Err}");
            Assert.That(File.ReadAllText(P($"m{n}.txt")), Is.EqualTo(text.Out));
            Assert.That(merged.Err, Does.Contain("imbalance (slowest ÷ fastest)"));
            var mergedJson = Run(["merge", .. parts, "--claims", claims, "--json"]);
            Assert.That((mergedJson.Code, mergedJson.Out), Is.EqualTo((json.Code, json.Out)), $"JSON, n = {n}: {mergedJson.Err}");
        }
    }

    [Test]
    public void Merge_refuses_other_files_a_changed_file_and_foreign_rows()
    {
        var claims = File_(2);
        var parts = Shards(claims, 3); // 26 languages: 9, 9, 8 per shard
        var r = Run(["merge", .. parts]);
        Assert.That((r.Code, r.Err.Contains("needs --claims FILE", StringComparison.Ordinal)), Is.EqualTo((2, true)), r.Err);

        var other = File_(3);
        r = Run(["merge", .. parts, "--claims", other]);
        Assert.That((r.Code, r.Err.Contains("SHD004", StringComparison.Ordinal)), Is.EqualTo((3, true)), r.Err);

        var foreign = Shards(other, 3);
        r = Run(["merge", parts[0], foreign[1], parts[2], "--claims", claims]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("SHD004").And.Contain("sha256"));

        r = Run(["merge", "--missing", parts[0]]);
        Assert.That((r.Code, r.Out), Is.EqualTo((1, "0-1\n")), "parts are listed in reverse: parts[0] is shard 2");

        // Shard 0's row of the first conjecture moved into shard 2's part: it examined 9 languages, shard 2 owns 8.
        var lines2 = File.ReadAllLines(parts[0]);
        var lines0 = File.ReadAllLines(parts[2]);
        File.WriteAllLines(parts[0], [lines2[0], lines0[1], .. lines2.Skip(2)]);
        r = Run(["merge", .. parts, "--claims", claims, "-o", P("m.txt")]);
        Assert.That(r.Code, Is.EqualTo(3), r.Err);
        Assert.That(r.Err, Does.Contain("SHD002"));
        Assert.That(File.Exists(P("m.txt")), Is.False);
    }
}
