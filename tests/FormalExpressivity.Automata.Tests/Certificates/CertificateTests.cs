using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Certificates;

public class CertificateTests
{
    /// <summary>A DFA with the same language and redundant states: a copy of the table, start moved into the copy.</summary>
    private static Dfa Inflate(Dfa dfa, Random random)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = new int[2 * n * k];
        var acc = new BitSet(2 * n);
        for (int q = 0; q < 2 * n; q++)
        {
            if (dfa.IsAccepting(q % n)) acc.Add(q);
            for (int a = 0; a < k; a++) table[q * k + a] = dfa.Next(q % n, a) + (random.Next(2) == 0 ? 0 : n);
        }
        return Dfa.Create(dfa.Alphabet, dfa.Start + n, table, acc);
    }

    /// <summary>Pairs of DFAs: half equivalent (inflated copies), half random.</summary>
    private static IEnumerable<(Dfa A, Dfa B, string Context)> Pairs(int seed, int count)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < count; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(2));
            var a = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            var b = trial % 2 == 0 ? Inflate(a, random) : RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            yield return (a, b, $"seed {seed}, trial {trial}");
        }
    }

    /// <summary>Oracle: the canonical minimal DFAs are identical exactly when the languages are equal.</summary>
    private static bool SameLanguage(Dfa a, Dfa b) =>
        a.Minimize().Table.SequenceEqual(b.Minimize().Table) && a.Minimize().AcceptingStates().Equals(b.Minimize().AcceptingStates());

    /// <summary>Oracle membership through the NFA simulation (independent of DFA runs).</summary>
    private static bool Member(Dfa dfa, Word w) => Nfa.FromDfa(dfa).Accepts(w);

    [Test]
    public void Equivalence_decisions_are_right_and_their_certificates_check()
    {
        foreach (var (a, b, context) in Pairs(31337, 300))
        {
            var result = Decisions.Equivalent(a, b);
            Assert.That(result.Equivalent, Is.EqualTo(SameLanguage(a, b)), context);
            Assert.That(CertificateChecker.CheckEquivalence(a, b, result).Valid, Is.True, context);
            if (result.Counterexample is { } w)
            {
                // Shortlex-least: no smaller word is in the symmetric difference.
                foreach (var v in RandomDfa.AllWords(a.Alphabet, w.Length).TakeWhile(v => v.CompareTo(w) < 0))
                    Assert.That(Member(a, v), Is.EqualTo(Member(b, v)), $"{context}: {v} precedes the counterexample {w}");
                Assert.That(Member(a, w), Is.Not.EqualTo(Member(b, w)), context);
            }
        }
    }

    [Test]
    public void Corrupted_equivalence_certificates_are_rejected()
    {
        int mutations = 0;
        foreach (var (a, b, context) in Pairs(2718, 300))
        {
            var result = Decisions.Equivalent(a, b);
            if (result.Equivalent)
            {
                var pairs = result.Bisimulation!;
                // Dropping any pair breaks closure or the start pair: every pair is reachable from the start pair.
                for (int i = 0; i < pairs.Count; i++)
                {
                    var dropped = pairs.Where((_, j) => j != i).ToArray();
                    Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Bisimulation = dropped }).Valid, Is.False, $"{context}: dropped pair {i}");
                    mutations++;
                }
                // Swapping in a state of the other acceptance breaks agreement.
                var p = pairs[^1];
                int wrong = Enumerable.Range(0, b.StateCount).FirstOrDefault(q => b.IsAccepting(q) != a.IsAccepting(p.Left), -1);
                if (wrong >= 0)
                {
                    var swapped = pairs.Take(pairs.Count - 1).Append(new StatePair(p.Left, wrong)).ToArray();
                    if (!swapped.Contains(p))
                    {
                        Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Bisimulation = swapped }).Valid, Is.False, $"{context}: swapped state");
                        mutations++;
                    }
                }
                // A wrong start pair: the relation without (start_A, start_B) but with its successors.
                var noStart = pairs.Where(x => x != new StatePair(a.Start, b.Start)).Append(new StatePair(a.Start, (b.Start + 1) % b.StateCount)).Distinct().ToArray();
                if (!noStart.Contains(new StatePair(a.Start, b.Start)))
                {
                    Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Bisimulation = noStart }).Valid, Is.False, $"{context}: wrong start pair");
                    mutations++;
                }
                // Claiming non-equivalence with any word fails.
                Assert.That(CertificateChecker.CheckEquivalence(a, b, new EquivalenceResult(false, Word.Of(0), null)).Valid, Is.False, context);
            }
            else
            {
                var w = result.Counterexample!;
                // Every proper prefix of the shortlex-least counterexample is shortlex-smaller, so not a counterexample.
                if (w.Length > 0)
                {
                    Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Counterexample = w.Slice(0, w.Length - 1) }).Valid, Is.False, $"{context}: truncated");
                    mutations++;
                }
                // Flipping a symbol: the checker agrees with the oracle on the mutated word.
                for (int i = 0; i < w.Length && a.SymbolCount > 1; i++)
                {
                    var symbols = w.Symbols.ToArray();
                    symbols[i] = (symbols[i] + 1) % a.SymbolCount;
                    var flipped = Word.Of(symbols);
                    bool really = Member(a, flipped) != Member(b, flipped);
                    Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Counterexample = flipped }).Valid, Is.EqualTo(really), $"{context}: flipped {i}");
                    mutations++;
                }
                Assert.That(CertificateChecker.CheckEquivalence(a, b, result with { Counterexample = w.Append(a.SymbolCount) }).Valid, Is.False, $"{context}: foreign symbol");
                Assert.That(CertificateChecker.CheckEquivalence(a, b, new EquivalenceResult(true, null, [new StatePair(a.Start, b.Start)])).Valid, Is.False, context);
            }
        }
        Assert.That(mutations, Is.GreaterThan(500));
    }

    [Test]
    public void Inclusion_decisions_are_right_and_corruptions_are_rejected()
    {
        foreach (var (a, b0, context) in Pairs(1618, 300))
        {
            // Make inclusion true half of the time: B := A ∪ B.
            var b = context.EndsWith('0') || context.EndsWith('4') ? a.Union(b0) : b0;
            var result = Decisions.Included(a, b);
            bool oracle = a.Difference(b).ShortlexLeastWord() is null && SameLanguage(a.Intersect(b), a);
            Assert.That(result.Included, Is.EqualTo(oracle), context);
            Assert.That(CertificateChecker.CheckInclusion(a, b, result).Valid, Is.True, context);
            if (result.Included)
            {
                var rel = result.Simulation!;
                for (int i = 0; i < rel.Count; i++)
                    Assert.That(CertificateChecker.CheckInclusion(a, b, result with { Simulation = rel.Where((_, j) => j != i).ToArray() }).Valid, Is.False, $"{context}: dropped {i}");
            }
            else
            {
                var w = result.Counterexample!;
                Assert.That(Member(a, w) && !Member(b, w), Is.True, context);
                if (w.Length > 0)
                    Assert.That(CertificateChecker.CheckInclusion(a, b, result with { Counterexample = w.Slice(0, w.Length - 1) }).Valid, Is.False, context);
            }
        }
    }

    [Test]
    public void Emptiness_certificates_check_and_corruptions_are_rejected()
    {
        var random = new Random(8);
        for (int trial = 0; trial < 300; trial++)
        {
            var dfa = RandomDfa.Create(random, 1 + random.Next(8), RandomDfa.Letters(2));
            if (trial % 3 == 0) dfa = dfa.Intersect(dfa.Complement());
            var result = Decisions.Empty(dfa);
            Assert.That(result.Empty, Is.EqualTo(dfa.Shortlex(dfa.StateCount).FirstOrDefault() is null), $"trial {trial}");
            Assert.That(CertificateChecker.CheckEmptiness(dfa, result).Valid, Is.True, $"trial {trial}");
            if (result.Empty)
            {
                var closed = result.ClosedStates!;
                for (int i = 0; i < closed.Count; i++)
                    Assert.That(CertificateChecker.CheckEmptiness(dfa, result with { ClosedStates = closed.Where((_, j) => j != i).ToArray() }).Valid, Is.False, $"trial {trial}: dropped {i}");
            }
            else
            {
                var w = result.Witness!;
                if (w.Length > 0)
                    Assert.That(CertificateChecker.CheckEmptiness(dfa, result with { Witness = w.Slice(0, w.Length - 1) }).Valid, Is.False, $"trial {trial}");
                Assert.That(CertificateChecker.CheckEmptiness(dfa, new EmptinessResult(true, null, Enumerable.Range(0, dfa.StateCount).ToArray())).Valid, Is.False, $"trial {trial}");
            }
        }
    }

    [Test]
    public void Minimality_certificates_check_and_corruptions_are_rejected()
    {
        var random = new Random(1729);
        int minimal = 0, notMinimal = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var raw = RandomDfa.Create(random, 1 + random.Next(12), RandomDfa.Letters(1 + random.Next(3)));
            var dfa = trial % 2 == 0 ? raw.Minimize() : raw;
            var result = Decisions.Minimal(dfa);
            bool oracle = dfa.MinimizeMoore().StateCount == dfa.StateCount;
            Assert.That(result.Minimal, Is.EqualTo(oracle), $"trial {trial}");
            Assert.That(CertificateChecker.CheckMinimality(dfa, result), Is.EqualTo(CheckResult.Ok), $"trial {trial}");
            if (result.Minimal)
            {
                minimal++;
                var words = result.AccessWords!;
                if (words.Count > 1)
                {
                    var swapped = words.ToArray();
                    (swapped[0], swapped[^1]) = (swapped[^1], swapped[0]);
                    Assert.That(CertificateChecker.CheckMinimality(dfa, result with { AccessWords = swapped }).Valid, Is.False, $"trial {trial}: swapped access words");
                }
                if (dfa.StateCount > 2)
                    Assert.That(CertificateChecker.CheckMinimality(dfa, result with { SeparatingSuffixes = [Word.Empty] }).Valid, Is.False, $"trial {trial}: ε alone separates only two classes");
                if (dfa.StateCount > 1)
                    Assert.That(CertificateChecker.CheckMinimality(dfa, result with { SeparatingSuffixes = [] }).Valid, Is.False, $"trial {trial}: no suffixes");
            }
            else
            {
                notMinimal++;
                if (result.PairBisimulation is { } rel)
                {
                    for (int i = 0; i < rel.Count; i++)
                        Assert.That(CertificateChecker.CheckMinimality(dfa, result with { PairBisimulation = rel.Where((_, j) => j != i).ToArray() }).Valid, Is.False, $"trial {trial}: dropped {i}");
                    var pair = result.EquivalentPair!.Value;
                    Assert.That(CertificateChecker.CheckMinimality(dfa, result with { EquivalentPair = new StatePair(pair.Left, pair.Left) }).Valid, Is.False, $"trial {trial}: same state twice");
                }
                else
                {
                    var closed = result.ClosedStates!;
                    Assert.That(CertificateChecker.CheckMinimality(dfa, result with { ClosedStates = closed.Append(result.UnreachableState!.Value).ToArray() }).Valid, Is.False, $"trial {trial}");
                }
            }
        }
        Assert.That(minimal, Is.GreaterThan(50));
        Assert.That(notMinimal, Is.GreaterThan(50));
    }
}
