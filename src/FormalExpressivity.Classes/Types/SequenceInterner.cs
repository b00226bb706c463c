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

    /// <summary>The id of the sorted set <paramref name="set"/> ∪ {<paramref name="element"/>} (interned when new); <paramref name="grew"/> says whether it is a new, larger set.</summary>
    /// <param name="set">The id of a sorted sequence of distinct integers.</param>
    /// <param name="element">The integer to insert.</param>
    /// <param name="grew">False when <paramref name="element"/> was already in the set (the result is <paramref name="set"/>).</param>
    internal int InsertIntoSet(int set, int element, out bool grew)
    {
        var items = _items[set];
        int pos = Array.BinarySearch(items, element);
        grew = pos < 0;
        if (!grew) return set;
        pos = ~pos;
        Span<int> next = items.Length < 256 ? stackalloc int[items.Length + 1] : new int[items.Length + 1];
        items.AsSpan(0, pos).CopyTo(next);
        next[pos] = element;
        items.AsSpan(pos).CopyTo(next[(pos + 1)..]);
        return Intern(next);
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
