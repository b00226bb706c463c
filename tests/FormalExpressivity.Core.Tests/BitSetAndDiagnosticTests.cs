using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Tests;

public class BitSetAndDiagnosticTests
{
    [Test]
    public void BitSet_agrees_with_a_HashSet_on_random_operations()
    {
        const int seed = 99;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            int capacity = 1 + random.Next(200);
            var bits = new BitSet(capacity);
            var set = new HashSet<int>();
            for (int i = 0; i < 50; i++)
            {
                int x = random.Next(capacity);
                if (random.Next(3) == 0) { bits.Remove(x); set.Remove(x); }
                else { bits.Add(x); set.Add(x); }
            }
            Assert.That(bits.Elements(), Is.EqualTo(set.Order()), $"seed {seed} trial {trial}");
            Assert.That(bits.Count, Is.EqualTo(set.Count));
            var complement = bits.Complement();
            Assert.That(complement.Count, Is.EqualTo(capacity - set.Count), "the tail beyond the capacity stays zero");
            Assert.That(complement.Complement(), Is.EqualTo(bits));
        }
    }

    [Test]
    public void Spans_count_lines_and_columns_and_carets_point_at_them()
    {
        const string text = "alphabet {a, b}\nlanguage L = re\"(ab\"\n";
        var d = Diagnostic.Error("X001", text, text.IndexOf("(ab", StringComparison.Ordinal), 3, "missing ')'");
        Assert.That(d.Span.Line, Is.EqualTo(2));
        Assert.That(d.Span.Column, Is.EqualTo(17));
        var rendered = DiagnosticFormatter.Render(d, text, "f.claims");
        Assert.That(rendered, Is.EqualTo(
            "f.claims:2:17: error X001: missing ')'\n" +
            "  language L = re\"(ab\"\n" +
            "                  ^~~\n"));
    }

    [Test]
    public void Parse_results_carry_values_or_diagnostics()
    {
        var ok = ParseResult<int>.Ok(3);
        Assert.That(ok.Success && ok.Value == 3, Is.True);
        var fail = ParseResult<int>.Fail(new Diagnostic("X002", SourceSpan.None, "bad"));
        Assert.That(fail.Success, Is.False);
        Assert.Throws<InputException>(() => fail.GetValueOrThrow());
        Assert.That(fail.Select(x => x + 1).Diagnostics[0].Code, Is.EqualTo("X002"));
        var budget = new BudgetExceededException("max-states", 10, "subset construction");
        Assert.That(budget.Message, Does.Contain("max-states = 10"));
    }
}
