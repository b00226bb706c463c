using System.Text.Json;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using Parquet;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>One row of a corpus or predictions file.</summary>
/// <param name="Text">The string as written (symbols juxtaposed or space-separated; empty for ε).</param>
/// <param name="Label">The label (corpus: truth as written; predictions: the predicted label).</param>
/// <param name="Line">The 1-based line (text formats) or row (Parquet) number, for diagnostics.</param>
public sealed record LabelledRow(string Text, bool Label, int Line);

/// <summary>
/// Reads corpus files (the three formats of <see cref="CorpusWriter"/>) and prediction files
/// (JSONL or CSV; <c>docs/formats.md</c>, "Prediction files"). Bad rows raise an
/// <see cref="InputException"/> whose diagnostics name the file, line and column.
/// </summary>
public static class CorpusReader
{
    /// <summary>Reads the string and label columns of a corpus file.</summary>
    /// <param name="path">The file; its format follows the extension (.jsonl, .csv, .parquet; anything else is read as JSONL).</param>
    public static IReadOnlyList<LabelledRow> ReadCorpus(string path) => Read(path, ["label"]);

    /// <summary>Reads the string and predicted-label columns of a predictions file (field <c>predicted</c>, or <c>prediction</c>).</summary>
    /// <param name="path">The file; <c>.csv</c> is read as CSV, anything else as JSONL.</param>
    public static IReadOnlyList<LabelledRow> ReadPredictions(string path) => Read(path, ["predicted", "prediction"]);

    private static IReadOnlyList<LabelledRow> Read(string path, string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new IOException($"{path}: no such file");
        CorpusFormats.TryFromExtension(path, out var format);
        return format switch
        {
            CorpusFormat.Csv => ReadCsv(path, labelNames),
            CorpusFormat.Parquet => ReadParquetAsync(path, labelNames).GetAwaiter().GetResult(),
            _ => ReadJsonl(path, labelNames),
        };
    }

    private static List<LabelledRow> ReadJsonl(string path, string[] labelNames)
    {
        var rows = new List<LabelledRow>();
        int lineNo = 0;
        foreach (var line in InputFile.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw Fail(path, lineNo, 1 + (int)(e.BytePositionInLine ?? 0), $"not a JSON object: {e.Message.Split(" Path:")[0]}");
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Fail(path, lineNo, 1, "expected a JSON object");
                if (!doc.RootElement.TryGetProperty("string", out var s) || s.ValueKind != JsonValueKind.String)
                    throw Fail(path, lineNo, 1, "missing the string field \"string\"");
                JsonElement label = default;
                var name = labelNames.FirstOrDefault(n => doc.RootElement.TryGetProperty(n, out label));
                if (name is null) throw Fail(path, lineNo, 1, $"missing the field \"{labelNames[0]}\"");
                bool value = label.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when label.TryGetInt32(out var i) && i is 0 or 1 => i == 1,
                    JsonValueKind.String when TryParseLabel(label.GetString()!, out var b) => b,
                    _ => throw Fail(path, lineNo, 1, $"\"{name}\" must be true/false or 1/0, found {label.GetRawText()}"),
                };
                rows.Add(new LabelledRow(s.GetString()!, value, lineNo));
            }
        }
        return rows;
    }

    private static List<LabelledRow> ReadCsv(string path, string[] labelNames)
    {
        var rows = new List<LabelledRow>();
        int lineNo = 0, stringCol = -1, labelCol = -1, columns = 0;
        foreach (var line in InputFile.ReadLines(path))
        {
            lineNo++;
            var cells = line.Split(',');
            if (lineNo == 1)
            {
                var header = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
                stringCol = header.IndexOf("string");
                labelCol = labelNames.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
                if (stringCol < 0 || labelCol < 0)
                    throw Fail(path, 1, 1, $"the header must name the columns string and {labelNames[0]} (found: {line})");
                columns = cells.Length;
                continue;
            }
            if (line.Length == 0) continue;
            if (cells.Length != columns) throw Fail(path, lineNo, 1, $"expected {columns} comma-separated cells, found {cells.Length}");
            if (!TryParseLabel(cells[labelCol], out var value))
            {
                int col = 1 + cells.Take(labelCol).Sum(c => c.Length + 1);
                throw Fail(path, lineNo, col, $"the {labelNames[0]} must be 1/0 or true/false, found '{cells[labelCol]}'");
            }
            rows.Add(new LabelledRow(cells[stringCol], value, lineNo));
        }
        if (lineNo == 0) throw Fail(path, 1, 1, "the file is empty (expected a header line)");
        return rows;
    }

    private static async Task<List<LabelledRow>> ReadParquetAsync(string path, string[] labelNames)
    {
        var rows = new List<LabelledRow>();
        await using var stream = InputFile.Current.OpenSeekable(path);
        int row = 0;
        // Parquet.Net is a third-party reader: whatever it throws on a damaged file (format, index,
        // overflow, null errors) becomes a positioned input error naming the row reached, never a crash.
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
            var fields = reader.Schema.GetDataFields();
            var sField = fields.FirstOrDefault(f => f.Name == "string");
            var lField = fields.FirstOrDefault(f => labelNames.Contains(f.Name));
            if (sField is null || lField is null || lField.ClrType != typeof(bool))
                throw Fail(path, 1, 1, $"expected the columns string (UTF-8) and {labelNames[0]} (boolean)");
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                if (group.RowCount < 0 || group.RowCount > int.MaxValue / 2)
                    throw Fail(path, row + 1, 1, $"row group {g} claims {group.RowCount} rows");
                int count = (int)group.RowCount;
                MemoryBudget.Current.Require(count, 64, $"reading row group {g} of {path}");
                var strings = new string?[count];
                var labels = new bool[count];
                await group.ReadAsync(sField, strings.AsMemory()).ConfigureAwait(false);
                await group.ReadAsync<bool>(lField, labels.AsMemory()).ConfigureAwait(false);
                for (int i = 0; i < count; i++) rows.Add(new LabelledRow(strings[i] ?? "", labels[i], ++row));
            }
        }
        catch (Exception e) when (e is not (InputException or BudgetExceededException or OutOfMemoryException or OperationCanceledException))
        {
            string message = e.Message.ReplaceLineEndings(" ");
            if (message.Length > 200) message = message[..200] + "…";
            throw Fail(path, row + 1, 1, row == 0 ? $"not a readable Parquet file ({message})" : $"damaged Parquet data after row {row} ({message})");
        }
        return rows;
    }

    /// <summary>Parses a label cell: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c> (any case).</summary>
    /// <param name="text">The cell.</param>
    /// <param name="value">The label.</param>
    public static bool TryParseLabel(string text, out bool value)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "1": case "true": value = true; return true;
            case "0": case "false": value = false; return true;
            default: value = false; return false;
        }
    }

    private static InputException Fail(string path, int line, int column, string message) =>
        new([new Diagnostic("FEX-READ", new SourceSpan(0, 0, line, column), $"{path}: {message}")]);
}
