using System.Numerics;

namespace FormalExpressivity.Core.Collections;

/// <summary>
/// A fixed-capacity set of small non-negative integers stored in <c>ulong[]</c> words with a zeroed
/// tail (bits at or above <see cref="Capacity"/> are always 0, so word-wise equality and hashing are exact).
/// Iterate with <see cref="GetEnumerator"/> (trailing-zero count and <c>w &amp;= w − 1</c>).
/// </summary>
public sealed class BitSet : IEquatable<BitSet>
{
    private readonly ulong[] _words;

    /// <summary>Creates an empty set for elements 0 … <paramref name="capacity"/> − 1.</summary>
    /// <param name="capacity">Number of representable elements.</param>
    public BitSet(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _words = new ulong[(capacity + 63) >> 6];
    }

    private BitSet(int capacity, ulong[] words)
    {
        Capacity = capacity;
        _words = words;
    }

    /// <summary>The number of representable elements.</summary>
    public int Capacity { get; }

    /// <summary>The underlying words (read-only view).</summary>
    public ReadOnlySpan<ulong> Words => _words;

    /// <summary>Membership.</summary>
    /// <param name="index">Element.</param>
    public bool this[int index]
    {
        get => (uint)index < (uint)Capacity && (_words[index >> 6] >> index & 1UL) != 0;
        set
        {
            if ((uint)index >= (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(index));
            if (value) _words[index >> 6] |= 1UL << index;
            else _words[index >> 6] &= ~(1UL << index);
        }
    }

    /// <summary>Adds an element.</summary>
    /// <param name="index">Element.</param>
    public void Add(int index) => this[index] = true;

    /// <summary>Removes an element.</summary>
    /// <param name="index">Element.</param>
    public void Remove(int index) => this[index] = false;

    /// <summary>Number of elements.</summary>
    public int Count
    {
        get
        {
            int c = 0;
            foreach (var w in _words) c += BitOperations.PopCount(w);
            return c;
        }
    }

    /// <summary>True when no element is present.</summary>
    public bool IsEmpty
    {
        get
        {
            foreach (var w in _words) if (w != 0) return false;
            return true;
        }
    }

    /// <summary>A copy.</summary>
    public BitSet Clone() => new(Capacity, (ulong[])_words.Clone());

    /// <summary>Adds every element of <paramref name="other"/> (same capacity).</summary>
    /// <param name="other">The other set.</param>
    public void UnionWith(BitSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < _words.Length; i++) _words[i] |= other._words[i];
    }

    /// <summary>Keeps only elements also in <paramref name="other"/> (same capacity).</summary>
    /// <param name="other">The other set.</param>
    public void IntersectWith(BitSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < _words.Length; i++) _words[i] &= other._words[i];
    }

    /// <summary>The complement within the capacity (tail stays zero).</summary>
    public BitSet Complement()
    {
        var r = new ulong[_words.Length];
        for (int i = 0; i < r.Length; i++) r[i] = ~_words[i];
        if ((Capacity & 63) != 0 && r.Length > 0) r[^1] &= (1UL << (Capacity & 63)) - 1;
        return new BitSet(Capacity, r);
    }

    /// <summary>The elements in increasing order.</summary>
    public IEnumerable<int> Elements()
    {
        for (int i = 0; i < _words.Length; i++)
        {
            ulong w = _words[i];
            while (w != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(w);
                w &= w - 1;
            }
        }
    }

    /// <summary>Enumerates the elements in increasing order.</summary>
    public IEnumerator<int> GetEnumerator() => Elements().GetEnumerator();

    /// <inheritdoc />
    public bool Equals(BitSet? other) => other is not null && Capacity == other.Capacity && _words.AsSpan().SequenceEqual(other._words);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BitSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Capacity);
        foreach (var w in _words) h.Add(w);
        return h.ToHashCode();
    }

    /// <summary>Prints <c>{1, 4, 7}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", Elements()) + "}";
}
