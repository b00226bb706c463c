using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// One Debian Chromium (/usr/bin/chromium, or $FEX_CHROMIUM) and one static server for the whole test
/// run. Playwright only drives the browser: it never downloads one.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    /// <summary>The published site (wwwroot of the publish folder next to the test assembly).</summary>
    public static string SiteRoot => Path.Combine(TestContext.CurrentContext.TestDirectory, "playground", "wwwroot");

    /// <summary>Where screenshots go (committed copies live in docs/).</summary>
    public static string Screenshots => Path.Combine(TestContext.CurrentContext.TestDirectory, "screenshots");

    /// <summary>The running server.</summary>
    public static StaticSite Site { get; private set; } = null!;

    /// <summary>The launched browser.</summary>
    public static IBrowser Chromium { get; private set; } = null!;

    private static IPlaywright? _playwright;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Assert.That(File.Exists(Path.Combine(SiteRoot, "index.html")), Is.True, $"the build publishes the site into {SiteRoot}");
        string executable = Environment.GetEnvironmentVariable("FEX_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(executable), Is.True, $"Debian's chromium is needed at {executable} (.ci/run installs it)");
        Directory.CreateDirectory(Screenshots);
        Site = new StaticSite(SiteRoot);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Chromium is not null) await Chromium.CloseAsync();
        _playwright?.Dispose();
        Site?.Dispose();
    }

    /// <summary>A fresh page (own context: cold cache unless <paramref name="context"/> is given) at the site's URL plus <paramref name="query"/>, waiting for the first result.</summary>
    public static async Task<IPage> OpenAsync(string query = "", IBrowserContext? context = null)
    {
        context ??= await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        Log(page);
        await page.GotoAsync(Site.Url + query);
        await WaitForRunAsync(page, 0);
        return page;
    }

    /// <summary>Sends the page's console errors and warnings (every message when FEX_CONSOLE=1) and uncaught errors to the test log (a failing run shows why).</summary>
    public static void Log(IPage page)
    {
        page.Console += (_, m) => { if (m.Type is "error" or "warning" || Environment.GetEnvironmentVariable("FEX_CONSOLE") == "1") TestContext.Progress.WriteLine($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => TestContext.Progress.WriteLine("page error: " + e);
    }

    /// <summary>Waits until a classification newer than run number <paramref name="after"/> has finished; returns its number.</summary>
    public static async Task<int> WaitForRunAsync(IPage page, int after, float timeout = 60_000)
    {
        await page.WaitForFunctionAsync(
            "n => { const s = document.querySelector('#status'); return s && Number(s.dataset.run) > n && (s.dataset.state === 'done' || s.dataset.state === 'error'); }",
            after, new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 25 });
        return int.Parse(await page.GetAttributeAsync("#status", "data-run") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Types a language and alphabet into the page and classifies it; returns when the page shows its result. The
    /// timeout is generous: a language over four to six symbols (examples/fixed-precision.claims' LDP-1, LDP-2) takes
    /// the CLI 12 s of CPU, mostly in the smallest-formula tables, and WebAssembly 5–10 times that on a loaded machine.
    /// </summary>
    public static async Task ClassifyAsync(IPage page, string lang, string alphabet)
    {
        int before = int.Parse(await page.GetAttributeAsync("#status", "data-run") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#lang", lang);
        await page.FillAsync("#alphabet", alphabet);
        // Typing schedules a run after a pause; wait for the one that sees both fields.
        await page.WaitForFunctionAsync(
            "([n, lang, alphabet]) => { const s = document.querySelector('#status'); return Number(s.dataset.run) > n && s.dataset.lang === lang && s.dataset.alphabet === alphabet && (s.dataset.state === 'done' || s.dataset.state === 'error'); }",
            new object[] { before, lang, alphabet }, new PageWaitForFunctionOptions { Timeout = 300_000, PollingInterval = 25 });
    }
}
