namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// <c>--at start|end</c> on classify, compile and check (theory.md §1): future formulas read at position 0, the
/// documented default end position N+1, and a warning when the formula cannot depend on the word at the chosen point.
/// </summary>
public sealed class EvaluationPointTests
{
    [Test]
    public void Future_formula_at_the_end_is_empty_with_a_warning_and_at_the_start_is_its_language()
    {
        var end = FexProcess.Run("compile", "ltl:F a", "--alphabet", "a,b", "--format", "att");
        Assert.That(end.Code, Is.EqualTo(0), end.Err);
        Assert.That(end.Err, Does.Contain("warning: ltl:F a is false at the end position N+1").And.Contain("--at start"));
        Assert.That(end.Out, Is.EqualTo(FexProcess.Run("compile", "re:∅", "--alphabet", "a,b", "--format", "att").Out));
        var start = FexProcess.Run("compile", "ltl:F a", "--alphabet", "a,b", "--format", "att", "--at", "start");
        Assert.That((start.Code, start.Err), Is.EqualTo((0, "")));
        Assert.That(start.Out, Is.EqualTo(FexProcess.Run("compile", "re:Σ*aΣ*", "--alphabet", "a,b", "--format", "att").Out));
    }

    [Test]
    public void Mixed_and_response_formulas_at_the_start()
    {
        // G(a -> F b) before the word: every a is followed later by a b, i.e. ε or a word ending in b.
        var response = FexProcess.Run("compile", "ltl:G(a -> F b)", "--alphabet", "a,b", "--at", "start", "--format", "att");
        Assert.That((response.Code, response.Err), Is.EqualTo((0, "")));
        Assert.That(response.Out, Is.EqualTo(FexProcess.Run("compile", "re:ε|Σ*b", "--alphabet", "a,b", "--format", "att").Out));
        // A past formula read at the start is constant: the warning names the default.
        var past = FexProcess.Run("classify", "ltl:P a", "--alphabet", "a,b", "--at", "start", "--classes", "none", "--window-sizes", "1");
        Assert.That(past.Code, Is.EqualTo(0), past.Err);
        Assert.That(past.Err, Does.Contain("is false at position 0").And.Contain("--at end (the default)"));
        var classify = FexProcess.Run("classify", "ltl:F a", "--alphabet", "a,b", "--at", "start", "--classes", "none", "--window-sizes", "1");
        Assert.That((classify.Code, classify.Err), Is.EqualTo((0, "")));
        Assert.That(classify.Out, Does.Match(@"global\s+yes"));
    }

    [Test]
    public void Check_reads_the_files_ltl_languages_at_the_chosen_point()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fex-at-{Guid.NewGuid():N}.claims");
        File.WriteAllText(path, "alphabet {a, b}\nlanguage EVENTUALLY = ltl\"F a\"\nlanguage SOME-A = re\"Σ*aΣ*\"\nclaim EVENTUALLY == SOME-A\n");
        try
        {
            var end = FexProcess.Run("check", path);
            Assert.That(end.Code, Is.EqualTo(1), end.Out);
            Assert.That(end.Err, Does.Contain("warning: ltl\"F a\" is false at the end position N+1"));
            var start = FexProcess.Run("check", path, "--at", "start");
            Assert.That((start.Code, start.Err), Is.EqualTo((0, "")), start.Out);
            Assert.That(start.Out, Does.Contain("1 confirmed"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("classify")]
    [TestCase("compile")]
    [TestCase("check")]
    public void Help_documents_the_option_and_a_bad_value_is_a_usage_error(string command)
    {
        var help = FexProcess.Run(command, "--help");
        Assert.That(help.Out, Does.Contain("--at").And.Contain("start").And.Contain("default: end"));
        var bad = FexProcess.Run(command, command == "check" ? "x.claims" : "ltl:F a", "--at", "middle");
        Assert.That(bad.Code, Is.EqualTo(2), bad.Err);
    }
}
