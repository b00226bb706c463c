using System.Numerics;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Rabin–Scott subset construction of a <see cref="PositionAutomaton"/> on packed subsets: every DFA
/// state is a fixed-width run of 64-bit words interned in a <see cref="PackedStateTable"/> (no
/// allocation per state or per transition). δ(S, a) is computed byte by byte: for every
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

        var states = new PackedStateTable(words, maxStates, "the position-automaton subset construction");
        var table = new int[Math.Max(1024, k * 1024)];
        var scratch = new ulong[words];
        scratch[nfa.Start >> 6] = 1UL << nfa.Start;
        states.Intern(scratch);

        for (int s = 0; s < states.Count; s++)
        {
            for (int a = 0; a < k; a++)
            {
                var current = states[s];
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
                int id = states.Intern(scratch);
                if (s * k + a >= table.Length) Array.Resize(ref table, table.Length * 2);
                table[s * k + a] = id;
            }
        }

        int count = states.Count;
        var accepting = new BitSet(count);
        for (int s = 0; s < count; s++)
        {
            var subset = states[s];
            for (int w = 0; w < words; w++)
                if ((subset[w] & nfa.Final[w]) != 0) { accepting.Add(s); break; }
        }
        Array.Resize(ref table, count * k);
        return Dfa.CreateUnchecked(alphabet, 0, table, accepting);
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
