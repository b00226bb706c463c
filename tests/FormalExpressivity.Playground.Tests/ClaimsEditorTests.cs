using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>The claims editor: the same report as <c>fex check</c>, the same diagnostics, and Cancel between claims.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ClaimsEditorTests
{
    private static string LocalAttention => Path.Combine(Languages.Root, "examples", "local-attention.claims");

    /// <summary>Waits until the claims check has left the running state; returns that state.</summary>
    private static async Task<string> WaitForClaimsAsync(IPage page, int afterRun)
    {
        await page.WaitForFunctionAsync(
            "n => { const s = document.querySelector('#claims-status'); return Number(s.dataset.run) > n && s.dataset.state !== 'running'; }",
            afterRun, new PageWaitForFunctionOptions { Timeout = 900_000, PollingInterval = 100 });
        return (await page.GetAttributeAsync("#claims-status", "data-state"))!;
    }

    [Test]
    public async Task The_claims_editor_reproduces_fex_check_on_local_attention()
    {
        var (code, stdout, _) = Fex.Run("check", LocalAttention);
        var (_, json, _) = Fex.Run("check", LocalAttention, "--json");
        Assert.That(code, Is.EqualTo(0));
        var expected = JsonNode.Parse(json)!.AsObject();

        var page = await Browser.OpenAsync();
        await page.SelectOptionAsync("#claims-example", "local-attention.claims");
        Assert.That(await page.InputValueAsync("#claims"), Is.EqualTo(File.ReadAllText(LocalAttention)), "the example is the committed file");
        await page.ClickAsync("#check");
        Assert.That(await WaitForClaimsAsync(page, 0), Is.EqualTo("done"));

        var summary = expected["summary"]!;
        Assert.Multiple(async () =>
        {
            Assert.That(await page.GetAttributeAsync("#claims-summary", "data-confirmed"), Is.EqualTo(summary["confirmed"]!.ToString()));
            Assert.That(await page.GetAttributeAsync("#claims-summary", "data-refuted"), Is.EqualTo(summary["refuted"]!.ToString()));
            Assert.That(await page.GetAttributeAsync("#claims-summary", "data-unknown"), Is.EqualTo(summary["unknown"]!.ToString()));
            Assert.That(await page.TextContentAsync("#claims-summary"), Is.EqualTo(stdout.TrimEnd('\n').Split('\n')[^1]), "the summary line of fex check");
        });
        // Row by row: line and status of every claim, in file order.
        var rows = await page.QuerySelectorAllAsync("#claims-table tbody tr");
        var seen = new List<string>();
        foreach (var row in rows) seen.Add(await row.GetAttributeAsync("data-line") + " " + await row.GetAttributeAsync("data-status"));
        var want = expected["claims"]!.AsArray().Select(c => c!["line"] + " " + c["status"]).ToList();
        Assert.That(seen, Is.EqualTo(want));
        // And the whole text report, character for character.
        await page.ClickAsync("#claims-section details summary");
        Assert.That(await page.TextContentAsync("#claims-text"), Is.EqualTo(stdout));
        await page.Locator("#claims-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "claims.png") });
        await page.Context.CloseAsync();
    }

    [TestCase("01-missing-by.claims")]
    [TestCase("23-every-error-at-once.claims")]
    [TestCase("52-bad-class.claims")]
    public async Task A_bad_claims_file_shows_fex_check_s_diagnostics(string name)
    {
        string path = Path.Combine(Languages.Root, "tests", "data", "claims", "bad", name);
        var (code, _, stderr) = Fex.Run("check", path);
        Assert.That(code, Is.EqualTo(3));
        var page = await Browser.OpenAsync();
        await page.FillAsync("#claims", File.ReadAllText(path));
        // The CLI names the file as it was given; the page names it by its file-name field.
        await page.FillAsync("#claims-name", path);
        await page.ClickAsync("#check");
        Assert.That(await WaitForClaimsAsync(page, 0), Is.EqualTo("error"));
        Assert.That(await page.TextContentAsync("#claims-error"), Is.EqualTo(stderr));
        Assert.That(await page.QuerySelectorAsync("#claims-summary"), Is.Null, "no report next to an error");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Cancel_stops_the_check_between_claims_and_the_page_stays_responsive()
    {
        var page = await Browser.OpenAsync();
        await Responsiveness.WatchAsync(page);
        await page.SelectOptionAsync("#claims-example", "local-attention.claims");
        await page.ClickAsync("#check");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#claims-status').dataset.checked) >= 5",
            null, new PageWaitForFunctionOptions { Timeout = 600_000, PollingInterval = 50 });
        await page.ClickAsync("#claims-cancel", new PageClickOptions { Timeout = 60_000 });
        Assert.That(await WaitForClaimsAsync(page, 0), Is.EqualTo("cancelled"));
        int done = int.Parse((await page.GetAttributeAsync("#claims-status", "data-checked"))!, System.Globalization.CultureInfo.InvariantCulture);
        int total = int.Parse((await page.GetAttributeAsync("#claims-status", "data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(done, Is.LessThan(total), "stopped before the end");
        Assert.That(await page.QuerySelectorAsync("#claims-summary"), Is.Null, "a cancelled check has no totals");
        Assert.That(await page.IsEnabledAsync("#check"), Is.True, "a new check can start");
        double longest = await Responsiveness.LongestTaskAsync(page);
        TestContext.Out.WriteLine($"claims check: cancelled after {done} of {total} claims; longest task of the page's thread {longest:0} ms; parse and bind {await page.GetAttributeAsync("#claims-status", "data-read-ms")} ms; longest step {await page.GetAttributeAsync("#claims-status", "data-longest-step")} ms");
        // One run, so a margin of twice the goal for the loaded test machine (ResponsivenessTests asserts the goal itself
        // on the median of three runs); an undivided check (842 ms before it ran in steps) fails it.
        Assert.That(longest, Is.LessThanOrEqualTo(2 * ResponsivenessTests.FreezeBoundMilliseconds), "longest task of the page's thread (ms)");
        await page.Context.CloseAsync();
    }
}
