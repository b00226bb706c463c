using CsCheck;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests;

/// <summary>
/// The two refinement paths of <see cref="Minimization"/> — Moore's rounds and Hopcroft's splitters —
/// against each other and against the slow twin <see cref="MooreMinimization"/>: Moore alone, Hopcroft
/// alone and every hand-over in between give the same partition, and the minimal DFA is the twin's.
/// </summary>
public class MinimizationPathTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue];

    /// <summary>A random complete DFA; every third one has many equivalent states (few distinct rows, copied).</summary>
    private static Dfa Sample(Random random)
    {
        var alphabet = RandomDfa.Letters(1 + random.Next(3));
        var dfa = RandomDfa.Create(random, 1 + random.Next(40), alphabet);
        if (random.Next(3) != 0) return dfa;
        // Unroll a small DFA into copies: state c·m + q behaves like q, so the copies are equivalent.
        var small = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
        int m = small.StateCount, copies = 1 + random.Next(6), k = alphabet.Count;
        var table = new int[m * copies * k];
        var accepting = new Core.Collections.BitSet(m * copies);
        for (int c = 0; c < copies; c++)
            for (int q = 0; q < m; q++)
            {
                if (small.IsAccepting(q)) accepting.Add(c * m + q);
                for (int a = 0; a < k; a++) table[(c * m + q) * k + a] = random.Next(copies) * m + small.Next(q, a);
            }
        return Dfa.Create(alphabet, 0, table, accepting);
    }

    [Test]
    public void Moore_rounds_Hopcroft_and_every_hand_over_give_the_same_partition()
    {
        Seeds.Sample(seed =>
        {
            var dfa = Sample(new Random(seed));
            var hopcroft = Minimization.HopcroftPartition(dfa, out int hopcroftClasses, mooreRounds: 0);
            foreach (int rounds in new[] { 1, 2, 3, Minimization.DefaultMooreRounds, int.MaxValue })
            {
                var other = Minimization.HopcroftPartition(dfa, out int classes, rounds);
                if (classes != hopcroftClasses) throw new Exception($"seed {seed}, {rounds} Moore rounds: {classes} classes, Hopcroft alone {hopcroftClasses}");
                if (!SamePartition(hopcroft, other)) throw new Exception($"seed {seed}, {rounds} Moore rounds: another partition than Hopcroft's alone");
            }
        }, iter: 400);
    }

    [Test]
    public void The_minimal_dfa_is_the_slow_twins_and_keeps_the_language()
    {
        Seeds.Sample(seed =>
        {
            var dfa = Sample(new Random(seed));
            var fast = dfa.Minimize();
            var twin = dfa.MinimizeMoore();
            if (!fast.Table.SequenceEqual(twin.Table) || !fast.AcceptingStates().Equals(twin.AcceptingStates()))
                throw new Exception($"seed {seed}: Minimize and MinimizeMoore give different canonical DFAs");
            if (Equivalence.FindDifference(dfa, fast) is { } word) throw new Exception($"seed {seed}: the minimal DFA differs on {word}");
        }, iter: 400);
    }

    [Test]
    public void A_chain_longer_than_the_moore_rounds_is_finished_by_hopcroft()
    {
        // a^i for i < n: state i goes to i+1, only the last accepts — n classes, n − 1 Moore rounds needed.
        const int n = 200;
        var table = new int[n];
        for (int q = 0; q < n; q++) table[q] = Math.Min(q + 1, n - 1);
        var accepting = new Core.Collections.BitSet(n);
        accepting.Add(n - 2);
        var chain = Dfa.Create(Alphabet.Create(["a"]), 0, table, accepting);
        Minimization.HopcroftPartition(chain, out int classes);
        Assert.That(classes, Is.EqualTo(n));
        Assert.That(chain.Minimize().StateCount, Is.EqualTo(n));
    }

    /// <summary>True when class numbers correspond one to one.</summary>
    private static bool SamePartition(int[] x, int[] y)
    {
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (int q = 0; q < x.Length; q++)
        {
            if (forward.TryGetValue(x[q], out int fy) ? fy != y[q] : !forward.TryAdd(x[q], y[q])) return false;
            if (backward.TryGetValue(y[q], out int bx) ? bx != x[q] : !backward.TryAdd(y[q], x[q])) return false;
        }
        return true;
    }
}
