using CsCheck;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests;

/// <summary>
/// Laws checked on random automata. Each property draws a seed with CsCheck; a failure prints the
/// seed (and CsCheck's replay seed), and the automaton is rebuilt from it with <see cref="Random"/>.
/// </summary>
public class PropertyTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue];

    private static Dfa RandomDfaFrom(int seed, int maxStates = 8, int maxSymbols = 3)
    {
        var random = new Random(seed);
        return RandomDfa.Create(random, 1 + random.Next(maxStates), RandomDfa.Letters(1 + random.Next(maxSymbols)));
    }

    private static bool SameJson(Dfa a, Dfa b) => DfaJson.Write(a.Minimize()) == DfaJson.Write(b.Minimize());

    [Test]
    public void Minimize_after_determinize_preserves_the_language_of_random_nfas() =>
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = RandomDfa.Letters(1 + random.Next(2));
            var nfa = RandomNfa.Create(random, 1 + random.Next(7), alphabet);
            var dfa = nfa.Determinize().Minimize();
            foreach (var w in RandomDfa.AllWords(alphabet, 6))
                if (dfa.Accepts(w) != nfa.Accepts(w)) throw new Exception($"seed {seed}: word {w.Format(alphabet)}");
        }, iter: 200);

    [Test]
    public void Minimal_dfas_are_canonical_hopcroft_and_brzozowski_give_identical_json() =>
        Seeds.Sample(seed =>
        {
            var dfa = RandomDfaFrom(seed);
            // Brzozowski (1962): determinizing the reversal twice yields the minimal DFA.
            var brzozowski = dfa.Reverse().Reverse().Canonicalize();
            if (DfaJson.Write(dfa.Minimize()) != DfaJson.Write(brzozowski)) throw new Exception($"seed {seed}");
        }, iter: 200);

    [Test]
    public void Union_by_product_and_by_nfa_construction_give_identical_json() =>
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = RandomDfa.Letters(1 + random.Next(2));
            var a = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            var b = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            // The NFA union: a fresh start with ε-edges to the starts of disjoint copies of A and B.
            var builder = new AutomatonBuilder(alphabet);
            int start = builder.AddState();
            int offA = builder.AddStates(a.StateCount), offB = builder.AddStates(b.StateCount);
            foreach (var (d, off) in new[] { (a, offA), (b, offB) })
                for (int q = 0; q < d.StateCount; q++)
                {
                    if (d.IsAccepting(q)) builder.SetAccepting(off + q);
                    for (int s = 0; s < alphabet.Count; s++) builder.AddTransition(off + q, s, off + d.Next(q, s));
                }
            builder.AddStart(start).AddEpsilon(start, offA + a.Start).AddEpsilon(start, offB + b.Start);
            var viaNfa = builder.BuildNfa().Determinize().Minimize();
            if (DfaJson.Write(a.Union(b)) != DfaJson.Write(viaNfa)) throw new Exception($"seed {seed}");
        }, iter: 200);

    [Test]
    public void De_morgan_and_complement_laws_hold() =>
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = RandomDfa.Letters(1 + random.Next(2));
            var a = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            var b = RandomDfa.Create(random, 1 + random.Next(6), alphabet);
            if (!SameJson(a.Union(b).Complement(), a.Complement().Intersect(b.Complement()))) throw new Exception($"seed {seed}: ¬(A∪B) ≠ ¬A∩¬B");
            if (!SameJson(a.Intersect(b).Complement(), a.Complement().Union(b.Complement()))) throw new Exception($"seed {seed}: ¬(A∩B) ≠ ¬A∪¬B");
            if (!a.Intersect(a.Complement()).IsEmpty()) throw new Exception($"seed {seed}: A∩¬A ≠ ∅");
            if (!SameJson(a.Union(a.Complement()), Dfa.Trivial(alphabet, true))) throw new Exception($"seed {seed}: A∪¬A ≠ Σ*");
            if (!SameJson(a.Complement().Complement(), a)) throw new Exception($"seed {seed}: ¬¬A ≠ A");
            if (!SameJson(a.Difference(b), a.Intersect(b.Complement()))) throw new Exception($"seed {seed}: A∖B ≠ A∩¬B");
        }, iter: 200);

    [Test]
    public void Json_and_att_round_trips_preserve_the_table() =>
        Seeds.Sample(seed =>
        {
            var dfa = RandomDfaFrom(seed, 20, 4);
            var json = DfaJson.ReadDfa(DfaJson.Write(dfa)).GetValueOrThrow();
            if (!json.Table.SequenceEqual(dfa.Table) || json.Start != dfa.Start || !json.AcceptingStates().Equals(dfa.AcceptingStates()))
                throw new Exception($"seed {seed}: JSON round trip");
            var att = AttFormat.ReadDfa(AttFormat.Write(dfa), dfa.Alphabet).GetValueOrThrow();
            if (!att.Table.SequenceEqual(dfa.Table) || att.Start != dfa.Start || !att.AcceptingStates().Equals(dfa.AcceptingStates()))
                throw new Exception($"seed {seed}: AT&T round trip");
        }, iter: 200);

    [Test]
    public void Nfa_round_trips_preserve_the_language() =>
        Seeds.Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = RandomDfa.Letters(1 + random.Next(3));
            var nfa = RandomNfa.Create(random, 1 + random.Next(6), alphabet);
            var json = DfaJson.ReadNfa(DfaJson.Write(nfa)).GetValueOrThrow();
            var att = AttFormat.ReadNfa(AttFormat.Write(nfa), alphabet).GetValueOrThrow();
            foreach (var w in RandomDfa.AllWords(alphabet, 4))
                if (json.Accepts(w) != nfa.Accepts(w) || att.Accepts(w) != nfa.Accepts(w)) throw new Exception($"seed {seed}: word {w.Format(alphabet)}");
        }, iter: 200);

    [Test]
    public void Shortlex_enumeration_equals_filtering_all_words() =>
        Seeds.Sample(seed =>
        {
            var dfa = RandomDfaFrom(seed, 6, 3);
            var expected = RandomDfa.AllWords(dfa.Alphabet, 5).Where(dfa.Accepts).ToArray();
            var actual = dfa.Shortlex(5).ToArray();
            if (!expected.SequenceEqual(actual)) throw new Exception($"seed {seed}");
        }, iter: 200);

    [Test]
    public void Shortlex_enumeration_of_ab_star()
    {
        var ab = Alphabet.Of("a", "b");
        var b = new AutomatonBuilder(ab);
        int s0 = b.AddState(true), s1 = b.AddState();
        b.AddStart(s0).AddTransition(s0, "a", s1).AddTransition(s1, "b", s0);
        var words = b.BuildDfa().Shortlex(4).Select(w => w.Format(ab));
        Assert.That(words, Is.EqualTo(new[] { "ε", "ab", "abab" }));
    }
}
