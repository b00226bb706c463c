namespace FormalExpressivity.Classes.Types;

/// <summary>Hash-conses integer sequences to dense ids (0, 1, 2, … in order of first appearance).</summary>
public sealed class SequenceInterner
{
    private readonly Dictionary<int[], int> _ids;
    private readonly Dictionary<int[], int>.AlternateLookup<ReadOnlySpan<int>> _bySpan;
    private readonly List<int[]> _items = [];

    /// <summary>Creates an empty interner.</summary>
    public SequenceInterner()
    {
        _ids = new Dictionary<int[], int>(SequenceComparer.Instance);
        _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<int>>();
    }

    /// <summary>How many distinct sequences were interned.</summary>
    public int Count => _items.Count;

    /// <summary>The total length of the interned sequences (the integers this interner holds).</summary>
    internal long Cells { get; private set; }

    /// <summary>The id of <paramref name="sequence"/> (interning it if new).</summary>
    /// <param name="sequence">Any sequence; it is copied when new (a lookup of a known one allocates nothing).</param>
    public int Intern(ReadOnlySpan<int> sequence)
    {
        if (_bySpan.TryGetValue(sequence, out int id)) return id;
        var items = sequence.ToArray();
        id = _items.Count;
        _items.Add(items);
        Cells += items.Length;
        _ids[items] = id;
        return id;
    }

    /// <summary>The sequence with id <paramref name="id"/> (do not modify).</summary>
    /// <param name="id">An id returned by <see cref="Intern"/>.</param>
    public int[] Get(int id) => _items[id];

    /// <summary>Element-wise equality of stored arrays, and of a span probe against them (the same hash for both).</summary>
    private sealed class SequenceComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static SequenceComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(int[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate) => Hash(alternate);

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<int> items)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(items));
            return h.ToHashCode();
        }
    }
}
