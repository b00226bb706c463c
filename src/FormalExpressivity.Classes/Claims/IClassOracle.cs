using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Claims;

/// <summary>Decides membership of a minimal DFA's language in a <see cref="LanguageClass"/>.</summary>
public interface IClassOracle
{
    /// <summary>The verdict, or <c>null</c> when no decider for <paramref name="languageClass"/> is available (the claim is then unknown).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="languageClass">The class.</param>
    ClassVerdict? Decide(Dfa minimalDfa, LanguageClass languageClass);
}

/// <summary>
/// The classes <see cref="StructuralTests"/> decides exactly: D (with its degree), R (partially
/// ordered), LR (no forbidden configuration), SF (aperiodic) and REG. Evidence is the criterion as text;
/// other classes are not available here (<c>null</c>).
/// </summary>
public sealed class StructuralClassOracle : IClassOracle
{
    /// <summary>The transition-monoid budget of the aperiodicity test.</summary>
    public int MaxMonoidElements { get; init; } = 100_000;

    /// <inheritdoc />
    public ClassVerdict? Decide(Dfa minimalDfa, LanguageClass languageClass)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        switch (languageClass)
        {
            case LanguageClass.REG:
                return new(languageClass, true, null, new CriterionEvidence("every DFA language is regular"));
            case LanguageClass.D:
                bool definite = StructuralTests.IsDefinite(minimalDfa, out int degree);
                return new(languageClass, definite, definite ? degree : null,
                    new CriterionEvidence(definite ? $"the pair graph is acyclic; definiteness degree {degree}" : "the pair graph has a cycle"));
            case LanguageClass.R:
                bool po = StructuralTests.IsPartiallyOrdered(minimalDfa);
                return new(languageClass, po, null, new CriterionEvidence(po ? "the minimal DFA is partially ordered" : "the minimal DFA has a cycle through two states"));
            case LanguageClass.LR:
                bool lr = StructuralTests.IsLocallyRTrivial(minimalDfa);
                return new(languageClass, lr, null, new CriterionEvidence(lr ? "no forbidden configuration (theory.md §5)" : "the forbidden configuration of theory.md §5 occurs"));
            case LanguageClass.SF:
                bool? ap = StructuralTests.IsAperiodic(minimalDfa, MaxMonoidElements);
                return ap is null ? null : new(languageClass, ap.Value, null, new CriterionEvidence(ap.Value ? "the transition monoid is aperiodic" : "the transition monoid has a non-trivial group"));
            default:
                return null;
        }
    }
}

/// <summary>Evidence that only names the criterion applied (the structural oracles' evidence).</summary>
/// <param name="Text">The criterion and its outcome.</param>
public sealed record CriterionEvidence(string Text) : ClassEvidence
{
    /// <inheritdoc />
    public override string Describe(Core.Alphabets.Alphabet alphabet) => Text;
}
