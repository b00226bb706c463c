namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Issue "Classify at scale", the architecture rows, through the real executable: languages whose architecture rows
/// are all settled by exact classes must not spend minutes in least-depth type searches. Each ran for more than a
/// minute before (at least n−1 a's at 29 states: over 60 s even with <c>--window-sizes 1 --max-depth 1</c>; now about
/// 1 s of CPU); the bound leaves room for a shared machine and a Debug build.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ArchitectureScaleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private static FexOutcome Classify(params string[] args)
    {
        using var box = new Sandbox();
        var o = FexRun.Run(box.Directory, Bound + TimeSpan.FromSeconds(15), ["classify", .. args, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, Bound);
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        return o;
    }

    [Test]
    public void At_least_28_as_at_29_states_is_classified_quickly()
    {
        var o = Classify("re:(b*a){28}Σ*", "--alphabet", "a,b", "--window-sizes", "1", "--max-depth", "1", "--max-formula-size", "0", "--classes", "none");
        Assert.That(o.Out, Does.Contain("minimal DFA with 29 states"));
        Assert.That(o.Out, Does.Match(@"global\s+yes"));
        Assert.That(o.Out, Does.Match(@"hybrid:1\s+yes"));
    }
}
