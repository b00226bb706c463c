using System.Text.Json;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using Parquet;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>One row of a corpus file.</summary>
/// <param name="Text">The string as written (symbols juxtaposed or space-separated; empty for ε).</param>
/// <param name="Label">The label as written.</param>
/// <param name="Line">The 1-based line (text formats) or row (Parquet) number, for diagnostics.</param>
public sealed record LabelledRow(string Text, bool Label, int Line)
{
    /// <summary>The per-prefix labels as written (<c>prefix_labels</c>: one '0'/'1' per position 0 … n), or null when the corpus has none.</summary>
    public string? PrefixLabels { get; init; }
}

/// <summary>One row of a predictions file.</summary>
/// <param name="Text">The string as written in the corpus.</param>
/// <param name="Score">The prediction: 1/0 for labels, a probability in [0, 1] otherwise.</param>
/// <param name="Line">The 1-based line number, for diagnostics.</param>
/// <param name="Positions">Per-position predictions (positions 0 … n, scores in [0, 1]), or null.</param>
public sealed record PredictionRow(string Text, double Score, int Line, double[]? Positions = null)
{
    /// <summary>The predicted label: <see cref="Score"/> ≥ <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The decision threshold.</param>
    public bool Label(double threshold) => Score >= threshold;
}

/// <summary>
/// Reads corpus files (the formats of <see cref="CorpusWriter"/>) and prediction files (JSONL or
/// CSV; <c>docs/formats.md</c>, "Prediction files"). Bad rows raise an <see cref="InputException"/>
/// whose diagnostics name the file, line and column.
/// </summary>
public static class CorpusReader
{
    private static readonly string[] PredictionNames = ["predicted", "prediction", "probability", "score"];

    /// <summary>Reads the string, label and (when present) per-prefix label columns of a corpus file.</summary>
    /// <param name="path">The file; its format follows the extension (.jsonl, .csv, .parquet; anything else is read as JSONL).</param>
    public static IReadOnlyList<LabelledRow> ReadCorpus(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new IOException($"{path}: no such file");
        CorpusFormats.TryFromExtension(path, out var format);
        return format switch
        {
            CorpusFormat.Csv => ReadCsv(path, ["label"], (cells, header, line) => new LabelledRow(cells[header.String], ParseBool(path, line, cells, header.Value, "label"), line)
            {
                PrefixLabels = header.Positions >= 0 ? cells[header.Positions] : null,
            }).ToList(),
            CorpusFormat.Parquet => ReadParquetAsync(path).GetAwaiter().GetResult(),
            _ => ReadJsonl(path, ["label"], (root, value, line) => new LabelledRow(root.GetProperty("string").GetString()!, ToScore(path, line, value, "label", allowProbability: false) == 1, line)
            {
                PrefixLabels = root.TryGetProperty(CorpusColumns.PrefixLabels, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
            }).ToList(),
        };
    }

    /// <summary>
    /// Reads a predictions file: per row the string and a prediction (field <c>predicted</c>,
    /// <c>prediction</c>, <c>probability</c> or <c>score</c>: true/false, 1/0 or a probability in
    /// [0, 1]) and optionally <c>positions</c> (one prediction per position 0 … n: an array, or a
    /// string of '0'/'1').
    /// </summary>
    /// <param name="path">The file; <c>.csv</c> is read as CSV, anything else as JSONL.</param>
    public static IReadOnlyList<PredictionRow> ReadPredictions(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new IOException($"{path}: no such file");
        CorpusFormats.TryFromExtension(path, out var format);
        if (format == CorpusFormat.Csv)
            return ReadCsv(path, PredictionNames, (cells, header, line) => new PredictionRow(cells[header.String], ParseScore(path, line, cells[header.Value]),
                line, header.Positions >= 0 ? ParsePositions(path, line, cells[header.Positions]) : null)).ToList();
        return ReadJsonl(path, PredictionNames, (root, value, line) =>
        {
            double[]? positions = null;
            if (root.TryGetProperty("positions", out var p))
            {
                positions = p.ValueKind switch
                {
                    JsonValueKind.String => ParsePositions(path, line, p.GetString()!),
                    JsonValueKind.Array => p.EnumerateArray().Select(e => ToScore(path, line, e, "positions", allowProbability: true)).ToArray(),
                    _ => throw Fail(path, line, 1, "\"positions\" must be an array of predictions or a string of 0/1"),
                };
            }
            return new PredictionRow(root.GetProperty("string").GetString()!, ToScore(path, line, value, PredictionNames[0], allowProbability: true), line, positions);
        }).ToList();
    }

    private static IEnumerable<T> ReadJsonl<T>(string path, string[] valueNames, Func<JsonElement, JsonElement, int, T> row)
    {
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
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw Fail(path, lineNo, 1, "expected a JSON object");
                if (!root.TryGetProperty("string", out var s) || s.ValueKind != JsonValueKind.String)
                    throw Fail(path, lineNo, 1, "missing the string field \"string\"");
                JsonElement value = default;
                if (valueNames.FirstOrDefault(n => root.TryGetProperty(n, out value)) is null)
                    throw Fail(path, lineNo, 1, $"missing the field \"{valueNames[0]}\"");
                yield return row(root, value, lineNo);
            }
        }
    }

    private static double ToScore(string path, int line, JsonElement value, string name, bool allowProbability) => value.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.Number when value.TryGetDouble(out var d) && (d is 0 or 1 || allowProbability && d is >= 0 and <= 1) => d,
        JsonValueKind.String when TryParseLabel(value.GetString()!, out var b) => b ? 1 : 0,
        _ => throw Fail(path, line, 1, $"\"{name}\" must be true/false or 1/0{(allowProbability ? " or a probability in [0, 1]" : "")}, found {value.GetRawText()}"),
    };

    private readonly record struct CsvHeader(int String, int Value, int Positions, int Columns);

    private static IEnumerable<T> ReadCsv<T>(string path, string[] valueNames, Func<string[], CsvHeader, int, T> row)
    {
        int lineNo = 0;
        CsvHeader header = default;
        foreach (var line in InputFile.ReadLines(path))
        {
            lineNo++;
            var cells = line.Split(',');
            if (lineNo == 1)
            {
                var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
                header = new CsvHeader(names.IndexOf("string"), valueNames.Select(n => names.IndexOf(n)).FirstOrDefault(i => i >= 0, -1),
                    Math.Max(names.IndexOf(CorpusColumns.PrefixLabels), names.IndexOf("positions")), cells.Length);
                if (header.String < 0 || header.Value < 0)
                    throw Fail(path, 1, 1, $"the header must name the columns string and {valueNames[0]} (found: {line})");
                continue;
            }
            if (line.Length == 0) continue;
            if (cells.Length != header.Columns) throw Fail(path, lineNo, 1, $"expected {header.Columns} comma-separated cells, found {cells.Length}");
            if (cells[header.String] == "\"\"") cells[header.String] = ""; // the empty word, written as ""
            yield return row(cells, header, lineNo);
        }
        if (lineNo == 0) throw Fail(path, 1, 1, "the file is empty (expected a header line)");
    }

    private static bool ParseBool(string path, int line, string[] cells, int column, string name)
    {
        if (TryParseLabel(cells[column], out var value)) return value;
        int col = 1 + cells.Take(column).Sum(c => c.Length + 1);
        throw Fail(path, line, col, $"the {name} must be 1/0 or true/false, found '{cells[column]}'");
    }

    private static double ParseScore(string path, int line, string cell)
    {
        if (TryParseLabel(cell, out var b)) return b ? 1 : 0;
        if (double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1) return d;
        throw Fail(path, line, 1, $"the prediction must be 1/0, true/false or a probability in [0, 1], found '{cell}'");
    }

    private static double[] ParsePositions(string path, int line, string text)
    {
        text = text.Trim();
        if (text.Contains(' ', StringComparison.Ordinal))
            return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => ParseScore(path, line, t)).ToArray();
        var result = new double[text.Length];
        for (int i = 0; i < text.Length; i++)
            result[i] = text[i] switch { '1' => 1, '0' => 0, _ => throw Fail(path, line, 1, $"positions: expected a string of 0/1 or space-separated probabilities, found '{text[i]}' at offset {i}") };
        return result;
    }

    private static async Task<List<LabelledRow>> ReadParquetAsync(string path)
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
            var lField = fields.FirstOrDefault(f => f.Name == "label");
            var pField = fields.FirstOrDefault(f => f.Name == CorpusColumns.PrefixLabels && f.ClrType == typeof(string));
            if (sField is null || lField is null || lField.ClrType != typeof(bool))
                throw Fail(path, 1, 1, "expected the columns string (UTF-8) and label (boolean)");
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                if (group.RowCount < 0 || group.RowCount > int.MaxValue / 2)
                    throw Fail(path, row + 1, 1, $"row group {g} claims {group.RowCount} rows");
                int count = (int)group.RowCount;
                MemoryBudget.Current.Require(count, 64, $"reading row group {g} of {path}");
                var strings = new string?[count];
                var labels = new bool[count];
                var prefixes = pField is null ? null : new string?[count];
                await group.ReadAsync(sField, strings.AsMemory()).ConfigureAwait(false);
                await group.ReadAsync<bool>(lField, labels.AsMemory()).ConfigureAwait(false);
                if (prefixes is not null) await group.ReadAsync(pField!, prefixes.AsMemory()).ConfigureAwait(false);
                for (int i = 0; i < count; i++) rows.Add(new LabelledRow(strings[i] ?? "", labels[i], ++row) { PrefixLabels = prefixes?[i] });
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
