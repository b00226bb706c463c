using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Logic;

public class FoCompilerTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    [Test]
    public void Random_sentences_match_the_direct_evaluator()
    {
        const int seed = 8080;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var sigma = trial % 3 == 2 ? Abc : Ab;
            var f = RandomFo.Sentence(random, 1 + random.Next(10), sigma.Symbols, ["x", "y", "z"]);
            var dfa = FoCompiler.ToDfa(f, sigma);
            Assert.That(dfa.IsCanonical(), Is.True);
            foreach (var w in RandomDfa.AllWords(sigma, sigma.Count == 2 ? 7 : 5))
                if (dfa.Accepts(w) != FoEvaluator.Accepts(f, sigma, w.Symbols))
                    Assert.Fail($"seed {seed} trial {trial}: {f} on '{w.Format(sigma)}': automaton {dfa.Accepts(w)}");
        }
    }

    [TestCase("exists x. first(x) & a(x)", "a", "b", "")]
    [TestCase("exists x. last(x) & b(x)", "ab", "ba", "")]
    [TestCase("exists x. exists y. succ(x, y) & a(x) & b(y)", "bab", "bba", "")]
    [TestCase("exists x. exists y. x < y & a(x) & b(y)", "acb", "bca", "c")]
    [TestCase("forall x. a(x)", "", "ab", "b")]
    [TestCase("forall x. forall y. x = y", "c", "cc", "ab")]
    public void Sentences_accept_and_reject_as_defined(string sentence, string yes, string no, string alsoNo)
    {
        var dfa = FoCompiler.ToDfa(FoParser.ParseOrThrow(sentence), Abc);
        Assert.That(dfa.Accepts(Word.Parse(yes, Abc)), Is.True);
        Assert.That(dfa.Accepts(Word.Parse(no, Abc)), Is.False);
        if (alsoNo.Length > 0 || sentence.StartsWith("exists")) Assert.That(dfa.Accepts(Word.Parse(alsoNo, Abc)), Is.EqualTo(sentence.StartsWith("forall x. forall") && alsoNo.Length == 0));
    }

    [Test]
    public void Compile_returns_positioned_diagnostics_instead_of_throwing()
    {
        Assert.That(FoCompiler.Compile("exists x. (a(x)", Ab).Diagnostics[0].Code, Is.EqualTo("FO007"));
        Assert.That(FoCompiler.Compile("exists x. z(x)", Ab).Diagnostics[0].Code, Is.EqualTo("FO009"));
        Assert.That(FoCompiler.Compile("a(x)", Ab).Diagnostics[0].Code, Is.EqualTo("FO010"));
        Assert.That(FoCompiler.Compile("exists x. true").Diagnostics[0].Code, Is.EqualTo("FO006"));
        Assert.That(FoCompiler.Compile(Fo.Label("a", "x"), Ab).Diagnostics[0].Code, Is.EqualTo("FO010"));
        Assert.That(FoCompiler.Compile(FoParser.ParseOrThrow("exists x. z(x)"), Ab).Diagnostics[0].Code, Is.EqualTo("FO100"));
        var inferred = FoCompiler.Compile("exists x. b(x) & exists y. a(y)");
        Assert.That(inferred.Success, Is.True);
        Assert.That(inferred.Value.Alphabet, Is.EqualTo(Ab), "labels in ordinal order");
        // The text path and the tree path build the same canonical DFA.
        Assert.That(inferred.Value.Table.ToArray(), Is.EqualTo(FoCompiler.ToDfa(FoParser.ParseOrThrow("exists x. b(x) & exists y. a(y)"), Ab).Table.ToArray()));
    }

    [Test]
    public void Ltl_compile_returns_diagnostics_and_infers_the_alphabet_like_fo()
    {
        Assert.That(LtlCompiler.Compile("P (a", Ab).Diagnostics[0].Code, Is.EqualTo("LTL007"));
        Assert.That(LtlCompiler.Compile("P true").Diagnostics[0].Code, Is.EqualTo("LTL006"));
        var inferred = LtlCompiler.Compile("P(b & Y a)");
        Assert.That(inferred.Value.Alphabet, Is.EqualTo(Ab));
    }

    [Test]
    public void Unknown_labels_free_variables_and_budgets_are_reported()
    {
        var e = Assert.Throws<InputException>(() => FoCompiler.ToDfa(FoParser.ParseOrThrow("exists x. z(x)"), Ab));
        Assert.That(e!.Diagnostics[0].Code, Is.EqualTo("FO100"));
        Assert.Throws<ArgumentException>(() => FoCompiler.ToDfa(Fo.Label("a", "x"), Ab));
        var f = FoParser.ParseOrThrow("exists x. exists y. exists z. x < y & y < z & a(x) & b(y) & a(z)");
        var b = Assert.Throws<FormalExpressivity.Core.Text.BudgetExceededException>(() => FoCompiler.ToDfa(f, Ab, new FoCompilerOptions { MaxStates = 4 }));
        Assert.That(b!.BudgetName, Is.EqualTo("max-states"));
        var v = Assert.Throws<FormalExpressivity.Core.Text.BudgetExceededException>(() => FoCompiler.ToDfa(f, Ab, new FoCompilerOptions { MaxVariables = 2 }));
        Assert.That(v!.BudgetName, Is.EqualTo("max-variables"));
    }
}
