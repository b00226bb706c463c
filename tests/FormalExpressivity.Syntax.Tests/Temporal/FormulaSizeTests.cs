using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Syntax.Tests.Temporal;

/// <summary>
/// <see cref="LtlFormula.Size"/> counts tree nodes; shared subformulas make the tree exponentially larger than
/// the graph, so the count saturates at <see cref="int.MaxValue"/> instead of wrapping to a negative number
/// (a synthesized formula of a 5 000-state DFA was reported with "size -714769185").
/// </summary>
public class FormulaSizeTests
{
    [Test]
    public void Tree_size_follows_the_recurrence_and_saturates_instead_of_overflowing()
    {
        // f(i+1) = Y f(i) & f(i): size(i+1) = 2·size(i) + 2, computed independently in 64 bits.
        var f = Ltl.Atom("a");
        long expected = 1;
        for (int i = 0; i < 80; i++)
        {
            f = Ltl.And(Ltl.Yesterday(f), f);
            expected = Math.Min(2 * expected + 2, int.MaxValue);
            Assert.That(f.Size, Is.EqualTo(expected), $"level {i + 1}");
        }
        Assert.That(f.Size, Is.EqualTo(int.MaxValue));
        Assert.That(f.Depth, Is.EqualTo(80));
    }
}
