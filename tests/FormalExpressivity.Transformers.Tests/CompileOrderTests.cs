using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;

namespace FormalExpressivity.Transformers.Tests;

/// <summary>
/// The compiled model does not depend on what the process built before: hash-consing orders the operands of
/// ∧/∨ by creation id, so the same formula built after other formulas has its operands (and LtlPrinter's text of
/// every node containing a ∧/∨) in another order; the compiler orders heads and gates by canonical text
/// (<see cref="CanonicalFormulaText"/>), so <c>fex compile</c> and the playground build the same model.
/// </summary>
[TestFixture]
public sealed class CompileOrderTests
{
    /// <summary>
    /// (p ∧ q) ∨ (p ∧ r) under P and Y: with p, q, r created in this order LtlPrinter prints "p &amp; q" and "p &amp; r";
    /// with q created before p it prints "q &amp; p", which sorts after "p &amp; r" — the order the old key gave flips.
    /// </summary>
    private static LtlFormula Build(string prefix, bool qFirst)
    {
        LtlFormula p, q;
        if (qFirst)
        {
            q = Ltl.Atom(prefix + "q");
            p = Ltl.Atom(prefix + "p");
        }
        else
        {
            p = Ltl.Atom(prefix + "p");
            q = Ltl.Atom(prefix + "q");
        }
        var r = Ltl.Atom(prefix + "r");
        var pq = Ltl.And(p, q);
        var pr = Ltl.And(p, r);
        return Ltl.Or(Ltl.Past(pq), Ltl.And(Ltl.Yesterday(pr), Ltl.Past(Ltl.Or(pr, pq))));
    }

    [Test]
    public void The_model_is_the_same_whatever_order_the_atoms_were_created_in()
    {
        // Fresh atom names per run of this test, so the process's earlier formulas do not fix the ids.
        string tag = "u" + Guid.NewGuid().ToString("N")[..8];
        string first = tag + "x", second = tag + "y";
        // Run 1: p, q, r created in order. Run 2: q before p (the ids of the same names' atoms are reversed).
        var f1 = Build(first, qFirst: false);
        var f2 = Build(second, qFirst: true);
        Assert.That(f1.ToString().Replace(first, "", StringComparison.Ordinal), Is.Not.EqualTo(f2.ToString().Replace(second, "", StringComparison.Ordinal)),
            "the two constructions print differently (LtlPrinter follows creation order), so the test can fail");
        string Model(LtlFormula f, string prefix) =>
            LtlToTransformer.Compile(f, Alphabet.Of(prefix + "p", prefix + "q", prefix + "r")).GetModelOrThrow().ToText()
                .Replace(prefix, "", StringComparison.Ordinal);
        Assert.That(Model(f2, second), Is.EqualTo(Model(f1, first)));
    }

    /// <summary>
    /// Two texts of one formula that differ only in the order of ∧/∨ operands (at the root, inside temporal operators
    /// and inside a Boolean combination under Y) compile to one model, character for character, in either parse order.
    /// The canonical order covers commutativity, not re-association: ∧ and ∨ are binary, so (x | y) | z and
    /// x | (y | z) are different formulas with different gates.
    /// </summary>
    [TestCase("(P (b & a) | Y (c & (a | b))) | (a & H b)", "(H b & a) | (Y ((b | a) & c) | P (a & b))")]
    [TestCase("Y[<=2] (a | c) & P b", "P b & Y[<=2] (c | a)")]
    public void Formulas_written_with_their_operands_in_another_order_compile_to_the_same_model(string first, string second)
    {
        var sigma = Alphabet.Of("a", "b", "c");
        string Model(string text) => LtlToTransformer.Compile(LtlParser.ParseOrThrow(text, sigma), sigma).GetModelOrThrow().ToText();
        // Both parse orders: whichever text is parsed first fixes the hash-consing ids of the shared subformulas.
        string one = Model(first), two = Model(second);
        Assert.That(two, Is.EqualTo(one));
        Assert.That(Model(second), Is.EqualTo(Model(first)));
        Assert.That(one, Does.Contain("layer"), "a compiled model with heads");
    }
    /// <summary>
    /// Operands whose canonical texts agree beyond the compiler's key length (4 096 characters; the full texts of a
    /// shared DAG grow exponentially, so keys are cut) are ordered by their structural hash, not by creation order:
    /// X S p and X S r, with X's text over 5 000 characters, built in either order compile to one model.
    /// </summary>
    [Test]
    public void Operands_with_long_equal_text_prefixes_are_ordered_by_structure()
    {
        string tag = "v" + Guid.NewGuid().ToString("N")[..8];
        LtlFormula Build(string prefix, bool rFirst)
        {
            var p = Ltl.Atom(prefix + "p");
            var q = Ltl.Atom(prefix + "q");
            var r = Ltl.Atom(prefix + "r");
            var x = Ltl.Past(p);
            for (int i = 0; i < 10; i++) x = Ltl.And(x, Ltl.Or(x, q)); // text doubles, DAG grows by 2 nodes
            var sp = rFirst ? null : Ltl.Since(x, p);
            var sr = Ltl.Since(x, r);
            sp ??= Ltl.Since(x, p);
            return Ltl.Or(sp, sr);
        }
        string first = tag + "x", second = tag + "y";
        var f1 = Build(first, rFirst: false);
        var f2 = Build(second, rFirst: true);
        Assert.That(CanonicalFormulaText.Print(f1.Children[0]).Length, Is.GreaterThan(5000), "the texts agree beyond the key length");
        string Model(LtlFormula f, string prefix) =>
            LtlToTransformer.Compile(f, Alphabet.Of(prefix + "p", prefix + "q", prefix + "r")).GetModelOrThrow().ToText()
                .Replace(prefix, "", StringComparison.Ordinal);
        Assert.That(Model(f2, second), Is.EqualTo(Model(f1, first)));
    }
}
