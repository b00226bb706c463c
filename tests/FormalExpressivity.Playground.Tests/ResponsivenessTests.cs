using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// The page never freezes for long while it classifies (every stage runs in bounded steps:
/// <c>Classifier.ClassifyStepwise</c>, <c>IVerdictStage.RefineStepwise</c>, <c>TypeSearch.SearchStepwise</c>),
/// and Cancel stops a classification promptly with a message in the form of <c>fex</c>'s budget stop.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResponsivenessTests
{
    /// <summary>The heaviest small language of the goal table: about 900 steps.</summary>
    private const string Heavy = "re:Σ*abΣ*";
    private const string HeavyAlphabet = "a,b,c";

    /// <summary>
    /// The goal (issue 12): the page never freezes for more than 200 ms. Every stage runs in bounded steps and the
    /// page computes in slices of 25 ms that end early when the next step would overrun them (TimeSlices), so an
    /// idle machine sees tasks far below the bound. The browser's Long Tasks API measures wall-clock time, which a
    /// loaded machine stretches (7–15 runnable jobs on 2 cores stretch a 30 ms slice past 200 ms now and then), so the
    /// test classifies three times, each in a fresh page, and asserts the bound on the median of the three longest
    /// tasks; every run must stay within <see cref="OutlierBoundMilliseconds"/>, which one undivided stage fails
    /// (before the searches ran in steps the longest task was 2 852 ms, an undivided smallest-formula stage 1 854 ms).
    /// </summary>
    public const double FreezeBoundMilliseconds = 200;

    /// <summary>The bound on every single run's longest task (a stage that does not run in steps exceeds it).</summary>
    public const double OutlierBoundMilliseconds = 1000;

    [Test]
    public async Task Classifying_a_heavy_language_never_blocks_the_page_for_long()
    {
        var longestTasks = new List<double>();
        var lines = new List<string>();
        for (int run = 1; run <= 3; run++)
        {
            var page = await Browser.OpenAsync("?lang=" + Uri.EscapeDataString("re:(ab)*") + "&alphabet=a,b");
            await Responsiveness.WatchAsync(page);
            var clock = Stopwatch.StartNew();
            await Browser.ClassifyAsync(page, Heavy, HeavyAlphabet);
            var wall = clock.Elapsed;
            Assert.That(await page.GetAttributeAsync("#status", "data-state"), Is.EqualTo("done"));
            int steps = int.Parse((await page.GetAttributeAsync("#status", "data-steps"))!, CultureInfo.InvariantCulture);
            double longest = await Responsiveness.LongestTaskAsync(page);
            double gap = await Responsiveness.LongestFrameGapAsync(page);
            string longestStep = (await page.GetAttributeAsync("#status", "data-longest-step"))!;
            string longestActivity = (await page.GetAttributeAsync("#status", "data-longest-step-activity"))!;
            string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            string line = FormattableString.Invariant(
                $"run {run}: classify {Heavy} over {{{HeavyAlphabet}}}: {wall.TotalMilliseconds:0} ms wall, {steps} steps; longest task of the page's thread {longest:0} ms; longest gap between frames {gap:0} ms; longest step {longestStep} ms ({longestActivity}); load average {load}");
            TestContext.Out.WriteLine(line);
            lines.Add(line);
            Assert.That(steps, Is.GreaterThan(200), "the classification ran in many small steps");
            Assert.That(longest, Is.LessThanOrEqualTo(OutlierBoundMilliseconds), "longest task of the page's thread in one run (ms)");
            longestTasks.Add(longest);
            await page.Context.CloseAsync();
        }
        longestTasks.Sort();
        lines.Add(FormattableString.Invariant($"median of the longest tasks: {longestTasks[1]:0} ms (bound {FreezeBoundMilliseconds:0} ms)"));
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "freeze.txt"), lines);
        Assert.That(longestTasks[1], Is.LessThanOrEqualTo(FreezeBoundMilliseconds), "median over three runs of the longest task of the page's thread (ms)");
    }

    [Test]
    public async Task Cancel_stops_a_classification_promptly_and_says_so_as_fex_says_a_budget_stop()
    {
        var page = await Browser.OpenAsync("?lang=" + Uri.EscapeDataString("re:(ab)*") + "&alphabet=a,b");
        await page.FillAsync("#alphabet", HeavyAlphabet);
        await page.FillAsync("#lang", Heavy);
        // Deep in the run: the stages after the class rows, where the type searches are.
        await page.WaitForFunctionAsync(
            "lang => { const s = document.querySelector('#status'); return s.dataset.state === 'running' && Number(s.dataset.steps) > 300; }",
            Heavy, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 10 });
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("#cancel");
        await page.WaitForFunctionAsync("() => document.querySelector('#status').dataset.state === 'cancelled'",
            null, new PageWaitForFunctionOptions { Timeout = 10_000, PollingInterval = 10 });
        var stopped = clock.Elapsed;
        int steps = int.Parse((await page.GetAttributeAsync("#status", "data-steps"))!, CultureInfo.InvariantCulture);
        await Task.Delay(500);
        Assert.That(int.Parse((await page.GetAttributeAsync("#status", "data-steps"))!, CultureInfo.InvariantCulture), Is.EqualTo(steps),
            "no step runs after Cancel");
        Assert.That(await page.IsEnabledAsync("#classify"), Is.True, "a new classification can start");
        Assert.That(await page.IsDisabledAsync("#cancel"), Is.True);
        Assert.That(await page.QuerySelectorAsync("#architectures"), Is.Null, "no partial report is shown (as fex prints none on a budget stop)");

        // fex's budget stop: "fex: error: WHAT exceeded the budget NAME = N; raise --NAME to allow more" (exit 3).
        // The cancel message has the same form and names classify's budget flags with their values.
        string message = (await page.TextContentAsync("#error"))!;
        TestContext.Out.WriteLine($"Cancel took effect after {stopped.TotalMilliseconds:0} ms (click to page state); the page says: {message.TrimEnd()}");
        Assert.That(message, Does.Match(new Regex(
            @"^fex: error: classification cancelled after \d+ ms of computing \(\d+ steps\), during the [a-z-]+ stage on [A-Za-z]+(:\d+)?; lower --max-depth = \d+ or --max-types = \d+ to stop sooner at a budget\n$")));
        var (code, stdout, _) = Fex.Run("classify", "--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("--max-depth").And.Contain("--max-types"), "the flags the message names exist on fex classify");
        var (budgetCode, _, budgetError) = Fex.Run("classify", "re:(a|b)*a(a|b){12}", "--alphabet", "a,b", "--max-states", "100");
        Assert.That(budgetCode, Is.EqualTo(3));
        Assert.That(budgetError, Does.Match(new Regex(@"^fex: error: .*; raise --max-states to allow more( \(e\.g\. --max-states \d+\))?\n$")), "the CLI's budget stop the page's message imitates");
        // Promptly: the page computes at most 40 ms between two looks at the Cancel button.
        Assert.That(stopped, Is.LessThan(TimeSpan.FromSeconds(2)));
        await page.Context.CloseAsync();
    }
}
