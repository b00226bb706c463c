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
        CorpusWriter.Write(new CorpusGenerator(options), dir.File("c.parquet"), CorpusFormat.Parquet);
        CorpusWriter.Write(new CorpusGenerator(options), dir.File("c.jsonl"), CorpusFormat.Jsonl);
        var expected = CorpusReader.ReadCorpus(dir.File("c.jsonl"));

        await using var stream = File.OpenRead(dir.File("c.parquet"));
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "string", "length", "label" }));
        Assert.That(reader.RowGroupCount, Is.EqualTo(20), "one row group per length");
        var rows = new List<(string, int, bool)>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var s = new string?[n];
            var l = new int[n];
            var b = new bool[n];
            await group.ReadAsync(fields[0], s.AsMemory());
            await group.ReadAsync<int>(fields[1], l.AsMemory());
            await group.ReadAsync<bool>(fields[2], b.AsMemory());
            for (int i = 0; i < n; i++) rows.Add((s[i]!, l[i], b[i]));
        }
        Assert.That(rows.Select(r => (r.Item1, r.Item3)), Is.EqualTo(expected.Select(r => (r.Text, r.Label))));
        Assert.That(rows.All(r => r.Item1.Length == r.Item2), Is.True);
    }
}
