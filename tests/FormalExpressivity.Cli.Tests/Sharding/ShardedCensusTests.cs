using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// <c>fex census --shard i/n</c> and <c>fex merge</c>: for every n (1, uneven splits, more shards than
/// languages) the merged parts are byte for byte the unsharded run's rows, summary file and standard output;
/// parts of another run, a shard given twice and missing shards are refused with their own messages.
/// </summary>
public class ShardedCensusTests : ShardFolderTest
{
    static readonly string[] Census = ["census", "--states", "2", "--alphabet", "a,b", "--window-sizes", "1,2"];

    (string Rows, string Summary, string Out) Whole()
    {
        var r = Run([.. Census, "-o", P("whole.jsonl"), "--summary", P("whole.json")]);
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        return (File.ReadAllText(P("whole.jsonl")), File.ReadAllText(P("whole.json")), r.Out);
    }

    List<string> Shards(int n, string prefix = "part")
    {
        var parts = new List<string>();
        for (int i = 0; i < n; i++)
        {
            var path = P($"{prefix}-{i}.part");
            var r = Run([.. Census, "--shard", $"{i}/{n}", "-o", path]);
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(r.Out, Does.StartWith($"census shard {i}/{n}:"));
            parts.Add(path);
        }
        return parts;
    }

    [Test]
    public void Merged_shards_are_the_unsharded_bytes_for_one_uneven_and_more_shards_than_languages()
    {
        var whole = Whole();
        Assert.That(whole.Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(26 * 11));
        foreach (int n in new[] { 1, 3, 4, 40 })
        {
            var parts = Shards(n, $"n{n}");
            parts.Reverse(); // any order
            var r = Run(["merge", .. parts, "-o", P($"m{n}.jsonl"), "--summary", P($"m{n}.json")]);
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(File.ReadAllText(P($"m{n}.jsonl")), Is.EqualTo(whole.Rows), $"rows, n = {n}");
            Assert.That(File.ReadAllText(P($"m{n}.json")), Is.EqualTo(whole.Summary), $"summary, n = {n}");
            Assert.That(r.Out, Is.EqualTo(whole.Out), $"standard output, n = {n}");
            Assert.That(r.Err, Does.Contain("imbalance (slowest ÷ fastest)"));
        }
    }

    [Test]
    public void Merge_refuses_foreign_duplicate_and_incomplete_parts_and_lists_the_missing_ones()
    {
        var parts = Shards(3);
        var foreign = P("foreign.part");
        Assert.That(Run(["census", "--states", "2", "--alphabet", "a,b", "--window-sizes", "1", "--shard", "1/3", "-o", foreign]).Code, Is.EqualTo(0));
        var r = Run(["merge", parts[0], foreign, parts[2], "-o", P("m.jsonl")]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("SHD004").And.Contain("window-sizes: 1,2 vs 1"));
        Assert.That(File.Exists(P("m.jsonl")), Is.False);

        r = Run(["merge", parts[0], parts[1], parts[1], parts[2], "-o", P("m.jsonl")]);
        Assert.That((r.Code, r.Err.Contains("SHD005", StringComparison.Ordinal)), Is.EqualTo((3, true)), r.Err);

        r = Run(["merge", parts[2], "-o", P("m.jsonl")]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("SHD003").And.Contain("0-1"));

        r = Run(["merge", "--missing", parts[1]]);
        Assert.That((r.Code, r.Out), Is.EqualTo((1, "0,2\n")));
        r = Run(["merge", "--missing", .. parts]);
        Assert.That((r.Code, r.Out), Is.EqualTo((0, "\n")));

        File.WriteAllLines(parts[1], File.ReadAllLines(parts[1]).SkipLast(1));
        r = Run(["merge", .. parts, "-o", P("m.jsonl")]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("SHD002").And.Contain("re-run shard 1/3"));
        Assert.That(File.Exists(P("m.jsonl")), Is.False);
    }

    [TestCase("3/3", "below the count")]
    [TestCase("x", "expected i/n")]
    public void A_malformed_shard_is_a_usage_error(string shard, string message)
    {
        var r = Run([.. Census, "--shard", shard, "-o", P("p")]);
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain(message));
        r = Run([.. Census, "--shard", "0/2"]);
        Assert.That((r.Code, r.Err.Contains("needs -o", StringComparison.Ordinal)), Is.EqualTo((2, true)), r.Err);
    }

    [Test]
    public void A_shard_killed_mid_run_leaves_no_part_and_its_rerun_merges_to_the_same_bytes()
    {
        string[] sample = ["census", "--states", "3", "--alphabet", "a,b", "--window-sizes", "1,2", "--sample", "60", "--seed", "5"];
        var whole = Run([.. sample, "-o", P("whole.jsonl")]);
        Assert.That(whole.Code, Is.EqualTo(0), whole.Err);
        var p0 = P("s-0.part");
        var p1 = P("s-1.part");
        Assert.That(Run([.. sample, "--shard", "0/2", "-o", p0]).Code, Is.EqualTo(0));

        // The real executable, killed while it classifies: nothing is left behind. On a fast machine the
        // shard may finish before the kill; then its part is removed and the kill comes earlier.
        bool killed = false;
        for (int delay = 1200; !killed && delay >= 100; delay = delay * 2 / 3)
        {
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { FexProcess.Dll }.Concat(sample).Concat(["--shard", "1/2", "-o", p1])) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            _ = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            Thread.Sleep(delay);
            if (process.HasExited)
            {
                File.Delete(p1);
                continue;
            }
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            if (File.Exists(p1))
            {
                // Killed after its atomic rename: the part must then be complete. Try again, earlier.
                Assert.That(FormalExpressivity.Core.Sharding.ShardPart.Read(p1).Manifest.Shard.Index, Is.EqualTo(1));
                File.Delete(p1);
                continue;
            }
            killed = true;
        }
        Assert.That(killed, Is.True, "the shard always finished before it could be killed");
        Assert.That(Folder.GetFiles("*", SearchOption.AllDirectories).Select(f => f.Name).Order(), Is.EqualTo(new[] { "s-0.part", "whole.jsonl" }));
        Assert.That(Run(["merge", "--missing", p0]).Out, Is.EqualTo("1\n"));

        Assert.That(Run([.. sample, "--shard", "1/2", "-o", p1]).Code, Is.EqualTo(0));
        var merged = Run(["merge", p0, p1, "-o", P("merged.jsonl")]);
        Assert.That(merged.Code, Is.EqualTo(0), merged.Err);
        Assert.That(File.ReadAllText(P("merged.jsonl")), Is.EqualTo(File.ReadAllText(P("whole.jsonl"))));
        Assert.That(merged.Out, Is.EqualTo(whole.Out));
    }
}
