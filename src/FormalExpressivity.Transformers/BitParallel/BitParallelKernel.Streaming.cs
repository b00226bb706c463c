using System.Runtime.Intrinsics;

namespace FormalExpressivity.Transformers.BitParallel;

public sealed partial class BitParallelKernel
{
    /// <summary>
    /// Runs the model on words stored one byte per symbol without laying out a whole <see cref="BitBatch"/>:
    /// bundle by bundle, 64 positions at a time, the words' bytes are turned into that tile's planes
    /// (one 64-byte compare per symbol and row, then <see cref="BitTranspose"/>) in a buffer of
    /// 64 × (|Σ| + 1) lane words that stays in the cache, and the program advances over the tile at once.
    /// The result equals <see cref="Run(BitBatch)"/> on <see cref="BitBatch.Create(ByteWords, int, LaneWidth)"/>
    /// (its twin); result[i] is the acceptance of word i.
    /// </summary>
    /// <param name="words">Words as symbol indices of the model's alphabet (at most 256 symbols).</param>
    /// <param name="width">Lane width (Auto picks the widest accelerated one).</param>
    public bool[] Run(ByteWords words, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (_symbols > 256) throw new ArgumentException($"one byte per symbol holds at most 256 symbols; the model has {_symbols}", nameof(words));
        width = BitBatch.Resolve(width);
        int w = width switch { LaneWidth.Vector512x4 => 32, LaneWidth.Vector512 => 8, LaneWidth.Vector256 => 4, _ => 1 };
        var result = new ulong[(words.Count + 64 * w - 1) / (64 * w) * w];
        bool outside = width switch
        {
            LaneWidth.Vector512x4 => Stream<Quad512, Simd2048>(words, w, result),
            LaneWidth.Vector512 => Stream<Vector512<ulong>, Simd512>(words, w, result),
            LaneWidth.Vector256 => Stream<Vector256<ulong>, Simd256>(words, w, result),
            _ => Stream<ulong, Scalar64>(words, w, result),
        };
        if (outside)
            for (int i = 0; i < words.Count; i++)
                foreach (byte s in words[i])
                    if (s >= _symbols) throw new ArgumentOutOfRangeException(nameof(words), $"word {i} has symbol index {s} outside 0…{_symbols - 1}");
        var accepted = new bool[words.Count];
        for (int i = 0; i < accepted.Length; i++) accepted[i] = (result[i >> 6] >> (i & 63) & 1) != 0;
        return accepted;
    }

    // True when some symbol is outside the alphabet (the verdicts are then meaningless).
    private bool Stream<T, TL>(ByteWords words, int w, ulong[] result) where T : struct where TL : ILanes<T>
    {
        int symbols = _symbols, positionStride = (symbols + 1) * w, count = words.Count, lanes = 64 * w;
        var tile = new ulong[64 * positionStride];
        var rows = new ulong[symbols * 512];
        var registers = new Registers<T>(this);
        var source = new BitBatch.ByteSource(words);
        bool outside = false;
        for (int from = 0, b = 0; from < count; from += lanes, b++)
        {
            int to = Math.Min(count, from + lanes), longest = 0;
            for (int i = from; i < to; i++) longest = Math.Max(longest, words.Length(i));
            registers.Reset<TL>(symbols);
            // tile t holds positions t + 1 … t + n (plane index t … t + n − 1); the end marker of a word of length N is at index N
            for (int t = 0; t <= longest; t += 64)
            {
                int n = Math.Min(64, longest + 1 - t);
                for (int group = from; group < to; group += 512)
                {
                    int groupEnd = Math.Min(to, group + 512), first = (group - from) >> 6, matrices = Math.Min(8, w - first);
                    outside |= BitBatch.TransposeGroup(source, symbols, group, groupEnd, t, 1, 1, rows);
                    for (int s = 0; s < symbols; s++)
                        for (int k = 0; k < n; k++)
                            rows.AsSpan(s * 512 + k * 8, matrices).CopyTo(tile.AsSpan(k * positionStride + s * w + first, matrices));
                }
                for (int k = 0; k < n; k++) tile.AsSpan(k * positionStride + symbols * w, w).Clear();
                for (int i = from; i < to; i++)
                {
                    int end = words.Length(i) - t, lane = i - from;
                    if (end >= 0 && end < n) tile[end * positionStride + symbols * w + (lane >> 6)] |= 1UL << (lane & 63);
                }
                Advance<T, TL>(registers, tile, w, t + 1, n);
            }
            TL.Store(registers.Acc, result.AsSpan(b * w, w));
        }
        return outside;
    }
}
