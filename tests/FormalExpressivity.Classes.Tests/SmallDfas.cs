using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

/// <summary>Exhaustive and seeded random minimal DFAs for property tests.</summary>
public static class SmallDfas
{
    /// <summary>Every minimal DFA (up to canonical numbering) with at most <paramref name="maxStates"/> states over the alphabet.</summary>
    public static IReadOnlyList<Dfa> AllMinimal(int maxStates, Alphabet alphabet)
    {
        var seen = new HashSet<string>();
        var result = new List<Dfa>();
        int k = alphabet.Count;
        for (int n = 1; n <= maxStates; n++)
        {
            int cells = n * k;
            long tables = (long)Math.Pow(n, cells);
            var table = new int[cells];
            for (long t = 0; t < tables; t++)
            {
                long x = t;
                for (int i = 0; i < cells; i++) { table[i] = (int)(x % n); x /= n; }
                for (int accMask = 0; accMask < 1 << n; accMask++)
                {
                    var acc = new BitSet(n);
                    for (int q = 0; q < n; q++) if ((accMask >> q & 1) == 1) acc.Add(q);
                    var m = Dfa.Create(alphabet, 0, table, acc).Minimize();
                    var key = Key(m);
                    if (seen.Add(key)) result.Add(m);
                }
            }
        }
        return result;
    }

    /// <summary>Seeded random minimal DFAs with 1..maxStates states (before minimization).</summary>
    public static IEnumerable<(Dfa Dfa, int Trial)> Random(int seed, int count, int maxStates, Alphabet alphabet)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < count; trial++)
            yield return (RandomDfa.Create(random, 1 + random.Next(maxStates), alphabet).Minimize(), trial);
    }

    /// <summary>A canonical text key of a minimal DFA.</summary>
    public static string Key(Dfa m) =>
        string.Join(',', m.Table.ToArray()) + "|" + string.Join(',', m.AcceptingStates().Elements());
}
