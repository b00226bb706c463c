using System.Globalization;
using System.Text;
using FormalExpressivity.Core.Alphabets;
using Parquet;
using Parquet.Schema;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// Writes the rows of one split (<see cref="CorpusColumns"/>): <c>id</c>, <c>string</c>, <c>length</c>,
/// <c>label</c> and the per-position columns the options ask for. JSONL and CSV stream line by line;
/// Parquet writes one row group per length and stores the manifest in the file's key-value metadata.
/// The empty word is the empty string with length 0 (in CSV the quoted empty field <c>""</c>).
/// </summary>
internal abstract class SplitWriter : IDisposable
{
    protected SplitWriter(CorpusGenerator generator, long firstId)
    {
        Alphabet = generator.Options.Language.Alphabet;
        Labels = generator.Options.Labels;
        Positions = new PositionLabels(generator.Minimal);
        NextId = firstId;
    }

    protected Alphabet Alphabet { get; }

    protected CorpusLabels Labels { get; }

    protected PositionLabels Positions { get; }

    protected long NextId { get; set; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; protected set; }

    /// <summary>A writer for <paramref name="path"/> in <paramref name="format"/>.</summary>
    public static SplitWriter Create(string path, CorpusFormat format, CorpusGenerator generator, long firstId) => format switch
    {
        CorpusFormat.Parquet => new ParquetSplitWriter(path, generator, firstId),
        _ => new TextSplitWriter(path, format == CorpusFormat.Csv, generator, firstId),
    };

    /// <summary>The per-position column values of a word (null for columns not asked for).</summary>
    protected (string? Prefix, string? Next, string? States) PerPosition(Word word)
    {
        if (Labels == CorpusLabels.Membership) return (null, null, null);
        var states = Positions.States(word);
        return (Labels.HasFlag(CorpusLabels.Prefix) ? Positions.Prefixes(states) : null,
            Labels.HasFlag(CorpusLabels.NextSymbols) ? Positions.NextSymbols(states) : null,
            Labels.HasFlag(CorpusLabels.States) ? PositionLabels.StateList(states) : null);
    }

    /// <summary>The extra column names, in order.</summary>
    protected IEnumerable<string> ExtraColumns()
    {
        if (Labels.HasFlag(CorpusLabels.Prefix)) yield return CorpusColumns.PrefixLabels;
        if (Labels.HasFlag(CorpusLabels.NextSymbols)) yield return CorpusColumns.NextSymbols;
        if (Labels.HasFlag(CorpusLabels.States)) yield return CorpusColumns.States;
    }

    public abstract void Write(CorpusBlock block);

    /// <summary>Completes the file; <paramref name="manifestJson"/> is embedded where the format allows.</summary>
    public abstract void Finish(string manifestJson);

    public abstract void Dispose();
}

internal sealed class TextSplitWriter : SplitWriter
{
    private readonly StreamWriter _writer;
    private readonly bool _csv;

    public TextSplitWriter(string path, bool csv, CorpusGenerator generator, long firstId) : base(generator, firstId)
    {
        _csv = csv;
        _writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        if (csv) _writer.Write(string.Join(',', new[] { CorpusColumns.Id, CorpusColumns.String, CorpusColumns.Length, CorpusColumns.Label }.Concat(ExtraColumns())) + "\n");
    }

    public override void Write(CorpusBlock block)
    {
        var w = _writer;
        var length = block.Length.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < block.Words.Count; i++)
        {
            var word = block.Words[i];
            var s = CorpusFormats.FormatWord(word, Alphabet);
            var (prefix, next, states) = PerPosition(word);
            var id = (NextId++).ToString(CultureInfo.InvariantCulture);
            if (_csv)
            {
                w.Write(id);
                w.Write(',');
                w.Write(s.Length == 0 ? "\"\"" : s);
                w.Write(',');
                w.Write(length);
                w.Write(block.Labels[i] ? ",1" : ",0");
                if (prefix is not null) { w.Write(','); w.Write(prefix); }
                if (next is not null) { w.Write(','); w.Write(next); }
                if (states is not null) { w.Write(','); w.Write(states); }
                w.Write('\n');
            }
            else
            {
                // Symbol names are identifiers ([A-Za-z_][A-Za-z0-9_]*), so no JSON escaping is needed.
                w.Write("{\"id\":");
                w.Write(id);
                w.Write(",\"string\":\"");
                w.Write(s);
                w.Write("\",\"length\":");
                w.Write(length);
                w.Write(block.Labels[i] ? ",\"label\":true" : ",\"label\":false");
                if (prefix is not null) { w.Write(",\"prefix_labels\":\""); w.Write(prefix); w.Write('"'); }
                if (next is not null) { w.Write(",\"next_symbols\":\""); w.Write(next); w.Write('"'); }
                if (states is not null) { w.Write(",\"states\":\""); w.Write(states); w.Write('"'); }
                w.Write("}\n");
            }
            Rows++;
        }
    }

    public override void Finish(string manifestJson) => _writer.Flush();

    public override void Dispose() => _writer.Dispose();
}

internal sealed class ParquetSplitWriter : SplitWriter
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    public ParquetSplitWriter(string path, CorpusGenerator generator, long firstId) : base(generator, firstId)
    {
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var fields = new List<DataField>
        {
            new DataField<long>(CorpusColumns.Id), new DataField<string>(CorpusColumns.String, nullable: false),
            new DataField<int>(CorpusColumns.Length), new DataField<bool>(CorpusColumns.Label),
        };
        fields.AddRange(ExtraColumns().Select(c => new DataField<string>(c, nullable: false)));
        _fields = [.. fields];
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream).GetAwaiter().GetResult();
    }

    public override void Write(CorpusBlock block)
    {
        int count = block.Words.Count;
        if (count == 0) return;
        var ids = new long[count];
        var strings = new string[count];
        var extra = ExtraColumns().Select(_ => new string[count]).ToArray();
        for (int i = 0; i < count; i++)
        {
            ids[i] = NextId++;
            strings[i] = CorpusFormats.FormatWord(block.Words[i], Alphabet);
            var (prefix, next, states) = PerPosition(block.Words[i]);
            int c = 0;
            if (prefix is not null) extra[c++][i] = prefix;
            if (next is not null) extra[c++][i] = next;
            if (states is not null) extra[c][i] = states;
        }
        using var group = _writer.CreateRowGroup();
        group.WriteAsync<long>(_fields[0], ids.AsMemory()).GetAwaiter().GetResult();
        group.WriteAsync(_fields[1], strings).GetAwaiter().GetResult();
        group.WriteAsync<int>(_fields[2], Enumerable.Repeat(block.Length, count).ToArray().AsMemory()).GetAwaiter().GetResult();
        group.WriteAsync<bool>(_fields[3], block.Labels.ToArray().AsMemory()).GetAwaiter().GetResult();
        for (int c = 0; c < extra.Length; c++) group.WriteAsync(_fields[4 + c], extra[c]).GetAwaiter().GetResult();
        Rows += count;
    }

    public override void Finish(string manifestJson) =>
        _writer.CustomMetadata = new Dictionary<string, string> { [CorpusManifest.ParquetKey] = manifestJson };

    public override void Dispose()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
