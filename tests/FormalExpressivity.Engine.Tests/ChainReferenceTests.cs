using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Syntax.Temporal;
using NUnit.Framework;
using Verdict = FormalExpressivity.Classes.Verdicts.Answer;

namespace FormalExpressivity.Engine.Tests;

/// <summary>The decider chain on the reference languages of the papers, and the exact criteria against brute-force twins.</summary>
public class ChainReferenceTests
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");

    /// <summary>Small search budgets that keep the suite fast.</summary>
    internal static VerdictEngine Fast { get; } = new(VerdictOptions.Default.WithSearch(new TypeSearchOptions(MaxDepth: 2, MaxTypes: 6_000, MaxStates: 20_000)));

    private static Verdict Decide(Dfa dfa, Architecture a) => Fast.Decide(dfa, a).Answer;

    internal static Dfa Ltl(LtlFormula f, Alphabet alphabet) => PastLtlCompiler.ToDfa(f, alphabet).Minimize().Canonicalize();

    /// <summary>A DFA from a table; state 0 starts; the last state of a Dyck table is the sink.</summary>
    internal static Dfa Table(Alphabet alphabet, int[] table, params int[] accepting)
    {
        int n = table.Length / alphabet.Count;
        var acc = new BitSet(n);
        foreach (int q in accepting) acc.Add(q);
        return Dfa.Create(alphabet, 0, table, acc).Minimize().Canonicalize();
    }

    internal static Dfa AbStar => Table(AB, [1, 2, 2, 0, 2, 2], 0);                   // (ab)*
    internal static Dfa Dyck12 => Table(AB, [1, 3, 2, 0, 3, 1, 3, 3], 0);             // (a(ab)*b)*
    internal static Dfa Parity => Table(AB, [0, 1, 1, 0], 0);                          // even number of b

    private static readonly LtlFormula A = Syntax.Temporal.Ltl.Atom("a"), B = Syntax.Temporal.Ltl.Atom("b");

    public static IEnumerable<TestCaseData> References()
    {
        // language, global, local(1), hybrid(1), uha   (theory.md §2, §4, §9)
        yield return new TestCaseData("Σ*a", Ltl(Syntax.Temporal.Ltl.Yesterday(A), AB), Verdict.No, Verdict.Yes, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("Σ*ab", Ltl(Syntax.Temporal.Ltl.And(Syntax.Temporal.Ltl.Yesterday(B), Syntax.Temporal.Ltl.YesterdayPower(2, A)), AB), Verdict.No, Verdict.Yes, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("aΣ*", Ltl(Syntax.Temporal.Ltl.Past(Syntax.Temporal.Ltl.And(A, Syntax.Temporal.Ltl.Not(Syntax.Temporal.Ltl.Past(Syntax.Temporal.Ltl.True)))), AB), Verdict.Yes, Verdict.No, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("Σ*aΣ*bΣ*", Ltl(Syntax.Temporal.Ltl.Past(Syntax.Temporal.Ltl.And(B, Syntax.Temporal.Ltl.Past(A))), AB), Verdict.Yes, Verdict.No, Verdict.Yes, Verdict.Yes);
        // Σ*abΣ* = Σ*aΣ*bΣ* over {a, b}; over {a, b, c} it is LR but not R-trivial (theory.md §1).
        yield return new TestCaseData("Σ*abΣ* over {a,b}", Ltl(Syntax.Temporal.Ltl.Past(Syntax.Temporal.Ltl.And(B, Syntax.Temporal.Ltl.Yesterday(A))), AB), Verdict.Yes, Verdict.No, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("Σ*abΣ* over {a,b,c}", Ltl(Syntax.Temporal.Ltl.Past(Syntax.Temporal.Ltl.And(B, Syntax.Temporal.Ltl.Yesterday(A))), Alphabet.Of("a", "b", "c")), Verdict.No, Verdict.No, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("(ab)*", AbStar, Verdict.No, Verdict.No, Verdict.Yes, Verdict.Yes);
        yield return new TestCaseData("(a(ab)*b)*", Dyck12, Verdict.No, Verdict.No, Verdict.No, Verdict.Yes);
        yield return new TestCaseData("PARITY", Parity, Verdict.No, Verdict.No, Verdict.No, Verdict.No);
    }

    [TestCaseSource(nameof(References))]
    public void Reference_languages_get_the_papers_verdicts(string name, Dfa dfa, Verdict global, Verdict local1, Verdict hybrid1, Verdict uha)
    {
        Assert.That(Decide(dfa, Architecture.Global), Is.EqualTo(global), name + " global");
        Assert.That(Decide(dfa, Architecture.Local(1)), Is.EqualTo(local1), name + " local(1)");
        Assert.That(Decide(dfa, Architecture.Hybrid(1)), Is.EqualTo(hybrid1), name + " hybrid(1)");
        Assert.That(Decide(dfa, Architecture.Uha), Is.EqualTo(uha), name + " uha");
        // Bounded cases: a no from the failed necessary condition, or else only with an all-depth certificate;
        // a yes from global (R ⊆ hybrid(k)) or a checked formula.
        var local2 = Fast.Decide(dfa, Architecture.Local(2));
        if (local1 == Verdict.No) Assert.That(local2.Answer, Is.EqualTo(Verdict.No), name + " local(2)");
        else if (local2.Answer == Verdict.No) Assert.That(local2.Certificate, Is.Not.Null, name + " local(2) needs a certificate");
        var hybrid4 = Fast.Decide(dfa, Architecture.Hybrid(4));
        if (hybrid1 == Verdict.No) Assert.That(hybrid4.Answer, Is.EqualTo(Verdict.No), name + " hybrid(4)");
        else if (hybrid4.Answer == Verdict.No) Assert.That(hybrid4.Certificate, Is.Not.Null, name + " hybrid(4) needs a certificate");
        if (global == Verdict.Yes) Assert.That(hybrid4.Answer, Is.EqualTo(Verdict.Yes), name + " global ⊆ hybrid(4)");
    }

    [Test]
    public void Definiteness_degree_of_Σ_star_ab_is_2()
    {
        var d = Ltl(Syntax.Temporal.Ltl.And(Syntax.Temporal.Ltl.Yesterday(B), Syntax.Temporal.Ltl.YesterdayPower(2, A)), AB);
        var v = ClassDeciders.Decide(LanguageClass.D, d);
        Assert.That((v.Member, v.Parameter), Is.EqualTo((true, (int?)2)));
        Assert.That(Fast.Decide(d, Architecture.Local(1)).Evidence.OfType<ClassCriterion>().Single().Parameter, Is.EqualTo(2));
    }

    [Test]
    public void Exact_criteria_agree_with_brute_force_twins_on_every_language_up_to_3_states()
    {
        foreach (var d in MinimalDfaEnumeration.Enumerate(AB, 3))
        {
            var definite = ClassDeciders.Decide(LanguageClass.D, d);
            Assert.That(definite.Member, Is.EqualTo(BruteDefiniteDegree(d) is not null), d.ToString());
            if (definite.Member) Assert.That(definite.Parameter, Is.EqualTo(BruteDefiniteDegree(d)));
            Assert.That(ClassDeciders.Decide(LanguageClass.R, d).Member, Is.EqualTo(BrutePartiallyOrdered(d)));
            Assert.That(ClassDeciders.Decide(LanguageClass.LR, d).Member, Is.EqualTo(SemigroupLocallyRTrivial(d)), "forbidden configuration ≡ eSe R-trivial");
            // The chain's exact rows are the classes' answers.
            var rows = Fast.Decide(d, [Architecture.Global, Architecture.Local(1), Architecture.Hybrid(1)]);
            Assert.That(rows[Architecture.Global].Answer == Verdict.Yes, Is.EqualTo(BrutePartiallyOrdered(d)));
            Assert.That(rows[Architecture.Local(1)].Answer == Verdict.Yes, Is.EqualTo(BruteDefiniteDegree(d) is not null));
            Assert.That(rows[Architecture.Hybrid(1)].Answer == Verdict.Yes, Is.EqualTo(SemigroupLocallyRTrivial(d)));
        }
    }

    // Degree d: every word of length d sends all states to one state (and no shorter length does).
    private static int? BruteDefiniteDegree(Dfa d)
    {
        int n = d.StateCount, k = d.SymbolCount;
        for (int len = 0; len <= n * n; len++)
        {
            bool all = true;
            foreach (var w in Testing.RandomDfa.AllWords(d.Alphabet, len).Where(w => w.Length == len))
            {
                int first = d.Run(0, w.Symbols);
                for (int q = 1; q < n && all; q++) all = d.Run(q, w.Symbols) == first;
                if (!all) break;
            }
            if (all) return len;
            _ = k;
        }
        return null;
    }

    private static bool BrutePartiallyOrdered(Dfa d)
    {
        var reach = Enumerable.Range(0, d.StateCount).Select(q => ReachableFrom(d, q)).ToArray();
        for (int p = 0; p < d.StateCount; p++)
            for (int q = 0; q < d.StateCount; q++)
                if (p != q && reach[p].Contains(q) && reach[q].Contains(p)) return false;
        return true;
    }

    private static HashSet<int> ReachableFrom(Dfa d, int q)
    {
        var seen = new HashSet<int> { q };
        var todo = new Stack<int>([q]);
        while (todo.Count > 0)
        {
            int s = todo.Pop();
            for (int a = 0; a < d.SymbolCount; a++) if (seen.Add(d.Next(s, a))) todo.Push(d.Next(s, a));
        }
        return seen;
    }

    // LR ⇔ eSe is R-trivial for every idempotent e of the syntactic semigroup S (theory.md §4).
    private static bool SemigroupLocallyRTrivial(Dfa d)
    {
        int n = d.StateCount;
        var elements = new List<int[]>();
        var seen = new HashSet<string>();
        var letters = Enumerable.Range(0, d.SymbolCount).Select(a => Enumerable.Range(0, n).Select(q => d.Next(q, a)).ToArray()).ToList();
        var queue = new Queue<int[]>();
        foreach (var l in letters) if (seen.Add(string.Join(',', l))) { elements.Add(l); queue.Enqueue(l); }
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            foreach (var l in letters)
            {
                var y = Mul(x, l);
                if (seen.Add(string.Join(',', y))) { elements.Add(y); queue.Enqueue(y); }
            }
        }
        foreach (var e in elements.Where(e => Mul(e, e).SequenceEqual(e)))
        {
            var ese = elements.Select(s => Mul(Mul(e, s), e)).DistinctBy(t => string.Join(',', t)).ToList();
            var withOne = ese.Append(Enumerable.Range(0, n).ToArray()).ToList();
            foreach (var x in ese)
                foreach (var y in ese)
                {
                    if (x.SequenceEqual(y)) continue;
                    bool xy = withOne.Any(z => Mul(x, z).SequenceEqual(y));
                    bool yx = withOne.Any(z => Mul(y, z).SequenceEqual(x));
                    if (xy && yx) return false;
                }
        }
        return true;
    }

    private static int[] Mul(int[] x, int[] y) => x.Select(q => y[q]).ToArray(); // x then y
}
