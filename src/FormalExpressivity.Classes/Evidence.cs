using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes;

/// <summary>Several pieces of evidence for one verdict (e.g. a violated identity and a witness pair); each is checked.</summary>
/// <param name="Items">The pieces, in order of importance.</param>
public sealed record EvidenceSet(IReadOnlyList<ClassEvidence> Items) : ClassEvidence;

/// <summary>
/// Evidence for membership: the criterion applied (with its theorem) and what was checked, e.g.
/// "pair graph acyclic, longest path 2". Where the verdict carries a parameter the checker re-derives it
/// independently for the classes it knows (D, K, SL).
/// </summary>
/// <param name="Criterion">The decision criterion, e.g. <c>minimal DFA partially ordered</c>.</param>
/// <param name="Checked">What was checked and found, for people.</param>
public sealed record ClassMembership(string Criterion, string Checked) : ClassEvidence;

/// <summary>
/// The forbidden configuration of theory.md §5 in the minimal DFA, proving L ∉ LR: states
/// <paramref name="P"/> ≠ <paramref name="Q"/>, a non-empty word <paramref name="U"/> with p·u = p,
/// q·u = q, r = p·x, r' = q·y, r·u = q and r'·u = p. Our decider always finds it with r = q and r' = p
/// (x leads p to q, y leads q to p), which theory.md's 4-fold product search admits (see
/// <see cref="Deciders.LocallyRTrivialDecider"/>). The architecture verdicts build witness words from it.
/// </summary>
/// <param name="P">State p.</param>
/// <param name="Q">State q ≠ p.</param>
/// <param name="R">State r = p·x.</param>
/// <param name="RPrime">State r' = q·y.</param>
/// <param name="U">Non-empty u fixing p and q, with r·u = q and r'·u = p.</param>
/// <param name="X">A word leading p to r.</param>
/// <param name="Y">A word leading q to r'.</param>
public sealed record LrConfiguration(int P, int Q, int R, int RPrime, Word U, Word X, Word Y) : ClassEvidence;

/// <summary>
/// A failure of suffix-substitution closure (Rogers &amp; Pullum 2011): u1·x·v1 ∈ L and u2·x·v2 ∈ L but
/// u1·x·v2 ∉ L, so L is not strictly k-local for any k ≤ |x| + 1.
/// </summary>
/// <param name="U1">u1.</param>
/// <param name="X">The shared factor x.</param>
/// <param name="V1">v1.</param>
/// <param name="U2">u2.</param>
/// <param name="V2">v2.</param>
public sealed record SuffixSubstitutionViolation(Word U1, Word X, Word V1, Word U2, Word V2) : ClassEvidence;
