using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Tests;

public class ShardingTests
{
    [Test]
    public void Shards_partition_every_key_range_exactly_once_including_more_shards_than_keys()
    {
        foreach (int n in new[] { 1, 2, 3, 4, 7, 50 })
        {
            var owners = new int[23];
            for (int i = 0; i < n; i++)
                for (long k = 0; k < owners.Length; k++)
                    if (new Shard(i, n).Owns(k)) owners[k]++;
            Assert.That(owners, Is.All.EqualTo(1), $"n = {n}");
        }
    }

    [TestCase("0/1", 0, 1)]
    [TestCase("3/8", 3, 8)]
    [TestCase("999999/1000000", 999999, 1000000)]
    public void Parses_i_over_n(string text, int i, int n)
    {
        Assert.That(Shard.TryParse(text, out var shard, out _), Is.True);
        Assert.That(shard, Is.EqualTo(new Shard(i, n)));
        Assert.That(shard.ToString(), Is.EqualTo(text));
    }

    [TestCase("4/4", "below the count")]
    [TestCase("0/0", "between 1 and")]
    [TestCase("1", "expected i/n")]
    [TestCase("-1/4", "expected i/n")]
    [TestCase("1/99999999999", "expected i/n")]
    [TestCase("a/b", "expected i/n")]
    public void Rejects_malformed_shards_with_a_reason(string text, string reason)
    {
        Assert.That(Shard.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Item_seeds_depend_on_the_item_and_the_master_seed_only()
    {
        Assert.That(Shard.SeedFor(1, 40), Is.EqualTo(Shard.SeedFor(1, 40)));
        Assert.That(Shard.SeedFor(1, 40), Is.Not.EqualTo(Shard.SeedFor(1, 41)));
        Assert.That(Shard.SeedFor(1, 40), Is.Not.EqualTo(Shard.SeedFor(2, 40)));
    }

    static PartManifest Manifest(int i, int n, string run = "r", long rows = 2, double seconds = 1.5) =>
        new("census", run, new Shard(i, n), [KeyValuePair.Create("states", "3"), KeyValuePair.Create("alphabet", run)], rows, 5, seconds);

    [Test]
    public void A_part_round_trips_through_its_file_and_a_truncated_part_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("fex-shard-");
        try
        {
            var path = Path.Combine(dir.FullName, "p0");
            File.WriteAllText(path, ShardPart.Render(Manifest(0, 2), ["{\"a\":1}", "{\"b\":\"≤\"}"]));
            var part = ShardPart.Read(path);
            Assert.That(part.Rows, Is.EqualTo(new[] { "{\"a\":1}", "{\"b\":\"≤\"}" }));
            Assert.That(part.Manifest.Shard, Is.EqualTo(new Shard(0, 2)));
            Assert.That(part.Manifest.Inputs, Is.EqualTo(Manifest(0, 2).Inputs));
            File.WriteAllText(path, ShardPart.Render(Manifest(0, 2), ["{\"a\":1}", "x"]).Replace("x\n", "", StringComparison.Ordinal));
            var e = Assert.Throws<InputException>(() => ShardPart.Read(path))!;
            Assert.That(e.Diagnostics[0].Code, Is.EqualTo("SHD002"));
            File.WriteAllText(path, "{\"rows\": 1}\n");
            Assert.That(Assert.Throws<InputException>(() => ShardPart.Read(path))!.Diagnostics[0].Code, Is.EqualTo("SHD001"));
        }
        finally { dir.Delete(true); }
    }

    [Test]
    public void A_part_set_names_missing_duplicate_and_foreign_parts()
    {
        ShardPart P(int i, int n, string run = "r", double seconds = 1.5) => new($"p{i}", Manifest(i, n, run, 0, seconds), []);
        var set = PartSet.Of([P(4, 6), P(0, 6), P(1, 6, seconds: 3)]);
        Assert.That(set.Parts.Select(p => p.Manifest.Shard.Index), Is.EqualTo(new[] { 0, 1, 4 }));
        Assert.That(set.Missing, Is.EqualTo(new[] { 2, 3, 5 }));
        Assert.That(set.MissingAsArrayList(), Is.EqualTo("2-3,5"));
        Assert.That(set.IsComplete, Is.False);
        Assert.That(set.Imbalance(), Is.EqualTo(2.0));
        Assert.That(PartSet.Of([P(1, 2), P(0, 2)]).IsComplete, Is.True);
        var dup = Assert.Throws<InputException>(() => PartSet.Of([P(1, 2), P(1, 2)]))!;
        Assert.That(dup.Diagnostics[0].Code, Is.EqualTo("SHD005"));
        var foreign = Assert.Throws<InputException>(() => PartSet.Of([P(0, 2), P(1, 2, run: "other")]))!;
        Assert.That(foreign.Diagnostics[0].Message, Does.Contain("alphabet: r vs other"));
        Assert.That(Assert.Throws<InputException>(() => PartSet.Of([P(0, 2), P(1, 3)]))!.Diagnostics[0].Code, Is.EqualTo("SHD004"));
    }

    [Test]
    public void The_fingerprint_covers_command_and_inputs_in_order()
    {
        var a = new[] { KeyValuePair.Create("x", "1"), KeyValuePair.Create("y", "2") };
        var b = new[] { KeyValuePair.Create("y", "2"), KeyValuePair.Create("x", "1") };
        Assert.That(PartManifest.Fingerprint("census", a), Is.EqualTo(PartManifest.Fingerprint("census", a)).And.Length.EqualTo(16));
        Assert.That(PartManifest.Fingerprint("census", a), Is.Not.EqualTo(PartManifest.Fingerprint("corpus", a)));
        Assert.That(PartManifest.Fingerprint("census", a), Is.Not.EqualTo(PartManifest.Fingerprint("census", b)));
    }
}
