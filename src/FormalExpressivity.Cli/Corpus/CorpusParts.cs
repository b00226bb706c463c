using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Cli.Corpus;

/// <summary>
/// The part files of <c>fex corpus … --shard i/n</c>. The work items are the corpus's lengths (<see cref="CorpusGenerator.Lengths"/>,
/// ascending): shard i generates the lengths at positions j ≡ i (mod n), each from its own random stream derived from the
/// master seed (<see cref="CorpusGenerator.GenerateLength"/>), so the blocks are those of the unsharded run. A part holds one
/// row per block — <c>{"length", "split", "note", "words", "labels"}</c> in the order the generator yields them — and is
/// written atomically and streamed, so it never has to fit in memory. <c>fex merge</c> interleaves the parts' blocks back
/// into length order and writes the dataset through the one corpus writer.
/// </summary>
public static class CorpusParts
{
    /// <summary>Generates shard <paramref name="shard"/>'s lengths and writes its part file atomically; returns (blocks, lengths).</summary>
    /// <param name="generator">The planned corpus.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="path">The part file.</param>
    /// <param name="inputs">The run's canonical inputs (the manifest's).</param>
    /// <param name="progress">Called after each length of the shard.</param>
    public static (long Blocks, int Lengths) Write(CorpusGenerator generator, Shard shard, string path, IReadOnlyList<KeyValuePair<string, string>> inputs, Action? progress)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var owned = Enumerable.Range(0, generator.Plan.Count).Where(j => shard.Owns(j)).Select(j => generator.Plan[j]).ToList();
        long rows = 0;
        var utf8 = new UTF8Encoding(false);
        AtomicFile.Write(path, stream =>
        {
            // The manifest line comes first but holds the shard's time: the rows go to a registered temporary file
            // next to the part and are copied behind the manifest at the end.
            var body = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".rows.tmp");
            using var registration = TemporaryFiles.Register(body);
            try
            {
                using (var writer = new StreamWriter(new FileStream(body, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), utf8, 1 << 16) { NewLine = "\n" })
                {
                    foreach (var plan in owned)
                    {
                        foreach (var block in generator.GenerateLength(plan))
                        {
                            writer.Write(Row(block, generator.Options.Language.Alphabet));
                            writer.Write('\n');
                            rows++;
                        }
                        progress?.Invoke();
                    }
                }
                var manifest = new PartManifest("corpus", PartManifest.Fingerprint("corpus", inputs), shard, inputs, rows, owned.Count, clock.Elapsed.TotalSeconds);
                stream.Write(utf8.GetBytes(manifest.ToJsonLine() + "\n"));
                using var rowsIn = new FileStream(body, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
                rowsIn.CopyTo(stream);
            }
            finally
            {
                if (File.Exists(body)) File.Delete(body);
            }
        });
        return (rows, owned.Count);
    }

    private static string Row(CorpusBlock block, Alphabet alphabet)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutput.WriterOptions.Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber("length", block.Length);
            w.WriteNumber("split", block.Split);
            if (block.Note is null) w.WriteNull("note");
            else w.WriteString("note", block.Note);
            w.WriteStartArray("words");
            foreach (var word in block.Words) w.WriteStringValue(CorpusFormats.FormatWord(word, alphabet));
            w.WriteEndArray();
            w.WriteString("labels", string.Concat(block.Labels.Select(l => l ? '1' : '0')));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The blocks of the whole corpus read back from the parts, in the generator's order: length position j from shard
    /// j mod n, each block checked against the plan (its length, split and size) and every label against L (SHD002).
    /// Streams: one block per part is held at a time.
    /// </summary>
    /// <param name="generator">The planned corpus (from the parts' inputs).</param>
    /// <param name="set">The complete parts of one run.</param>
    public static IEnumerable<CorpusBlock> Blocks(CorpusGenerator generator, PartSet set)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(set);
        int n = set.First.Shard.Count;
        var readers = set.Parts.Select(p => ShardPart.ReadRows(p.Path).GetEnumerator()).ToArray();
        var rowNumbers = new long[n];
        var dfa = generator.Options.Language;
        var alphabet = dfa.Alphabet;
        try
        {
            for (int j = 0; j < generator.Plan.Count; j++)
            {
                var plan = generator.Plan[j];
                int shard = j % n;
                var path = set.Parts[shard].Path;
                for (int s = 0; s < generator.Splits.Count; s++)
                {
                    if (!generator.Splits[s].Contains(plan.Length)) continue;
                    long row = ++rowNumbers[shard];
                    string Where() => string.Create(CultureInfo.InvariantCulture, $"{path}: row {row}");
                    if (!readers[shard].MoveNext())
                        throw new InputException("SHD002", string.Create(CultureInfo.InvariantCulture, $"{path} ends before length {plan.Length} of split {generator.Splits[s].Name}"));
                    CorpusBlock block;
                    try
                    {
                        using var doc = JsonDocument.Parse(readers[shard].Current);
                        var root = doc.RootElement;
                        int length = root.GetProperty("length").GetInt32(), split = root.GetProperty("split").GetInt32();
                        if (length != plan.Length || split != s)
                            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"holds length {length} of split {split}, but length {plan.Length} of split {s} comes next"));
                        var words = new List<Word>();
                        foreach (var e in root.GetProperty("words").EnumerateArray())
                        {
                            if (!CorpusFormats.TryParseWord(e.GetString() ?? "", alphabet, out var word, out var error)) throw new FormatException(error);
                            if (word!.Length != length) throw new FormatException($"a word of length {word.Length} in the block of length {length}");
                            words.Add(word);
                        }
                        var labelText = root.GetProperty("labels").GetString() ?? "";
                        if (labelText.Length != words.Count || words.Count != plan.Count(s))
                            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{words.Count} words and {labelText.Length} labels, {plan.Count(s)} planned"));
                        var labels = new bool[words.Count];
                        for (int i = 0; i < words.Count; i++)
                        {
                            labels[i] = labelText[i] == '1';
                            if (labels[i] != dfa.Accepts(words[i]))
                                throw new FormatException($"the label of '{CorpusFormats.FormatWord(words[i], alphabet)}' is not its membership in L");
                        }
                        var note = root.GetProperty("note");
                        block = new CorpusBlock(length, words, labels, note.ValueKind == JsonValueKind.Null ? null : note.GetString()) { Split = s };
                    }
                    catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
                    {
                        throw new InputException("SHD002", $"{Where()} is not a block of this corpus ({e.Message})");
                    }
                    yield return block;
                }
            }
            foreach (var (reader, i) in readers.Select((r, i) => (r, i)))
                if (reader.MoveNext())
                    throw new InputException("SHD002", $"{set.Parts[i].Path} holds more blocks than shard {set.Parts[i].Manifest.Shard} of this corpus");
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }
}
