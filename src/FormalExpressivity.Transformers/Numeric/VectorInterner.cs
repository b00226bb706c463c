using System.Numerics;
using System.Runtime.InteropServices;

namespace FormalExpressivity.Transformers.Numeric;

/// <summary>
/// Numbers distinct bit patterns: <c>Intern</c> returns the same id for the same sequence of 32-bit
/// words (floats compared by their bits, so −0 ≠ +0 and equal NaN payloads are equal — exactly when the
/// format's arithmetic cannot tell two inputs apart). Lookups take a span and allocate nothing; a new
/// pattern is copied once.
/// </summary>
internal sealed class VectorInterner
{
    private readonly Dictionary<int[], int> _ids = new(Comparer.Instance);
    private readonly Dictionary<int[], int>.AlternateLookup<ReadOnlySpan<int>> _lookup;

    public VectorInterner() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<int>>();

    /// <summary>The number of distinct patterns seen.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="key"/> and whether it was new (ids are 0, 1, … in first-seen order).</summary>
    public (int Id, bool Added) Intern(ReadOnlySpan<int> key)
    {
        if (_lookup.TryGetValue(key, out int id)) return (id, false);
        id = _ids.Count;
        _lookup.TryAdd(key, id);
        return (id, true);
    }

    /// <summary>The id of a float vector's bit pattern and whether it was new.</summary>
    public (int Id, bool Added) Intern(ReadOnlySpan<float> vector) => Intern(MemoryMarshal.Cast<float, int>(vector));

    private sealed class Comparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(int[] obj) => GetHashCode((ReadOnlySpan<int>)obj);
        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);
        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();

        // multiply-rotate per word (keys are short: a vector id and one output per head, or d coordinates)
        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            uint h = (uint)alternate.Length;
            foreach (int v in alternate) h = BitOperations.RotateLeft((h ^ (uint)v) * 0x9E37_79B1u, 13);
            return (int)(h ^ (h >> 15));
        }
    }
}
