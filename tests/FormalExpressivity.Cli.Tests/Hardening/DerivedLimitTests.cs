using System.Text;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Limits that were fixed constants whose messages only named a governing flag are now derived from that flag,
/// through the real executable: a regex repetition count is bounded by <c>--max-states</c> (RE005), a transformer
/// window by <c>--max-memory</c> (one DFA state of 2 bits a position must fit it) up to the hard limit of one array;
/// raising the flag raises the limit.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DerivedLimitTests
{
    private static FexOutcome Fex(Sandbox box, params string[] args)
    {
        box.Mark();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), args);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(30), budgeted: args.Contains("--max-memory"));
        return o;
    }

    /// <summary>a{5000} was RE005 whatever the budget (the limit was 1000); the count is now bounded by --max-states, in every front end that reads a regex.</summary>
    [Test]
    public void A_repetition_count_is_bounded_by_max_states()
    {
        using var box = new Sandbox();
        var low = Fex(box, "compile", "re:(a|b)a{5000}", "--max-states", "1000");
        Assert.That(low.Code, Is.EqualTo(3), low.ToString());
        Assert.That(low.Err, Does.Contain("RE005").And.Contain("above --max-states 1000").And.Contain("try --max-states 5000"), low.ToString());
        // The value it suggests is enough for the count; the DFA itself needs two more states (its run and the sink).
        var raised = Fex(box, "compile", "re:(a|b)a{5000}", "--max-states", "5003", "--format", "att");
        Assert.That(raised.Code, Is.EqualTo(0), raised.ToString());
        var byDefault = Fex(box, "compile", "re:(a|b)a{5000}", "--json");
        Assert.That(byDefault.Code, Is.EqualTo(0), byDefault.ToString());
        box.Write("r.lang", "alphabet {a, b}\nlanguage = re\"a{5000}\"\n");
        var lang = Fex(box, "compile", "r.lang", "--max-states", "100");
        Assert.That(lang.Code, Is.EqualTo(3), lang.ToString());
        Assert.That(lang.Err, Does.Contain("RE005").And.Contain("try --max-states 5000"), lang.ToString());
        var huge = Fex(box, "compile", "re:a{99999999999}");
        Assert.That(huge.Code, Is.EqualTo(3), huge.ToString());
        Assert.That(huge.Err, Does.Contain("RE005").And.Contain("no --max-states value allows it"), huge.ToString());
    }

    private static string Model(int heads, int window)
    {
        var text = new StringBuilder("transformer\nalphabet a b\nlayer {\n");
        for (int i = 0; i < heads; i++) text.Append($"  head f{i} = local:{window} strict select a value a\n");
        return text.Append("}\noutput f0\n").ToString();
    }

    /// <summary>A window above the old fixed limit of 10^6 loads when --max-memory holds one DFA state of it (2 bits a position, 3 bytes a bit), and is refused with the value to try when it does not.</summary>
    [Test]
    public void A_window_is_bounded_by_max_memory()
    {
        using var box = new Sandbox();
        box.Write("w.model", Model(1, 2_000_000));
        var low = Fex(box, "export", "w.model", "-o", "w.json", "--max-memory", "8M");
        Assert.That(low.Code, Is.EqualTo(3), low.ToString());
        Assert.That(low.Err, Does.Contain("4000000 bits").And.Contain("more than --max-memory 8M allows; try --max-memory"), low.ToString());
        var raised = Fex(box, "export", "w.model", "-o", "w.json", "--max-memory", "64M");
        Assert.That(raised.Code, Is.EqualTo(0), raised.ToString());
        Assert.That(File.Exists(box.PathOf("w.json")), Is.True);
    }

    /// <summary>
    /// Found by this audit: 1 100 heads of window 10^6 keep 2.2·10^9 bits a state, which overflowed a 32-bit sum
    /// (exit 4, "internal error (OverflowException)"), and 2 148 of them wrapped to 1 032 704 bits and suggested a
    /// --max-memory that could not work. The sum is now 64-bit and bounded by what one state can hold.
    /// </summary>
    [TestCase(1100)]
    [TestCase(2148)]
    public void Many_wide_windows_do_not_overflow_the_state_size(int heads)
    {
        using var box = new Sandbox();
        box.Write("m.model", Model(heads, 1_000_000));
        var o = Fex(box, "simulate", "m.model", "--lengths", "0-3", "--max-memory", FexRun.Budget);
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain($"keep {2L * heads * 1_000_000} bits").And.Contain("more than the 2147483591 one state can hold"), o.ToString());
    }
}
