using System.Diagnostics;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Syntax.Tests.Temporal;

/// <summary>
/// <see cref="LtlPrinter.CompareText"/> (the lazy order of printed forms that the transformer compiler sorts ∧/∨ operands
/// by) against its obvious twin, the ordinal comparison of the two printed strings; and its cost on a shared DAG whose
/// text is exponentially long (issue 16: <c>fex check</c> of the word a^100 printed such operands whole and ran out of memory).
/// </summary>
public class LtlTextOrderTests
{
    private static LtlFormula Draw(Random random, List<LtlFormula> pool)
    {
        LtlFormula Pick() => pool[random.Next(pool.Count)];
        return random.Next(14) switch
        {
            0 => Ltl.Atom(random.Next(2) == 0 ? "a" : "P"), // 'P' is printed quoted
            1 => Ltl.Not(Pick()),
            2 => Ltl.And(Pick(), Pick()),
            3 => Ltl.Or(Pick(), Pick()),
            4 => Ltl.Implies(Pick(), Pick()),
            5 => Ltl.Iff(Pick(), Pick()),
            6 => Ltl.Since(Pick(), Pick()),
            7 => Ltl.Until(Pick(), Pick()),
            8 => Ltl.Yesterday(Pick()),
            9 => Ltl.WindowYesterday(1 + random.Next(3), Pick()),
            10 => Ltl.WindowCount(2 + random.Next(3), 1, Pick()),
            11 => Ltl.Past(Pick()),
            12 => Ltl.Historically(Pick()),
            _ => Ltl.Future(Pick()),
        };
    }

    [Test]
    public void Compare_text_has_the_sign_of_the_ordinal_comparison_of_the_printed_forms()
    {
        var random = new Random(16);
        var pool = new List<LtlFormula> { Ltl.True, Ltl.False, Ltl.Atom("a"), Ltl.Atom("b") };
        for (int i = 0; i < 300; i++) pool.Add(Draw(random, pool));
        int compared = 0;
        for (int i = 0; i < 4000; i++)
        {
            var x = pool[random.Next(pool.Count)];
            var y = random.Next(4) == 0 ? x : pool[random.Next(pool.Count)];
            string px = LtlPrinter.Print(x), py = LtlPrinter.Print(y);
            if (px.Length + py.Length > 200_000) continue;
            Assert.That(Math.Sign(LtlPrinter.CompareText(x, y)), Is.EqualTo(Math.Sign(string.CompareOrdinal(px, py))), () => $"{px}  vs  {py}");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(2000));
    }

    [Test]
    public void Operands_sharing_an_exponentially_long_text_compare_without_printing_it()
    {
        // f₀ = a, f_{i+1} = P (f_i & b) | Y f_i: 60 distinct nodes, a text of about 2^60 characters.
        var f = Ltl.Atom("a");
        for (int i = 0; i < 60; i++) f = Ltl.Or(Ltl.Past(Ltl.And(f, Ltl.Atom("b"))), Ltl.Yesterday(f));
        var left = Ltl.And(Ltl.Past(f), Ltl.Atom("a"));
        var right = Ltl.And(Ltl.Past(f), Ltl.Atom("b"));
        var clock = Stopwatch.StartNew();
        Assert.That(LtlPrinter.CompareText(left, right), Is.LessThan(0));
        Assert.That(LtlPrinter.CompareText(right, left), Is.GreaterThan(0));
        Assert.That(LtlPrinter.CompareText(left, left), Is.EqualTo(0));
        // Parenthesization is part of the text: f inside & is parenthesized, inside | it is not.
        Assert.That(LtlPrinter.CompareText(Ltl.Past(Ltl.And(f, Ltl.Atom("a"))), Ltl.Past(Ltl.Or(f, Ltl.Atom("a")))), Is.Not.EqualTo(0));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the comparison read the shared text");
    }
}
