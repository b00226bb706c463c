using System.Globalization;
using System.Text;

namespace FormalExpressivity.Classes.Report;

/// <summary>The text table of <c>fex classify</c>: classes with parameters, then architectures with verdicts and evidence lines (<see cref="VerdictText"/>).</summary>
public static class ClassificationReportText
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="full">True to print every formula whole (<c>--full</c>); otherwise long formulas are cut.</param>
    public static string Render(ClassificationReport report, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sigma = report.Alphabet;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"alphabet {sigma}, minimal DFA with {VerdictText.Count(report.Minimal.StateCount, "state")}").AppendLine();
        sb.AppendLine();
        sb.AppendLine("class      member  parameter");
        foreach (var (c, v) in report.Classes)
        {
            string member = v.Answer switch { true => "yes", false => "no", null => "unknown" };
            string tail = v.Evidence is BudgetStop stop ? $"  stopped by {VerdictText.Describe(stop, sigma)}" : "";
            // The least parameter, or, when a budget left it unproved, the interval it lies in (e.g. 13 ≤ k ≤ 31).
            string parameter = v.Parameter?.ToString(CultureInfo.InvariantCulture) ?? v.Bounds?.ToString() ?? "";
            sb.Append(CultureInfo.InvariantCulture, $"{c,-10} {member,-7} {parameter}{tail}").AppendLine();
        }
        foreach (var (a, v) in report.LogicClasses)
            sb.Append(CultureInfo.InvariantCulture, $"{a.Key,-10} {VerdictText.Word(v.Answer),-7} {(v.Answer == Verdicts.Answer.Yes && v.Depth is int d ? "depth " + d.ToString(CultureInfo.InvariantCulture) + (v.Least is { Proved: true } ? " (least)" : "") : "")}").AppendLine();
        if (report.Architectures.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("architecture      verdict  evidence");
        }
        foreach (var (a, v) in report.Architectures)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Key,-17} {VerdictText.Word(v.Answer),-8} {VerdictText.Reason(v, a, sigma)}").AppendLine();
            if (v.Formula is { } fe)
            {
                var f = fe.Formula;
                sb.Append(CultureInfo.InvariantCulture, $"{"",-27}formula (size {f.Size}, depth {f.Depth}{(fe.Proved ? ", proved equivalent" : fe.NotProvedBecause is { } why ? ", not proved equivalent: " + VerdictText.Budget(why) : "")}{(v.Smallest is { } sm ? "; " + VerdictText.Describe(sm, sigma) : "")}): {VerdictText.FormulaText(f, full)}").AppendLine();
            }
            if (v.Witnesses is { } w)
                sb.Append(CultureInfo.InvariantCulture, $"{"",-27}in L: {w.InLanguage.Format(sigma)}   not in L: {w.NotInLanguage.Format(sigma)}   (agree on {w.Fragment} to depth {w.Depth})").AppendLine();
            if (v.Identity is { } id)
                sb.Append(CultureInfo.InvariantCulture, $"{"",-27}{id.Describe(sigma)}").AppendLine();
            if (v.Least?.Below is { } b)
                sb.Append(CultureInfo.InvariantCulture, $"{"",-27}least depth {v.Depth}: {b.InLanguage.Format(sigma)} ∈ L and {b.NotInLanguage.Format(sigma)} ∉ L agree to depth {b.Depth}").AppendLine();
            if (v.Certificate is { } c)
                sb.Append(CultureInfo.InvariantCulture, $"{"",-27}certificate: {c.Describe(sigma)}").AppendLine();
        }
        if (report.Notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var n in report.Notes) sb.Append("note: ").AppendLine(n);
        }
        return sb.ToString();
    }
}
