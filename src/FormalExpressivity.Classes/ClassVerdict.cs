using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes;

/// <summary>
/// The answer of one class decider: membership, the class parameter where one exists (least k,
/// definiteness degree) and evidence that <c>Certificates</c> re-validates.
/// </summary>
/// <param name="Class">The class decided.</param>
/// <param name="Member">Whether the language belongs to the class.</param>
/// <param name="Parameter">The least parameter (k, degree) for members of parameterized classes, else <c>null</c>.</param>
/// <param name="Evidence">Why: the checked reason for the answer.</param>
public sealed record ClassVerdict(LanguageClass Class, bool Member, int? Parameter, ClassEvidence Evidence)
{
    /// <summary>
    /// The exact test that decided the row, e.g. <c>pair graph (DFA)</c>, <c>Green's relations (semigroup of 412 elements)</c>
    /// or <c>inclusion LR ⊆ SF</c>; null for verdicts built outside <see cref="ClassDeciders"/>.
    /// </summary>
    public string? DecidedBy { get; init; }

    /// <summary>
    /// For a member whose least parameter a budget left unproved (<see cref="Parameter"/> null): the interval it is known
    /// to lie in, e.g. PT's letter-block bound and the depth of the minimal DFA; null otherwise.
    /// </summary>
    public ParameterBounds? Bounds { get; init; }

    /// <summary>False when a budget stopped the decider (the evidence is then a <see cref="BudgetStop"/> and <see cref="Member"/> means nothing).</summary>
    public bool Decided => Evidence is not BudgetStop;

    /// <summary>The answer: true (member), false (not a member) or null (unknown: stopped by a budget).</summary>
    public bool? Answer => Decided ? Member : null;

    /// <summary>The unknown verdict of a row that <paramref name="stop"/> ended.</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="stop">The budget that stopped it.</param>
    public static ClassVerdict Unknown(LanguageClass languageClass, BudgetStop stop) => new(languageClass, false, null, stop);
}

/// <summary>The least parameter k of a member lies in [<paramref name="Lower"/>, <paramref name="Upper"/>]; shown as <c>13 ≤ k ≤ 31</c>.</summary>
/// <param name="Lower">Proved: no smaller k works.</param>
/// <param name="Upper">Proved: k = Upper works.</param>
public sealed record ParameterBounds(int Lower, int Upper)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Lower} ≤ k ≤ {Upper}");
}

/// <summary>
/// Why a row is unknown: the named budget <paramref name="Budget"/> (also the command-line flag that raises
/// it, <c>--max-semigroup</c> etc.) stopped the computation <paramref name="What"/> at <paramref name="Limit"/>.
/// </summary>
/// <param name="Budget">The budget's name, e.g. <c>max-semigroup</c>.</param>
/// <param name="Limit">Its value.</param>
/// <param name="What">What was being computed.</param>
public sealed record BudgetStop(string Budget, long Limit, string What) : ClassEvidence
{
    /// <summary>The flag that raises the budget.</summary>
    public string Flag => "--" + Budget;


    /// <summary>The stop recorded by <paramref name="exception"/> (what was computed is the head of its message).</summary>
    /// <param name="exception">The budget exception.</param>
    public static BudgetStop From(FormalExpressivity.Core.Text.BudgetExceededException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new BudgetStop(exception.BudgetName, exception.Limit, exception.What);
    }

    /// <summary>The exception this stop stands for (single-class entry points rethrow it).</summary>
    public FormalExpressivity.Core.Text.BudgetExceededException ToException() => new(Budget, Limit, What);
}

/// <summary>Evidence attached to a <see cref="ClassVerdict"/>; each kind is re-checkable from the DFA alone.</summary>
public abstract record ClassEvidence
{
    /// <summary>One line for people, as every front end shows it (<see cref="Report.VerdictText.Describe(ClassEvidence, Alphabet)"/>: evidence is data, its prose is made by the renderer).</summary>
    /// <param name="alphabet">Σ, for the words.</param>
    public string Describe(Alphabet alphabet) => Report.VerdictText.Describe(this, alphabet);
}

/// <summary>
/// A violated semigroup identity: the identity as text (e.g. <c>(xy)^ω x = (xy)^ω</c>) and the
/// elements substituted for its variables, each named by a non-empty word; a checker recomputes both
/// sides as transformations of the minimal DFA's states.
/// </summary>
/// <param name="Identity">The identity as written in theory.md.</param>
/// <param name="Assignment">Variable name → a word representing the semigroup element.</param>
public sealed record IdentityViolation(string Identity, IReadOnlyDictionary<string, Word> Assignment) : ClassEvidence;

/// <summary>
/// Two words on different sides of L that the class (or logic fragment) cannot tell apart up to
/// <paramref name="Depth"/> (or parameter), with <paramref name="InLanguage"/> ∈ L and <paramref name="NotInLanguage"/> ∉ L.
/// </summary>
/// <param name="InLanguage">u ∈ L.</param>
/// <param name="NotInLanguage">v ∉ L.</param>
/// <param name="Fragment">The fragment or class whose formulas cannot separate them (e.g. <c>LTL[P,Y]</c>).</param>
/// <param name="Depth">The operator depth (or class parameter) up to which they agree.</param>
public sealed record WitnessPair(Word InLanguage, Word NotInLanguage, string Fragment, int Depth) : ClassEvidence;
