using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Report;

/// <summary>
/// The prose of verdicts: every front end (classify text and JSON, check, conjectures) renders a
/// <see cref="Verdict"/> through these functions, so the same verdict reads the same everywhere.
/// Sections cited are those of docs/theory.md.
/// </summary>
public static partial class VerdictText
{
    /// <summary>In text without <c>--full</c>, formula texts longer than this many characters are cut (JSON always prints them in full).</summary>
    public const int MaxTextFormulaLength = 400;

    /// <summary>yes / no / unknown.</summary>
    /// <param name="answer">The answer.</param>
    public static string Word(Answer answer) => answer switch
    {
        Answer.Yes => "yes",
        Answer.No => "no",
        _ => "unknown",
    };

    /// <summary>
    /// The reason of a verdict in one line: the criterion, the inclusion or the search bound that decided it
    /// (formula, witness words and identity have lines of their own, see <see cref="Lines"/>).
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="architecture">The row it answers.</param>
    /// <param name="alphabet">Σ.</param>
    public static string Reason(Verdict verdict, Architecture architecture, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(architecture);
        var parts = new List<string>();
        foreach (var e in verdict.Evidence)
        {
            switch (e)
            {
                case ClassCriterion c: parts.Add(Criterion(c, architecture)); break;
                case InclusionEvidence i: parts.Add(Inclusion(i, architecture)); break;
                case SearchBound b: parts.Add(Bound(b)); break;
                case BudgetStop s: parts.Add(Budget(s)); break;
                case LeastDepth { Proved: false, NotProvedBecause: { } why }: parts.Add("depth not proved least: " + Budget(why)); break;
                case RefutationBound r: parts.Add(Describe(r, alphabet)); break;
                case PastOfWindowBound pw: parts.Add(Describe(pw, alphabet)); break;
                case Exact.StutterCertificate: parts.Add($"no {architecture.FragmentName} formula of any depth: doubling a letter changes no non-strict type (§Stuttering)"); break;
                case Exact.LassoCertificate l: parts.Add($"no {l.Fragment.Name} formula of any depth: a lasso family whose limit-graph colours agree (§Lasso certificates)"); break;
                case Exact.PumpingCertificate: parts.Add("the pumped words agree on every FO[<] sentence of quantifier rank ≤ the witness depth (Ehrenfeucht–Fraïssé)"); break;
                case LeastDepth { Proved: true, Depth: { } least } when verdict.Formula is { } vf && vf.Formula.Depth > least:
                    parts.Add($"least depth {least} by the type search (§6); the formula shown has depth {vf.Formula.Depth}");
                    break;
                case FormulaEvidence f: parts.Add(f.Origin == FormulaOrigin.Declared ? $"the declared formula is in {architecture.FragmentName}, which {architecture.Key} computes (§8)" : Origin(f.Origin)); break;
            }
        }
        if (verdict.Answer == Answer.Yes && verdict.Formula is null && verdict.Bound is null && architecture.Kind != ArchitectureKind.Regular)
            parts.Add("no formula synthesized");
        return parts.Count == 0 ? Word(verdict.Answer) : string.Join("; ", parts);
    }

    /// <summary>
    /// The evidence lines of a verdict: the reason, then <c>formula: …</c>, <c>witness: …</c> and
    /// <c>identity: …</c> lines where present.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="architecture">The row it answers.</param>
    /// <param name="alphabet">Σ.</param>
    public static IReadOnlyList<string> Lines(Verdict verdict, Architecture architecture, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var lines = new List<string> { Reason(verdict, architecture, alphabet) };
        if (verdict.Formula is { } f) lines.Add("formula: " + Describe(f, alphabet) + (verdict.Smallest is { } sm ? "; " + Describe(sm, alphabet) : ""));
        if (verdict.Witnesses is { } w) lines.Add((verdict.Answer == Answer.Unknown ? "search bound: " : "witness: ") + w.Describe(alphabet));
        if (verdict.Identity is { } id) lines.Add("identity: " + id.Describe(alphabet));
        if (verdict.Certificate is { } c) lines.Add("certificate: " + c.Describe(alphabet));
        return lines;
    }

    /// <summary>A formula with its size, depth and proof status.</summary>
    /// <param name="evidence">The formula evidence.</param>
    /// <param name="alphabet">Σ.</param>
    public static string Describe(FormulaEvidence evidence, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var f = evidence.Formula;
        string proof = evidence.Proved ? "proved equivalent" : evidence.NotProvedBecause is { } b ? "not proved: " + Budget(b) : "not proved";
        return string.Create(CultureInfo.InvariantCulture, $"{FormulaText(f)} (depth {f.Depth}, size {f.Size}, {proof})");
    }

    /// <summary>
    /// A budget stop, naming the option that raises it: <c>the budget max-types = 50000 (depth-2 types …; raise
    /// --max-types)</c>. The one wording of a budget stop, wherever one is shown (class rows, formula proofs,
    /// least depths, searches, claims).
    /// </summary>
    /// <param name="stop">The stop.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(BudgetStop stop, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(stop);
        return Budget(stop);
    }

    /// <summary>What the search for P(σ) ∨ ε over window types tried, and the budget that stopped it.</summary>
    /// <param name="bound">The bound.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(PastOfWindowBound bound, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(bound);
        return string.Create(CultureInfo.InvariantCulture, $"no formula P(σ) ∨ ε over window types of depth ≤ {bound.WindowDepth}")
            + (bound.StoppedBy is { } b ? "; stopped by " + Budget(b) : "");
    }

    /// <summary>Whether a depth is least, with the words one depth below.</summary>
    /// <param name="least">The evidence.</param>
    /// <param name="alphabet">Σ.</param>
    public static string Describe(LeastDepth least, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(least);
        if (!least.Proved) return least.NotProvedBecause is { } b ? "depth not proved least: " + Budget(b) : "depth not proved least";
        return least.Below is { } w
            ? $"least depth {least.Depth}: {w.InLanguage.Format(alphabet)} ∈ L and {w.NotInLanguage.Format(alphabet)} ∉ L agree to depth {w.Depth}"
            : "least depth: 0";
    }

    /// <summary>Whether the formula is a smallest one (or how far the enumeration went).</summary>
    /// <param name="smallest">The evidence.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(SmallestFormula smallest, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(smallest);
        if (smallest.Proved) return "smallest";
        string none = string.Create(CultureInfo.InvariantCulture, $"none of size ≤ {smallest.SearchedSize}");
        string text = smallest.StoppedBy is { } b ? $"{none}, stopped by {Budget(b)}" : $"{none}, raise --max-formula-size";
        return smallest.Simplified ? text + "; simplified" : text;
    }

    /// <summary>The bounds an all-depth refutation searched.</summary>
    /// <param name="bound">The bound.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(RefutationBound bound, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(bound);
        return $"no all-depth certificate with {bound.Searched}";
    }

    /// <summary>A search bound.</summary>
    /// <param name="bound">The bound.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(SearchBound bound, Alphabet alphabet) => Bound(bound);

    /// <summary>An inclusion (the row it answers is not known here, so it is named "this row").</summary>
    /// <param name="inclusion">The inclusion.</param>
    /// <param name="alphabet">Σ (unused).</param>
    public static string Describe(InclusionEvidence inclusion, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(inclusion);
        return $"{inclusion.Other.Key} says {Word(inclusion.OtherAnswer)} ({string.Join(", ", inclusion.Rules.Select(Rule))})";
    }

    /// <summary>A class criterion (the row it answers is not known here).</summary>
    /// <param name="criterion">The criterion.</param>
    /// <param name="alphabet">Σ.</param>
    public static string Describe(ClassCriterion criterion, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return $"{(criterion.Member ? "" : "not ")}{ClassName(criterion.Class, criterion.Parameter)}: {criterion.ClassEvidence.Describe(alphabet)}";
    }

    /// <summary>The canonical text of a formula; unless <paramref name="full"/>, cut after <see cref="MaxTextFormulaLength"/> characters with a pointer to <c>--full</c>.</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="full">True to print it whatever its length.</param>
    public static string FormulaText(Syntax.Temporal.LtlFormula formula, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(formula);
        int max = full ? Syntax.Temporal.CanonicalFormulaText.MaxLength : MaxTextFormulaLength;
        string text = Syntax.Temporal.CanonicalFormulaText.Print(formula, max);
        if (text.Length <= max) return text;
        return full
            ? text[..max] + string.Create(CultureInfo.InvariantCulture, $" … (cut: the formula's text exceeds {max} characters)")
            : text[..max] + " … (cut; --full or --json prints it whole)";
    }

    /// <summary>"1 state", "3 states": a count with its noun in the right number.</summary>
    /// <param name="count">The count.</param>
    /// <param name="noun">The singular noun.</param>
    public static string Count(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : noun + "s")}");

    private static string Criterion(ClassCriterion c, Architecture a)
    {
        string name = ClassName(c.Class, c.Parameter);
        string section = c.Class switch
        {
            LanguageClass.LR => "§4, §5",
            _ => "§4",
        };
        return (c.Exact, c.Member) switch
        {
            (true, true) => $"{name}, which is exactly {a.Key} ({section})",
            (true, false) => $"not {ClassName(c.Class, null)}, which is exactly {a.Key} ({section})",
            (false, true) => $"{name}, the necessary condition of {a.Key} ({section})",
            _ => $"not {ClassName(c.Class, null)}, which contains {a.Key} ({section})",
        };
    }

    private static string Inclusion(InclusionEvidence i, Architecture a) => i.OtherAnswer == Answer.Yes
        ? $"{i.Other.Key} says yes and {i.Other.Key} ⊆ {a.Key} ({string.Join(", ", i.Rules.Select(Rule))}; §4.2)"
        : $"{i.Other.Key} says no and {a.Key} ⊆ {i.Other.Key} ({string.Join(", ", i.Rules.Select(Rule))}; §4.2)";

    private static string Bound(SearchBound b)
    {
        string refuted = b.Depth >= 0 ? $"no {b.Fragment} formula of depth ≤ {b.Depth.ToString(CultureInfo.InvariantCulture)}" : $"no depth of {b.Fragment} completed";
        return b.StoppedBy is { } stop
            ? $"type search: {refuted}; stopped before max-depth = {b.MaxDepth.ToString(CultureInfo.InvariantCulture)} by {Budget(stop)} (§6)"
            : $"type search: {refuted} (searched to max-depth = {b.MaxDepth.ToString(CultureInfo.InvariantCulture)}, §6)";
    }

    private static string Budget(BudgetStop s) =>
        string.Create(CultureInfo.InvariantCulture, $"the budget {s.Budget} = {s.Limit} ({s.What}; raise {s.Flag})");

    private static string Origin(FormulaOrigin origin) => origin switch
    {
        FormulaOrigin.PartialOrderConstruction => "formula by LC25's state-by-state LTL[P] construction (§4)",
        FormulaOrigin.DefiniteDecisionTree => "formula by the LTL[Y] decision tree over the last symbols (§4)",
        FormulaOrigin.SccConstruction => "formula by the SCC-wise LTL[P,Y] construction (§5)",
        FormulaOrigin.TypeSearch => "formula found by the type search (§6)",
        FormulaOrigin.SmallestEnumeration => "smallest formula by bottom-up enumeration (§Smallest formulas)",
        FormulaOrigin.PastOfWindowSearch => "formula found by the search over P of window types (§P over window types)",
        FormulaOrigin.LocalDivisorConstruction => "formula by the local divisor construction for aperiodic monoids (Diekert & Gastin 2008; §Star-free formulas by local divisors)",
        _ => "the declared formula",
    };

    /// <summary>An inclusion rule in a few words (docs/theory.md §4.2).</summary>
    /// <param name="rule">The rule.</param>
    public static string Rule(InclusionRule rule) => rule switch
    {
        InclusionRule.LocalInHybrid => "local(k) ⊆ hybrid(k)",
        InclusionRule.GlobalInHybrid => "global ⊆ hybrid(k)",
        InclusionRule.SetInMultiset => "set windows ⊆ multiset windows",
        InclusionRule.MultisetInSetUpToTwo => "multiset = set windows for k ≤ 2",
        InclusionRule.WindowInOne => "window k ⊆ window 1",
        InclusionRule.NonStrictInStrict => "non-strict ⊆ strict",
        InclusionRule.InStarFree => "past fragments ⊆ star-free",
        InclusionRule.InRegular => "⊆ regular",
        _ => "equal",
    };

    /// <summary>The name of a class in prose: <c>R-trivial</c>, <c>definite of degree 2</c>, ….</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="parameter">Its parameter, if any.</param>
    public static string ClassName(LanguageClass languageClass, int? parameter = null) => languageClass switch
    {
        LanguageClass.R => "R-trivial",
        LanguageClass.D => parameter is { } d ? string.Create(CultureInfo.InvariantCulture, $"definite of degree {d}") : "definite",
        LanguageClass.LR => "locally R-trivial",
        LanguageClass.SF => "star-free",
        LanguageClass.REG => "regular",
        _ => parameter is { } k ? string.Create(CultureInfo.InvariantCulture, $"{languageClass}({k})") : languageClass.ToString(),
    };
}
