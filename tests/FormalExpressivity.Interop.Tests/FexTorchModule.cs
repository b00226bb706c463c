using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace FormalExpressivity.Interop.Tests;

/// <summary>
/// A <c>fex export</c> model as an ordinary TorchSharp <see cref="nn.Module"/>, written from the forward
/// pass documented in docs/formats.md ("Numeric transformer weights") and docs/numeric.md — not from the
/// simulator's code — and read with an independent safetensors reader (8-byte little-endian header
/// length, JSON header, raw little-endian tensors). The PyTorch snippet in docs/numeric.md is the same
/// module line for line. Input: token ids w₁ … w_N then EOS (= |Σ|); output: the readout r·x at every
/// position 1 … N+1.
/// </summary>
public sealed class FexTorchModule : nn.Module<Tensor, Tensor>
{
    private readonly Dictionary<string, Tensor> _t;
    private readonly Dictionary<string, string> _meta;
    private readonly int _blocks;

    private FexTorchModule(Dictionary<string, Tensor> tensors, Dictionary<string, string> meta) : base("FexTransformer")
    {
        _t = tensors;
        _meta = meta;
        _blocks = int.Parse(meta["blocks"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, tensor) in tensors) register_buffer(name.Replace('.', '_'), tensor);
    }

    /// <summary>The alphabet in token order (from the metadata).</summary>
    public IReadOnlyList<string> Alphabet => _meta["alphabet"].Split(' ');

    /// <summary>The largest number of heads in one block.</summary>
    public int MaxHeadsPerBlock => Enumerable.Range(0, _blocks).Max(b => int.Parse(_meta[$"blocks.{b}.heads"], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads a safetensors file and converts every tensor to <paramref name="dtype"/>.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="dtype">float32, float16 or bfloat16.</param>
    public static FexTorchModule Load(string path, ScalarType dtype)
    {
        var bytes = File.ReadAllBytes(path);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, checked((int)headerLength)));
        var meta = new Dictionary<string, string>();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (var m in entry.Value.EnumerateObject()) meta[m.Name] = m.Value.GetString()!;
                continue;
            }
            if (entry.Value.GetProperty("dtype").GetString() != "F32") throw new InvalidDataException($"{entry.Name}: expected F32");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(s => s.GetInt64()).ToArray();
            var data = new float[(offsets[1] - offsets[0]) / 4];
            for (int i = 0; i < data.Length; i++)
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(checked((int)(8 + headerLength + offsets[0] + 4L * i))));
            tensors[entry.Name] = tensor(data, shape).to_type(dtype);
        }
        return new FexTorchModule(tensors, meta);
    }

    // LayerNorm with ε = 0, γ = β = the exported vectors; σ = 0 maps every coordinate to β.
    private Tensor LayerNorm(Tensor x)
    {
        var mu = x.mean([-1], keepdim: true);
        var centered = x - mu;
        var sd = centered.pow(2).mean([-1], keepdim: true).sqrt();
        return where(sd == 0, _t["layer_norm.beta"].expand_as(x), centered / sd * _t["layer_norm.gamma"] + _t["layer_norm.beta"]);
    }

    /// <summary>The readout at every position.</summary>
    /// <param name="tokens">Token ids [N+1]: the symbols, then EOS.</param>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var x = _t["embedding"].index_select(0, tokens);                 // no positional encoding
        long n = x.shape[0];
        var pos = arange(n);
        for (int b = 0; b < _blocks; b++)
        {
            int heads = int.Parse(_meta[$"blocks.{b}.heads"], System.Globalization.CultureInfo.InvariantCulture);
            if (heads > 0)
            {
                var input = x;                                                     // every head reads the block input
                for (int h = 0; h < heads; h++)
                {
                    string p = $"blocks.{b}.heads.{h}.";
                    var q = input.matmul(_t[p + "w_q"]);
                    var k = input.matmul(_t[p + "w_k"]);
                    var v = input.matmul(_t[p + "w_v"]);
                    bool strict = _meta[p + "masking"] == "strict";
                    int window = int.Parse(_meta[p + "window"], System.Globalization.CultureInfo.InvariantCulture);
                    var hi = pos.unsqueeze(1) - (strict ? 1 : 0);                 // attend to m ≤ hi
                    var lo = window == 0 ? zeros_like(hi) : hi - (window - 1);
                    var allowed = pos.unsqueeze(0).le(hi).logical_and(pos.unsqueeze(0).ge(lo));
                    var s = (q.unsqueeze(1) * k.unsqueeze(0)).masked_fill(allowed.logical_not(), double.NegativeInfinity);
                    var max = s.amax([-1], keepdim: true);
                    var e = where(allowed, (s - max).exp(), zeros_like(s));        // masked and empty rows: 0
                    var num = (e * v.unsqueeze(0)).sum(-1);                        // N = Σ e_m v_m
                    var den = e.sum(-1);                                           // Z = Σ e_m
                    var o = where(den == 0, zeros_like(num), num / den);           // normalize after summing
                    x = x + o.unsqueeze(1) * _t[p + "w_o"];                        // added head by head
                }
                x = LayerNorm(x);
            }
            var hidden = (x.matmul(_t[$"blocks.{b}.ffn.w1"].t()) + _t[$"blocks.{b}.ffn.b1"]).relu();
            x = LayerNorm(x + (hidden.matmul(_t[$"blocks.{b}.ffn.w2"].t()) + _t[$"blocks.{b}.ffn.b2"]));
        }
        return x.matmul(_t["readout"]).MoveToOuterDisposeScope();       // readout per position; accept iff the last > 0
    }
}
