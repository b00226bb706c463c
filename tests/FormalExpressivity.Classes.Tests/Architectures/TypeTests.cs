using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Tests.Architectures;

public class TypeTests
{
    static readonly Alphabet AB = Languages.AB;

    static Word W(string s) => Word.Parse(s, AB);

    static Word Pow(string s, int r) => W(s).Repeat(r);

    [Test]
    public void Set_windows_cannot_count_two_of_the_last_three_but_multiset_windows_can()
    {
        // theory.md §3.1: (aab)^R ∈ L, (abb)^R ∉ L; equal set types (checked here to depth 6), unequal multiset types at depth 1.
        var u = Pow("aab", 6);
        var v = Pow("abb", 6);
        Assert.That(TypeChecker.Agree(TypeFragment.WindowLogic(3), 2, u, v, 6), Is.True);
        Assert.That(TypeChecker.Agree(TypeFragment.Local(3), 2, u, v, 1), Is.False);
    }

    [TestCase(2, 1)]
    [TestCase(2, 3)]
    [TestCase(3, 2)]
    [TestCase(3, 3)]
    public void The_paper_family_for_ends_with_a_agrees_to_depth_r_in_LTL_P_Ywin(int k, int r)
    {
        // theory.md §4: (a b^{k−1})^r a ∈ Σ*a and (a b^{k−1})^r ∉ Σ*a agree on every LTL[P,Y[<=k]] formula of depth ≤ r.
        var block = "a" + new string('b', k - 1);
        var v = Pow(block, r);
        var u = v.Concat(W("a"));
        foreach (var fragment in new[] { TypeFragment.PastWindowLogic(k), TypeFragment.Hybrid(k) })
            Assert.That(TypeChecker.AgreementDepth(fragment, 2, u, v, r), Is.EqualTo(r), fragment.Name);
    }

    [Test]
    public void Type_automaton_and_type_checker_agree_on_random_word_pairs()
    {
        var fragments = new[]
        {
            TypeFragment.PastOnly, TypeFragment.PastNonStrict, TypeFragment.WindowLogic(2), TypeFragment.WindowLogic(3),
            TypeFragment.PastWindowLogic(2), TypeFragment.Local(3), TypeFragment.Hybrid(2), TypeFragment.Hybrid(3),
        };
        int seed = 20261129;
        var random = new Random(seed);
        foreach (var fragment in fragments)
            for (int depth = 0; depth <= 3; depth++)
            {
                var automaton = new TypeAutomaton(new TypeTable(fragment, 2, 1_000_000), depth);
                for (int i = 0; i < 60; i++)
                {
                    var u = RandomWord(random, 7);
                    var v = i % 3 == 0 ? Shuffle(random, u) : RandomWord(random, 7);
                    Assert.That(automaton.Agree(u, v), Is.EqualTo(TypeChecker.Agree(fragment, 2, u, v, depth)),
                        $"seed {seed}, {fragment.Name}, depth {depth}, {u.Format(AB)} vs {v.Format(AB)}");
                }
            }
    }

    [Test]
    public void Words_with_equal_types_satisfy_the_same_random_formulas_of_the_fragment()
    {
        int seed = 4242;
        var random = new Random(seed);
        var fragments = new[] { TypeFragment.PastOnly, TypeFragment.WindowLogic(2), TypeFragment.PastWindowLogic(2), TypeFragment.Local(3), TypeFragment.Hybrid(1) };
        int checkedPairs = 0;
        foreach (var fragment in fragments)
        {
            const int depth = 2;
            var automaton = new TypeAutomaton(new TypeTable(fragment, 2, 1_000_000), depth);
            var byType = new Dictionary<int, List<Word>>();
            foreach (var w in FormalExpressivity.Testing.RandomDfa.AllWords(AB, 8))
            {
                int t = automaton.TypeOf(w);
                if (!byType.TryGetValue(t, out var list)) byType[t] = list = [];
                if (list.Count < 4) list.Add(w);
            }
            var formulas = Enumerable.Range(0, 150).Select(_ => RandomFormula(random, fragment, depth)).ToList();
            foreach (var words in byType.Values.Where(l => l.Count > 1))
                foreach (var f in formulas)
                {
                    bool first = LtlEvaluator.Accepts(f, AB, words[0].Symbols);
                    foreach (var w in words.Skip(1))
                    {
                        Assert.That(LtlEvaluator.Accepts(f, AB, w.Symbols), Is.EqualTo(first), $"seed {seed}, {fragment.Name}: {f} separates {words[0].Format(AB)} and {w.Format(AB)}");
                        checkedPairs++;
                    }
                }
        }
        Assert.That(checkedPairs, Is.GreaterThan(1000));
    }

    [Test]
    public void Distinct_depth_one_past_types_are_separated_by_their_characteristic_formulas()
    {
        var table = new TypeTable(TypeFragment.Hybrid(2), 2, 10_000);
        var automaton = new TypeAutomaton(table, 2);
        // Characteristic formulas are exact once every reachable state (hence every type) is known.
        var seen = new HashSet<int> { automaton.Initial };
        var queue = new Queue<int>(seen);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            automaton.FinalType(s);
            for (int a = 0; a < 2; a++)
                if (seen.Add(automaton.Step(s, a))) queue.Enqueue(automaton.Step(s, a));
        }
        var builder = new TypeFormulas(table, AB);
        var words = FormalExpressivity.Testing.RandomDfa.AllWords(AB, 6).ToList();
        foreach (var w in words)
        {
            int t = automaton.TypeOf(w);
            var chi = builder.Characteristic(2, t, atEnd: true);
            foreach (var v in words.Take(40))
                Assert.That(LtlEvaluator.Accepts(chi, AB, v.Symbols), Is.EqualTo(automaton.TypeOf(v) == t), $"{w.Format(AB)} / {v.Format(AB)}");
        }
    }

    static Word RandomWord(Random random, int maxLength)
    {
        int n = random.Next(maxLength + 1);
        return Word.Of(Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray());
    }

    static Word Shuffle(Random random, Word w) => Word.Of(w.OrderBy(_ => random.Next()).ToArray());

    // Boolean nodes at one depth form a critical branching process (expected one child), whose size is
    // unbounded; a node budget keeps every formula small and the recursion shallow.
    static LtlFormula RandomFormula(Random random, TypeFragment fragment, int depth)
    {
        int budget = 24;
        return RandomFormula(random, fragment, depth, ref budget);
    }

    static LtlFormula RandomFormula(Random random, TypeFragment fragment, int depth, ref int budget)
    {
        budget--;
        int choice = budget <= 0 ? 0 : random.Next(depth == 0 ? 4 : 8);
        switch (choice)
        {
            case 0: return Ltl.Atom(AB[random.Next(2)]);
            case 1: return Ltl.Not(RandomFormula(random, fragment, depth, ref budget));
            case 2:
                var left = RandomFormula(random, fragment, depth, ref budget);
                return Ltl.And(left, RandomFormula(random, fragment, depth, ref budget));
            case 3: return Ltl.Or(RandomFormula(random, fragment, depth, ref budget), Ltl.Atom(AB[random.Next(2)]));
        }
        var sub = RandomFormula(random, fragment, depth - 1, ref budget);
        bool window = fragment.Window > 0 && (!fragment.Past || random.Next(2) == 0);
        if (!window) return fragment.NonStrict ? Ltl.Or(sub, Ltl.Past(sub)) : Ltl.Past(sub);
        int k = fragment.Window;
        if (fragment.Semantics == WindowSemantics.Multiset && k > 1 && random.Next(2) == 0) return Ltl.WindowCount(k, 1 + random.Next(k), sub);
        return Ltl.WindowYesterday(k, sub);
    }
}
