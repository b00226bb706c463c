using FormalExpressivity.Corpora.Writers;
using Parquet;

namespace FormalExpressivity.Corpora.Tests;

public class ParquetRoundTripTests
{
    [Test]
    public async Task Parquet_file_reads_back_with_Parquet_Net_as_the_same_rows_as_the_JSONL_file()
    {
        using var dir = new TempDir();
        var options = new CorpusOptions { Language = PaperLanguages.Lt2(), MinLength = 1, MaxLength = 20, PerLength = 30, Seed = 5, Parallelism = 1 };
        var parquet = CorpusGeneratorTests.WriteDataset(options, CorpusFormat.Parquet, dir, "p");
        var expected = CorpusReader.ReadCorpus(CorpusGeneratorTests.WriteDataset(options, CorpusFormat.Jsonl, dir, "j"));

        await using var stream = File.OpenRead(parquet);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "id", "string", "length", "label" }));
        Assert.That(reader.CustomMetadata[CorpusManifest.ParquetKey], Is.EqualTo(File.ReadAllText(dir.File("p/manifest.json"))), "the manifest is in the key-value metadata");
        Assert.That(reader.RowGroupCount, Is.EqualTo(20), "one row group per length");
        var rows = new List<(string, int, bool)>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var s = new string?[n];
            var l = new int[n];
            var b = new bool[n];
            await group.ReadAsync(fields[1], s.AsMemory());
            await group.ReadAsync<int>(fields[2], l.AsMemory());
            await group.ReadAsync<bool>(fields[3], b.AsMemory());
            for (int i = 0; i < n; i++) rows.Add((s[i]!, l[i], b[i]));
        }
        Assert.That(rows.Select(r => (r.Item1, r.Item3)), Is.EqualTo(expected.Select(r => (r.Text, r.Label))));
        Assert.That(rows.All(r => r.Item1.Length == r.Item2), Is.True);
    }
}
