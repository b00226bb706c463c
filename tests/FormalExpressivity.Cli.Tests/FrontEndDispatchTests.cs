using System.Text.Json;
using FormalExpressivity.Cli;

namespace FormalExpressivity.Cli.Tests;

/// <summary>The language loader's prefixes and extensions, through the real commands.</summary>
public class FrontEndDispatchTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    private static string Example(string name) =>
        Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "examples", "languages", name));

    [Test]
    public void The_issue_example_regex_and_past_formula_are_equivalent()
    {
        var (code, output, err) = Run("equiv", "re:Σ*abΣ*", "ltl:P(b & Y a)", "--alphabet", "a,b,c", "--json");
        Assert.That(code, Is.EqualTo(0), err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.That(json.GetProperty("equivalent").GetBoolean(), Is.True);
        Assert.That(json.GetProperty("certificate").GetProperty("checked").GetBoolean(), Is.True);
    }

    [Test]
    public void First_order_and_lang_files_reach_the_same_language()
    {
        Assert.That(Run("equiv", "fo:exists x. exists y. succ(x, y) & a(x) & b(y)", "re:Σ*abΣ*", "--alphabet", "a,b,c").Code, Is.EqualTo(0));
        Assert.That(Run("equiv", Example("lt2-factor.lang"), "re:Σ*abΣ*", "--alphabet", "a,b,c").Code, Is.EqualTo(0));
        var different = Run("equiv", "ltl:P(a & Y b)", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--json");
        Assert.That(different.Code, Is.EqualTo(1));
        Assert.That(JsonDocument.Parse(different.Out).RootElement.GetProperty("counterexample").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Each_front_end_reports_its_own_positioned_error_with_exit_3()
    {
        var re = Run("compile", "re:(ab");
        Assert.That(re.Code, Is.EqualTo(3));
        Assert.That(re.Err, Does.StartWith("re:1:1: error RE007"));
        var ltl = Run("compile", "ltl:P(b & ");
        Assert.That(ltl.Code, Is.EqualTo(3));
        Assert.That(ltl.Err, Does.StartWith("ltl:1:2: error LTL007"));
        var fo = Run("compile", "fo:exists x. a(y)", "--alphabet", "a,b");
        Assert.That(fo.Code, Is.EqualTo(3));
        Assert.That(fo.Err, Does.Contain("FO010"));
    }
}
