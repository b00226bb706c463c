using System.Runtime.CompilerServices;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.Numeric;

/// <summary>One attention head with head dimension 1: q = W_Q·x, k = W_K·x, v = W_V·x, output o·W_O.</summary>
/// <param name="Window">0 for a global head, k for a k-local head.</param>
/// <param name="Masking">Strict (m &lt; n) or non-strict (m ≤ n).</param>
/// <param name="Query">W_Q (length d).</param>
/// <param name="Key">W_K (length d).</param>
/// <param name="Value">W_V (length d).</param>
/// <param name="Output">W_O (length d).</param>
public sealed record NumericHead(int Window, Masking Masking, float[] Query, float[] Key, float[] Value, float[] Output);

/// <summary>
/// One numeric head's attention on one word, in one format: at every query position n = 1 … N+1 (index n−1)
/// the softmax weight of every key position m (index m−1; 0 outside the head's range), the value v(m) and the
/// head's output o(n) as the simulator computed it (o = N/Z in the FlashAttention order, see
/// <see cref="NumericTransformer"/>).
/// </summary>
/// <param name="Block">0-based block.</param>
/// <param name="Index">0-based head within the block.</param>
/// <param name="Head">The head's weights.</param>
/// <param name="Weights">[n−1][m−1] = round(e_m / Z) with e_m = round(exp(round(q_n·k_m) − max)), Z = Σ e_m over the range; a row of an empty range is all 0.</param>
/// <param name="Values">[m−1] = v_m = W_V·x_m.</param>
/// <param name="Outputs">[n−1] = o(n), the head's output (0 on an empty range).</param>
public sealed record NumericHeadTrace(int Block, int Index, NumericHead Head, float[][] Weights, float[] Values, float[] Outputs);

/// <summary>
/// One post-LayerNorm block: x ← LN(x + Σ_h heads(x)); x ← LN(x + W2·ReLU(W1·x + b1) + b2). A block
/// without heads is a feed-forward-only block ("attention bypassed", theory.md §8).
/// </summary>
/// <param name="Heads">The heads (possibly none).</param>
/// <param name="W1">Hidden weights, [hidden, d].</param>
/// <param name="B1">Hidden biases, [hidden].</param>
/// <param name="W2">Output weights, [d, hidden].</param>
/// <param name="B2">Output biases, [d].</param>
public sealed record NumericBlock(IReadOnlyList<NumericHead> Heads, float[,] W1, float[] B1, float[,] W2, float[] B2);

/// <summary>
/// A real-weight transformer (NoPE, post-LayerNorm, ReLU feed-forward, head dimension 1) built by
/// <see cref="NumericCompiler"/>, evaluated in a chosen <see cref="NumberFormat"/> under the arithmetic
/// model of <c>docs/numeric.md</c>: every operation is computed in binary32 and rounded to the format;
/// dot products add the terms w_i·x_i in increasing coordinate order, then the bias; attention subtracts
/// the maximum score, accumulates N = Σ e_m·v_m and Z = Σ e_m over m in increasing order and divides once
/// (o = N/Z, the FlashAttention order); an empty attention range outputs 0; LayerNorm uses ε = 0,
/// γ = β = ½ and maps σ = 0 to β. The word w_1 … w_N is followed by EOS; accept iff the readout at EOS is &gt; 0.
/// </summary>
public sealed class NumericTransformer
{
    private readonly Sparse[] _embedding;
    private readonly float[][] _tokenVectors;
    private readonly CompiledBlock[] _blocks;
    private readonly Sparse _readout;

    internal NumericTransformer(Alphabet alphabet, IReadOnlyList<string> coordinates, float[,] embedding, IReadOnlyList<NumericBlock> blocks, float[] readout, float gamma, float beta)
    {
        Alphabet = alphabet;
        Coordinates = coordinates;
        Embedding = embedding;
        Blocks = blocks;
        Readout = readout;
        Gamma = gamma;
        Beta = beta;
        int d = coordinates.Count;
        _embedding = Enumerable.Range(0, alphabet.Count + 1).Select(t => Sparse.Row(embedding, t, d)).ToArray();
        _tokenVectors = Enumerable.Range(0, alphabet.Count + 1).Select(t => Enumerable.Range(0, d).Select(i => embedding[t, i]).ToArray()).ToArray();
        _blocks = blocks.Select(b => new CompiledBlock(b, d)).ToArray();
        _readout = Sparse.Of(readout);
    }

    /// <summary>The alphabet; token t &lt; |Σ| is symbol t, token |Σ| is EOS.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>The residual-stream coordinate names (d = their count); mirrors end in <c>~</c>.</summary>
    public IReadOnlyList<string> Coordinates { get; }

    /// <summary>The model dimension d.</summary>
    public int Dimension => Coordinates.Count;

    /// <summary>Token embeddings, [|Σ| + 1, d] (the last row is EOS). No positional encoding.</summary>
    public float[,] Embedding { get; }

    /// <summary>The blocks in order.</summary>
    public IReadOnlyList<NumericBlock> Blocks { get; }

    /// <summary>The readout vector r (length d): output = r·x at EOS.</summary>
    public float[] Readout { get; }

    /// <summary>LayerNorm gain γ (the same for every coordinate and every LayerNorm).</summary>
    public float Gamma { get; }

    /// <summary>LayerNorm shift β.</summary>
    public float Beta { get; }

    /// <summary>Number of blocks that have attention heads.</summary>
    public int AttentionBlocks => Blocks.Count(b => b.Heads.Count > 0);

    /// <summary>Whether the word is accepted (readout at EOS &gt; 0).</summary>
    /// <param name="word">Symbol indices.</param>
    /// <param name="format">The arithmetic format.</param>
    public bool Accepts(ReadOnlySpan<int> word, NumberFormat format) => Outputs(word, format)[word.Length] > 0;

    /// <summary>The readout r·x at every position 1 … N+1 (index p−1).</summary>
    /// <param name="word">Symbol indices.</param>
    /// <param name="format">The arithmetic format.</param>
    public float[] Outputs(ReadOnlySpan<int> word, NumberFormat format) => format switch
    {
        NumberFormat.Fp16 => Run<Fp16Format>(word),
        NumberFormat.Bf16 => Run<Bf16Format>(word),
        _ => Run<Fp32Format>(word),
    };

    /// <summary>The final residual stream at every position 1 … N+1 (for golden files).</summary>
    /// <param name="word">Symbol indices.</param>
    /// <param name="format">The arithmetic format.</param>
    public float[][] Streams(ReadOnlySpan<int> word, NumberFormat format)
    {
        var (vectors, ids) = format switch
        {
            NumberFormat.Fp16 => Shared<Fp16Format>(word),
            NumberFormat.Bf16 => Shared<Bf16Format>(word),
            _ => Shared<Fp32Format>(word),
        };
        return ids.Select(id => (float[])vectors[id].Clone()).ToArray();
    }

    /// <summary>
    /// The twin of <see cref="Streams"/>: every position's vector computed on its own, block by block, as the
    /// forward pass is written (no sharing of equal vectors). The same values bit for bit; for tests.
    /// </summary>
    /// <param name="word">Symbol indices.</param>
    /// <param name="format">The arithmetic format.</param>
    public float[][] PositionwiseStreams(ReadOnlySpan<int> word, NumberFormat format) => format switch
    {
        NumberFormat.Fp16 => Stream<Fp16Format>(word),
        NumberFormat.Bf16 => Stream<Bf16Format>(word),
        _ => Stream<Fp32Format>(word),
    };

    /// <summary>Every head's attention pattern, value and output on <paramref name="word"/>, block by block (the playground's numeric heat maps).</summary>
    /// <param name="word">Symbol indices.</param>
    /// <param name="format">The arithmetic format.</param>
    public IReadOnlyList<NumericHeadTrace> Attention(ReadOnlySpan<int> word, NumberFormat format)
    {
        var trace = new List<NumericHeadTrace>();
        _ = format switch
        {
            NumberFormat.Fp16 => Shared<Fp16Format>(word, trace),
            NumberFormat.Bf16 => Shared<Bf16Format>(word, trace),
            _ => Shared<Fp32Format>(word, trace),
        };
        return trace;
    }

    private float[] Run<TF>(ReadOnlySpan<int> word) where TF : IFormat
    {
        var (vectors, ids) = Shared<TF>(word);
        var perVector = new float[vectors.Count];
        for (int v = 0; v < vectors.Count; v++) perVector[v] = _readout.Dot<TF>(vectors[v], 0);
        var result = new float[ids.Length];
        for (int p = 0; p < ids.Length; p++) result[p] = perVector[ids[p]];
        return result;
    }

    // The forward pass with equal vectors shared. Outside attention every block is a function of the
    // position's own vector and its heads' outputs there: y = LN(x + Σ_h o_h·W_O,h), then LN(y + FFN(y)).
    // So the residual stream is kept as distinct vectors plus one id per position; the heads read their
    // projections per distinct vector, and a block's position step runs once per distinct
    // (vector id, o_1 … o_H) — the same operations on the same operands, hence the same bits, as the
    // positionwise twin (Stream). Formal-language models have few distinct vectors (a P(a ∧ ¬P ⊤) model:
    // 86 among 2·10^5 positions), which makes the rounded arithmetic of fp16/bf16 cheap to simulate.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (List<float[]> Vectors, int[] Ids) Shared<TF>(ReadOnlySpan<int> word, List<NumericHeadTrace>? trace = null) where TF : IFormat
    {
        int n = word.Length, d = Dimension;
        var ids = new int[n + 1];
        for (int p = 0; p <= n; p++)
        {
            int token = p < n ? word[p] : Alphabet.Count;
            if ((uint)token > (uint)Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(word), "symbol index out of range");
            ids[p] = token;
        }
        var vectors = _tokenVectors.ToList(); // read only: a step works on a copy
        var hidden = new float[_blocks.Length == 0 ? 0 : _blocks.Max(b => b.Hidden)];
        var delta = new float[d];
        var key = new int[1 + (_blocks.Length == 0 ? 0 : _blocks.Max(b => b.Heads.Length))];
        for (int b = 0; b < _blocks.Length; b++)
        {
            var block = _blocks[b];
            int heads = block.Heads.Length;
            var outputs = new float[heads][];
            for (int h = 0; h < heads; h++)
            {
                var (q, k, v) = block.Heads[h].Project<TF>(vectors, ids);
                outputs[h] = block.Heads[h].Attend<TF>(q, k, v);
                trace?.Add(block.Heads[h].Trace<TF>(q, k, v, b, h, outputs[h]));
            }
            var steps = new VectorInterner();
            var stepResult = new List<int>();
            var results = new VectorInterner();
            var next = new List<float[]>();
            var nextIds = new int[n + 1];
            for (int p = 0; p <= n; p++)
            {
                key[0] = ids[p];
                for (int h = 0; h < heads; h++) key[1 + h] = BitConverter.SingleToInt32Bits(outputs[h][p]);
                var (step, added) = steps.Intern(key.AsSpan(0, 1 + heads));
                if (added)
                {
                    var y = (float[])vectors[ids[p]].Clone();
                    if (heads > 0)
                    {
                        for (int h = 0; h < heads; h++)
                            foreach (var (i, w) in block.Heads[h].Out.Entries)
                                y[i] = TF.Round(y[i] + TF.Round(outputs[h][p] * w));
                        LayerNorm<TF>(y);
                    }
                    FeedForward<TF>(block, y, hidden, delta);
                    var (result, isNew) = results.Intern(y);
                    if (isNew) next.Add(y);
                    stepResult.Add(result);
                }
                nextIds[p] = stepResult[step];
            }
            (vectors, ids) = (next, nextIds);
        }
        return (vectors, ids);
    }

    // x ← LN(x + W2·ReLU(W1·x + b1) + b2) in place; rows of W2 with no weight and zero bias add exactly 0: skipped.
    private void FeedForward<TF>(CompiledBlock block, float[] x, float[] hidden, float[] delta) where TF : IFormat
    {
        for (int j = 0; j < block.Hidden; j++) hidden[j] = Math.Max(0f, block.W1[j].Dot<TF>(x, block.B1[j]));
        foreach (int i in block.ActiveRows) delta[i] = block.W2[i].Dot<TF>(hidden, block.B2[i]);
        foreach (int i in block.ActiveRows) x[i] = TF.Round(x[i] + delta[i]);
        LayerNorm<TF>(x);
    }

    // The positionwise twin of Shared (the forward pass as written, one position at a time).
    private float[][] Stream<TF>(ReadOnlySpan<int> word) where TF : IFormat
    {
        int n = word.Length, d = Dimension;
        var x = new float[n + 1][];
        for (int p = 0; p <= n; p++)
        {
            int token = p < n ? word[p] : Alphabet.Count;
            if ((uint)token > (uint)Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(word), "symbol index out of range");
            x[p] = new float[d];
            foreach (var (i, w) in _embedding[token].Entries) x[p][i] = w;
        }
        var hidden = new float[_blocks.Length == 0 ? 0 : _blocks.Max(b => b.Hidden)];
        var delta = new float[d];
        for (int b = 0; b < _blocks.Length; b++)
        {
            var block = _blocks[b];
            if (block.Heads.Length > 0)
            {
                var outputs = new float[block.Heads.Length][];
                var positions = Enumerable.Range(0, n + 1).ToArray();
                for (int h = 0; h < block.Heads.Length; h++)
                {
                    var (q, k, v) = block.Heads[h].Project<TF>(x, positions);
                    outputs[h] = block.Heads[h].Attend<TF>(q, k, v);
                }
                for (int p = 0; p <= n; p++)
                {
                    for (int h = 0; h < block.Heads.Length; h++)
                        foreach (var (i, w) in block.Heads[h].Out.Entries)
                            x[p][i] = TF.Round(x[p][i] + TF.Round(outputs[h][p] * w));
                    LayerNorm<TF>(x[p]);
                }
            }
            for (int p = 0; p <= n; p++)
            {
                for (int j = 0; j < block.Hidden; j++) hidden[j] = Math.Max(0f, block.W1[j].Dot<TF>(x[p], block.B1[j]));
                // rows of W2 with no weight and zero bias add exactly 0: skipped
                foreach (int i in block.ActiveRows) delta[i] = block.W2[i].Dot<TF>(hidden, block.B2[i]);
                foreach (int i in block.ActiveRows) x[p][i] = TF.Round(x[p][i] + delta[i]);
                LayerNorm<TF>(x[p]);
            }
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LayerNorm<TF>(float[] x) where TF : IFormat
    {
        float d = x.Length, sum = 0;
        foreach (var v in x) sum = TF.Round(sum + v);
        float mean = TF.Round(sum / d), sq = 0;
        foreach (var v in x)
        {
            float c = TF.Round(v - mean);
            sq = TF.Round(sq + TF.Round(c * c));
        }
        float sigma = TF.Round(MathF.Sqrt(TF.Round(sq / d)));
        for (int i = 0; i < x.Length; i++)
            x[i] = sigma == 0 ? Beta : TF.Round(TF.Round(TF.Round(TF.Round(x[i] - mean) / sigma) * Gamma) + Beta);
    }

    // exp in binary64, rounded to binary32 (then to the format by the caller); MathF.Exp takes a slow
    // path (~1 µs) on underflow, the binary64 exp does not.
    private static float Exp(float x) => (float)Math.Exp(x);

    internal readonly record struct Sparse((int Index, float Weight)[] Entries)
    {
        public static Sparse Of(float[] v) => new(v.Select((w, i) => (i, w)).Where(e => e.w != 0).ToArray());

        public static Sparse Row(float[,] m, int row, int columns) => new(Enumerable.Range(0, columns).Where(c => m[row, c] != 0).Select(c => (c, m[row, c])).ToArray());

        // Σ w_i·x_i in increasing i (zero weights skipped: adding round(0·x) = 0 is exact), then + bias.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public float Dot<TF>(float[] x, float bias) where TF : IFormat
        {
            float acc = 0;
            foreach (var (i, w) in Entries) acc = TF.Round(acc + TF.Round(w * x[i]));
            return TF.Round(acc + bias);
        }
    }

    private sealed class CompiledHead(NumericHead head)
    {
        private readonly Sparse _q = Sparse.Of(head.Query), _k = Sparse.Of(head.Key), _v = Sparse.Of(head.Value);

        // q_p = W_Q·x_p, k_p = W_K·x_p, v_p = W_V·x_p at every position p (0-based), where x_p = vectors[ids[p]]:
        // computed once per distinct vector.
        public (float[] Q, float[] K, float[] V) Project<TF>(IReadOnlyList<float[]> vectors, int[] ids) where TF : IFormat
        {
            var (qs, ks, vs) = (new float[vectors.Count], new float[vectors.Count], new float[vectors.Count]);
            for (int i = 0; i < vectors.Count; i++)
            {
                qs[i] = _q.Dot<TF>(vectors[i], 0);
                ks[i] = _k.Dot<TF>(vectors[i], 0);
                vs[i] = _v.Dot<TF>(vectors[i], 0);
            }
            int count = ids.Length;
            var (q, k, v) = (new float[count], new float[count], new float[count]);
            for (int p = 0; p < count; p++) (q[p], k[p], v[p]) = (qs[ids[p]], ks[ids[p]], vs[ids[p]]);
            return (q, k, v);
        }

        // The attended range [from, to] of 0-based query position p (empty when to < from).
        private (int From, int To) Range(int p)
        {
            int to = head.Masking == Masking.Strict ? p - 1 : p;
            int from = head.Window == 0 ? 0 : Math.Max(0, head.Masking == Masking.Strict ? p - head.Window : p - head.Window + 1);
            return (from, to);
        }

        // The weights e_m / Z of every query row by a fresh left-to-right pass per row (no cache): the
        // plain definition next to Attend's cached one; o is Attend's output for the same projections.
        public NumericHeadTrace Trace<TF>(float[] q, float[] k, float[] v, int block, int index, float[] o) where TF : IFormat
        {
            int count = q.Length;
            var weights = new float[count][];
            for (int p = 0; p < count; p++)
            {
                var row = weights[p] = new float[count];
                var (from, to) = Range(p);
                if (to < from) continue;
                float max = float.NegativeInfinity, den = 0;
                for (int m = from; m <= to; m++) max = Math.Max(max, TF.Round(q[p] * k[m]));
                for (int m = from; m <= to; m++) den = TF.Round(den + (row[m] = TF.Round(Exp(TF.Round(TF.Round(q[p] * k[m]) - max)))));
                for (int m = from; m <= to; m++) row[m] = TF.Round(row[m] / den);
            }
            return new NumericHeadTrace(block, index, head, weights, v, (float[])o.Clone());
        }

        public Sparse Out { get; } = Sparse.Of(head.Output);

        // o(n) for every position, 0-based p = n − 1. A global range [1, n−1] (or [1, n]) grows by one
        // each step. The running max, N and Z are cached per query value (the post-LayerNorm queries take
        // few distinct values, and in fp16/bf16 they alternate between them): when position p's query
        // was seen before with the same range start, the range is extended from where that query left
        // off — exactly the additions a fresh left-to-right pass would make, as long as no new score
        // exceeds the cached maximum; otherwise (or for a sliding local window) the pass is redone.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public float[] Attend<TF>(float[] q, float[] k, float[] v) where TF : IFormat
        {
            int count = q.Length;
            var o = new float[count];
            var cache = new Dictionary<int, (int From, int To, float Max, float Num, float Den)>();
            for (int p = 0; p < count; p++)
            {
                var (from, to) = Range(p);
                if (to < from) { o[p] = 0; continue; }
                float qp = q[p];
                int key = BitConverter.SingleToInt32Bits(qp);
                bool extended = false;
                float max = 0, num = 0, den = 0;
                if (cache.TryGetValue(key, out var c) && c.From == from && c.To <= to)
                {
                    (max, num, den) = (c.Max, c.Num, c.Den);
                    extended = true;
                    for (int m = c.To + 1; m <= to && extended; m++)
                    {
                        float score = TF.Round(qp * k[m]);
                        if (score > max) { extended = false; break; }
                        float e = TF.Round(Exp(TF.Round(score - max)));
                        num = TF.Round(num + TF.Round(e * v[m]));
                        den = TF.Round(den + e);
                    }
                }
                if (!extended)
                {
                    max = float.NegativeInfinity;
                    for (int m = from; m <= to; m++) max = Math.Max(max, TF.Round(qp * k[m]));
                    num = 0;
                    den = 0;
                    for (int m = from; m <= to; m++)
                    {
                        float e = TF.Round(Exp(TF.Round(TF.Round(qp * k[m]) - max)));
                        num = TF.Round(num + TF.Round(e * v[m]));
                        den = TF.Round(den + e);
                    }
                }
                if (head.Window == 0) cache[key] = (from, to, max, num, den);
                o[p] = TF.Round(num / den);
            }
            return o;
        }
    }

    private sealed class CompiledBlock
    {
        public CompiledBlock(NumericBlock block, int d)
        {
            Heads = block.Heads.Select(h => new CompiledHead(h)).ToArray();
            Hidden = block.B1.Length;
            W1 = Enumerable.Range(0, Hidden).Select(j => Sparse.Row(block.W1, j, d)).ToArray();
            B1 = block.B1;
            var t = new float[d, Hidden];
            for (int i = 0; i < d; i++) for (int j = 0; j < Hidden; j++) t[i, j] = block.W2[i, j];
            W2 = Enumerable.Range(0, d).Select(i => Sparse.Row(t, i, Hidden)).ToArray();
            B2 = block.B2;
            ActiveRows = Enumerable.Range(0, d).Where(i => W2[i].Entries.Length > 0 || B2[i] != 0).ToArray();
        }

        public int[] ActiveRows { get; }

        public CompiledHead[] Heads { get; }
        public int Hidden { get; }
        public Sparse[] W1 { get; }
        public float[] B1 { get; }
        public Sparse[] W2 { get; }
        public float[] B2 { get; }
    }
}
