using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>
/// A batch of words in the bit-sliced layout of the kernels: strings are grouped into bundles of
/// 64·W lanes (W = 1, 4, 8 or 32 words of 64 bits); for every bundle, position p (1 … L+1, L the longest
/// word) and symbol s (plus the end marker as symbol S) there is one W-word bit-vector whose bit j is
/// set iff lane j's word has symbol s at p (resp. p = N_j + 1). Each lane's output is later read at its
/// own end marker, so words of different lengths share a bundle.
/// </summary>
public sealed class BitBatch
{
    private BitBatch(int count, int symbols, int wordsPerBundle, int maxLength, ulong[] planes, LaneWidth width)
    {
        Count = count;
        Symbols = symbols;
        WordsPerBundle = wordsPerBundle;
        MaxLength = maxLength;
        Planes = planes;
        Width = width;
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>|Σ|.</summary>
    public int Symbols { get; }

    /// <summary>64-bit words per bundle (1, 4, 8 or 32).</summary>
    public int WordsPerBundle { get; }

    /// <summary>The lane width the batch was laid out for (never <see cref="LaneWidth.Auto"/>).</summary>
    public LaneWidth Width { get; }

    /// <summary>The longest word length L.</summary>
    public int MaxLength { get; }

    /// <summary>Number of bundles.</summary>
    public int Bundles => (Count + 64 * WordsPerBundle - 1) / (64 * WordsPerBundle);

    internal ulong[] Planes { get; }

    internal int PositionStride => (Symbols + 1) * WordsPerBundle;

    internal int BundleStride => (MaxLength + 1) * PositionStride;

    /// <summary>The lane width <see cref="LaneWidth.Auto"/> resolves to on this machine.</summary>
    /// <param name="width">A requested width.</param>
    public static LaneWidth Resolve(LaneWidth width) => width != LaneWidth.Auto ? width
        : Vector512.IsHardwareAccelerated ? LaneWidth.Vector512
        : Vector256.IsHardwareAccelerated ? LaneWidth.Vector256
        : LaneWidth.Scalar64;

    /// <summary>
    /// Lays out <paramref name="words"/> (symbol indices 0 … <paramref name="symbols"/>−1). Words are taken 512
    /// at a time (eight 64-lane words), each read front to back: every 64 symbols become one 64-bit row per
    /// symbol (vector compares); then one <see cref="BitTranspose"/> of eight 64 × 64 matrices turns the rows
    /// of 64 positions into those positions' planes. The twin is <see cref="CreateBitByBit"/>.
    /// </summary>
    /// <param name="words">The words.</param>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="width">Lane width (Auto picks the widest accelerated one).</param>
    public static BitBatch Create(IReadOnlyList<int[]> words, int symbols, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(words);
        var batch = Build(new IntSource(words), symbols, width, out bool outside);
        if (outside) CheckSymbols(words, symbols); // throws, naming the first offending word
        return batch;
    }

    /// <summary>
    /// Lays out words stored one byte per symbol: the same layout as <see cref="Create(IReadOnlyList{int[]}, int, LaneWidth)"/>,
    /// but each row of 64 symbols is one 64-byte load and one compare per symbol (no <c>int</c> reads).
    /// </summary>
    /// <param name="words">The words (symbol indices 0 … <paramref name="symbols"/>−1).</param>
    /// <param name="symbols">|Σ| (at most 256).</param>
    /// <param name="width">Lane width (Auto picks the widest accelerated one).</param>
    public static BitBatch Create(ByteWords words, int symbols, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symbols, 256);
        var batch = Build(new ByteSource(words), symbols, width, out bool outside);
        if (outside)
            for (int i = 0; i < words.Count; i++)
                foreach (byte s in words[i])
                    if (s >= symbols) throw new ArgumentOutOfRangeException(nameof(words), $"word {i} has symbol index {s} outside 0…{symbols - 1}");
        return batch;
    }

    /// <summary>Where <see cref="Build"/> reads words: their lengths and 64 symbols at a time as rows.</summary>
    internal interface IWordSource
    {
        int Count { get; }

        int Length(int index);

        // rows[s·stride + index] = the positions among p0 … p0 + 63 of word i holding symbol s (bit k for
        // position p0 + k, only the c < 64 first when the word ends); true when one of them is outside 0 … symbols − 1.
        bool Rows(int i, int p0, int c, int symbols, ulong[] rows, int index, int stride);
    }

    internal readonly struct IntSource(IReadOnlyList<int[]> words) : IWordSource
    {
        public int Count => words.Count;

        public int Length(int index) => words[index].Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Rows(int i, int p0, int c, int symbols, ulong[] rows, int index, int stride)
        {
            var word = words[i];
            Span<int> padded = stackalloc int[64];
            scoped ReadOnlySpan<int> chunk;
            if (c >= 64) chunk = word.AsSpan(p0, 64);
            else
            {
                padded.Clear();
                word.AsSpan(p0, c).CopyTo(padded);
                chunk = padded;
            }
            ulong valid = c >= 64 ? ulong.MaxValue : (1UL << c) - 1;
            var vectors = MemoryMarshal.Cast<int, Vector512<int>>(chunk);
            var last = Vector512.Create((uint)symbols - 1);
            ulong outside = 0;
            for (int q = 0; q < 4; q++) outside |= (ulong)Vector512.GreaterThan(vectors[q].AsUInt32(), last).ExtractMostSignificantBits() << (16 * q);
            for (int s = 0; s < symbols; s++)
            {
                var symbol = Vector512.Create(s);
                ulong bits = 0;
                for (int q = 0; q < 4; q++) bits |= (ulong)Vector512.Equals(vectors[q], symbol).ExtractMostSignificantBits() << (16 * q);
                rows[s * stride + index] = bits & valid;
            }
            return (outside & valid) != 0;
        }
    }

    internal readonly struct ByteSource(ByteWords words) : IWordSource
    {
        public int Count => words.Count;

        public int Length(int index) => words.Length(index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Rows(int i, int p0, int c, int symbols, ulong[] rows, int index, int stride)
        {
            int at = words.Start(i) + p0;
            var all = words.Symbols;
            ulong valid = c >= 64 ? ulong.MaxValue : (1UL << c) - 1;
            // the 64 bytes from the row's start; past the word's end they belong to the next words (masked
            // out by valid), and only at the array's end are they copied into a zero-padded row
            Vector512<byte> chunk;
            if (at <= all.Length - 64) chunk = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(all), (nuint)at);
            else
            {
                var padded = new byte[64];
                all.AsSpan(at, Math.Min(c, 64)).CopyTo(padded);
                chunk = Vector512.Create(padded);
            }
            ulong outside = Vector512.GreaterThan(chunk, Vector512.Create((byte)(symbols - 1))).ExtractMostSignificantBits();
            ref ulong row = ref MemoryMarshal.GetArrayDataReference(rows);
            if ((uint)((symbols - 1) * stride + index) >= (uint)rows.Length) throw new ArgumentOutOfRangeException(nameof(index));
            for (int s = 0; s < symbols; s++)
                Unsafe.Add(ref row, s * stride + index) = Vector512.Equals(chunk, Vector512.Create((byte)s)).ExtractMostSignificantBits() & valid;
            return (outside & valid) != 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static BitBatch Build<TSource>(TSource words, int symbols, LaneWidth width, out bool outside) where TSource : struct, IWordSource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        int count = words.Count, maxLength = 0;
        for (int i = 0; i < count; i++) maxLength = Math.Max(maxLength, words.Length(i));
        var (planes, w, resolved) = Allocate(count, maxLength, symbols, width);
        int positionStride = (symbols + 1) * w, bundleStride = (maxLength + 1) * positionStride;
        int laneWords = (count + 63) / 64;
        // a tile: up to 16 chunks of 64 positions of 512 words, [symbol][chunk][row][matrix]
        const int TileChunks = 16;
        var rows = new ulong[symbols * TileChunks * 512];
        Span<long> bases = stackalloc long[8];
        outside = false;
        for (int first = 0; first < laneWords; first += 8)
        {
            int from = first * 64, to = Math.Min(count, from + 512), longest = 0, matrices = Math.Min(8, laneWords - first);
            for (int i = from; i < to; i++) longest = Math.Max(longest, words.Length(i));
            for (int g = 0; g < matrices; g++) bases[g] = (long)((first + g) / w) * bundleStride + (first + g) % w;
            bool contiguous = w % 8 == 0; // the eight lane words are one bundle's words first % w … + 7
            for (int tile = 0; tile < longest; tile += 64 * TileChunks)
            {
                int chunks = Math.Min(TileChunks, (longest - tile + 63) / 64);
                outside |= TransposeGroup(words, symbols, from, to, tile, chunks, TileChunks, rows);
                for (int chunk = 0; chunk < chunks; chunk++)
                {
                    int p0 = tile + 64 * chunk, columns = Math.Min(64, longest - p0);
                    for (int s = 0; s < symbols; s++)
                    {
                        var matrix = rows.AsSpan((s * TileChunks + chunk) * 512, 512);
                        for (int k = 0; k < columns; k++)
                        {
                            var column = matrix.Slice(k * 8, 8); // position p0 + k of lane words first … first + 7
                            long offset = (long)(p0 + k) * positionStride + s * w;
                            if (contiguous) column.CopyTo(planes.AsSpan((int)(bases[0] + offset), 8));
                            else for (int g = 0; g < matrices; g++) planes[bases[g] + offset] = column[g];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < count; i++)
        {
            int lane = i % (64 * w);
            planes[(long)(i / (64 * w)) * bundleStride + (lane >> 6) + (long)words.Length(i) * positionStride + symbols * w] |= 1UL << (lane & 63);
        }
        return new BitBatch(count, symbols, w, maxLength, planes, resolved);
    }

    /// <summary>
    /// The planes of positions tile … tile + 64·chunks − 1 of words from … to − 1 (at most 512, starting at a
    /// multiple of 64: lane words g = 0 … 7 of 64 words each): afterwards
    /// <c>rows[(s·stride + chunk)·512 + 8k + g]</c> is lane word g's plane of symbol s at position
    /// tile + 64·chunk + k (bit j for word from + 64g + j). Each word is read front to back into one row per
    /// symbol and chunk; one <see cref="BitTranspose"/> of eight matrices per symbol and chunk turns rows into
    /// planes. True when a symbol is outside 0 … symbols − 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TransposeGroup<TSource>(TSource words, int symbols, int from, int to, int tile, int chunks, int stride, ulong[] rows) where TSource : struct, IWordSource
    {
        bool outside = false;
        Array.Clear(rows, 0, symbols * stride * 512);
        for (int i = from; i < to; i++)
        {
            int index = ((i & 63) << 3) + ((i - from) >> 6), length = words.Length(i);
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                int p0 = tile + 64 * chunk, c = length - p0;
                if (c <= 0) break;
                outside |= words.Rows(i, p0, c, symbols, rows, chunk * 512 + index, stride * 512);
            }
        }
        for (int s = 0; s < symbols; s++)
            for (int chunk = 0; chunk < chunks; chunk++)
                BitTranspose.Transpose(MemoryMarshal.Cast<ulong, Vector512<ulong>>(rows.AsSpan((s * stride + chunk) * 512, 512)));
        return outside;
    }

    /// <summary>The twin of <see cref="Create(IReadOnlyList{int[]}, int, LaneWidth)"/>: the same layout, bit by bit.</summary>
    /// <param name="words">The words.</param>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="width">Lane width (Auto picks the widest accelerated one).</param>
    public static BitBatch CreateBitByBit(IReadOnlyList<int[]> words, int symbols, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        int maxLength = 0;
        foreach (var word in words) maxLength = Math.Max(maxLength, word.Length);
        var (planes, w, resolved) = Allocate(words.Count, maxLength, symbols, width);
        CheckSymbols(words, symbols);
        int lanes = 64 * w, positionStride = (symbols + 1) * w;
        for (int i = 0; i < words.Count; i++)
        {
            int bundle = i / lanes, lane = i % lanes, wordInBundle = lane >> 6;
            ulong bit = 1UL << (lane & 63);
            long bundleBase = (long)bundle * (maxLength + 1) * positionStride + wordInBundle;
            var word = words[i];
            for (int p = 0; p < word.Length; p++) planes[bundleBase + (long)p * positionStride + word[p] * w] |= bit;
            planes[bundleBase + (long)word.Length * positionStride + symbols * w] |= bit;
        }
        return new BitBatch(words.Count, symbols, w, maxLength, planes, resolved);
    }

    /// <summary>The planes, bundle by bundle, position by position, symbol by symbol (the end marker last), <see cref="WordsPerBundle"/> words each.</summary>
    public ReadOnlySpan<ulong> Bits => Planes;

    private static (ulong[] Planes, int W, LaneWidth Width) Allocate(int count, int maxLength, int symbols, LaneWidth width)
    {
        width = Resolve(width);
        int w = width switch { LaneWidth.Vector512x4 => 32, LaneWidth.Vector512 => 8, LaneWidth.Vector256 => 4, _ => 1 };
        int bundles = (count + 64 * w - 1) / (64 * w);
        long size = (long)bundles * (maxLength + 1) * (symbols + 1) * w;
        if (size > Array.MaxLength) throw new ArgumentException("the batch is too large for one array; split it", "words");
        return (new ulong[size], w, width);
    }

    private static void CheckSymbols(IReadOnlyList<int[]> words, int symbols)
    {
        for (int i = 0; i < words.Count; i++)
            foreach (int s in words[i])
                if ((uint)s >= (uint)symbols) throw new ArgumentOutOfRangeException(nameof(words), $"word {i} has symbol index {s} outside 0…{symbols - 1}");
    }
}
