using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Classes.Claims;

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

/// <summary>One language of the enumeration with both architectures' answers.</summary>
/// <param name="Dfa">The canonical minimal DFA.</param>
/// <param name="Left">The answer for the included architecture A.</param>
/// <param name="Right">The answer for the including architecture B.</param>
public sealed record ConjectureWitness(Dfa Dfa, ArchitectureAnswer Left, ArchitectureAnswer Right);

/// <summary>
/// The result of checking <c>A ⊆ B up to n states over Σ</c>.
/// </summary>
/// <param name="Left">A.</param>
/// <param name="Right">B.</param>
/// <param name="Alphabet">Σ.</param>
/// <param name="MaxStates">n.</param>
/// <param name="Status">Refuted when a language has A = yes and B = no; else unknown when some language
/// has A ≠ no and B ≠ yes with an unknown among them; else confirmed.</param>
/// <param name="LanguagesChecked">How many languages were examined (all of them unless refuted early).</param>
/// <param name="Counterexample">The first (fewest states, then canonical order) language with A = yes and B = no.</param>
/// <param name="UnknownCount">How many languages left the inclusion open (A unknown and B not yes, or A yes and B unknown).</param>
/// <param name="FirstUnknown">The first such language.</param>
public sealed record ConjectureResult(Architecture Left, Architecture Right, Alphabet Alphabet, int MaxStates, ClaimStatus Status,
    long LanguagesChecked, ConjectureWitness? Counterexample, long UnknownCount, ConjectureWitness? FirstUnknown);

/// <summary>
/// Checks an inclusion conjecture A ⊆ B between architectures on every language with a minimal DFA
/// of at most n states (<see cref="MinimalDfaEnumeration"/>). A language refutes it when A answers
/// yes and B answers no; the enumeration is in increasing state count, so the first refutation found
/// is a smallest counterexample and the check stops there. Without a refutation, any language for
/// which A is not no and B is not yes and one of them is unknown makes the answer unknown (never a guess).
/// </summary>
public static class ConjectureChecker
{
    /// <summary>Checks <paramref name="conjecture"/> with <paramref name="oracle"/>.</summary>
    /// <param name="conjecture">The parsed conjecture.</param>
    /// <param name="oracle">Decides the architectures.</param>
    /// <param name="maxLanguages">The enumeration budget (see <see cref="MinimalDfaEnumeration.Enumerate"/>).</param>
    public static ConjectureResult Check(Conjecture conjecture, IArchitectureOracle oracle, long maxLanguages = MinimalDfaEnumeration.DefaultMaxLanguages)
    {
        ArgumentNullException.ThrowIfNull(conjecture);
        return Check(conjecture.Left, conjecture.Right, conjecture.Alphabet, conjecture.MaxStates, oracle, maxLanguages);
    }

    /// <summary>Checks A ⊆ B over every language with a minimal DFA of at most <paramref name="maxStates"/> states over <paramref name="alphabet"/>.</summary>
    /// <param name="left">A.</param>
    /// <param name="right">B.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="maxStates">n.</param>
    /// <param name="oracle">Decides the architectures.</param>
    /// <param name="maxLanguages">The enumeration budget.</param>
    public static ConjectureResult Check(Architecture left, Architecture right, Alphabet alphabet, int maxStates, IArchitectureOracle oracle,
        long maxLanguages = MinimalDfaEnumeration.DefaultMaxLanguages)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(oracle);
        long checkedCount = 0, unknownCount = 0;
        ConjectureWitness? firstUnknown = null;
        foreach (var dfa in MinimalDfaEnumeration.Enumerate(alphabet, maxStates, maxLanguages))
        {
            checkedCount++;
            // B first: a language in B can never refute A ⊆ B, whatever A says, so A (often the
            // expensive bounded search) is only asked about languages outside B or undecided in B.
            var b = oracle.Decide(dfa, right);
            if (b.Verdict == Verdict.Yes) continue;
            var a = oracle.Decide(dfa, left);
            if (a.Verdict == Verdict.No) continue; // not in A: nothing to check
            if (a.Verdict == Verdict.Yes && b.Verdict == Verdict.No)
                return new(left, right, alphabet, maxStates, ClaimStatus.Refuted, checkedCount, new ConjectureWitness(dfa, a, b), unknownCount, firstUnknown);
            unknownCount++;
            firstUnknown ??= new ConjectureWitness(dfa, a, b);
        }
        return new(left, right, alphabet, maxStates, unknownCount == 0 ? ClaimStatus.Confirmed : ClaimStatus.Unknown, checkedCount, null, unknownCount, firstUnknown);
    }
}
