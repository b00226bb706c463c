using System.Text;
using FormalExpressivity.Core.Alphabets;
using Parquet;
using Parquet.Schema;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// Writes a generated corpus to a file (JSONL, CSV or Parquet, atomically) and its manifest to
/// <c>PATH.manifest.json</c>. Blocks are streamed: memory holds a few lengths at a time.
/// </summary>
public static class CorpusWriter
{
    /// <summary>The manifest path belonging to a corpus path: <c>PATH.manifest.json</c>.</summary>
    /// <param name="corpusPath">The corpus file.</param>
    public static string ManifestPath(string corpusPath) => corpusPath + ".manifest.json";

    /// <summary>
    /// Generates and writes the corpus, then the manifest. Neither file is touched unless the whole
    /// corpus was generated.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="path">The corpus file.</param>
    /// <param name="format">The format.</param>
    /// <param name="progress">Called after each length with (lengths done, lengths in total); may be null.</param>
    /// <returns>The manifest written.</returns>
    public static CorpusManifest Write(CorpusGenerator generator, string path, CorpusFormat format, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(path);
        var manifest = new CorpusManifest(generator, format, Path.GetFileName(path));
        var alphabet = generator.Options.Language.Alphabet;
        int done = 0, total = generator.Lengths.Count;
        IEnumerable<CorpusBlock> Tracked()
        {
            foreach (var block in generator.Blocks())
            {
                manifest.Add(block);
                yield return block;
                progress?.Invoke(++done, total);
            }
        }
        AtomicOutput.Write(path, stream => WriteBlocks(stream, Tracked(), alphabet, format));
        var json = manifest.ToJson();
        AtomicOutput.Write(ManifestPath(path), s => s.Write(new UTF8Encoding(false).GetBytes(json)));
        return manifest;
    }

    /// <summary>Writes blocks to a stream in the given format.</summary>
    /// <param name="stream">The target stream.</param>
    /// <param name="blocks">The blocks, in output order.</param>
    /// <param name="alphabet">The alphabet naming the symbols.</param>
    /// <param name="format">The format.</param>
    public static void WriteBlocks(Stream stream, IEnumerable<CorpusBlock> blocks, Alphabet alphabet, CorpusFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(alphabet);
        switch (format)
        {
            case CorpusFormat.Parquet:
                WriteParquetAsync(stream, blocks, alphabet).GetAwaiter().GetResult();
                return;
            default:
                WriteText(stream, blocks, alphabet, format == CorpusFormat.Csv);
                return;
        }
    }

    private static void WriteText(Stream stream, IEnumerable<CorpusBlock> blocks, Alphabet alphabet, bool csv)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (csv) writer.Write("string,length,label\n");
        foreach (var block in blocks)
        {
            var length = block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < block.Words.Count; i++)
            {
                var s = CorpusFormats.FormatWord(block.Words[i], alphabet);
                if (csv)
                {
                    writer.Write(s);
                    writer.Write(',');
                    writer.Write(length);
                    writer.Write(block.Labels[i] ? ",1\n" : ",0\n");
                }
                else
                {
                    // Symbol names are identifiers ([A-Za-z_][A-Za-z0-9_]*), so no JSON escaping is needed.
                    writer.Write("{\"string\":\"");
                    writer.Write(s);
                    writer.Write("\",\"length\":");
                    writer.Write(length);
                    writer.Write(block.Labels[i] ? ",\"label\":true}\n" : ",\"label\":false}\n");
                }
            }
        }
    }

    /// <summary>The Parquet schema of corpus files.</summary>
    public static ParquetSchema ParquetSchema { get; } =
        new(new DataField<string>("string", nullable: false), new DataField<int>("length"), new DataField<bool>("label"));

    private static async Task WriteParquetAsync(Stream stream, IEnumerable<CorpusBlock> blocks, Alphabet alphabet)
    {
        var schema = ParquetSchema;
        var fields = schema.GetDataFields();
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        foreach (var block in blocks)
        {
            if (block.Words.Count == 0) continue;
            var strings = block.Words.Select(w => CorpusFormats.FormatWord(w, alphabet)).ToArray();
            var lengths = Enumerable.Repeat(block.Length, strings.Length).ToArray();
            var labels = block.Labels.ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], strings).ConfigureAwait(false);
            await group.WriteAsync<int>(fields[1], lengths.AsMemory()).ConfigureAwait(false);
            await group.WriteAsync<bool>(fields[2], labels.AsMemory()).ConfigureAwait(false);
        }
    }
}
