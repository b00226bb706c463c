using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Report;

/// <summary>Options of <see cref="Classifier.Classify"/>.</summary>
public sealed record ClassifierOptions
{
    /// <summary>The window sizes k reported for <c>local:k</c>, <c>hybrid:k</c>, <c>Ywin:k</c>, <c>PYwin:k</c> (default 1, 2, 4).</summary>
    public IReadOnlyList<int> WindowSizes { get; init; } = [1, 2, 4];

    /// <summary>Budgets of the architecture verdicts and the type search.</summary>
    public ArchitectureOptions Architectures { get; init; } = new();

    /// <summary>Budgets of the class deciders.</summary>
    public DeciderOptions? Deciders { get; init; }

    /// <summary>The class rows reported (null: every <see cref="LanguageClass"/>); the others are skipped.</summary>
    public IReadOnlyList<LanguageClass>? Classes { get; init; }
}

/// <summary>
/// Everything <c>fex classify</c> reports for one language: the classical classes (with parameters
/// and evidence), the logic classes <c>Ywin:k</c>/<c>PYwin:k</c> (set windows), the architecture
/// verdicts (multiset windows) and notes where set and multiset answers part (theory.md §3.1).
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
    IReadOnlyList<ArchitectureVerdict> LogicClasses,
    IReadOnlyList<ArchitectureVerdict> Architectures,
    IReadOnlyList<string> Notes);

/// <summary>Builds a <see cref="ClassificationReport"/>.</summary>
public static class Classifier
{
    /// <summary>Classifies the language of <paramref name="dfa"/>.</summary>
    /// <param name="dfa">Any complete DFA (it is minimized).</param>
    /// <param name="options">Options (defaults when null).</param>
    public static ClassificationReport Classify(Dfa dfa, ClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        options ??= new ClassifierOptions();
        var facts = new LanguageFacts(dfa, options.Deciders);
        var classes = ClassDeciders.DecideAll(new DecisionContext(facts.Minimal, options.Deciders), options.Classes ?? ClassDeciders.All);
        var ks = options.WindowSizes.Distinct().Order().ToArray();
        var logic = new List<ArchitectureVerdict>();
        foreach (var k in ks)
        {
            logic.Add(ArchitectureDecider.DecideLogic(facts, false, k, options.Architectures));
            logic.Add(ArchitectureDecider.DecideLogic(facts, true, k, options.Architectures));
        }
        var archs = Architecture.Defaults(ks).Select(a => ArchitectureDecider.Decide(facts, a, options.Architectures)).ToList();
        var notes = new List<string>();
        foreach (var k in ks)
        {
            Part(notes, archs, logic, $"local:{k}", $"Ywin:{k}", facts.Alphabet);
            Part(notes, archs, logic, $"hybrid:{k}", $"PYwin:{k}", facts.Alphabet);
        }
        return new ClassificationReport(facts.Alphabet, facts.Minimal, classes, logic, archs, notes);
    }

    private static void Part(List<string> notes, List<ArchitectureVerdict> archs, List<ArchitectureVerdict> logic, string archKey, string logicKey, Alphabet alphabet)
    {
        var a = archs.First(v => v.Key == archKey);
        var l = logic.First(v => v.Key == logicKey);
        if (a.Verdict == l.Verdict) return;
        var (yes, other) = a.Verdict == Verdict.Yes ? (a, l) : (l, a);
        string yesText = yes.Verdict == Verdict.Yes ? $"{yes.Key} says yes" + (yes.Depth is int d ? $" (formula of depth {d})" : "") : $"{yes.Key} says {Text(yes.Verdict)}";
        string words = other.Witnesses is { } w
            ? $"; {w.InLanguage.Format(alphabet)} ∈ L and {w.NotInLanguage.Format(alphabet)} ∉ L agree on every {w.Fragment} formula of depth ≤ {w.Depth}"
            : "";
        notes.Add($"multiset and set windows part: {yesText}, {other.Key} says {Text(other.Verdict)}{words}");
    }

    /// <summary>yes / no / unknown.</summary>
    /// <param name="verdict">The verdict.</param>
    public static string Text(Verdict verdict) => verdict switch
    {
        Verdict.Yes => "yes",
        Verdict.No => "no",
        _ => "unknown",
    };
}
