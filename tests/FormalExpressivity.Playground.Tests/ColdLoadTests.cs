using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// The cold-load goal (≤ 4 s on localhost to the first result), measured three times with a cold cache and
/// taken apart with the browser's own clocks (milliseconds since navigation): when the last file of the .NET
/// runtime and the app arrived, when the app first rendered (runtime started), when the first verdict row is
/// in the DOM, and when Graphviz's drawing is. Written to cold-load.txt next to the test assembly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ColdLoadTests
{
    /// <summary>Records, in the page's clock, when the app's first element, the first verdict row and the DFA drawing appear.</summary>
    private const string Watch = """
        (() => {
            window.fexTimes = {};
            window.fexLong = [];
            new PerformanceObserver(list => { for (const e of list.getEntries()) window.fexLong.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
            const seen = (name, selector) => { if (!window.fexTimes[name] && document.querySelector(selector)) window.fexTimes[name] = performance.now(); };
            new MutationObserver(() => {
                seen('app', '#status');
                seen('verdict', '#architectures tr[data-verdict]');
                seen('svg', '#dfa svg');
            }).observe(document, { childList: true, subtree: true });
        })();
        """;

    /// <summary>The page's clocks after a load: the times above and the resource timings.</summary>
    private const string Read = """
        () => {
            const resources = performance.getEntriesByType('resource');
            const end = pred => Math.max(0, ...resources.filter(pred).map(r => r.responseEnd));
            return JSON.stringify({
                app: window.fexTimes.app ?? -1, verdict: window.fexTimes.verdict ?? -1, svg: window.fexTimes.svg ?? -1,
                framework: end(r => r.name.includes('/_framework/')),
                viz: end(r => r.name.includes('viz-global')),
                files: resources.length,
                long: JSON.stringify(window.fexLong),
                res: resources.map(r => r.name.split('/').pop().slice(0, 30) + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)).join('; '),
            });
        }
        """;

    /// <summary>
    /// Three cold loads of the site. With FEX_COLD_COMPARE set to another published site's wwwroot (e.g. the site of an
    /// earlier commit), the loads alternate between the two sites — other, this, other, this, … — so both see the
    /// same machine load, and both are reported (a before/after comparison on a shared machine). With FEX_COLD_DIAG=1
    /// each run also lists the page's long tasks [start, duration] and every file's request start and arrival.
    /// </summary>
    [Test]
    public async Task Cold_load_to_the_first_verdict_three_times()
    {
        var lines = new List<string> { "site | run | framework files arrived ms | app rendered ms | first verdict row ms | DFA drawn ms | Graphviz arrived ms | bytes (brotli) | page's classify ms | load average" };
        var sites = new List<(string Name, string Root)>();
        if (Environment.GetEnvironmentVariable("FEX_COLD_COMPARE") is { Length: > 0 } other) sites.Add(("compared", other));
        sites.Add(("this", Browser.SiteRoot));
        var verdicts = sites.ToDictionary(s => s.Name, _ => new List<double>());
        for (int run = 1; run <= 3; run++)
        {
            foreach (var (name, root) in sites)
            {
                using var site = new StaticSite(root);
                var context = await Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
                var page = await context.NewPageAsync();
                Browser.Log(page);
                await page.AddInitScriptAsync(Watch);
                await page.GotoAsync(site.Url + "?lang=" + Uri.EscapeDataString("re:(ab)*") + "&alphabet=a,b");
                await Browser.WaitForRunAsync(page, 0);
                await page.WaitForSelectorAsync("#dfa svg");
                using var times = JsonDocument.Parse(await page.EvaluateAsync<string>(Read));
                double Get(string key) => times.RootElement.GetProperty(key).GetDouble();
                string classify = (await page.TextContentAsync("#classify-ms"))!;
                string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
                lines.Add(FormattableString.Invariant(
                    $"{name} | {run} | {Get("framework"):0} | {Get("app"):0} | {Get("verdict"):0} | {Get("svg"):0} | {Get("viz"):0} | {site.BytesSent} | {classify} | {load}"));
                verdicts[name].Add(Get("verdict"));
                if (Environment.GetEnvironmentVariable("FEX_COLD_DIAG") == "1") lines.Add(times.RootElement.GetProperty("long").GetString() + "\n" + times.RootElement.GetProperty("res").GetString());
                Assert.That(Get("app"), Is.GreaterThan(0).And.LessThan(Get("verdict")), "the app renders before its first verdict");
                await context.CloseAsync();
            }
        }
        foreach (var (name, list) in verdicts)
        {
            list.Sort();
            lines.Add(FormattableString.Invariant($"{name}: median cold load to the first verdict row: {list[1]:0} ms (goal 4 000 ms on an idle machine)"));
        }
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "cold-load-runs.txt"), lines);
        foreach (var l in lines) TestContext.Out.WriteLine(l);
        // The goal is 4 s on an idle machine; the shared CI machine (many jobs on 2 cores) gets a margin.
        Assert.That(verdicts["this"][1], Is.LessThan(20_000));
    }
}
