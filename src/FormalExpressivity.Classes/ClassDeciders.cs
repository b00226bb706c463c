using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Deciders;

namespace FormalExpressivity.Classes;

/// <summary>
/// The registry of class deciders: one entry point per <see cref="LanguageClass"/>, and the report for
/// all classes sharing one <see cref="DecisionContext"/> (aperiodicity witness and semigroup computed once).
/// </summary>
public static class ClassDeciders
{
    /// <summary>Every class, in the order of <see cref="LanguageClass"/>.</summary>
    public static IReadOnlyList<LanguageClass> All { get; } = Enum.GetValues<LanguageClass>();

    /// <summary>Decides one class for the language of <paramref name="dfa"/> (any complete DFA; it is minimized first).</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="dfa">Any complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(LanguageClass languageClass, Dfa dfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return Decide(languageClass, new DecisionContext(dfa.Minimize(), options));
    }

    /// <summary>Decides one class with a shared context (its DFA must be minimal).</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="context">The decision context of a minimal DFA.</param>
    public static ClassVerdict Decide(LanguageClass languageClass, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dfa = context.Dfa;
        var o = context.Options;
        return languageClass switch
        {
            LanguageClass.SL => StrictlyLocalDecider.Decide(dfa, o),
            LanguageClass.LT => LocallyTestableDecider.Decide(context),
            LanguageClass.LTT => LocallyThresholdTestableDecider.Decide(context),
            LanguageClass.PT => PiecewiseTestableDecider.Decide(context),
            LanguageClass.D => DefiniteDecider.Decide(dfa, o),
            LanguageClass.K => ReverseDefiniteDecider.Decide(dfa, o),
            LanguageClass.LI => GeneralizedDefiniteDecider.Decide(context),
            LanguageClass.R => RTrivialDecider.Decide(dfa, o),
            LanguageClass.L => LTrivialDecider.Decide(context),
            LanguageClass.J => JTrivialDecider.Decide(context),
            LanguageClass.DA => DADecider.Decide(context),
            LanguageClass.LR => LocallyRTrivialDecider.Decide(dfa, o),
            LanguageClass.SF => StarFreeDecider.Decide(context),
            LanguageClass.REG => RegularDecider.Decide(dfa, o),
            _ => throw new ArgumentOutOfRangeException(nameof(languageClass), languageClass, "unknown class"),
        };
    }

    /// <summary>Decides every class for the language of <paramref name="dfa"/> (minimized first); keyed in <see cref="LanguageClass"/> order.</summary>
    /// <param name="dfa">Any complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static IReadOnlyDictionary<LanguageClass, ClassVerdict> DecideAll(Dfa dfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return DecideAll(new DecisionContext(dfa.Minimize(), options));
    }

    /// <summary>Decides every class with a shared context (its DFA must be minimal).</summary>
    /// <param name="context">The decision context of a minimal DFA.</param>
    public static IReadOnlyDictionary<LanguageClass, ClassVerdict> DecideAll(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new SortedDictionary<LanguageClass, ClassVerdict>();
        foreach (var c in All) result[c] = Decide(c, context);
        return result;
    }
}
