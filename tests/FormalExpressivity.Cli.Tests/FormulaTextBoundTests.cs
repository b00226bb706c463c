namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// A synthesized formula is a hash-consed DAG whose text can be exponentially longer than the DAG (the single
/// word a^40 gave a report that grew to 24 GB). The text is built with a length bound: classify stays small and
/// fast, text cuts long formulas with a pointer to --full, and --json cuts only past a million characters.
/// </summary>
public class FormulaTextBoundTests
{
    [Test]
    public void A_long_single_word_classifies_with_bounded_formula_text()
    {
        var word = "re:" + new string('a', 40);
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.That(FexApp.Run(["classify", word, "--alphabet", "a,b"], o, e), Is.EqualTo(0), e.ToString());
        Assert.That(o.ToString(), Does.Contain("(cut; --full or --json prints it whole)"));
        Assert.That(o.ToString().Length, Is.LessThan(200_000));
        var j = new StringWriter();
        Assert.That(FexApp.Run(["classify", word, "--alphabet", "a,b", "--json"], j, e), Is.EqualTo(0), e.ToString());
        Assert.That(j.ToString().Length, Is.LessThan(40_000_000));
    }
}
