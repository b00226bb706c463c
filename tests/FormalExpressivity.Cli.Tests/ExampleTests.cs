using FormalExpressivity.Cli;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Cli.Tests;

/// <summary>The example automata run through <c>fex</c>; outputs are golden files.</summary>
public class ExampleTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return dir.FullName;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    [TestCase("ends-in-a.json")]
    [TestCase("ends-in-a.att")]
    [TestCase("second-to-last-a.json")]
    public void Minimize_example(string file)
    {
        var r = Run("minimize", Path.Combine(Root(), "examples", "automata", file), "--format", "att");
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        Golden.Match(r.Out, "example_minimize_" + file.Replace('.', '_'));
    }

    [Test]
    public void Equiv_examples()
    {
        var dir = Path.Combine(Root(), "examples", "automata");
        var yes = Run("equiv", Path.Combine(dir, "ends-in-a.json"), Path.Combine(dir, "ends-in-a.att"));
        var no = Run("equiv", Path.Combine(dir, "ends-in-a.json"), Path.Combine(dir, "second-to-last-a.json"));
        Assert.That(yes.Code, Is.EqualTo(0), yes.Err);
        Assert.That(no.Code, Is.EqualTo(1), no.Err);
        Golden.Match(yes.Out + no.Out, "example_equiv");
    }
}
