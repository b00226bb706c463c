using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Report;

/// <summary>Options of <see cref="Classifier.Classify"/>.</summary>
public sealed record ClassifierOptions
{
    /// <summary>The window sizes k reported for <c>local:k</c>, <c>hybrid:k</c>, <c>Ywin:k</c>, <c>PYwin:k</c> (default 1, 2, 4).</summary>
    public IReadOnlyList<int> WindowSizes { get; init; } = [1, 2, 4];

    /// <summary>
    /// The largest window size of <c>--window-sizes</c> (<c>fex classify</c>, <c>fex census</c> and the Playground read
    /// it here): the largest window of the smallest-formula grammar (<see cref="Synthesis.FormulaGrammar.MaxWindow"/>),
    /// so every reported row can carry its formula evidence.
    /// </summary>
    public const int MaxWindowSize = Synthesis.FormulaGrammar.MaxWindow;

    /// <summary>
    /// Parses a <c>--window-sizes</c> list (comma-separated whole numbers from 1 to <see cref="MaxWindowSize"/>, at least
    /// one); the one parser of that option.
    /// </summary>
    /// <param name="text">The option value.</param>
    /// <param name="sizes">The sizes in the order given.</param>
    /// <param name="error">Why the list is refused, prefixed by the flag (<see cref="NumberRange"/>'s wording), or null.</param>
    public static bool TryParseWindowSizes(string text, out int[] sizes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        sizes = [];
        var ks = new List<int>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) || k < 1 || k > MaxWindowSize)
            {
                error = NumberRange.Problem("--window-sizes", p, true, "1", MaxWindowSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return false;
            }
            ks.Add(k);
        }
        if (ks.Count == 0)
        {
            error = "--window-sizes: give at least one window size";
            return false;
        }
        sizes = [.. ks];
        error = null;
        return true;
    }

    /// <summary>The decider chain and its budgets (<see cref="VerdictEngine.Default"/> unless set).</summary>
    public VerdictEngine Engine { get; init; } = VerdictEngine.Default;

    /// <summary>The class rows reported (null: every <see cref="LanguageClass"/>); the others are skipped.</summary>
    public IReadOnlyList<LanguageClass>? Classes { get; init; }

    /// <summary>
    /// The architecture and window-logic rows reported (null: <see cref="Architecture.Defaults"/> and
    /// <see cref="Architecture.LogicClasses"/> for <see cref="WindowSizes"/>; empty: none); the others are skipped.
    /// </summary>
    public IReadOnlyList<Architecture>? Architectures { get; init; }
}

/// <summary>One row of a report: an architecture (or logic class) and its verdict.</summary>
/// <param name="Architecture">The row.</param>
/// <param name="Verdict">Its verdict.</param>
public sealed record VerdictRow(Architecture Architecture, Verdict Verdict);

/// <summary>
/// Everything <c>fex classify</c> reports for one language: the classical classes (with parameters
/// and evidence), the logic classes <c>Ywin:k</c>/<c>PYwin:k</c> (set windows), the architecture
/// verdicts (multiset windows) and notes where set and multiset answers part (docs/theory.md §3.1).
/// </summary>
/// <param name="Alphabet">Σ.</param>
/// <param name="Minimal">The canonical minimal DFA.</param>
/// <param name="Classes">Class verdicts in <see cref="LanguageClass"/> order.</param>
/// <param name="LogicClasses">Verdicts for <c>Ywin:k</c> and <c>PYwin:k</c>, per requested k.</param>
/// <param name="Architectures">Verdicts for <c>global</c>, <c>global-nonstrict</c>, <c>local:k</c>, <c>hybrid:k</c>, <c>uha</c>.</param>
/// <param name="Notes">Where multiset (architecture) and set (logic) answers part, with two witness words.</param>
public sealed record ClassificationReport(
    Alphabet Alphabet,
    Dfa Minimal,
    IReadOnlyDictionary<LanguageClass, ClassVerdict> Classes,
    IReadOnlyList<VerdictRow> LogicClasses,
    IReadOnlyList<VerdictRow> Architectures,
    IReadOnlyList<string> Notes)
{
    /// <summary>Every architecture and logic-class row.</summary>
    public IEnumerable<VerdictRow> Rows => Architectures.Concat(LogicClasses);

    /// <summary>The verdict of <paramref name="architecture"/>.</summary>
    /// <param name="architecture">A row of the report.</param>
    public Verdict this[Architecture architecture] => Rows.First(r => r.Architecture == architecture).Verdict;
}

/// <summary>Builds a <see cref="ClassificationReport"/> with the one decider chain (<see cref="VerdictEngine"/>).</summary>
public static class Classifier
{
    /// <summary>Classifies the language of <paramref name="dfa"/>.</summary>
    /// <param name="dfa">Any complete DFA (it is minimized).</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="declared">The formula the language was declared by, if any.</param>
    public static ClassificationReport Classify(Dfa dfa, ClassifierOptions? options = null, LtlFormula? declared = null) =>
        ClassifyStepwise(dfa, options, declared).Last()!;

    /// <summary>
    /// <see cref="Classify"/> in small steps, for a caller that must stay responsive (the playground yields to
    /// the browser between steps and offers Cancel): each element but the last is null and stands for one
    /// step done — opening the session (minimization), one class row, one stage on one architecture row
    /// (<see cref="VerdictSession.DecideStepwise"/>); the last element is the report, the same one
    /// <see cref="Classify"/> returns (it is this enumeration's last element).
    /// </summary>
    /// <param name="dfa">Any complete DFA (it is minimized).</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="declared">The formula the language was declared by, if any.</param>
    /// <param name="progress">When given, kept up to date with what the next step continues (for a user interface).</param>
    public static IEnumerable<ClassificationReport?> ClassifyStepwise(Dfa dfa, ClassifierOptions? options = null, LtlFormula? declared = null, ClassificationProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return Steps(dfa, options ?? new ClassifierOptions(), declared, progress ?? new ClassificationProgress());
    }

    private static IEnumerable<ClassificationReport?> Steps(Dfa dfa, ClassifierOptions options, LtlFormula? declared, ClassificationProgress progress)
    {
        progress.Activity = "minimization";
        var session = options.Engine.Open(dfa, declared);
        var context = session.Context;
        progress.Steps++;
        yield return null;
        // ClassDeciders.DecideAll, one row per step.
        var classes = new SortedDictionary<LanguageClass, ClassVerdict>();
        foreach (var c in options.Classes ?? ClassDeciders.All)
        {
            progress.Activity = $"the class row {c}";
            classes[c] = context.Deciders.Verdict(c);
            progress.Steps++;
            yield return null;
        }
        var archs = options.Architectures?.Where(a => !a.IsLogicClass).ToList() ?? Architecture.Defaults(options.WindowSizes);
        var logic = options.Architectures?.Where(a => a.IsLogicClass).ToList() ?? Architecture.LogicClasses(options.WindowSizes);
        progress.Activity = "the exact criteria";
        var wanted = archs.Concat(logic).ToList();
        // The first moment between two stages at which every row is settled (yes or no): the session never changes
        // a settled answer, so from here on only evidence (formulas, least depths) can still change.
        void Publish()
        {
            if (progress.Provisional is null && wanted.All(a => context.Rows[a].IsSettled))
                progress.Provisional = Report(context, classes, archs, logic, context.Rows, options.WindowSizes);
        }
        foreach (var row in session.DecideStepwiseBetweenStages(wanted, Publish))
        {
            progress.Activity = $"the {session.CurrentStage ?? "last"} stage on {row.Key}";
            progress.Steps++;
            yield return null;
        }
        progress.Activity = "the report";
        yield return Report(context, classes, archs, logic, session.Decide(wanted), options.WindowSizes);
    }

    private static ClassificationReport Report(VerdictContext context, SortedDictionary<LanguageClass, ClassVerdict> classes, IReadOnlyList<Architecture> archs,
        IReadOnlyList<Architecture> logic, IReadOnlyDictionary<Architecture, Verdict> rows, IReadOnlyList<int> windowSizes)
    {
        var alphabet = context.Minimal.Alphabet;
        var notes = new List<string>();
        foreach (var k in windowSizes.Distinct().Order())
        {
            Part(notes, rows, Architecture.Local(k), Architecture.WindowLogic(k), alphabet);
            Part(notes, rows, Architecture.Hybrid(k), Architecture.PastWindowLogic(k), alphabet);
        }
        return new ClassificationReport(alphabet, context.Minimal, new SortedDictionary<LanguageClass, ClassVerdict>(classes),
            logic.Select(a => new VerdictRow(a, rows[a])).ToList(), archs.Select(a => new VerdictRow(a, rows[a])).ToList(), notes);
    }

    private static void Part(List<string> notes, IReadOnlyDictionary<Architecture, Verdict> rows, Architecture arch, Architecture logic, Alphabet alphabet)
    {
        if (!rows.TryGetValue(arch, out var a) || !rows.TryGetValue(logic, out var l)) return;
        if (a.Answer == l.Answer) return;
        var (yes, yesKey, other, otherKey) = a.Answer == Answer.Yes ? (a, arch.Key, l, logic.Key) : (l, logic.Key, a, arch.Key);
        string yesText = yes.Answer == Answer.Yes
            ? $"{yesKey} says yes" + (yes.Depth is int d ? $" (formula of depth {d})" : "")
            : $"{yesKey} says {VerdictText.Word(yes.Answer)}";
        string words = other.Witnesses is { } w ? "; " + w.Describe(alphabet) : "";
        notes.Add($"multiset and set windows part (§3.1): {yesText}, {otherKey} says {VerdictText.Word(other.Answer)}{words}");
    }
}

/// <summary>
/// What a stepwise classification (<see cref="Classifier.ClassifyStepwise"/>) is doing: a user interface that
/// yields between steps shows it, e.g. when the user cancels ("cancelled during the type-search stage on hybrid:2").
/// </summary>
public sealed class ClassificationProgress
{
    /// <summary>The work the last step belonged to, as a phrase: <c>the type-search stage on hybrid:2</c>, <c>the class row DA</c>.</summary>
    public string Activity { get; internal set; } = "nothing yet";

    /// <summary>Steps done so far.</summary>
    public int Steps { get; internal set; }

    /// <summary>
    /// A report published before the last step, or null: the rows as they stand at the first moment between two
    /// stages at which every row's answer is settled (yes or no). The session never changes a settled answer, so
    /// its answers and the class rows are the final report's; only evidence can still change — a formula replaced by
    /// a smaller one, a least depth proved. Null when some row stays unknown until the end. A user interface shows
    /// it at once and the final report when it comes.
    /// </summary>
    public ClassificationReport? Provisional { get; internal set; }
}
