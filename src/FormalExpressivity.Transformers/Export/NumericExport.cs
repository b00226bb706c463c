using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Transformers.Export;

/// <summary>
/// Exports a <see cref="NumericTransformer"/> for other implementations (layout in <c>docs/formats.md</c>,
/// "Numeric transformer weights"): JSON (<see cref="ToJson"/>) and safetensors (<see cref="ToSafetensors"/>:
/// 8-byte little-endian header length, a JSON header mapping tensor names to dtype/shape/data_offsets plus
/// <c>__metadata__</c>, then the raw little-endian float32 data), and golden per-position readouts
/// (<see cref="GoldenOutputs"/>).
/// </summary>
public static class NumericExport
{
    /// <summary>The format tag of the JSON export.</summary>
    public const string FormatTag = "fex-numeric/1";

    /// <summary>The arithmetic model, as stated in docs/numeric.md (stored in both exports).</summary>
    public const string Arithmetic =
        "every operation in binary32 then rounded to the format; dot products: terms w_i*x_i in increasing i, then + bias; " +
        "attention: scores q*k_m, max subtracted, e_m = exp (binary64, rounded), N = sum e_m*v_m and Z = sum e_m in increasing m, o = N/Z; " +
        "empty range -> 0; post-LayerNorm after attention and after the FFN, eps = 0, sigma = 0 -> beta; accept iff readout at EOS > 0";

    /// <summary>The tensors in export order: name, shape, row-major data.</summary>
    /// <param name="model">The model.</param>
    public static IReadOnlyList<(string Name, int[] Shape, float[] Data)> Tensors(NumericTransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.Dimension;
        var list = new List<(string, int[], float[])>
        {
            ("embedding", [model.Alphabet.Count + 1, d], Flatten(model.Embedding)),
            ("readout", [d], model.Readout.ToArray()),
            ("layer_norm.gamma", [d], Enumerable.Repeat(model.Gamma, d).ToArray()),
            ("layer_norm.beta", [d], Enumerable.Repeat(model.Beta, d).ToArray()),
        };
        for (int b = 0; b < model.Blocks.Count; b++)
        {
            var block = model.Blocks[b];
            for (int h = 0; h < block.Heads.Count; h++)
            {
                var head = block.Heads[h];
                list.Add(($"blocks.{b}.heads.{h}.w_q", [d], head.Query.ToArray()));
                list.Add(($"blocks.{b}.heads.{h}.w_k", [d], head.Key.ToArray()));
                list.Add(($"blocks.{b}.heads.{h}.w_v", [d], head.Value.ToArray()));
                list.Add(($"blocks.{b}.heads.{h}.w_o", [d], head.Output.ToArray()));
            }
            list.Add(($"blocks.{b}.ffn.w1", [block.B1.Length, d], Flatten(block.W1)));
            list.Add(($"blocks.{b}.ffn.b1", [block.B1.Length], block.B1.ToArray()));
            list.Add(($"blocks.{b}.ffn.w2", [d, block.B1.Length], Flatten(block.W2)));
            list.Add(($"blocks.{b}.ffn.b2", [d], block.B2.ToArray()));
        }
        return list;
    }

    /// <summary>String metadata: alphabet, coordinates, per-head window and masking, arithmetic.</summary>
    /// <param name="model">The model.</param>
    public static SortedDictionary<string, string> Metadata(NumericTransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var meta = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = FormatTag,
            ["alphabet"] = string.Join(' ', model.Alphabet.Symbols),
            ["coordinates"] = string.Join(' ', model.Coordinates),
            ["blocks"] = model.Blocks.Count.ToString(CultureInfo.InvariantCulture),
            ["layer_norm.epsilon"] = "0",
            ["arithmetic"] = Arithmetic,
        };
        for (int b = 0; b < model.Blocks.Count; b++)
        {
            meta[$"blocks.{b}.heads"] = model.Blocks[b].Heads.Count.ToString(CultureInfo.InvariantCulture);
            for (int h = 0; h < model.Blocks[b].Heads.Count; h++)
            {
                var head = model.Blocks[b].Heads[h];
                meta[$"blocks.{b}.heads.{h}.window"] = head.Window.ToString(CultureInfo.InvariantCulture);
                meta[$"blocks.{b}.heads.{h}.masking"] = head.Masking == Masking.Strict ? "strict" : "nonstrict";
            }
        }
        return meta;
    }

    /// <summary>The model as indented JSON (numbers in shortest round-trip form).</summary>
    /// <param name="model">The model.</param>
    public static string ToJson(NumericTransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = new JsonObject();
        foreach (var (k, v) in Metadata(model)) root[k] = v;
        var tensors = new JsonObject();
        foreach (var (name, shape, data) in Tensors(model))
            tensors[name] = new JsonObject { ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["data"] = new JsonArray(data.Select(x => (JsonNode)x).ToArray()) };
        root["tensors"] = tensors;
        return FormalExpressivity.Core.Text.JsonOutput.Write(root);
    }

    /// <summary>The model in the safetensors layout (dtype F32, tensors in <see cref="Tensors"/> order).</summary>
    /// <param name="model">The model.</param>
    public static byte[] ToSafetensors(NumericTransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tensors = Tensors(model);
        var header = new JsonObject { ["__metadata__"] = new JsonObject(Metadata(model).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))) };
        long offset = 0;
        foreach (var (name, shape, data) in tensors)
        {
            long end = offset + 4L * data.Length;
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, end),
            };
            offset = end;
        }
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString()); // safetensors: a compact header by the format's definition
        int padded = (headerBytes.Length + 7) / 8 * 8; // pad with spaces so the data starts 8-byte aligned
        var bytes = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        headerBytes.CopyTo(bytes, 8);
        for (int i = headerBytes.Length; i < padded; i++) bytes[8 + i] = (byte)' ';
        int at = 8 + padded;
        foreach (var (_, _, data) in tensors)
            foreach (var x in data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), x);
                at += 4;
            }
        return bytes;
    }

    /// <summary>
    /// Golden per-position outputs: for every word and format, the readout r·x at positions 1 … N+1 and
    /// the verdict at EOS, as indented JSON (floats in shortest round-trip form).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="words">Words as symbol indices.</param>
    public static string GoldenOutputs(NumericTransformer model, IReadOnlyList<int[]> words)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(words);
        var array = new JsonArray();
        foreach (var w in words)
        {
            var entry = new JsonObject { ["word"] = string.Join(' ', w.Select(s => model.Alphabet[s])) };
            foreach (var format in new[] { NumberFormat.Fp32, NumberFormat.Fp16, NumberFormat.Bf16 })
            {
                var outputs = model.Outputs(w, format);
                entry[format.ToString().ToLowerInvariant()] = new JsonObject
                {
                    ["readout"] = new JsonArray(outputs.Select(x => (JsonNode)x).ToArray()),
                    ["accept"] = outputs[^1] > 0,
                };
            }
            array.Add((JsonNode)entry); // the non-generic Add: no reflection
        }
        return FormalExpressivity.Core.Text.JsonOutput.Write(new JsonObject { ["format"] = FormatTag, ["arithmetic"] = Arithmetic, ["words"] = array });
    }

    private static float[] Flatten(float[,] m)
    {
        var r = new float[m.Length];
        int k = 0;
        for (int i = 0; i < m.GetLength(0); i++) for (int j = 0; j < m.GetLength(1); j++) r[k++] = m[i, j];
        return r;
    }
}
