using FormalExpressivity.Automata;
using FormalExpressivity.Core.Sharding;

namespace FormalExpressivity.Engine.Claims;

/// <summary>A language of the enumeration named by its index (0-based position in <see cref="Classes.Enumeration.MinimalDfaEnumeration"/>'s order).</summary>
/// <param name="Index">The position in the canonical enumeration.</param>
/// <param name="Dfa">The canonical minimal DFA.</param>
public sealed record IndexedLanguage(long Index, Dfa Dfa);

/// <summary>
/// What one shard of a conjecture check found among the languages it owns (index mod n = i, <see cref="Shard"/>),
/// scanned in enumeration order: the first counterexample (where it stopped), the languages left open before it,
/// and whether the enumeration ran into the <c>max-languages</c> budget. The scans of all n shards determine the
/// unsharded <see cref="ConjectureResult"/> exactly (<see cref="ConjectureChecker.Combine"/>).
/// </summary>
/// <param name="Shard">The shard scanned.</param>
/// <param name="Enumerated">How many languages the enumeration produced before the scan ended (all of them, unless it
/// stopped at a counterexample or ran out of budget).</param>
/// <param name="Checked">How many of this shard's languages were examined.</param>
/// <param name="Counterexample">The shard's first language with A = yes and B = no, where the scan stopped; null when none.</param>
/// <param name="Unknown">The indices of the shard's languages left open (A ≠ no, B ≠ yes, not a counterexample), ascending.</param>
/// <param name="FirstUnknown">The first of them, with its DFA; null when none.</param>
/// <param name="BudgetExceeded">Whether the enumeration stopped because it would exceed <c>max-languages</c>.</param>
public sealed record ConjectureScan(Shard Shard, long Enumerated, long Checked, IndexedLanguage? Counterexample,
    IReadOnlyList<long> Unknown, IndexedLanguage? FirstUnknown, bool BudgetExceeded);
