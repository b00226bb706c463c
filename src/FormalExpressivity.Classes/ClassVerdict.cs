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
public sealed record ClassVerdict(LanguageClass Class, bool Member, int? Parameter, ClassEvidence Evidence);

/// <summary>Evidence attached to a <see cref="ClassVerdict"/>; each kind is re-checkable from the DFA alone.</summary>
public abstract record ClassEvidence
{
    /// <summary>One line for people.</summary>
    public abstract string Describe(Alphabet alphabet);
}

/// <summary>
/// A violated semigroup identity: the identity as text (e.g. <c>(xy)^ω x = (xy)^ω</c>) and the
/// elements substituted for its variables, each named by a non-empty word; a checker recomputes both
/// sides as transformations of the minimal DFA's states.
/// </summary>
/// <param name="Identity">The identity as written in theory.md.</param>
/// <param name="Assignment">Variable name → a word representing the semigroup element.</param>
public sealed record IdentityViolation(string Identity, IReadOnlyDictionary<string, Word> Assignment) : ClassEvidence
{
    /// <inheritdoc />
    public override string Describe(Alphabet alphabet) =>
        $"violates {Identity} with " + string.Join(", ", Assignment.Select(kv => $"{kv.Key} = {kv.Value.Format(alphabet)}"));
}

/// <summary>
/// Two words on different sides of L that the class (or logic fragment) cannot tell apart up to
/// <paramref name="Depth"/> (or parameter), with <paramref name="InLanguage"/> ∈ L and <paramref name="NotInLanguage"/> ∉ L.
/// </summary>
/// <param name="InLanguage">u ∈ L.</param>
/// <param name="NotInLanguage">v ∉ L.</param>
/// <param name="Fragment">The fragment or class whose formulas cannot separate them (e.g. <c>LTL[P,Y]</c>).</param>
/// <param name="Depth">The operator depth (or class parameter) up to which they agree.</param>
public sealed record WitnessPair(Word InLanguage, Word NotInLanguage, string Fragment, int Depth) : ClassEvidence
{
    /// <inheritdoc />
    public override string Describe(Alphabet alphabet) =>
        $"{InLanguage.Format(alphabet)} ∈ L and {NotInLanguage.Format(alphabet)} ∉ L agree on every {Fragment} formula of depth ≤ {Depth}";
}
