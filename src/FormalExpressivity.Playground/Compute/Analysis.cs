using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Playground.Compute;

/// <summary>The budgets and window sizes of one classification, named as <c>fex classify</c>'s options.</summary>
/// <param name="WindowSizes">--window-sizes (default 1,2,4).</param>
/// <param name="MaxDepth">--max-depth (default <see cref="FormalExpressivity.Core.Limits.Budgets.DefaultMaxDepth"/>).</param>
/// <param name="MaxTypes">--max-types (default <see cref="FormalExpressivity.Core.Limits.Budgets.DefaultMaxTypes"/>).</param>
public sealed record ClassifySettings(string WindowSizes = "1,2,4", int MaxDepth = FormalExpressivity.Core.Limits.Budgets.DefaultMaxDepth,
    int MaxTypes = FormalExpressivity.Core.Limits.Budgets.DefaultMaxTypes)
{
    /// <summary>The defaults of <c>fex classify</c>.</summary>
    public static ClassifySettings Default { get; } = new();

    /// <summary>Checks the values as <c>fex classify</c> does; returns its error message or null.</summary>
    /// <param name="windows">The parsed window sizes.</param>
    public string? Validate(out int[] windows)
    {
        // The ranges are the CLI's own: the budgets' in Budgets.All, the window sizes' in ClassifierOptions.
        if (FormalExpressivity.Core.Limits.Budgets.Find("max-depth")!.RangeProblem(MaxDepth) is { } depth) { windows = []; return $"fex: error: {depth}\n"; }
        if (FormalExpressivity.Core.Limits.Budgets.Find("max-types")!.RangeProblem(MaxTypes) is { } types) { windows = []; return $"fex: error: {types}\n"; }
        return ClassifierOptions.TryParseWindowSizes(WindowSizes, out windows, out var bad) ? null : $"fex: error: {bad}\n";
    }

    /// <summary>The classifier options <c>fex classify</c> builds from these values.</summary>
    /// <param name="windows">The validated window sizes.</param>
    public ClassifierOptions ToOptions(int[] windows) => new()
    {
        WindowSizes = windows,
        Engine = new FormalExpressivity.Classes.Verdicts.VerdictEngine(FormalExpressivity.Classes.Verdicts.VerdictOptions.From(
            FormalExpressivity.Core.Limits.Budgets.Default with { MaxDepth = MaxDepth, MaxTypes = MaxTypes })),
    };
}

/// <summary>Everything the page shows for one language: the report as <c>fex classify --json</c> prints it, the minimal DFA and its drawing.</summary>
/// <param name="Input">What was classified.</param>
/// <param name="Error">The CLI's error text (input error or budget stop), or null.</param>
/// <param name="Spans">Positions of input diagnostics in the language text.</param>
/// <param name="Minimal">The canonical minimal DFA, or null on error.</param>
/// <param name="Json">The report's JSON (the same object as <c>fex classify --json</c>), or null.</param>
/// <param name="Dot">The minimal DFA in DOT, or null.</param>
/// <param name="LoadMilliseconds">Time to parse and compile.</param>
/// <param name="ClassifyMilliseconds">Time to classify.</param>
public sealed record AnalysisResult(
    LanguageInput Input,
    string? Error,
    IReadOnlyList<(int Offset, int Length)> Spans,
    Dfa? Minimal,
    JsonObject? Json,
    string? Dot,
    double LoadMilliseconds,
    double ClassifyMilliseconds)
{
    /// <summary>
    /// True for the report published before the end (<see cref="ClassificationProgress.Provisional"/>): its answers and
    /// class rows are final, its evidence (formulas, least depths) may still improve; the final result follows.
    /// </summary>
    public bool Provisional { get; init; }
}

/// <summary>Runs the libraries for one page state (the engine seam: the same calls as <c>fex classify</c>).</summary>
public static class Analysis
{
    /// <summary>Parses only: the CLI's error text and positions, or null when the text compiles (used while typing).</summary>
    /// <param name="input">The page input.</param>
    public static LanguageLoad Check(LanguageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return input.Load();
        }
        catch (BudgetExceededException e)
        {
            return new LanguageLoad(null, null, "fex: error: " + e.Message + "\n", "", []);
        }
    }

    /// <summary>Loads and classifies.</summary>
    /// <param name="input">The page input.</param>
    /// <param name="settings">Budgets and window sizes.</param>
    /// <param name="loaded">The result of <see cref="Check"/> when the caller ran it already (a separate chunk), else null.</param>
    public static AnalysisResult Run(LanguageInput input, ClassifySettings settings, LanguageLoad? loaded = null) =>
        RunStepwise(input, settings, loaded).Last()!;

    /// <summary>
    /// <see cref="Run"/> in small steps (<see cref="Classifier.ClassifyStepwise"/>): every element but the last is
    /// null and stands for one step of the classification — except at most one <see cref="AnalysisResult.Provisional"/>
    /// result, published as soon as every row's answer is settled; the last is the result. The page yields to the
    /// browser between two steps, so it stays responsive and a Cancel click is seen; it stops enumerating to cancel.
    /// </summary>
    /// <param name="input">The page input.</param>
    /// <param name="settings">Budgets and window sizes.</param>
    /// <param name="loaded">The result of <see cref="Check"/> when the caller ran it already, else null.</param>
    /// <param name="progress">When given, kept up to date with what the classification is doing (shown on Cancel).</param>
    public static IEnumerable<AnalysisResult?> RunStepwise(LanguageInput input, ClassifySettings settings, LanguageLoad? loaded = null, ClassificationProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        return Steps(input, settings, loaded, progress);
    }

    /// <summary>
    /// The page's message when the user cancels a classification, in the form of <c>fex</c>'s budget stop
    /// (<see cref="BudgetExceededException"/>): what was running, and the flags that bound it.
    /// </summary>
    /// <param name="progress">The cancelled classification's progress.</param>
    /// <param name="settings">Its budgets.</param>
    /// <param name="milliseconds">How long it had computed.</param>
    public static string Cancelled(ClassificationProgress progress, ClassifySettings settings, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(settings);
        return FormattableString.Invariant(
            $"fex: error: classification cancelled after {milliseconds:0} ms of computing ({progress.Steps} steps), during {progress.Activity}; lower --max-depth = {settings.MaxDepth} or --max-types = {settings.MaxTypes} to stop sooner at a budget\n");
    }

    private static IEnumerable<AnalysisResult?> Steps(LanguageInput input, ClassifySettings settings, LanguageLoad? loaded, ClassificationProgress? progress)
    {
        var clock = Stopwatch.StartNew();
        string? invalid = settings.Validate(out var windows);
        if (invalid is not null)
        {
            yield return new AnalysisResult(input, invalid, [], null, null, null, 0, 0);
            yield break;
        }
        loaded ??= Check(input);
        double load = clock.Elapsed.TotalMilliseconds;
        if (loaded.Dfa is null)
        {
            yield return new AnalysisResult(input, loaded.Error, loaded.Spans, null, null, null, load, 0);
            yield break;
        }
        // Classify time counts the steps only, not the pauses between them.
        double classify = 0;
        progress ??= new ClassificationProgress();
        bool published = false;
        using var steps = Classifier.ClassifyStepwise(loaded.Dfa, settings.ToOptions(windows), loaded.Formula, progress).GetEnumerator();
        while (true)
        {
            clock.Restart();
            ClassificationReport? report = null;
            string? budgetStop = null;
            bool more;
            try
            {
                more = steps.MoveNext();
                if (more) report = steps.Current;
            }
            catch (BudgetExceededException e)
            {
                more = false;
                budgetStop = "fex: error: " + e.Message + "\n";
            }
            classify += clock.Elapsed.TotalMilliseconds;
            if (budgetStop is not null)
            {
                yield return new AnalysisResult(input, budgetStop, [], null, null, null, load, classify);
                yield break;
            }
            if (!more) yield break;
            if (report is null)
            {
                if (!published && progress.Provisional is { } provisional)
                {
                    published = true;
                    clock.Restart();
                    var result = Result(input, provisional, load, classify) with { Provisional = true };
                    classify += clock.Elapsed.TotalMilliseconds;
                    yield return result;
                }
                else yield return null;
                continue;
            }
            clock.Restart();
            var final = Result(input, report, load, classify);
            yield return final with { ClassifyMilliseconds = classify + clock.Elapsed.TotalMilliseconds };
            yield break;
        }
    }

    private static AnalysisResult Result(LanguageInput input, ClassificationReport report, double load, double classify) =>
        new(input, null, [], report.Minimal, ClassificationReportJson.ToJson(report), DotWriter.Write(report.Minimal), load, classify);
}
