using System.Text.Json.Nodes;
using CsCheck;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Export;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Transformers.Tests;

/// <summary>
/// The numeric forward pass shares equal residual vectors between positions (<see cref="NumericTransformer.Streams"/>,
/// <see cref="NumericTransformer.Outputs"/>); its twin computes every position on its own
/// (<see cref="NumericTransformer.PositionwiseStreams"/>). Both must give the same bits in every format, on compiled
/// models (few distinct vectors) and on perturbed weights (almost all vectors distinct).
/// </summary>
public class SharedStreamTests
{
    private static readonly NumberFormat[] Formats = [NumberFormat.Fp32, NumberFormat.Fp16, NumberFormat.Bf16];

    private static readonly Lazy<List<(string Name, NumericTransformer Model)>> Models = new(() =>
    {
        var models = new List<(string, NumericTransformer)>();
        foreach (var (name, f) in TheoryFormulas.All().Where(x => (x.Formula.Operators & Syntax.Temporal.TemporalOperators.WindowCount) == 0))
        {
            var compiled = NumericCompiler.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!).Model;
            if (compiled is null) continue;
            models.Add((name, compiled));
            models.Add((name + " (perturbed)", Perturbed(compiled, 20261130)));
        }
        return models;
    });

    // Every weight w (but LayerNorm's γ and β) becomes w·(1 + u) with u uniform in ±2^-6 (seeded), through the JSON export: real-valued
    // weights whose residual vectors differ at almost every position.
    private static NumericTransformer Perturbed(NumericTransformer model, int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(NumericExport.ToJson(model))!;
        foreach (var (name, tensor) in root["tensors"]!.AsObject())
        {
            if (name.StartsWith("layer_norm.", StringComparison.Ordinal)) continue; // γ and β are one constant each
            var data = tensor!["data"]!.AsArray();
            for (int i = 0; i < data.Count; i++)
                data[i] = data[i]!.GetValue<float>() * (float)(1 + (random.NextDouble() * 2 - 1) / 64);
        }
        return NumericImport.FromJson(root.ToJsonString());
    }

    private static bool SameBits(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

    [Test]
    public void Shared_and_positionwise_streams_are_identical_bit_for_bit() =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 60]).Sample((seed, length) =>
        {
            var random = new Random(seed);
            var (name, model) = Models.Value[random.Next(Models.Value.Count)];
            // words with long runs as well as alternations, so that vectors repeat and differ
            var word = new int[length];
            int bias = random.Next(4);
            for (int p = 0; p < length; p++) word[p] = random.Next(8) < 1 + 2 * bias ? 0 : 1;
            foreach (var format in Formats)
            {
                var shared = model.Streams(word, format);
                var twin = model.PositionwiseStreams(word, format);
                var outputs = model.Outputs(word, format);
                for (int p = 0; p <= length; p++)
                {
                    for (int i = 0; i < model.Dimension; i++)
                        if (!SameBits(shared[p][i], twin[p][i]))
                            throw new Exception($"seed {seed}, {name}, {format}, position {p + 1}, coordinate {model.Coordinates[i]}: {shared[p][i]:R} vs {twin[p][i]:R}");
                    // the readout by the documented order: Σ round(round(r_i·x_i)) in increasing i
                    float readout = 0;
                    for (int i = 0; i < model.Dimension; i++)
                        if (model.Readout[i] != 0)
                            readout = NumberFormats.Round(format, readout + NumberFormats.Round(format, model.Readout[i] * twin[p][i]));
                    readout = NumberFormats.Round(format, readout + 0f);
                    if (!SameBits(outputs[p], readout))
                        throw new Exception($"seed {seed}, {name}, {format}, position {p + 1}: readout {outputs[p]:R} vs {readout:R}");
                }
            }
        }, iter: 300);

    [Test]
    public void Streams_are_fresh_arrays_per_position()
    {
        var (_, model) = Models.Value[0];
        var streams = model.Streams([0, 0, 0, 0], NumberFormat.Fp32);
        Assert.That(streams.Distinct().Count(), Is.EqualTo(streams.Length)); // equal vectors, separate arrays
        streams[0][0] = 42;
        Assert.That(model.Streams([0, 0, 0, 0], NumberFormat.Fp32)[0][0], Is.Not.EqualTo(42f));
    }
}
