using System.Diagnostics;
using System.Globalization;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Alphabets;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// The goals, measured and written to goals.txt next to the test assembly: classify time of
/// small languages in the browser against the same library call under the JIT, and the longest block
/// of the page's thread. Only loose bounds are asserted (the CI machine is shared).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class GoalTests
{
    private static readonly (string Lang, string Alphabet)[] Small =
    [
        ("re:(ab)*", "a,b"), ("ltl:Y[<=2] a", "a,b"), ("re:Σ*abΣ*", "a,b,c"), ("re:(a(ab)*b)*", "a,b"), ("re:[a b1 c]* a [b0 c]*", "a,b0,b1,c"),
    ];

    [Test]
    public async Task Classify_in_the_browser_against_the_jit_for_languages_of_at_most_ten_states()
    {
        var page = await Browser.OpenAsync("?lang=" + Uri.EscapeDataString("re:(ab)*") + "&alphabet=a,b");
        var lines = new List<string> { "language | states | browser classify ms | JIT classify ms | ratio" };
        foreach (var (lang, alphabet) in Small)
        {
            // Browser: the second run of the same input (the first warms the interpreter's caches).
            await Browser.ClassifyAsync(page, lang, alphabet);
            int run = await Browser.WaitForRunAsync(page, 0);
            await page.ClickAsync("#classify");
            await Browser.WaitForRunAsync(page, run);
            double browser = double.Parse((await page.TextContentAsync("#classify-ms"))!, CultureInfo.InvariantCulture);
            int states = int.Parse((await page.GetAttributeAsync("#dfa", "data-states"))!, CultureInfo.InvariantCulture);
            Assert.That(states, Is.LessThanOrEqualTo(10));

            // JIT: the same library call with the options the page builds from fex classify's defaults
            // (ClassifySettings.ToOptions: Budgets.Default, windows 1,2,4), best of 3 after a warm-up.
            Alphabet.TryParse(alphabet, out var sigma, out _);
            var dfa = LanguageLoader.Load(lang, sigma);
            var options = new ClassifierOptions { WindowSizes = [1, 2, 4], Engine = new FormalExpressivity.Classes.Verdicts.VerdictEngine(FormalExpressivity.Classes.Verdicts.VerdictOptions.From(FormalExpressivity.Core.Limits.Budgets.Default)) };
            Classifier.Classify(dfa, options);
            double jit = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                Classifier.Classify(dfa, options);
                jit = Math.Min(jit, clock.Elapsed.TotalMilliseconds);
            }
            lines.Add(FormattableString.Invariant($"{lang} | {states} | {browser:0} | {jit:0.0} | {browser / jit:0.0}"));
        }
        lines.Add("longest block of the page's thread: " + await page.TextContentAsync("#longest-block") + " ms");
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "goals.txt"), lines);
        foreach (var l in lines) TestContext.Out.WriteLine(l);
        await page.Context.CloseAsync();
    }
}
