using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Temporal;

public class PastLtlCompilerTests
{
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    private static void AssertAgreesWithEvaluator(LtlFormula f, Alphabet alphabet, int maxLength, string context)
    {
        var dfa = PastLtlCompiler.ToDfa(f, alphabet);
        Assert.That(dfa.IsCanonical(), Is.True);
        foreach (var w in RandomDfa.AllWords(alphabet, maxLength))
            Assert.That(dfa.Accepts(w), Is.EqualTo(LtlEvaluator.Accepts(f, alphabet, w.Symbols)), $"{context}: {f} on {w.Format(alphabet)}");
    }

    [Test]
    public void Reference_formulas_of_theory_section_2_have_their_stated_languages()
    {
        var a = Ltl.Atom("a");
        var b = Ltl.Atom("b");
        var cases = new (LtlFormula F, Func<Word, bool> L, string Name)[]
        {
            (Ltl.Past(Ltl.And(a, Ltl.Not(Ltl.Past(Ltl.True)))), w => w.Length > 0 && w[0] == 0, "aΣ*"),
            (Ltl.Yesterday(a), w => w.Length > 0 && w[^1] == 0, "Σ*a"),
            (Ltl.And(Ltl.Yesterday(b), Ltl.Yesterday(Ltl.Yesterday(a))), w => w.Length > 1 && w[^1] == 1 && w[^2] == 0, "Σ*ab"),
            (Ltl.Past(a), w => w.Contains(0), "Σ*aΣ*"),
            (Ltl.Past(Ltl.And(b, Ltl.Past(a))), w => { int i = w.ToList().IndexOf(0); return i >= 0 && w.Skip(i + 1).Contains(1); }, "Σ*aΣ*bΣ*"),
            (Ltl.Past(Ltl.And(b, Ltl.Yesterday(a))), w => Enumerable.Range(1, Math.Max(0, w.Length - 1)).Any(i => w[i - 1] == 0 && w[i] == 1), "Σ*abΣ*"),
            (Ltl.WindowYesterday(3, a), w => w.Skip(Math.Max(0, w.Length - 3)).Contains(0), "L_3"),
        };
        foreach (var (f, language, name) in cases)
        {
            var dfa = PastLtlCompiler.ToDfa(f, Abc);
            foreach (var w in RandomDfa.AllWords(Abc, 7))
                Assert.That(dfa.Accepts(w), Is.EqualTo(language(w)), $"{name} = {f} on {w.Format(Abc)}");
        }
    }

    [Test]
    public void Construction_agrees_with_the_direct_evaluator_on_random_past_formulas()
    {
        const int seed = 4242;
        var random = new Random(seed);
        var ops = TemporalOperators.AnyPast;
        for (int trial = 0; trial < 150; trial++)
        {
            var alphabet = trial % 2 == 0 ? Alphabet.Of("a", "b") : Abc;
            var f = RandomLtl.Create(random, 1 + random.Next(8), alphabet.Symbols, ops, maxWindow: 4);
            AssertAgreesWithEvaluator(f, alphabet, trial % 2 == 0 ? 8 : 6, $"seed {seed} trial {trial}");
        }
    }

    [Test]
    public void Counting_window_separates_aab_from_abb_repetitions()
    {
        // theory.md §3.1: "at least two a among the last three symbols" = Y[<=3,>=2] a.
        var f = Ltl.WindowCount(3, 2, Ltl.Atom("a"));
        var ab = Alphabet.Of("a", "b");
        var dfa = PastLtlCompiler.ToDfa(f, ab);
        Assert.That(dfa.Accepts(Word.Parse("aabaab", ab)), Is.True);
        Assert.That(dfa.Accepts(Word.Parse("abbabb", ab)), Is.False);
        Assert.That(dfa.Accepts(Word.Parse("baa", ab)), Is.True);
        Assert.That(dfa.Accepts(Word.Parse("abb", ab)), Is.False);
    }

    [Test]
    public void Unknown_atom_is_an_input_error_and_budget_is_named()
    {
        var f = Ltl.Past(Ltl.Atom("z"));
        var e = Assert.Throws<FormalExpressivity.Core.Text.InputException>(() => PastLtlCompiler.ToDfa(f, Abc));
        Assert.That(e!.Diagnostics[0].Message, Does.Contain("'z'"));
        var big = Ltl.WindowCount(16, 2, Ltl.Atom("a")); // the counting window keeps a 16-bit shift register
        var b = Assert.Throws<FormalExpressivity.Core.Text.BudgetExceededException>(() => PastLtlCompiler.ToDfa(big, Abc, maxStates: 100));
        Assert.That(b!.Message, Does.Contain("max-states"));
    }
}
