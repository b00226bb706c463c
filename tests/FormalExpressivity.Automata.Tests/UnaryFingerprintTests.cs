using CsCheck;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests;

/// <summary>
/// <see cref="UnaryFingerprints"/> against its twin, Hopcroft's partition: a proof of pairwise
/// distinguishability is never given for a DFA with two equivalent states; and the past-LTL
/// construction that skips Hopcroft on such a proof gives the same canonical table as the one that
/// always minimizes.
/// </summary>
public class UnaryFingerprintTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue];

    [Test]
    public void A_proof_is_never_given_when_hopcroft_finds_equivalent_states()
    {
        int proved = 0, total = 0;
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var dfa = RandomDfa.Create(random, 1 + random.Next(12), RandomDfa.Letters(1 + random.Next(3)));
            if (random.Next(2) == 0) dfa = dfa.Minimize();
            Minimization.HopcroftPartition(dfa, out int classes);
            bool proof = UnaryFingerprints.ProveDistinguishable(dfa);
            Interlocked.Increment(ref total);
            if (proof) Interlocked.Increment(ref proved);
            if (proof && classes < dfa.StateCount) throw new Exception($"seed {seed}: proved distinguishable, but Hopcroft has {classes} classes for {dfa.StateCount} states");
        }, iter: 400);
        // The test can fail both ways: the proof must also fire on a good share of minimal DFAs.
        Assert.That(proved, Is.GreaterThan(total / 10), $"{proved} proofs in {total} DFAs");
    }

    [Test]
    public void Shift_registers_are_proved_minimal_and_equivalent_states_are_not()
    {
        var ab = Alphabet.Of("a", "b");
        var y = Ltl.Atom("a");
        for (int i = 0; i < 10; i++) y = Ltl.Yesterday(y);
        var dfa = PastLtlCompiler.ToDfa(y, ab);
        Assert.That(dfa.StateCount, Is.EqualTo(1 << 10));
        Assert.That(UnaryFingerprints.ProveDistinguishable(dfa), Is.True);
        Minimization.HopcroftPartition(dfa, out int classes);
        Assert.That(classes, Is.EqualTo(1 << 10));
        // Two copies of a two-state DFA side by side: 0 ≡ 2 and 1 ≡ 3 (accepting 1 and 3).
        var accepting = new Core.Collections.BitSet(4);
        accepting.Add(1);
        accepting.Add(3);
        var doubled = Dfa.Create(ab, 0, [1, 2, 0, 3, 3, 0, 2, 1], accepting);
        Minimization.HopcroftPartition(doubled, out int doubledClasses);
        Assert.That(doubledClasses, Is.EqualTo(2));
        Assert.That(UnaryFingerprints.ProveDistinguishable(doubled), Is.False);
    }

    [Test]
    public void Past_ltl_with_and_without_the_proof_gives_identical_canonical_tables() =>
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = random.Next(3) == 0 ? Alphabet.Of("a", "b", "c") : Alphabet.Of("a", "b");
            var f = RandomLtl.Create(random, 1 + random.Next(9), alphabet.Symbols, TemporalOperators.AnyPast, maxWindow: 4);
            var fast = PastLtlCompiler.ToDfa(f, alphabet);
            var twin = PastLtlCompiler.ToDfa(f, alphabet, proveMinimal: false);
            if (DfaJson.Write(fast) != DfaJson.Write(twin)) throw new Exception($"seed {seed}: {f} differs from the always-minimized twin");
            if (fast.MinimizeMoore().StateCount != fast.StateCount) throw new Exception($"seed {seed}: {f} is not minimal");
        }, iter: 300);
}
