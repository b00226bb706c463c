using FormalExpressivity.Classes.Census;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// <c>fex census --parquet</c>: the same rows as the JSONL (read back column by column), and <c>fex merge --parquet</c>
/// of a sharded run writes the unsharded run's bytes; a shard refuses --parquet (merge writes it).
/// </summary>
public sealed class CensusParquetTests
{
    [Test]
    public void Parquet_rows_equal_the_jsonl_rows_and_merge_reproduces_the_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("fex-census-parquet-");
        try
        {
            string P(string name) => Path.Combine(dir.FullName, name);
            var whole = FexProcess.RunIn(dir.FullName, "census", "--states", "2", "--alphabet", "a,b", "--window-sizes", "1,2", "-o", "rows.jsonl", "--parquet", "rows.parquet");
            Assert.That(whole.Code, Is.EqualTo(0), whole.Err);
            var jsonl = File.ReadAllLines(P("rows.jsonl")).Select(CensusJsonl.Parse).ToList();
            var parquet = CensusParquet.Read(File.ReadAllBytes(P("rows.parquet")));
            Assert.That(parquet, Is.EqualTo(jsonl));
            Assert.That(parquet.Select(r => r.Verdict).Distinct(), Is.SupersetOf(new[] { "yes", "no" }));
            Assert.That(parquet.Any(r => r.Depth is null) && parquet.Any(r => r.FormulaSize is int), Is.True, "both null and non-null optional columns");

            for (int i = 0; i < 3; i++)
            {
                var shard = FexProcess.RunIn(dir.FullName, "census", "--states", "2", "--alphabet", "a,b", "--window-sizes", "1,2", "--shard", $"{i}/3", "-o", $"part{i}");
                Assert.That(shard.Code, Is.EqualTo(0), shard.Err);
            }
            var merged = FexProcess.RunIn(dir.FullName, "merge", "part2", "part0", "part1", "-o", "merged.jsonl", "--parquet", "merged.parquet");
            Assert.That(merged.Code, Is.EqualTo(0), merged.Err);
            Assert.That(File.ReadAllBytes(P("merged.parquet")), Is.EqualTo(File.ReadAllBytes(P("rows.parquet"))));
            Assert.That(File.ReadAllBytes(P("merged.jsonl")), Is.EqualTo(File.ReadAllBytes(P("rows.jsonl"))));

            var refused = FexProcess.RunIn(dir.FullName, "census", "--states", "1", "--alphabet", "a,b", "--shard", "0/2", "-o", "p", "--parquet", "x.parquet");
            Assert.That(refused.Code, Is.EqualTo(2), refused.Err);
            Assert.That(refused.Err, Does.Contain("--parquet"));
            Assert.That(File.Exists(P("x.parquet")), Is.False);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
