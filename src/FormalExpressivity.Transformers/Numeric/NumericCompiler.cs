using FormalExpressivity.Core.Text;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.Numeric;

/// <summary>Options of the numeric construction.</summary>
/// <param name="PastFix">Apply LC25's two-layer fix P φ ↦ P(φ ∧ Pφ) ∨ Pφ to every global head (default on).</param>
public sealed record NumericOptions(bool PastFix = true);

/// <summary>The numeric construction's result.</summary>
/// <param name="Model">The real-weight model, or null with error diagnostics.</param>
/// <param name="Symbolic">The symbolic model the weights implement (after the fix, when applied).</param>
/// <param name="Diagnostics">Why a model cannot be built numerically.</param>
/// <param name="SymbolicLayers">Layers of the input model.</param>
/// <param name="NumericLayers">Attention layers of the numeric model (the fix doubles each layer with a global head).</param>
/// <param name="Blocks">Blocks including feed-forward-only ones (one per circuit level).</param>
public sealed record NumericCompilation(NumericTransformer? Model, TransformerModel? Symbolic, IReadOnlyList<Diagnostic> Diagnostics, int SymbolicLayers, int NumericLayers, int Blocks)
{
    /// <summary>The model or an <see cref="InputException"/>.</summary>
    public NumericTransformer GetModelOrThrow() => Model ?? throw new InputException(Diagnostics);
}

/// <summary>
/// The LC25 construction (theory.md §8) from a symbolic soft-attention model to real weights. The
/// residual stream holds, for every logical coordinate x (bias, one-hot symbols and EOS, head outputs,
/// gates), the pair (x, x~ = 1 − x): with every value in {0, 1} each pair has mean ½ and the stream has
/// variance ¼, so post-LayerNorm with γ = β = ½ and ε = 0 is the identity — exact in every format. Heads
/// (dimension 1): q = bias, k = f_large·(φ − bias) (score 0 where φ holds, −f_large = −104 elsewhere, so
/// exp rounds to 0), v = φ, written to a raw pair; the block's FFN rectifies the raw output,
/// (1/f)(ReLU(x) − ReLU(x − f)) with f = ½, into the head's feature pair. Gates: ¬x = ReLU(1 − x),
/// ∧ = ReLU(Σx − (m−1)), ∨ = 1 − ReLU(1 − Σx), one feed-forward level per circuit depth
/// (attention bypassed). Readout at EOS: x_out − x_out~ (±1), accept iff &gt; 0.
/// Not supported (diagnostics): unique-hard heads (S has no soft-attention counterpart), counting
/// heads (thresholding count/|W| needs |W| = min(k, n−1), which a NoPE head cannot read in the same
/// layer), heads whose selector differs from their value (their average is not 0/1).
/// </summary>
public static class NumericCompiler
{
    /// <summary>Diagnostic code: a unique-hard head.</summary>
    public const string UniqueHard = "TRN001";
    /// <summary>Diagnostic code: a counting head.</summary>
    public const string Counting = "TRN002";
    /// <summary>Diagnostic code: selector ≠ value.</summary>
    public const string Selector = "TRN003";

    /// <summary>The score gap f_large (exp(−104) rounds to 0 in binary32, bfloat16 and binary16).</summary>
    public const float LargeScore = 104f;

    /// <summary>Builds the weights for <paramref name="model"/>.</summary>
    /// <param name="model">A symbolic soft-attention model.</param>
    /// <param name="options">Options (null: defaults).</param>
    public static NumericCompilation Compile(TransformerModel model, NumericOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new NumericOptions();
        var errors = new List<Diagnostic>();
        foreach (var h in model.Heads)
        {
            if (h.Kind == HeadKind.UniqueHard)
                errors.Add(new Diagnostic(UniqueHard, SourceSpan.None, $"head '{h.Output}' is unique-hard (S, since): soft attention cannot compute it, so the model has no numeric form"));
            else if (h.Threshold > 1)
                errors.Add(new Diagnostic(Counting, SourceSpan.None, $"head '{h.Output}' counts (at least {h.Threshold} of {h.Window}): the numeric construction would need |W| = min(k, n−1); counting heads run in the symbolic simulator only"));
            else if (h.Selector != h.Value)
                errors.Add(new Diagnostic(Selector, SourceSpan.None, $"head '{h.Output}' selects '{h.Selector}' but reads '{h.Value}': its average is not 0/1, the construction needs select = value"));
        }
        if (errors.Count > 0) return new NumericCompilation(null, null, errors, model.Layers.Count, 0, 0);
        var symbolic = options.PastFix ? ApplyPastFix(model) : model;
        var built = new Builder(symbolic).Build();
        return new NumericCompilation(built, symbolic, [], model.Layers.Count, built.AttentionBlocks, built.Blocks.Count);
    }

    /// <summary>
    /// LC25's two-layer fix as a model rewrite: every layer with global heads h = P φ becomes two layers —
    /// the first computes h₁ = P φ and g = φ ∧ h₁, the second h₂ = P g and h = h₁ ∨ h₂ (≡ P φ) followed by
    /// the layer's own gates. The result recognizes the same language.
    /// </summary>
    /// <param name="model">The model.</param>
    public static TransformerModel ApplyPastFix(TransformerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var used = new HashSet<string>(StringComparer.Ordinal) { TransformerModel.TrueFeature, TransformerModel.EosFeature };
        foreach (var s in model.Alphabet.Symbols) used.Add(s);
        foreach (var g in model.Prelude) used.Add(g.Output);
        foreach (var l in model.Layers) { foreach (var h in l.Heads) used.Add(h.Output); foreach (var g in l.Gates) used.Add(g.Output); }
        string Fresh(string stem)
        {
            for (int i = 0; ; i++)
            {
                string name = i == 0 ? stem : $"{stem}_{i}";
                if (used.Add(name)) return name;
            }
        }
        var layers = new List<TransformerLayer>();
        foreach (var layer in model.Layers)
        {
            var globals = layer.Heads.Where(h => h.Kind == HeadKind.Global).ToList();
            if (globals.Count == 0) { layers.Add(layer); continue; }
            var firstHeads = new List<AttentionHead>();
            var firstGates = new List<Gate>();
            var secondHeads = new List<AttentionHead>();
            var secondGates = new List<Gate>();
            foreach (var h in layer.Heads)
            {
                if (h.Kind != HeadKind.Global) { firstHeads.Add(h); continue; }
                string h1 = Fresh(h.Output + "_p1"), g = Fresh(h.Output + "_g"), h2 = Fresh(h.Output + "_p2");
                firstHeads.Add(h with { Output = h1 });
                firstGates.Add(new Gate(g, GateKind.And, [h.Value, h1]));
                secondHeads.Add(h with { Output = h2, Selector = g, Value = g });
                secondGates.Add(new Gate(h.Output, GateKind.Or, [h1, h2]));
            }
            layers.Add(new TransformerLayer(firstHeads, firstGates));
            layers.Add(new TransformerLayer(secondHeads, secondGates.Concat(layer.Gates).ToArray()));
        }
        return TransformerModel.Create(model.Alphabet, model.Prelude, layers, model.Output);
    }

    private sealed class Builder(TransformerModel model)
    {
        private readonly Dictionary<string, int> _coord = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];

        private int Pair(string name)
        {
            int i = _names.Count;
            _names.Add(name);
            _names.Add(name + "~");
            _coord[name] = i;
            return i;
        }

        public NumericTransformer Build()
        {
            Pair(TransformerModel.TrueFeature);
            foreach (var s in model.Alphabet.Symbols) Pair(s);
            Pair(TransformerModel.EosFeature);
            foreach (var g in model.Prelude) Pair(g.Output);
            foreach (var l in model.Layers)
            {
                foreach (var h in l.Heads) { Pair(h.Output + "^raw"); Pair(h.Output); }
                foreach (var g in l.Gates) Pair(g.Output);
            }
            int d = _names.Count;
            int sigma = model.Alphabet.Count;
            var embedding = new float[sigma + 1, d];
            for (int t = 0; t <= sigma; t++)
            {
                for (int i = 1; i < d; i += 2) embedding[t, i] = 1; // every mirror starts at 1
                Set(embedding, t, TransformerModel.TrueFeature, 1);
                Set(embedding, t, t < sigma ? model.Alphabet[t] : TransformerModel.EosFeature, 1);
            }
            var blocks = new List<NumericBlock>();
            blocks.AddRange(GateBlocks(model.Prelude, new HashSet<string>(StringComparer.Ordinal), d, null));
            foreach (var l in model.Layers)
            {
                var heads = l.Heads.Select(h => Head(h, d)).ToList();
                var fresh = new HashSet<string>(l.Heads.Select(h => h.Output), StringComparer.Ordinal);
                var rectify = l.Heads.Select(h => h.Output).ToList();
                var gateBlocks = GateBlocks(l.Gates, fresh, d, rectify);
                if (gateBlocks.Count == 0) gateBlocks.Add(Ffn([], rectify, d));
                blocks.Add(gateBlocks[0] with { Heads = heads });
                blocks.AddRange(gateBlocks.Skip(1));
            }
            var readout = new float[d];
            readout[_coord[model.Output]] = 1;
            readout[_coord[model.Output] + 1] = -1;
            return new NumericTransformer(model.Alphabet, _names.ToArray(), embedding, blocks, readout, 0.5f, 0.5f);
        }

        private void Set(float[,] m, int row, string name, float value)
        {
            int i = _coord[name];
            m[row, i] = value;
            m[row, i + 1] = 1 - value;
        }

        private NumericHead Head(AttentionHead h, int d)
        {
            var q = new float[d];
            var k = new float[d];
            var v = new float[d];
            var o = new float[d];
            q[_coord[TransformerModel.TrueFeature]] = 1;
            k[_coord[h.Selector]] += LargeScore;
            k[_coord[TransformerModel.TrueFeature]] -= LargeScore;
            v[_coord[h.Value]] = 1;
            o[_coord[h.Output + "^raw"]] = 1;
            o[_coord[h.Output + "^raw"] + 1] = -1;
            return new NumericHead(h.Kind == HeadKind.Local ? h.Window : 0, h.Masking, q, k, v, o);
        }

        // One feed-forward block per circuit level; level 1 also rectifies the heads of the layer.
        private List<NumericBlock> GateBlocks(IReadOnlyList<Gate> gates, HashSet<string> fresh, int d, List<string>? rectify)
        {
            var level = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in fresh) level[f] = 1;
            var byLevel = new SortedDictionary<int, List<Gate>>();
            foreach (var g in gates)
            {
                int lv = 1 + g.Inputs.Select(x => level.GetValueOrDefault(x)).Max();
                level[g.Output] = lv;
                if (!byLevel.TryGetValue(lv, out var list)) byLevel[lv] = list = [];
                list.Add(g);
            }
            var result = new List<NumericBlock>();
            int first = rectify is null ? 1 : 1;
            int top = byLevel.Count == 0 ? 0 : byLevel.Keys.Max();
            for (int lv = first; lv <= top; lv++)
                result.Add(Ffn(byLevel.GetValueOrDefault(lv) ?? [], lv == 1 ? rectify ?? [] : [], d));
            return result;
        }

        private NumericBlock Ffn(IReadOnlyList<Gate> gates, IReadOnlyList<string> rectify, int d)
        {
            int hidden = 2 * rectify.Count + gates.Count;
            var w1 = new float[hidden, d];
            var b1 = new float[hidden];
            var w2 = new float[d, hidden];
            var b2 = new float[d];
            int j = 0;
            const float f = 0.5f;
            foreach (var name in rectify)
            {
                int raw = _coord[name + "^raw"], target = _coord[name];
                // (1/f)(ReLU(x) − ReLU(x − f))
                w1[j, raw] = 1;
                w1[j + 1, raw] = 1;
                b1[j + 1] = -f;
                w2[target, j] = 1 / f;
                w2[target, j + 1] = -1 / f;
                w2[target + 1, j] = -1 / f;
                w2[target + 1, j + 1] = 1 / f;
                j += 2;
            }
            foreach (var g in gates)
            {
                int target = _coord[g.Output];
                switch (g.Kind)
                {
                    case GateKind.Not: // ReLU(1 − x)
                        w1[j, _coord[g.Inputs[0]]] = -1;
                        b1[j] = 1;
                        w2[target, j] = 1;
                        w2[target + 1, j] = -1;
                        break;
                    case GateKind.And: // ReLU(Σx − (m − 1))
                        foreach (var x in g.Inputs) w1[j, _coord[x]] += 1;
                        b1[j] = -(g.Inputs.Count - 1);
                        w2[target, j] = 1;
                        w2[target + 1, j] = -1;
                        break;
                    default: // 1 − ReLU(1 − Σx)
                        foreach (var x in g.Inputs) w1[j, _coord[x]] -= 1;
                        b1[j] = 1;
                        w2[target, j] = -1;
                        b2[target] = 1;
                        w2[target + 1, j] = 1;
                        b2[target + 1] = -1;
                        break;
                }
                j++;
            }
            return new NumericBlock([], w1, b1, w2, b2);
        }
    }
}
