using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Automata.Certificates;

/// <summary>A pair of states, the left one from the first automaton and the right one from the second.</summary>
/// <param name="Left">State of the first automaton.</param>
/// <param name="Right">State of the second automaton.</param>
public readonly record struct StatePair(int Left, int Right);

/// <summary>
/// The answer to "L(A) = L(B)?" with evidence. When equivalent, <see cref="Bisimulation"/> is a
/// relation containing (start_A, start_B), closed under every symbol and agreeing on acceptance
/// (its existence proves equality: every word leads to a related pair). When not,
/// <see cref="Counterexample"/> is the shortlex-least word of L(A) △ L(B).
/// </summary>
/// <param name="Equivalent">True when the languages are equal.</param>
/// <param name="Counterexample">The shortlex-least word in exactly one language; null when equivalent.</param>
/// <param name="Bisimulation">The relation; null when not equivalent.</param>
public sealed record EquivalenceResult(bool Equivalent, Word? Counterexample, IReadOnlyList<StatePair>? Bisimulation);

/// <summary>
/// The answer to "L(A) ⊆ L(B)?" with evidence. When included, <see cref="Simulation"/> contains
/// (start_A, start_B), is closed under every symbol, and p accepting in A implies q accepting in B for
/// every pair (p, q). When not, <see cref="Counterexample"/> is the shortlex-least word of L(A) ∖ L(B).
/// </summary>
/// <param name="Included">True when L(A) ⊆ L(B).</param>
/// <param name="Counterexample">The shortlex-least word of L(A) ∖ L(B); null when included.</param>
/// <param name="Simulation">The relation; null when not included.</param>
public sealed record InclusionResult(bool Included, Word? Counterexample, IReadOnlyList<StatePair>? Simulation);

/// <summary>
/// The answer to "L = ∅?" with evidence: a set of states containing the start state, closed under
/// every symbol and free of accepting states (it contains every reachable state, so no word is
/// accepted); or the shortlex-least accepted word.
/// </summary>
/// <param name="Empty">True when L = ∅.</param>
/// <param name="Witness">The shortlex-least word of L; null when empty.</param>
/// <param name="ClosedStates">The closed set; null when not empty.</param>
public sealed record EmptinessResult(bool Empty, Word? Witness, IReadOnlyList<int>? ClosedStates);

/// <summary>
/// The answer to "is this DFA minimal?" with evidence. Minimal: <see cref="AccessWords"/>[q] leads
/// from the start state to q (every state is reachable) and the suffixes <see cref="SeparatingSuffixes"/>
/// separate every pair of states: the vectors (q·w ∈ F)_{w ∈ W} are pairwise distinct, so no two
/// states are Myhill–Nerode equivalent. Not minimal: either <see cref="UnreachableState"/> with
/// <see cref="ClosedStates"/> (closed, containing the start, missing that state), or two distinct
/// equivalent states <see cref="EquivalentPair"/> with a bisimulation of the DFA with itself containing them.
/// </summary>
/// <param name="Minimal">True when the DFA is minimal.</param>
/// <param name="AccessWords">For each state, a word reaching it (minimal only).</param>
/// <param name="SeparatingSuffixes">A separating family of suffixes (minimal only).</param>
/// <param name="UnreachableState">A state no word reaches (non-minimal case 1).</param>
/// <param name="ClosedStates">A closed set containing the start state but not <paramref name="UnreachableState"/>.</param>
/// <param name="EquivalentPair">Two distinct equivalent states (non-minimal case 2).</param>
/// <param name="PairBisimulation">A bisimulation of the DFA with itself containing <paramref name="EquivalentPair"/>.</param>
public sealed record MinimalityResult(
    bool Minimal,
    IReadOnlyList<Word>? AccessWords,
    IReadOnlyList<Word>? SeparatingSuffixes,
    int? UnreachableState,
    IReadOnlyList<int>? ClosedStates,
    StatePair? EquivalentPair,
    IReadOnlyList<StatePair>? PairBisimulation);

/// <summary>The verdict of <see cref="CertificateChecker"/>: valid, or the first reason it is not.</summary>
/// <param name="Valid">True when the evidence proves the answer.</param>
/// <param name="Reason">Why the evidence fails; null when valid.</param>
public sealed record CheckResult(bool Valid, string? Reason)
{
    /// <summary>A valid certificate.</summary>
    public static CheckResult Ok { get; } = new(true, null);

    /// <summary>An invalid certificate.</summary>
    /// <param name="reason">Why it fails.</param>
    public static CheckResult Fail(string reason) => new(false, reason);
}
