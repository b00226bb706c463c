using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// Which formulas an architecture computes directly (theory.md §4, §8): a formula of the fragment
/// compiles to a transformer of that architecture, so a language defined by one is recognizable.
/// <list type="table">
/// <item><term>global</term><description>LTL[P] (H = ¬P¬ included)</description></item>
/// <item><term>local(k)</term><description>LTL[Y[&lt;=k]] and counting windows of size k; Y only when k = 1</description></item>
/// <item><term>hybrid(k)</term><description>LTL[P, Y[&lt;=k]] and counting windows of size k; Y only when k = 1</description></item>
/// <item><term>uha</term><description>every past operator (LTL[S] expresses P, H, Y and bounded windows)</description></item>
/// <item><term>regular</term><description>every formula</description></item>
/// <item><term>global-nonstrict</term><description>none (no constructive fragment is claimed)</description></item>
/// </list>
/// Counting windows (§3.1) are computed by one k-local head, so they belong to local(k) and hybrid(k).
/// </summary>
public static class FormulaFragments
{
    /// <summary>True when every temporal operator of <paramref name="formula"/> is one <paramref name="architecture"/> computes directly.</summary>
    /// <param name="formula">A formula, read at N+1.</param>
    /// <param name="architecture">The architecture.</param>
    public static bool IsIn(LtlFormula formula, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (architecture.Kind == ArchitectureKind.Regular) return true;
        if (architecture.Kind == ArchitectureKind.GlobalNonStrict) return false;
        foreach (var f in formula.Subformulas())
        {
            bool ok = f.Kind switch
            {
                < LtlKind.Yesterday => true,
                LtlKind.Past or LtlKind.Historically => architecture.Kind is ArchitectureKind.Global or ArchitectureKind.Hybrid or ArchitectureKind.Uha,
                LtlKind.Yesterday => architecture.Kind == ArchitectureKind.Uha || (architecture.HasWindow && architecture.Window == 1),
                LtlKind.WindowYesterday or LtlKind.WindowCount => architecture.Kind == ArchitectureKind.Uha || (architecture.HasWindow && architecture.Window == f.Window),
                LtlKind.Since => architecture.Kind == ArchitectureKind.Uha,
                _ => false, // future operators: not computable by causal attention read at N+1
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>The fragment's name for reports: <c>LTL[P]</c>, <c>LTL[Y[&lt;=2]]</c>, ….</summary>
    /// <param name="architecture">The architecture.</param>
    public static string Name(Architecture architecture) => architecture.Kind switch
    {
        ArchitectureKind.Global => "LTL[P]",
        ArchitectureKind.GlobalNonStrict => "non-strict LTL[P]",
        ArchitectureKind.Local => architecture.Window == 1 ? "LTL[Y]" : $"LTL[Y[<={architecture.Window}]]",
        ArchitectureKind.Hybrid => architecture.Window == 1 ? "LTL[P,Y]" : $"LTL[P,Y[<={architecture.Window}]]",
        ArchitectureKind.Uha => "LTL[S]",
        _ => "MSO",
    };
}
