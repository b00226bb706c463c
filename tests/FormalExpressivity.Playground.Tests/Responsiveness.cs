using Microsoft.Playwright;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// Measures how long the page's main thread is blocked: the browser's Long Tasks API reports every task
/// over 50 ms with its duration; the longest one since <see cref="WatchAsync"/> is the page's longest freeze.
/// </summary>
public static class Responsiveness
{
    /// <summary>
    /// Starts recording long tasks from now on (earlier ones, e.g. the start-up, are not counted), and the
    /// longest gap between two animation frames (a second view of the same freeze: no frame is painted
    /// while the thread is blocked).
    /// </summary>
    public static Task WatchAsync(IPage page) => page.EvaluateAsync(
        "() => { window.fexLongest = 0; window.fexLongTasks = []; new PerformanceObserver(list => { for (const e of list.getEntries()) { window.fexLongTasks.push(e.duration); window.fexLongest = Math.max(window.fexLongest, e.duration); } }).observe({ type: 'longtask' });"
        + " window.fexFrameGap = 0; let last = performance.now(); const frame = t => { window.fexFrameGap = Math.max(window.fexFrameGap, t - last); last = t; requestAnimationFrame(frame); }; requestAnimationFrame(frame); }");

    /// <summary>The longest gap (ms) between two animation frames since <see cref="WatchAsync"/>.</summary>
    public static async Task<double> LongestFrameGapAsync(IPage page) => await page.EvaluateAsync<double>("() => window.fexFrameGap");

    /// <summary>The longest task (ms) since <see cref="WatchAsync"/>; 0 when none exceeded 50 ms.</summary>
    public static async Task<double> LongestTaskAsync(IPage page) => await page.EvaluateAsync<double>("() => window.fexLongest");
}
