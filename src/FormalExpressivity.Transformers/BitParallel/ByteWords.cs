namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>
/// A list of words stored back to back, one byte per symbol (alphabets of at most 256 symbols): word i is
/// <c>Symbols[Starts[i] .. Starts[i + 1])</c>. This is the corpus representation the bit-plane conversion
/// reads fastest (<see cref="BitBatch.Create(ByteWords, int, LaneWidth)"/>: one 64-byte load and one
/// vector compare per symbol turn 64 symbols of a word into a row), a quarter of the memory of one
/// <c>int[]</c> per word and no per-word object.
/// </summary>
public sealed class ByteWords
{
    private readonly byte[] _symbols;
    private readonly int[] _starts;

    private ByteWords(byte[] symbols, int[] starts)
    {
        _symbols = symbols;
        _starts = starts;
    }

    /// <summary>Number of words.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>Total number of symbols.</summary>
    public int TotalSymbols => _starts[^1];

    /// <summary>The symbols of word <paramref name="index"/>.</summary>
    /// <param name="index">0 … <see cref="Count"/> − 1.</param>
    public ReadOnlySpan<byte> this[int index] => _symbols.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The length of word <paramref name="index"/>.</summary>
    /// <param name="index">0 … <see cref="Count"/> − 1.</param>
    public int Length(int index) => _starts[index + 1] - _starts[index];

    internal byte[] Symbols => _symbols;

    internal int Start(int index) => _starts[index];

    /// <summary>
    /// Words given as one byte array and their start offsets: word i is
    /// <c>symbols[starts[i] .. starts[i + 1])</c>, the last word ending at <c>symbols.Length</c>. The arrays are
    /// taken as they are (not copied).
    /// </summary>
    /// <param name="symbols">The symbols of all words, back to back.</param>
    /// <param name="starts">Non-decreasing start offsets, the first 0 (one per word).</param>
    public static ByteWords FromOffsets(byte[] symbols, IReadOnlyList<int> starts)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(starts);
        var all = new int[starts.Count + 1];
        for (int i = 0; i < starts.Count; i++)
        {
            all[i] = starts[i];
            int previous = i == 0 ? 0 : starts[i - 1];
            if ((i == 0 && starts[0] != 0) || starts[i] < previous || starts[i] > symbols.Length)
                throw new ArgumentException($"start offset {i} ({starts[i]}) must be {(i == 0 ? "0" : $"between {previous} and {symbols.Length}")}", nameof(starts));
        }
        all[^1] = symbols.Length;
        return new ByteWords(symbols, all);
    }

    /// <summary>
    /// Words of one common length: word i is <c>symbols[i·length .. (i + 1)·length)</c> (a corpus of
    /// fixed-length strings as one array).
    /// </summary>
    /// <param name="symbols">The symbols; its length is a multiple of <paramref name="length"/>.</param>
    /// <param name="length">The common length (≥ 1).</param>
    public static ByteWords Uniform(byte[] symbols, int length)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (symbols.Length % length != 0) throw new ArgumentException($"{symbols.Length} symbols are not words of length {length}", nameof(symbols));
        var starts = new int[symbols.Length / length + 1];
        for (int i = 0; i < starts.Length; i++) starts[i] = i * length;
        return new ByteWords(symbols, starts);
    }

    /// <summary>Packs <c>int</c> words (symbol indices 0 … 255) one byte per symbol.</summary>
    /// <param name="words">The words.</param>
    public static ByteWords From(IReadOnlyList<int[]> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        long total = 0;
        foreach (var w in words) total += w.Length;
        if (total > Array.MaxLength) throw new ArgumentException("the words have too many symbols for one array; split them", nameof(words));
        var symbols = new byte[total];
        var starts = new int[words.Count + 1];
        int at = 0;
        for (int i = 0; i < words.Count; i++)
        {
            starts[i] = at;
            foreach (int s in words[i])
            {
                if ((uint)s > byte.MaxValue) throw new ArgumentOutOfRangeException(nameof(words), $"word {i} has symbol index {s}; one byte per symbol holds 0…255");
                symbols[at++] = (byte)s;
            }
        }
        starts[^1] = at;
        return new ByteWords(symbols, starts);
    }
}
