using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Synthesis;

/// <summary>
/// The smallest-formula enumeration (docs/theory.md §"Smallest formulas") against its brute-force twin
/// (<see cref="FormulaTwin"/>: every tree, no deduplication, evaluated on words) and over every ≤ 3-state
/// language over {a, b} of each class.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class SmallestFormulaTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    /// <summary>Every minimal DFA of ≤ 3 states over {a, b} (shared with <see cref="SignatureEnumerationTests"/>).</summary>
    internal static readonly Lazy<IReadOnlyList<Dfa>> UpToThree = new(() => SmallDfas.AllMinimal(3, Ab));
    private static readonly SmallestFormulaOptions Unbounded = new(12, long.MaxValue);

    /// <summary>The row of <paramref name="key"/>.</summary>
    internal static Architecture Row(string key)
    {
        Assert.That(Architecture.TryParse(key, out var a), Is.True, key);
        return a!;
    }

    /// <summary>The ≤ 3-state languages over {a, b} that the row recognizes (verdicts without formula synthesis).</summary>
    internal static IEnumerable<Dfa> InClass(Architecture architecture)
    {
        var engine = VerdictEngine.Default.WithOptions(VerdictOptions.Default with { SynthesizeFormulas = false });
        return UpToThree.Value.Where(d => engine.Decide(d, architecture).Answer == Answer.Yes);
    }

    [TestCase("global", 6, true, 0, false, false)]
    [TestCase("local:1", 6, false, 1, false, false)]
    [TestCase("hybrid:1", 6, true, 1, false, false)]
    [TestCase("local:2", 6, false, 2, false, false)]
    [TestCase("hybrid:2", 6, true, 2, false, false)]
    [TestCase("local:3", 5, false, 3, true, false)]
    [TestCase("uha", 6, true, 1, false, true)]
    [TestCase("global-nonstrict", 9, true, 0, false, false, true)]
    public void The_reported_size_is_minimal_against_the_brute_force_twin(string key, int twinSize, bool past, int window, bool counts, bool since, bool nonStrict = false)
    {
        var row = Row(key);
        var twin = new FormulaTwin(Ab, 6, twinSize, past, window, counts, since, nonStrict);
        int checkedLanguages = 0, agreeing = 0;
        foreach (var dfa in UpToThree.Value)
        {
            var result = SmallestFormulaSearch.Find(dfa, row, Unbounded with { MaxSize = twinSize })!;
            Assert.That(result.StoppedBy, Is.Null);
            if (result.Formula is { } f)
            {
                Assert.That(FormulaProof.Check(f, dfa).Equivalent, Is.True, $"{key}: {f} does not define {SmallDfas.Key(dfa)}");
                Assert.That(row.Computes(f), Is.True, f.ToString());
            }
            int reported = result.Formula?.Size ?? twinSize + 1;
            // Every tree smaller than the reported formula that agrees on the short words must differ on a longer one.
            foreach (var (size, build) in twin.Agreeing(dfa))
            {
                if (size >= reported) break;
                var candidate = build();
                Assert.That(FormulaProof.Check(candidate, dfa).Equivalent, Is.False,
                    $"{key}: the twin's {candidate} (size {size}) defines {SmallDfas.Key(dfa)}, but the enumeration reported {result.Formula?.ToString() ?? "none"}");
                agreeing++;
            }
            // And the twin has a tree of the reported size (the two enumerate the same grammar).
            if (result.Formula is { } g)
                Assert.That(twin.Agreeing(dfa).Any(t => t.Size == g.Size), Is.True, $"{key}: the twin has no tree of size {g.Size} for {SmallDfas.Key(dfa)}");
            checkedLanguages++;
        }
        TestContext.Out.WriteLine($"{key}: {checkedLanguages} languages, {twin.Count} twin trees, {agreeing} short-word coincidences refuted");
    }

    [TestCase("global")]
    [TestCase("global-nonstrict")]
    [TestCase("local:1")]
    [TestCase("hybrid:1")]
    [TestCase("local:2")]
    [TestCase("hybrid:2")]
    [TestCase("local:3")]
    [TestCase("local:4")]
    // hybrid:3, hybrid:4 and uha: SignatureEnumerationTests (the machine tables to size 12 take days there).
    public void Every_language_of_at_most_three_states_in_the_class_gets_its_smallest_formula_up_to_size_12(string key)
    {
        var row = Row(key);
        var sizes = new SortedDictionary<int, int>();
        int none = 0;
        foreach (var dfa in InClass(row))
        {
            var result = SmallestFormulaSearch.Find(dfa, row, Unbounded)!;
            Assert.That(result.StoppedBy, Is.Null, $"{key}: {SmallDfas.Key(dfa)}");
            if (result.Formula is { } f)
            {
                Assert.That(FormulaProof.Check(f, dfa).Equivalent, Is.True, $"{key}: {f}");
                sizes[f.Size] = sizes.GetValueOrDefault(f.Size) + 1;
            }
            else
            {
                Assert.That(result.SearchedSize, Is.EqualTo(12));
                none++;
            }
        }
        TestContext.Out.WriteLine($"{key}: sizes {string.Join(" ", sizes.Select(kv => $"{kv.Key}:{kv.Value}"))}; none ≤ 12: {none}");
    }

    [Test]
    public void The_issue_examples_get_their_small_formulas()
    {
        var abc = Alphabet.Of("a", "b", "c");
        var cases = new (Dfa Dfa, string Row, int Size)[]
        {
            (Languages.Build(["a", "b"], 3, "0 * 0, 0 a 1, 1 b 2", 2), "local:1", 5),                                  // Σ*ab: Y (b & Y a), read at N+1
            (PastLtlCompiler.ToDfa(Ltl.Not(Ltl.Past(Ltl.And(Ltl.Atom("a"), Ltl.Yesterday(Ltl.Atom("a"))))), Ab), "hybrid:1", 6), // no factor aa: !P (a & Y a)
            (PastLtlCompiler.ToDfa(Ltl.Since(Ltl.Atom("c"), Ltl.Atom("b")), abc), "uha", 3),                        // c S b
        };
        foreach (var (dfa, key, size) in cases)
        {
            var result = SmallestFormulaSearch.Find(dfa, Row(key), new SmallestFormulaOptions(10, long.MaxValue))!;
            Assert.That(result.Formula, Is.Not.Null, key);
            Assert.That(FormulaProof.Check(result.Formula!, dfa).Equivalent, Is.True);
            Assert.That(result.Formula!.Size, Is.EqualTo(size), result.Formula.ToString());
        }
    }

    [Test]
    public void Every_global_nonstrict_formula_is_non_strict_and_cannot_tell_a_letter_from_its_doubling()
    {
        // The formulas the non-strict enumeration reports for every ≤ 3-state language (to size 12): written with
        // P only as φ | P φ and H only as φ & H φ, defining L, and — the stuttering law of non-strict LTL[P]
        // (docs/theory.md §Stuttering) — equal at N+1 on every word of length ≤ 6 and that word with one letter doubled.
        var row = Row("global-nonstrict");
        int formulas = 0, nonTrivial = 0;
        var words = ShortWords(6).ToList();
        foreach (var dfa in UpToThree.Value)
        {
            if (SmallestFormulaSearch.Find(dfa, row, Unbounded)!.Formula is not { } f) continue;
            Assert.That(row.Computes(f), Is.True, $"{f} is not written with non-strict operators only");
            Assert.That(FormulaProof.Check(f, dfa).Equivalent, Is.True, f.ToString());
            foreach (var w in words)
            {
                bool value = LtlEvaluator.Accepts(f, Ab, w);
                Assert.That(value, Is.EqualTo(dfa.Accepts(w)), () => $"{f} on {string.Concat(w)}");
                for (int j = 0; j < w.Length; j++)
                    Assert.That(LtlEvaluator.Accepts(f, Ab, [.. w[..(j + 1)], .. w[j..]]), Is.EqualTo(value), () => $"{f} tells {string.Concat(w)} from its doubling at {j + 1}");
            }
            formulas++;
            if (f.Operators != TemporalOperators.None) nonTrivial++;
        }
        Assert.That(nonTrivial, Is.GreaterThan(5), $"{formulas} formulas");
        // The law separates the fragments: strict P(a & P a) tells a from aa, and global-nonstrict does not compute it.
        var strict = Ltl.Past(Ltl.And(Ltl.Atom("a"), Ltl.Past(Ltl.Atom("a"))));
        Assert.That(LtlEvaluator.Accepts(strict, Ab, [0]), Is.Not.EqualTo(LtlEvaluator.Accepts(strict, Ab, [0, 0])));
        Assert.That(row.Computes(strict), Is.False);
    }

    [Test]
    public void Global_nonstrict_recognizes_only_the_non_strict_shapes()
    {
        var (a, b) = (Ltl.Atom("a"), Ltl.Atom("b"));
        var row = Row("global-nonstrict");
        Func<LtlFormula, LtlFormula> pn = f => Ltl.Or(f, Ltl.Past(f)), hn = f => Ltl.And(f, Ltl.Historically(f));
        Assert.That(row.Computes(pn(Ltl.And(b, pn(a)))), Is.True);
        Assert.That(row.Computes(Ltl.Not(hn(Ltl.Or(a, Ltl.Not(pn(b)))))), Is.True);
        Assert.That(row.Computes(Ltl.And(a, Ltl.Not(b))), Is.True);
        Assert.That(row.Computes(Ltl.Past(a)), Is.False, "a strict P at the root");
        Assert.That(row.Computes(Ltl.Or(b, Ltl.Past(a))), Is.False, "P a beside another operand");
        Assert.That(row.Computes(Ltl.And(a, Ltl.Past(a))), Is.False, "P under ∧");
        Assert.That(row.Computes(Ltl.And(pn(a), Ltl.Not(Ltl.Past(a)))), Is.False, "a shared P a used strictly elsewhere");
        Assert.That(row.Computes(pn(Ltl.Yesterday(a))), Is.False, "Y");
    }

    private static IEnumerable<int[]> ShortWords(int maxLength)
    {
        for (int n = 0; n <= maxLength; n++)
            for (int t = 0; t < 1 << n; t++)
                yield return Enumerable.Range(0, n).Select(i => (t >> i) & 1).ToArray();
    }

    [Test]
    public void Simplifying_a_constructed_formula_keeps_its_language_and_never_grows_it()
    {
        // The LTL[P] and LTL[P,Y] constructions of every ≤ 3-state language, simplified with the tables up to size 7.
        var options = new SmallestFormulaOptions(7, long.MaxValue);
        int shrunk = 0, total = 0;
        foreach (var dfa in UpToThree.Value)
        {
            var facts = new LanguageFacts(dfa);
            foreach (var (formula, key) in new[] { (facts.PastFormula, "global"), (facts.PastYesterdayFormula, "hybrid:1") })
            {
                if (formula is null) continue;
                SmallestFormulaSearch.Find(dfa, Row(key), options);
                var simple = SmallestFormulaSearch.Simplify(formula, Ab, Row(key), options);
                Assert.That(simple.Size, Is.LessThanOrEqualTo(formula.Size));
                Assert.That(Row(key).Computes(simple), Is.True, simple.ToString());
                Assert.That(FormulaProof.Check(simple, dfa).Equivalent, Is.True, $"{key}: {formula} simplified to {simple}");
                total++;
                if (simple.Size < formula.Size) shrunk++;
            }
        }
        Assert.That(shrunk, Is.GreaterThan(total / 2), "most constructions have smaller equivalent subformulas");
    }

    [Test]
    public void A_work_budget_stops_the_enumeration_and_names_its_flag()
    {
        var parity = Languages.Build(["a", "b"], 2, "0 a 1, 1 a 0, 0 b 0, 1 b 1", 0);
        var result = SmallestFormulaSearch.Find(parity, Row("hybrid:1"), new SmallestFormulaOptions(12, 5_000))!;
        Assert.That(result.Formula, Is.Null);
        Assert.That(result.StoppedBy?.Budget, Is.EqualTo("max-formula-work"));
        Assert.That(result.SearchedSize, Is.LessThan(12));
        // The same question with a larger budget goes further (the tables keep whole sizes only).
        var further = SmallestFormulaSearch.Find(parity, Row("hybrid:1"), new SmallestFormulaOptions(12, 50_000))!;
        Assert.That(further.SearchedSize, Is.GreaterThan(result.SearchedSize));
        var again = SmallestFormulaSearch.Find(parity, Row("hybrid:1"), new SmallestFormulaOptions(12, 5_000))!;
        Assert.That(again.SearchedSize, Is.EqualTo(result.SearchedSize), "a smaller budget gives the same answer as before");
    }
}
