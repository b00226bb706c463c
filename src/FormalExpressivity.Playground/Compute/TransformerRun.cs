using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;
using FormalExpressivity.Transformers.Reference;

namespace FormalExpressivity.Playground.Compute;

/// <summary>One head's run on a word: per query position n = 1 … N+1, the attention weights over positions 1 … N+1 and the head's value there.</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Head">The head.</param>
/// <param name="Weights">[n−1][m−1] = weight of position m at query n (0 outside the range or unselected).</param>
/// <param name="Values">[m−1] = the value feature at position m (0/1).</param>
/// <param name="Outputs">[n−1] = the head's output at n (0/1).</param>
public sealed record HeadRun(int Layer, AttentionHead Head, double[][] Weights, bool[] Values, bool[] Outputs);

/// <summary>The compiled transformer of one architecture's formula and its run on one word.</summary>
/// <param name="Model">The symbolic model (LtlToTransformer), or null when it cannot be compiled.</param>
/// <param name="Error">Why there is no model (diagnostics), or null.</param>
/// <param name="Heads">Every head's run, layer by layer.</param>
/// <param name="SymbolicOutput">The output feature at every position 1 … N+1.</param>
/// <param name="Numeric">Per format (fp32, bf16): the readout at every position 1 … N+1, or null when the model has no numeric form.</param>
/// <param name="NumericNote">Why there is no numeric form, or null.</param>
/// <param name="NumericHeads">Per format (fp32, bf16): every head of the numeric model with its attention weights, values and outputs, or null.</param>
public sealed record TransformerTrace(
    TransformerModel? Model,
    string? Error,
    IReadOnlyList<HeadRun> Heads,
    bool[] SymbolicOutput,
    IReadOnlyDictionary<NumberFormat, float[]>? Numeric,
    string? NumericNote,
    IReadOnlyDictionary<NumberFormat, IReadOnlyList<NumericHeadTrace>>? NumericHeads = null);

/// <summary>
/// Compiles an architecture's formula into a transformer (LC25 Thm 3.3, <see cref="LtlToTransformer"/>) and
/// runs it on a word: symbolically with the reference evaluator, numerically with the fixed-precision
/// simulator (its attention weights per head and format too). The attention pattern of a soft head at query n is uniform on the positions of its range
/// R(n) where its selector holds (the definition in <see cref="AttentionHead"/>); a unique-hard head
/// puts weight 1 on the rightmost such position.
/// </summary>
public static class TransformerRun
{
    /// <summary>Compiles and runs.</summary>
    /// <param name="formulaText">The formula in canonical text (the report's <c>formula</c>).</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="word">The word (symbol indices).</param>
    public static TransformerTrace Run(string formulaText, Alphabet alphabet, Word word)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(word);
        var parsed = LtlParser.Parse(formulaText, alphabet);
        if (!parsed.Success) return Empty(string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        var compiled = LtlToTransformer.Compile(parsed.Value, alphabet);
        if (!compiled.Success) return Empty(string.Join("\n", compiled.Diagnostics.Select(d => d.ToString())));
        var model = compiled.Model!;
        var symbols = word.Symbols.ToArray();
        var features = ReferenceEvaluator.Features(model, symbols);
        int last = symbols.Length + 1;
        var heads = new List<HeadRun>();
        for (int layer = 0; layer < model.Layers.Count; layer++)
        {
            foreach (var h in model.Layers[layer].Heads)
            {
                var sel = features[h.Selector];
                var val = features[h.Value];
                var weights = new double[last][];
                for (int n = 1; n <= last; n++)
                {
                    var row = new double[last];
                    var (from, to) = h.Range(n);
                    var kept = Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(m => sel[m]).ToList();
                    if (h.Kind == HeadKind.UniqueHard && kept.Count > 0) row[kept[^1] - 1] = 1;
                    else foreach (int m in kept) row[m - 1] = 1.0 / kept.Count;
                    weights[n - 1] = row;
                }
                heads.Add(new HeadRun(layer, h, weights, val[1..(last + 1)], features[h.Output][1..(last + 1)]));
            }
        }
        var output = features[model.Output][1..(last + 1)];
        var numeric = NumericCompiler.Compile(model);
        if (numeric.Model is null) return new TransformerTrace(model, null, heads, output, null, string.Join("\n", numeric.Diagnostics.Select(d => d.Message)));
        var nt = numeric.Model!;
        var outputs = new Dictionary<NumberFormat, float[]>
        {
            [NumberFormat.Fp32] = nt.Outputs(symbols, NumberFormat.Fp32),
            [NumberFormat.Bf16] = nt.Outputs(symbols, NumberFormat.Bf16),
        };
        var attention = new Dictionary<NumberFormat, IReadOnlyList<NumericHeadTrace>>
        {
            [NumberFormat.Fp32] = nt.Attention(symbols, NumberFormat.Fp32),
            [NumberFormat.Bf16] = nt.Attention(symbols, NumberFormat.Bf16),
        };
        return new TransformerTrace(model, null, heads, output, outputs, null, attention);
    }

    private static TransformerTrace Empty(string error) => new(null, error, [], [], null, null);
}
