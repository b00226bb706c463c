using System.Text;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// Draws accuracy against length (ScottPlot 5, rendered off-screen by SkiaSharp, so it needs no
/// display): one line per model with its 95 % Wilson band, the training lengths shaded, the chance
/// line (the majority label's share at each length: 50 % on a balanced corpus) and N* per model.
/// The file format follows the extension: <c>.svg</c> gives SVG, anything else PNG.
/// </summary>
public static class AccuracyPlot
{
    /// <summary>Renders the plot and writes it atomically to <paramref name="path"/>.</summary>
    /// <param name="reports">The evaluations, one per model (all on the same corpus).</param>
    /// <param name="path">Target file (<c>.png</c> or <c>.svg</c>).</param>
    /// <param name="title">The title, e.g. the language.</param>
    /// <param name="trainingLengths">The training length range to shade, when known.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Write(IReadOnlyList<EvaluationReport> reports, string path, string title, (int Min, int Max)? trainingLengths = null, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(path);
        var plot = Build(reports, title, trainingLengths);
        bool svg = string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase);
        byte[] bytes = svg
            ? new UTF8Encoding(false).GetBytes(plot.GetSvgXml(width, height))
            : plot.GetImage(width, height).GetImageBytes(ScottPlot.ImageFormat.Png);
        AtomicOutput.Write(path, s => s.Write(bytes));
    }

    private static ScottPlot.Plot Build(IReadOnlyList<EvaluationReport> reports, string title, (int Min, int Max)? training)
    {
        var plot = new ScottPlot.Plot();
        var all = reports.SelectMany(r => r.PerLength).Select(l => (double)l.Length).ToArray();
        double lo = all.Length == 0 ? 0 : all.Min(), hi = all.Length == 0 ? 1 : all.Max();
        if (training is { } t)
        {
            var span = plot.Add.HorizontalSpan(t.Min, t.Max);
            span.LegendText = $"training lengths {t.Min}-{t.Max}";
            span.FillStyle.Color = ScottPlot.Colors.Gray.WithAlpha(0.2);
            span.LineStyle.Width = 0;
            lo = Math.Min(lo, t.Min);
            hi = Math.Max(hi, t.Max);
        }
        if (reports.Count > 0 && reports[0].PerLength.Count > 0)
        {
            var first = reports[0].PerLength;
            var chance = plot.Add.Scatter(first.Select(l => (double)l.Length).ToArray(), first.Select(l => 100.0 * Math.Max(l.Positives, l.Negatives) / Math.Max(1, l.Total)).ToArray());
            chance.LegendText = "chance (majority label)";
            chance.LinePattern = ScottPlot.LinePattern.Dotted;
            chance.MarkerSize = 0;
            chance.Color = ScottPlot.Colors.Black;
        }
        var palette = new ScottPlot.Palettes.Category10();
        for (int m = 0; m < reports.Count; m++)
        {
            var r = reports[m];
            var color = palette.GetColor(m);
            var xs = r.PerLength.Select(l => (double)l.Length).ToArray();
            if (xs.Length == 0) continue;
            var band = plot.Add.FillY(xs, r.PerLength.Select(l => 100 * l.Interval.Lower).ToArray(), r.PerLength.Select(l => 100 * l.Interval.Upper).ToArray());
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, r.PerLength.Select(l => 100.0 * l.Accuracy).ToArray());
            line.LegendText = reports.Count == 1 ? "accuracy (95 % Wilson band)" : $"{Path.GetFileName(r.Model)} (95 % band)";
            line.MarkerSize = xs.Length > 100 ? 0 : 4;
            line.Color = color;
            if (r.NStar is { } nStar)
            {
                var v = plot.Add.VerticalLine(nStar);
                v.LegendText = reports.Count == 1 ? $"N* = {nStar}" : $"N* = {nStar} ({Path.GetFileName(r.Model)})";
                v.LinePattern = ScottPlot.LinePattern.Dashed;
                v.Color = color;
            }
        }
        plot.Title(title);
        plot.XLabel("length");
        plot.YLabel("accuracy (%)");
        if (hi <= lo) hi = lo + 1;
        plot.Axes.SetLimits(lo, hi, 0, 101);
        plot.ShowLegend();
        return plot;
    }
}
