using System.Text;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// Draws accuracy against length (ScottPlot 5, rendered off-screen by SkiaSharp, so it needs no
/// display). The file format follows the extension: <c>.svg</c> gives SVG, anything else PNG.
/// </summary>
public static class AccuracyPlot
{
    /// <summary>Renders the plot and writes it atomically to <paramref name="path"/>.</summary>
    /// <param name="report">The evaluation.</param>
    /// <param name="path">Target file (<c>.png</c> or <c>.svg</c>).</param>
    /// <param name="title">The title, e.g. the language.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Write(EvaluationReport report, string path, string title, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        var plot = Build(report, title);
        bool svg = string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase);
        byte[] bytes = svg
            ? new UTF8Encoding(false).GetBytes(plot.GetSvgXml(width, height))
            : plot.GetImage(width, height).GetImageBytes(ScottPlot.ImageFormat.Png);
        AtomicOutput.Write(path, s => s.Write(bytes));
    }

    private static ScottPlot.Plot Build(EvaluationReport report, string title)
    {
        var plot = new ScottPlot.Plot();
        var xs = report.PerLength.Select(l => (double)l.Length).ToArray();
        var ys = report.PerLength.Select(l => 100.0 * l.Accuracy).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = "accuracy";
        line.MarkerSize = xs.Length > 100 ? 0 : 4;
        if (report.NStar is { } nStar)
        {
            var v = plot.Add.VerticalLine(nStar);
            v.LegendText = $"N* = {nStar}";
            v.LinePattern = ScottPlot.LinePattern.Dashed;
        }
        plot.Title(title);
        plot.XLabel("length");
        plot.YLabel("accuracy (%)");
        double lo = xs.Length == 0 ? 0 : xs.Min(), hi = xs.Length == 0 ? 1 : xs.Max();
        if (hi <= lo) hi = lo + 1;
        plot.Axes.SetLimits(lo, hi, 0, 101);
        plot.ShowLegend();
        return plot;
    }
}
