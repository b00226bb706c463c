using System.Collections;
using System.Text;

namespace FormalExpressivity.Core.Alphabets;

/// <summary>
/// An immutable word w = w_1 … w_N as symbol indices of some <see cref="Alphabet"/>. Words compare
/// in <b>shortlex</b> order (shorter first, then lexicographically by declared symbol order), the
/// order in which every "least word" of this project is meant.
/// </summary>
public sealed class Word : IEquatable<Word>, IComparable<Word>, IReadOnlyList<int>
{
    private readonly int[] _symbols;

    /// <summary>The empty word ε.</summary>
    public static Word Empty { get; } = new([]);

    private Word(int[] symbols) => _symbols = symbols;

    /// <summary>Creates a word from symbol indices (copied).</summary>
    /// <param name="symbols">Symbol indices, each non-negative.</param>
    public static Word Of(ReadOnlySpan<int> symbols)
    {
        foreach (var s in symbols) if (s < 0) throw new ArgumentOutOfRangeException(nameof(symbols), "symbol indices are non-negative");
        return symbols.Length == 0 ? Empty : new Word(symbols.ToArray());
    }

    /// <summary>Creates a word from symbol indices.</summary>
    /// <param name="symbols">Symbol indices.</param>
    public static Word Of(params int[] symbols) => Of(symbols.AsSpan());

    /// <summary>N, the number of symbols.</summary>
    public int Length => _symbols.Length;

    /// <inheritdoc />
    public int Count => _symbols.Length;

    /// <summary>The symbol index at zero-based position <paramref name="index"/> (w_{index+1}).</summary>
    /// <param name="index">Zero-based position.</param>
    public int this[int index] => _symbols[index];

    /// <summary>The symbols as a span.</summary>
    public ReadOnlySpan<int> Symbols => _symbols;

    /// <summary>Concatenation.</summary>
    /// <param name="other">The word appended.</param>
    public Word Concat(Word other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length == 0) return this;
        if (Length == 0) return other;
        var r = new int[Length + other.Length];
        _symbols.CopyTo(r, 0);
        other._symbols.CopyTo(r, Length);
        return new Word(r);
    }

    /// <summary>This word followed by one symbol.</summary>
    /// <param name="symbol">Symbol index.</param>
    public Word Append(int symbol)
    {
        var r = new int[Length + 1];
        _symbols.CopyTo(r, 0);
        r[^1] = symbol;
        return new Word(r);
    }

    /// <summary>The word repeated <paramref name="times"/> times.</summary>
    /// <param name="times">Repetitions (≥ 0).</param>
    public Word Repeat(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        var r = new int[Length * times];
        for (int i = 0; i < times; i++) _symbols.CopyTo(r, i * Length);
        return r.Length == 0 ? Empty : new Word(r);
    }

    /// <summary>The reversed word.</summary>
    public Word Reverse()
    {
        var r = (int[])_symbols.Clone();
        Array.Reverse(r);
        return new Word(r);
    }

    /// <summary>A factor: <paramref name="length"/> symbols from zero-based <paramref name="start"/>.</summary>
    /// <param name="start">Zero-based start.</param>
    /// <param name="length">Number of symbols.</param>
    public Word Slice(int start, int length) => Of(_symbols.AsSpan(start, length));

    /// <summary>
    /// Prints the word over <paramref name="alphabet"/>: juxtaposed when every symbol name is one
    /// character (<c>abba</c>), otherwise space-separated (<c>a b0 b1</c>); the empty word prints as <c>ε</c>.
    /// </summary>
    /// <param name="alphabet">The alphabet naming the indices.</param>
    public string Format(Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        if (Length == 0) return "ε";
        var sb = new StringBuilder();
        for (int i = 0; i < _symbols.Length; i++)
        {
            if (i > 0 && !alphabet.AllSingleCharacter) sb.Append(' ');
            sb.Append(alphabet[_symbols[i]]);
        }
        return sb.ToString();
    }

    /// <summary>The symbol names in order (the JSON form of a word is this array).</summary>
    /// <param name="alphabet">The alphabet naming the indices.</param>
    public string[] ToNames(Alphabet alphabet) => _symbols.Select(s => alphabet[s]).ToArray();

    /// <summary>
    /// Parses the printed form: <c>ε</c>, <c>eps</c> or the empty string for ε; space-separated names;
    /// or, when every symbol name is one character, juxtaposed letters.
    /// </summary>
    /// <param name="text">The printed word.</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <param name="word">The word when valid.</param>
    /// <param name="error">Why it is invalid, otherwise <c>null</c>.</param>
    public static bool TryParse(string text, Alphabet alphabet, out Word? word, out string? error)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        word = null;
        error = null;
        var t = (text ?? "").Trim();
        if (t.Length == 0 || t == "ε" || t == "eps") { word = Empty; return true; }
        var parts = t.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && alphabet.AllSingleCharacter && !alphabet.TryGetIndex(parts[0], out _))
            parts = parts[0].Select(c => c.ToString()).ToArray();
        var r = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!alphabet.TryGetIndex(parts[i], out r[i]))
            {
                error = $"'{parts[i]}' is not a symbol of the alphabet {alphabet}";
                return false;
            }
        }
        word = new Word(r);
        return true;
    }

    /// <summary>Parses a word from names; throws <see cref="FormatException"/> on unknown symbols.</summary>
    /// <param name="text">The printed word.</param>
    /// <param name="alphabet">The alphabet.</param>
    public static Word Parse(string text, Alphabet alphabet) =>
        TryParse(text, alphabet, out var w, out var e) ? w! : throw new FormatException(e);

    /// <summary>Shortlex comparison: length first, then symbol indices left to right.</summary>
    /// <param name="other">The other word.</param>
    public int CompareTo(Word? other)
    {
        if (other is null) return 1;
        if (Length != other.Length) return Length.CompareTo(other.Length);
        return _symbols.AsSpan().SequenceCompareTo(other._symbols);
    }

    /// <inheritdoc />
    public bool Equals(Word? other) => other is not null && _symbols.AsSpan().SequenceEqual(other._symbols);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Word);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in _symbols) h.Add(s);
        return h.ToHashCode();
    }

    /// <summary>Debug form: indices separated by dots, e.g. <c>0.1.1</c>.</summary>
    public override string ToString() => Length == 0 ? "ε" : string.Join('.', _symbols);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_symbols).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _symbols.GetEnumerator();
}
