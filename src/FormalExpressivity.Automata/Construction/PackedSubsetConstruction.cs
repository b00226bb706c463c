using System.Numerics;
using System.Runtime.CompilerServices;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Rabin–Scott subset construction of a <see cref="PositionAutomaton"/> on packed subsets: every DFA
/// state is a fixed-width run of 64-bit words in one flat pool, found through an open-addressing table
/// of ids (no allocation per state or per transition). δ(S, a) is computed byte by byte: for every
/// byte position j of the subset and every value v of that byte, <c>Union[j][v][a]</c> is the union of
/// δ(q, a) over the states q of v — so a transition costs ⌈n/8⌉ table reads of <c>Words</c> words
/// (the classic table-driven bit-parallel simulation of an NFA). States are numbered in discovery
/// order (BFS, symbols in declared order), which is the canonical numbering of <see cref="Operations.Canonical"/>.
/// </summary>
internal static class PackedSubsetConstruction
{
    /// <summary>The most words the byte tables may take (larger automata OR successor rows one state at a time).</summary>
    private const long MaxTableWords = 1 << 22;

    /// <summary>The DFA of <paramref name="nfa"/> over <paramref name="alphabet"/>, built breadth-first.</summary>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxStates"/> states.</exception>
    public static Dfa Determinize(PositionAutomaton nfa, FormalExpressivity.Core.Alphabets.Alphabet alphabet, int maxStates)
    {
        int k = nfa.SymbolCount, words = nfa.Words, chunks = (nfa.StateCount + 7) >> 3;
        bool byteTables = (long)chunks * 256 * k * words <= MaxTableWords;
        var union = byteTables ? ByteTables(nfa, chunks) : [];

        var pool = new ulong[Math.Max(1024, words * 1024)];
        var table = new int[Math.Max(1024, k * 1024)];
        var slots = new int[1 << 12];
        Array.Fill(slots, -1);
        int count = 0;
        var scratch = new ulong[words];
        scratch[nfa.Start >> 6] = 1UL << nfa.Start;
        Intern(scratch);

        for (int s = 0; s < count; s++)
        {
            for (int a = 0; a < k; a++)
            {
                var current = pool.AsSpan(s * words, words);
                scratch.AsSpan().Clear();
                if (byteTables)
                {
                    for (int w = 0; w < words; w++)
                        for (ulong bits = current[w]; bits != 0;)
                        {
                            int shift = BitOperations.TrailingZeroCount(bits) & ~7;
                            int chunk = w << 3 | shift >> 3;
                            int value = (int)(bits >> shift & 0xFF);
                            bits &= ~(0xFFUL << shift);
                            var row = union.AsSpan(((chunk * 256 + value) * k + a) * words, words);
                            for (int i = 0; i < words; i++) scratch[i] |= row[i];
                        }
                }
                else
                {
                    for (int w = 0; w < words; w++)
                        for (ulong bits = current[w]; bits != 0; bits &= bits - 1)
                        {
                            var row = nfa.Next(w << 6 | BitOperations.TrailingZeroCount(bits), a);
                            for (int i = 0; i < words; i++) scratch[i] |= row[i];
                        }
                }
                int id = Intern(scratch);
                if (s * k + a >= table.Length) Array.Resize(ref table, table.Length * 2);
                table[s * k + a] = id;
            }
        }

        var accepting = new BitSet(count);
        for (int s = 0; s < count; s++)
            for (int w = 0; w < words; w++)
                if ((pool[s * words + w] & nfa.Final[w]) != 0) { accepting.Add(s); break; }
        Array.Resize(ref table, count * k);
        return Dfa.CreateUnchecked(alphabet, 0, table, accepting);

        // The id of the subset in scratch, adding it when new.
        int Intern(ulong[] subset)
        {
            int mask = slots.Length - 1;
            for (int i = (int)Hash(subset) & mask; ; i = (i + 1) & mask)
            {
                int id = slots[i];
                if (id < 0)
                {
                    if (count >= maxStates) throw new BudgetExceededException("max-states", maxStates, "the position-automaton subset construction");
                    id = count++;
                    if ((long)count * words > pool.Length) Array.Resize(ref pool, (int)Math.Min(Array.MaxLength, pool.Length * 2L));
                    subset.CopyTo(pool.AsSpan(id * words, words));
                    slots[i] = id;
                    if (count * 2 > slots.Length) Rehash();
                    return id;
                }
                if (pool[id * words] == subset[0] && (words == 1 || pool.AsSpan(id * words, words).SequenceEqual(subset))) return id;
            }
        }

        void Rehash()
        {
            slots = new int[slots.Length * 2];
            Array.Fill(slots, -1);
            int mask = slots.Length - 1;
            for (int id = 0; id < count; id++)
            {
                int i = (int)Hash(pool.AsSpan(id * words, words)) & mask;
                while (slots[i] >= 0) i = (i + 1) & mask;
                slots[i] = id;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<ulong> words)
    {
        // MurmurHash3's 64-bit finalizer over a multiplicative fold: every input bit reaches the low bits.
        ulong h = 0x9E3779B97F4A7C15UL;
        foreach (var w in words) h = (h ^ w) * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ h >> 33;
    }

    // Union[(chunk · 256 + v) · k + a] = ⋃ { δ(q, a) : q = 8·chunk + i, bit i of v }.
    private static ulong[] ByteTables(PositionAutomaton nfa, int chunks)
    {
        int k = nfa.SymbolCount, words = nfa.Words;
        var union = new ulong[chunks * 256 * k * words];
        for (int chunk = 0; chunk < chunks; chunk++)
            for (int v = 1; v < 256; v++)
            {
                int low = BitOperations.TrailingZeroCount(v), q = chunk * 8 + low, rest = v & (v - 1);
                for (int a = 0; a < k; a++)
                {
                    var target = union.AsSpan(((chunk * 256 + v) * k + a) * words, words);
                    union.AsSpan(((chunk * 256 + rest) * k + a) * words, words).CopyTo(target);
                    if (q < nfa.StateCount)
                    {
                        var row = nfa.Next(q, a);
                        for (int i = 0; i < words; i++) target[i] |= row[i];
                    }
                }
            }
        return union;
    }
}
