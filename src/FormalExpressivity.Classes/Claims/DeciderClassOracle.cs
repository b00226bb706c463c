using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Deciders;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// The class oracle over the class deciders (<see cref="ClassDeciders"/>), each verdict re-checked by
/// <see cref="ClassCertificateChecker"/>; a verdict whose certificate fails is not used (the claim is unknown).
/// </summary>
/// <param name="options">The deciders' budgets.</param>
public sealed class DeciderClassOracle(DeciderOptions? options = null) : IClassOracle
{
    /// <inheritdoc />
    public ClassVerdict? Decide(Dfa minimalDfa, LanguageClass languageClass)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var verdict = ClassDeciders.Decide(languageClass, minimalDfa, options);
        var problems = ClassCertificateChecker.Check(minimalDfa, verdict, options);
        return problems.Count == 0 ? verdict : null;
    }
}
