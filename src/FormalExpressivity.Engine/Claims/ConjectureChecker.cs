using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>The outcome of a claim or conjecture.</summary>
public enum ClaimStatus
{
    /// <summary>Proved with evidence.</summary>
    Confirmed,
    /// <summary>Disproved with evidence.</summary>
    Refuted,
    /// <summary>Neither could be proved within the bounds; the outcome names them.</summary>
    Unknown,
}

/// <summary>One language of the enumeration with both architectures' verdicts.</summary>
/// <param name="Dfa">The canonical minimal DFA.</param>
/// <param name="Left">The verdict for the included architecture A.</param>
/// <param name="Right">The verdict for the including architecture B.</param>
public sealed record ConjectureWitness(Dfa Dfa, Verdict Left, Verdict Right);

/// <summary>
/// The result of checking <c>A ⊆ B up to n states over Σ</c>.
/// </summary>
/// <param name="Left">A.</param>
/// <param name="Right">B.</param>
/// <param name="Alphabet">Σ.</param>
/// <param name="MaxStates">n.</param>
/// <param name="Status">Confirmed when the hierarchy proves A ⊆ B (<paramref name="Inclusion"/>); else refuted when a
/// language has A = yes and B = no; else unknown when some language has A ≠ no and B ≠ yes; else confirmed.</param>
/// <param name="LanguagesChecked">How many languages were examined (none when the hierarchy decides; all unless refuted early).</param>
/// <param name="Counterexample">The first (fewest states, then canonical order) language with A = yes and B = no.</param>
/// <param name="UnknownCount">How many languages left the inclusion open (A unknown and B not yes, or A yes and B unknown).</param>
/// <param name="FirstUnknown">The first such language.</param>
/// <param name="Inclusion">The chain of inclusion rules when the hierarchy proves A ⊆ B for every language, else <c>null</c>.</param>
public sealed record ConjectureResult(Architecture Left, Architecture Right, Alphabet Alphabet, int MaxStates, ClaimStatus Status,
    long LanguagesChecked, ConjectureWitness? Counterexample, long UnknownCount, ConjectureWitness? FirstUnknown,
    IReadOnlyList<InclusionRule>? Inclusion = null);

/// <summary>
/// Checks an inclusion conjecture A ⊆ B between architectures. When <see cref="ArchitectureHierarchy"/>
/// proves it (e.g. local(2) ⊆ hybrid(2), a definition), it holds for every language and nothing is
/// enumerated. Otherwise every language with a minimal DFA of at most n states
/// (<see cref="MinimalDfaEnumeration"/>) is asked of the decider chain, A and B jointly: a language
/// refutes it when A answers yes and B answers no; the enumeration is in increasing state count, so the
/// first refutation is a smallest counterexample. Without one, any language for which A is not no and
/// B is not yes makes the answer unknown (never a guess).
/// </summary>
public static class ConjectureChecker
{
    /// <summary>Checks <paramref name="conjecture"/> with <paramref name="engine"/>.</summary>
    /// <param name="conjecture">The parsed conjecture.</param>
    /// <param name="engine">The decider chain (formulas are not synthesized while enumerating).</param>
    /// <param name="maxLanguages">The enumeration budget (see <see cref="MinimalDfaEnumeration.Enumerate"/>).</param>
    public static ConjectureResult Check(Conjecture conjecture, VerdictEngine engine, long maxLanguages = MinimalDfaEnumeration.DefaultMaxLanguages)
    {
        ArgumentNullException.ThrowIfNull(conjecture);
        return Check(Architecture.From(conjecture.Left), Architecture.From(conjecture.Right), conjecture.Alphabet, conjecture.MaxStates, engine, maxLanguages);
    }

    /// <summary>Checks A ⊆ B over every language with a minimal DFA of at most <paramref name="maxStates"/> states over <paramref name="alphabet"/>.</summary>
    /// <param name="left">A.</param>
    /// <param name="right">B.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="maxStates">n.</param>
    /// <param name="engine">The decider chain.</param>
    /// <param name="maxLanguages">The enumeration budget.</param>
    public static ConjectureResult Check(Architecture left, Architecture right, Alphabet alphabet, int maxStates, VerdictEngine engine,
        long maxLanguages = MinimalDfaEnumeration.DefaultMaxLanguages)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(engine);
        if (ArchitectureHierarchy.Proof(left, right) is { } chain)
            return new(left, right, alphabet, maxStates, ClaimStatus.Confirmed, 0, null, 0, null, chain.Select(s => s.Rule).ToList());
        var enumerating = engine.WithOptions(engine.Options with { SynthesizeFormulas = false });
        long checkedCount = 0, unknownCount = 0;
        ConjectureWitness? firstUnknown = null;
        foreach (var dfa in MinimalDfaEnumeration.Enumerate(alphabet, maxStates, maxLanguages))
        {
            checkedCount++;
            var session = enumerating.Open(dfa);
            // B first: a language in B can never refute A ⊆ B, whatever A says, so A (often the
            // expensive bounded search) is only asked about languages outside B or undecided in B.
            var b = session.Decide([right])[right];
            if (b.Answer == Answer.Yes) continue;
            var rows = session.Decide([left, right]);
            var a = rows[left];
            b = rows[right];
            if (a.Answer == Answer.No) continue; // not in A: nothing to check
            if (a.Answer == Answer.Yes && b.Answer == Answer.No)
                return new(left, right, alphabet, maxStates, ClaimStatus.Refuted, checkedCount, new ConjectureWitness(dfa, a, b), unknownCount, firstUnknown);
            if (a.Answer == Answer.Yes && b.Answer == Answer.Yes) continue;
            unknownCount++;
            firstUnknown ??= new ConjectureWitness(dfa, a, b);
        }
        return new(left, right, alphabet, maxStates, unknownCount == 0 ? ClaimStatus.Confirmed : ClaimStatus.Unknown, checkedCount, null, unknownCount, firstUnknown);
    }
}
