namespace FormalExpressivity.Classes.Types;

/// <summary>Hash-conses integer sequences to dense ids (0, 1, 2, … in order of first appearance).</summary>
public sealed class SequenceInterner
{
    private readonly Dictionary<Key, int> _ids = new();
    private readonly List<int[]> _items = [];

    /// <summary>How many distinct sequences were interned.</summary>
    public int Count => _items.Count;

    /// <summary>The total length of the interned sequences (the integers this interner holds).</summary>
    internal long Cells { get; private set; }

    /// <summary>The id of <paramref name="sequence"/> (interning it if new).</summary>
    /// <param name="sequence">Any sequence; it is copied.</param>
    public int Intern(ReadOnlySpan<int> sequence)
    {
        var probe = new Key(sequence.ToArray());
        if (_ids.TryGetValue(probe, out int id)) return id;
        id = _items.Count;
        _items.Add(probe.Items);
        Cells += probe.Items.Length;
        _ids[probe] = id;
        return id;
    }

    /// <summary>The sequence with id <paramref name="id"/> (do not modify).</summary>
    /// <param name="id">An id returned by <see cref="Intern"/>.</param>
    public int[] Get(int id) => _items[id];

    private readonly struct Key(int[] items) : IEquatable<Key>
    {
        public int[] Items { get; } = items;

        public bool Equals(Key other) => Items.AsSpan().SequenceEqual(other.Items);

        public override bool Equals(object? obj) => obj is Key k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Items.AsSpan()));
            return h.ToHashCode();
        }
    }
}
