using FormalExpressivity.Automata;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Claims;

/// <summary>A three-valued answer: bounded searches may end without a proof either way.</summary>
public enum Verdict
{
    /// <summary>Proved: the language is recognizable (a formula of the fragment was found and checked).</summary>
    Yes,
    /// <summary>Proved: the language is not recognizable (a violated identity or indistinguishable witness words).</summary>
    No,
    /// <summary>Neither could be proved within the search bound; the answer says how far the search went.</summary>
    Unknown,
}

/// <summary>
/// Whether one architecture recognizes one language, with the evidence the classifier has for it.
/// </summary>
/// <param name="Architecture">The architecture asked about.</param>
/// <param name="Verdict">Yes, no or unknown.</param>
/// <param name="Reason">One line for people: the criterion applied (e.g. "minimal DFA partially ordered").</param>
/// <param name="Formula">For yes: a formula of the architecture's fragment recognizing the language, else <c>null</c>.</param>
/// <param name="Evidence">For no (or unknown): a violated identity or witness words, else <c>null</c>.</param>
/// <param name="Depth">The operator depth of the formula, or the depth up to which witness words agree / the search went.</param>
/// <param name="Certificate">For yes with a formula: the result of re-checking it (e.g. "bisimulation checked"), else <c>null</c>.</param>
public sealed record ArchitectureAnswer(Architecture Architecture, Verdict Verdict, string Reason, LtlFormula? Formula = null,
    ClassEvidence? Evidence = null, int? Depth = null, string? Certificate = null);

/// <summary>
/// Decides whether an architecture recognizes the language of a minimal DFA. Implemented over the
/// classification report when it is available, and by <see cref="StructuralArchitectureOracle"/>
/// (exact DFA criteria, <c>unknown</c> for the bounded cases).
/// </summary>
public interface IArchitectureOracle
{
    /// <summary>Decides <paramref name="architecture"/> for the language of <paramref name="minimalDfa"/>.</summary>
    /// <param name="minimalDfa">A minimal complete DFA (canonical numbering).</param>
    /// <param name="architecture">The architecture.</param>
    ArchitectureAnswer Decide(Dfa minimalDfa, Architecture architecture);
}
