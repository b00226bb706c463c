using FormalExpressivity.Automata;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// Cross-checks an architecture oracle against the class deciders for the architectures that are
/// classes (global = R, local(1) = D, hybrid(1) = LR, uha = SF; theory.md §4): when both agree the
/// decider's evidence (violated identity, witness words) is attached to a "no"; when they disagree the
/// answer becomes unknown and says so — two independent implementations must agree before a claim is settled.
/// </summary>
/// <param name="inner">The oracle whose answers are checked.</param>
/// <param name="classes">The class oracle (normally <see cref="DeciderClassOracle"/>).</param>
public sealed class DeciderCheckedArchitectureOracle(IArchitectureOracle inner, IClassOracle classes) : IArchitectureOracle
{
    /// <inheritdoc />
    public ArchitectureAnswer Decide(Dfa minimalDfa, Architecture architecture)
    {
        var answer = inner.Decide(minimalDfa, architecture);
        LanguageClass? cls = architecture switch
        {
            { Kind: ArchitectureKind.Global } => LanguageClass.R,
            { Kind: ArchitectureKind.Local, Window: 1 } => LanguageClass.D,
            { Kind: ArchitectureKind.Hybrid, Window: 1 } => LanguageClass.LR,
            { Kind: ArchitectureKind.Uha } => LanguageClass.SF,
            _ => null,
        };
        if (cls is null || answer.Verdict == Verdict.Unknown) return answer;
        var verdict = classes.Decide(minimalDfa, cls.Value);
        if (verdict is null) return answer;
        if (verdict.Member != (answer.Verdict == Verdict.Yes))
            return answer with { Verdict = Verdict.Unknown, Reason = $"inconsistent: the architecture test says {ClaimChecker.Word(answer.Verdict)}, the {cls} decider says {(verdict.Member ? "member" : "not a member")}" };
        return answer.Verdict == Verdict.No && answer.Evidence is null ? answer with { Evidence = verdict.Evidence, Reason = answer.Reason + $" (the {cls} decider agrees)" }
            : answer with { Reason = answer.Reason + $" (the {cls} decider agrees)" };
    }
}
