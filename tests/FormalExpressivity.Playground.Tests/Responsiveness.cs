using Microsoft.Playwright;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// Measures how long the page's main thread is blocked: the browser's Long Tasks API reports every task
/// over 50 ms with its duration; the longest one since <see cref="WatchAsync"/> is the page's longest freeze.
/// </summary>
public static class Responsiveness
{
    /// <summary>Starts recording long tasks from now on (earlier ones, e.g. the start-up, are not counted).</summary>
    public static Task WatchAsync(IPage page) => page.EvaluateAsync(
        "() => { window.fexLongest = 0; window.fexLongTasks = []; new PerformanceObserver(list => { for (const e of list.getEntries()) { window.fexLongTasks.push(e.duration); window.fexLongest = Math.max(window.fexLongest, e.duration); } }).observe({ type: 'longtask' }); }");

    /// <summary>The longest task (ms) since <see cref="WatchAsync"/>; 0 when none exceeded 50 ms.</summary>
    public static async Task<double> LongestTaskAsync(IPage page) => await page.EvaluateAsync<double>("() => window.fexLongest");
}
