namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Inputs of a few bytes whose automaton is huge, and endless inputs, through the real executable: each
/// ends quickly with exit 3 and a limit naming a flag of the command, under the memory budget — found by
/// the hardening audit after the issue's own reproductions were fixed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BlowUpTests
{
    /// <summary>
    /// Nested repetitions: ((a{1000}){1000}){1000} took over 120 s and 4.9 GB before the budget stopped it;
    /// the lower bound of <c>RegexStateBound</c> (a shortest or, if finite, longest word of length ℓ needs
    /// ℓ + 1 states) refuses it before any construction. A complement has the same bound.
    /// </summary>
    [TestCase("re:((a{1000}){1000}){1000}")]
    [TestCase("re:~((a|b){1000}){1000}{1000}")]
    [TestCase("re:((a?){1000}){1000}{1000}")]
    public void A_nested_repetition_with_a_huge_DFA_is_refused_at_once(string language)
    {
        using var box = new Sandbox();
        box.Mark();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), ["compile", language, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(10));
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("needs at least 1000000001 states").And.Contain("--max-states"), o.ToString());
        box.AssertUnchangedExcept(o);
        // The same expressions through a .lang file and corpus (the regex front end is shared).
        box.Write("x.lang", $"alphabet {{a, b}}\nlanguage = re\"{language[3..]}\"\n");
        box.Mark();
        var corpus = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), ["corpus", "x.lang", "-o", "c", "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(corpus, TimeSpan.FromSeconds(10));
        Assert.That(corpus.Code, Is.EqualTo(3), corpus.ToString());
        Assert.That(corpus.Err, Does.Contain("--max-states"), corpus.ToString());
        box.AssertUnchangedExcept(corpus);
    }

    /// <summary>
    /// A union or an intersection used to hide the length bound (ε is in x(a{1000}){1000}{1000}|b*), so the
    /// derivative construction ran for a minute up to the memory budget; the bound now sees through them (the
    /// shortest word after the first letter x, RegexStateBound) and refuses at once, through every command.
    /// </summary>
    [TestCase("compile", "re:x(a{1000}){1000}{1000}|b*", "1000000001")]
    [TestCase("classify", "re:(x(a{1000}){1000}{1000}|b*)*", "1000000001")]
    [TestCase("corpus", "re:(a{1000}){1000}{1000}-b", "1000000001")]
    [TestCase("equiv", "re:~(b|x(a{1000}){1000}{1000})", "1000000001")]
    public void A_length_bound_under_a_union_or_an_intersection_is_refused_at_once(string command, string language, string states)
    {
        using var box = new Sandbox();
        box.Mark();
        string[] args = command switch
        {
            "corpus" => ["corpus", language, "-o", "c"],
            "equiv" => ["equiv", language, "re:b"],
            _ => [command, language],
        };
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), [.. args, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(10));
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        // A complement adds at most its sink; equiv's union alphabet {a, b, x} may add one more.
        Assert.That(o.Err, Does.Match($@"needs at least {states[..^1]}\d states").And.Contain("--max-states"), o.ToString());
        box.AssertUnchangedExcept(o);
    }

    /// <summary>
    /// An intersection (or complement) at the top of the expression, also under a union, is built operand by operand
    /// and combined by the product construction, so each operand's own lower bound refuses it at once: these ran the
    /// derivative construction for up to two minutes before the memory budget stopped it.
    /// </summary>
    [TestCase("compile", "re:(x(a{1000}){1000}{1000}&x(a|b)*)|b*")]
    [TestCase("compile", "re:x(a|b)*&x(a{1000}){1000}{1000}")]
    [TestCase("classify", "re:~(xb*) & ~(x(a{1000}){1000}{1000})")]
    [TestCase("equiv", "re:((a{1000}){1000}{1000}&(a|b)*a)|b")]
    public void A_huge_operand_of_a_Boolean_combination_is_refused_at_once(string command, string language)
    {
        using var box = new Sandbox();
        box.Mark();
        string[] args = command == "equiv" ? ["equiv", language, "re:b"] : [command, language];
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), [.. args, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(10));
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("the DFA of the operand").And.Match(@"needs at least 100000000\d states").And.Contain("--max-states"), o.ToString());
        box.AssertUnchangedExcept(o);
    }

    /// <summary>
    /// An intersection below a concatenation still hides the bound, so the derivative construction runs: it used to
    /// grow to 2.5 GB under --max-memory 512M; it now checks the heap as its state set grows.
    /// </summary>
    [Test]
    public void The_derivative_construction_stops_at_the_memory_budget()
    {
        using var box = new Sandbox();
        box.Mark();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(150), ["compile", "re:y(x(a{1000}){1000}{1000}&x(a|b)*)", "--max-memory", "200M"]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(120), budgeted: false);
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--max-memory"), o.ToString());
        Assert.That(o.PeakBytes, Is.LessThan((200L << 20) + FexRun.RuntimeOverheadBytes), o.ToString());
        box.AssertUnchangedExcept(o);
    }

    /// <summary>
    /// A line-by-line corpus that is a pipe fed from /dev/zero: one endless line, checked against the memory budget
    /// as it grows (it reached 1.09 GB under --max-memory 512M). A device itself is refused up front
    /// (IssueReproductionTests), so the endless input comes through a FIFO, which is a legitimate input.
    /// </summary>
    [TestCase("simulate", "z.jsonl")]
    [TestCase("simulate", "z.csv")]
    [TestCase("eval", "z.jsonl")]
    public void An_endless_corpus_line_stops_under_the_memory_budget(string command, string name)
    {
        if (!File.Exists("/dev/zero") || !OperatingSystem.IsLinux()) Assert.Ignore("no /dev/zero");
        using var box = new Sandbox();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [box.PathOf(name)])) mkfifo.WaitForExit();
        // The writer: endless zero bytes into the FIFO until the reader closes it (then cat ends with SIGPIPE).
        using var writer = System.Diagnostics.Process.Start("sh", ["-c", $"exec cat /dev/zero > '{box.PathOf(name)}'"]);
        try
        {
            box.Mark();
            string[] args = command == "simulate"
                ? ["simulate", "ltl:Y a", "--alphabet", "a,b", "--corpus", name]
                : ["eval", "re:(a|b)*a", "--corpus", name, "--predictions", name];
            var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(90), [.. args, "--max-memory", FexRun.Budget]);
            FexRun.AssertHardened(o, TimeSpan.FromSeconds(60));
            Assert.That(o.Code, Is.EqualTo(3), o.ToString());
            Assert.That(o.Err, Does.Contain("--max-memory").Or.Contain("--max-input-bytes"), o.ToString());
            box.AssertUnchangedExcept(o);
        }
        finally
        {
            if (!writer.HasExited) writer.Kill();
            writer.WaitForExit();
        }
    }
}
