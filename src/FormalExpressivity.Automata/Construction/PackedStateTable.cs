using System.Runtime.CompilerServices;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Interns fixed-width states (runs of <c>Words</c> 64-bit words: subsets, value vectors) for the
/// breadth-first constructions: the states live back to back in one flat pool, and an open-addressing
/// table of ids (linear probing, load ≤ ½) finds them — no allocation per state or per lookup. Ids are
/// dense, in order of first interning. Exceeding the budget throws <see cref="BudgetExceededException"/>
/// naming <c>max-states</c>.
/// </summary>
internal sealed class PackedStateTable
{
    private readonly int _words;
    private readonly int _maxStates;
    private readonly string _what;
    private ulong[] _pool;
    private int[] _slots;

    public PackedStateTable(int words, int maxStates, string what)
    {
        _words = Math.Max(1, words);
        _maxStates = maxStates;
        _what = what;
        _pool = new ulong[_words * 1024];
        _slots = new int[1 << 12];
        Array.Fill(_slots, -1);
    }

    /// <summary>The number of interned states.</summary>
    public int Count { get; private set; }

    /// <summary>The words of state <paramref name="id"/> (valid until the next <see cref="Intern"/>).</summary>
    public ReadOnlySpan<ulong> this[int id] => _pool.AsSpan(id * _words, _words);

    /// <summary>The id of <paramref name="state"/>, interning a copy when it is new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<ulong> state)
    {
        int words = _words, mask = _slots.Length - 1;
        for (int i = (int)Hash(state) & mask; ; i = (i + 1) & mask)
        {
            int id = _slots[i];
            if (id < 0)
            {
                if (Count >= _maxStates) throw new BudgetExceededException("max-states", _maxStates, _what);
                id = Count++;
                // Memory check every 4096 states (issue 15): a clear budget error before the machine runs out.
                if ((Count & 4095) == 0) MemoryBudget.Current.Require(0, $"{_what} ({Count} states so far)");
                if ((long)Count * words > _pool.Length) Array.Resize(ref _pool, (int)Math.Min(Array.MaxLength, _pool.Length * 2L));
                state.CopyTo(_pool.AsSpan(id * words, words));
                _slots[i] = id;
                if (Count * 2 > _slots.Length) Rehash();
                return id;
            }
            if (_pool[id * words] == state[0] && (words == 1 || _pool.AsSpan(id * words, words).SequenceEqual(state))) return id;
        }
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        int mask = _slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            int i = (int)Hash(this[id]) & mask;
            while (_slots[i] >= 0) i = (i + 1) & mask;
            _slots[i] = id;
        }
    }

    // A multiplicative fold finished by MurmurHash3's 64-bit finalizer: every input bit reaches the low bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<ulong> words)
    {
        ulong h = 0x9E3779B97F4A7C15UL;
        foreach (var w in words) h = (h ^ w) * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ h >> 33;
    }
}
