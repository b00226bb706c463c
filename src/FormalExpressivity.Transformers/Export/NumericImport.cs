using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Transformers.Export;

/// <summary>
/// Reads the exports of <see cref="NumericExport"/> back into a <see cref="NumericTransformer"/>: the JSON
/// form (<c>*.weights.json</c>) and safetensors (dtype F32; metadata in <c>__metadata__</c>). The inverse
/// of the writers: export ∘ import is the identity on the bytes (tested), so a model exported once can be
/// simulated by <c>fex simulate</c> and loaded by other implementations alike. Malformed input raises
/// an <see cref="InputException"/> with code <c>NUM001</c>.
/// </summary>
public static class NumericImport
{
    /// <summary>Whether <paramref name="json"/> looks like a numeric export (its <c>format</c> field is <see cref="NumericExport.FormatTag"/>).</summary>
    /// <param name="json">A JSON text.</param>
    public static bool IsNumericJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("format", out var f)
                && f.ValueKind == JsonValueKind.String && f.GetString() == NumericExport.FormatTag;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the JSON export.</summary>
    /// <param name="json">The text of a <c>*.weights.json</c> file.</param>
    public static NumericTransformer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var meta = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var tensors = root.GetProperty("tensors").EnumerateObject().ToDictionary(p => p.Name,
                p => (Shape: p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                      Data: p.Value.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray()));
            return Build(meta, tensors);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Bad("not a numeric transformer export: " + e.Message);
        }
    }

    /// <summary>Reads the safetensors export.</summary>
    /// <param name="bytes">The file's bytes.</param>
    public static NumericTransformer FromSafetensors(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8) throw Bad("not a safetensors file (shorter than its 8-byte header length)");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)bytes.Length - 8) throw Bad($"not a safetensors file (header length {headerLength} exceeds the file)");
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength));
            var root = doc.RootElement;
            var meta = root.GetProperty("__metadata__").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var tensors = new Dictionary<string, (int[] Shape, float[] Data)>();
            int dataStart = 8 + (int)headerLength;
            foreach (var t in root.EnumerateObject().Where(p => p.Name != "__metadata__"))
            {
                if (t.Value.GetProperty("dtype").GetString() != "F32") throw Bad($"tensor {t.Name}: only dtype F32 is read");
                var offsets = t.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                long begin = dataStart + offsets[0], end = dataStart + offsets[1];
                if (offsets.Length != 2 || begin > end || end > bytes.Length || (end - begin) % 4 != 0) throw Bad($"tensor {t.Name}: bad data_offsets");
                var data = new float[(end - begin) / 4];
                for (int i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((int)begin + 4 * i));
                tensors[t.Name] = (t.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(), data);
            }
            return Build(meta, tensors);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Bad("not a numeric transformer export: " + e.Message);
        }
    }

    private static NumericTransformer Build(Dictionary<string, string> meta, Dictionary<string, (int[] Shape, float[] Data)> tensors)
    {
        if (meta.GetValueOrDefault("format") != NumericExport.FormatTag) throw Bad($"the format tag is not {NumericExport.FormatTag}");
        var alphabet = Alphabet.Create(meta["alphabet"].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var coordinates = meta["coordinates"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int d = coordinates.Length;
        float[] Vector(string name, int length)
        {
            var (shape, data) = tensors.TryGetValue(name, out var t) ? t : throw Bad($"missing tensor {name}");
            if (shape.Length != 1 || shape[0] != length || data.Length != length) throw Bad($"tensor {name}: expected shape [{length}]");
            return data;
        }
        float[,] Matrix(string name, int rows, int columns)
        {
            var (shape, data) = tensors.TryGetValue(name, out var t) ? t : throw Bad($"missing tensor {name}");
            if (shape.Length != 2 || shape[0] != rows || shape[1] != columns || data.Length != rows * columns) throw Bad($"tensor {name}: expected shape [{rows}, {columns}]");
            var m = new float[rows, columns];
            for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) m[i, j] = data[i * columns + j];
            return m;
        }
        var gamma = Vector("layer_norm.gamma", d);
        var beta = Vector("layer_norm.beta", d);
        if (gamma.Any(g => g != gamma[0]) || beta.Any(b => b != beta[0])) throw Bad("layer_norm.gamma and layer_norm.beta must be constant vectors");
        int blocks = int.Parse(meta["blocks"], CultureInfo.InvariantCulture);
        var list = new List<NumericBlock>();
        for (int b = 0; b < blocks; b++)
        {
            int heads = int.Parse(meta[$"blocks.{b}.heads"], CultureInfo.InvariantCulture);
            var headList = new List<NumericHead>();
            for (int h = 0; h < heads; h++)
            {
                var masking = meta[$"blocks.{b}.heads.{h}.masking"] switch
                {
                    "strict" => Masking.Strict,
                    "nonstrict" => Masking.NonStrict,
                    var other => throw Bad($"blocks.{b}.heads.{h}.masking: expected strict or nonstrict, got '{other}'"),
                };
                headList.Add(new NumericHead(int.Parse(meta[$"blocks.{b}.heads.{h}.window"], CultureInfo.InvariantCulture), masking,
                    Vector($"blocks.{b}.heads.{h}.w_q", d), Vector($"blocks.{b}.heads.{h}.w_k", d), Vector($"blocks.{b}.heads.{h}.w_v", d), Vector($"blocks.{b}.heads.{h}.w_o", d)));
            }
            int hidden = tensors.TryGetValue($"blocks.{b}.ffn.b1", out var b1) ? b1.Data.Length : throw Bad($"missing tensor blocks.{b}.ffn.b1");
            list.Add(new NumericBlock(headList, Matrix($"blocks.{b}.ffn.w1", hidden, d), Vector($"blocks.{b}.ffn.b1", hidden), Matrix($"blocks.{b}.ffn.w2", d, hidden), Vector($"blocks.{b}.ffn.b2", d)));
        }
        return new NumericTransformer(alphabet, coordinates, Matrix("embedding", alphabet.Count + 1, d), list, Vector("readout", d), gamma[0], beta[0]);
    }

    private static InputException Bad(string message) => new("NUM001", message);
}
