using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;
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
        return Combine(left, right, alphabet, maxStates, engine, maxLanguages, [Scan(left, right, alphabet, maxStates, engine, maxLanguages, Shard.Whole)]);
    }

    /// <summary>
    /// Whether checking A ⊆ B enumerates languages at all: false when the hierarchy proves the inclusion
    /// (then <see cref="Check(Architecture, Architecture, Alphabet, int, VerdictEngine, long)"/> answers without a scan).
    /// </summary>
    /// <param name="left">A.</param>
    /// <param name="right">B.</param>
    public static bool Enumerates(Architecture left, Architecture right) => ArchitectureHierarchy.Proof(left, right) is null;

    /// <summary>
    /// Scans the languages of <paramref name="shard"/> (enumeration index mod n = i) in enumeration order, stopping at
    /// the shard's first counterexample. The enumeration running out of <paramref name="maxLanguages"/> is recorded,
    /// not thrown: another shard may hold a counterexample before that point, which settles the conjecture first.
    /// </summary>
    /// <param name="left">A.</param>
    /// <param name="right">B.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="maxStates">n.</param>
    /// <param name="engine">The decider chain.</param>
    /// <param name="maxLanguages">The enumeration budget.</param>
    /// <param name="shard">The part of the enumeration to scan (<see cref="Shard.Whole"/> for all).</param>
    /// <param name="progress">Called after each language of the shard is examined (for progress displays); may be null.</param>
    public static ConjectureScan Scan(Architecture left, Architecture right, Alphabet alphabet, int maxStates, VerdictEngine engine,
        long maxLanguages, Shard shard, Action? progress = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(engine);
        var enumerating = Enumerating(engine);
        long index = -1, checkedCount = 0;
        var unknown = new List<long>();
        IndexedLanguage? firstUnknown = null;
        using var languages = MinimalDfaEnumeration.Enumerate(alphabet, maxStates, maxLanguages).GetEnumerator();
        while (true)
        {
            try
            {
                if (!languages.MoveNext()) break;
            }
            catch (BudgetExceededException e) when (e.BudgetName == "max-languages")
            {
                return new(shard, index + 1, checkedCount, null, unknown, firstUnknown, BudgetExceeded: true);
            }
            index++;
            if (!shard.Owns(index)) continue;
            var dfa = languages.Current;
            checkedCount++;
            var (a, b) = Examine(enumerating, dfa, left, right);
            progress?.Invoke();
            if (a is null) continue;
            if (a.Answer == Answer.Yes && b.Answer == Answer.No)
                return new(shard, index + 1, checkedCount, new IndexedLanguage(index, dfa), unknown, firstUnknown, BudgetExceeded: false);
            if (a.Answer == Answer.Yes && b.Answer == Answer.Yes) continue;
            unknown.Add(index);
            firstUnknown ??= new IndexedLanguage(index, dfa);
        }
        return new(shard, index + 1, checkedCount, null, unknown, firstUnknown, BudgetExceeded: false);
    }

    /// <summary>
    /// The result of A ⊆ B from the scans of all n shards of one check — exactly what the unsharded scan gives:
    /// the smallest counterexample index c over all shards refutes after c + 1 languages, counting only the
    /// languages left open before c; without one, an exhausted budget is thrown as the unsharded run throws it,
    /// and otherwise the open languages of all shards decide between unknown and confirmed. The witnesses'
    /// verdicts are decided again (deterministically) from their DFAs.
    /// </summary>
    /// <param name="left">A.</param>
    /// <param name="right">B.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="maxStates">n.</param>
    /// <param name="engine">The decider chain (with the budgets the scans ran with).</param>
    /// <param name="maxLanguages">The enumeration budget the scans ran with.</param>
    /// <param name="scans">One scan per shard 0 … n−1 of one partition, in any order.</param>
    /// <exception cref="ArgumentException">The scans are not one complete partition.</exception>
    /// <exception cref="BudgetExceededException">No counterexample and the enumeration exceeded <paramref name="maxLanguages"/>.</exception>
    public static ConjectureResult Combine(Architecture left, Architecture right, Alphabet alphabet, int maxStates, VerdictEngine engine,
        long maxLanguages, IReadOnlyList<ConjectureScan> scans)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scans);
        if (scans.Count == 0 || scans.Any(s => s.Shard.Count != scans.Count) || scans.Select(s => s.Shard.Index).Distinct().Count() != scans.Count)
            throw new ArgumentException("the scans must be the n shards 0 … n−1 of one partition", nameof(scans));
        var enumerating = Enumerating(engine);
        ConjectureWitness Witness(IndexedLanguage l)
        {
            var (a, b) = Examine(enumerating, l.Dfa, left, right);
            return new ConjectureWitness(l.Dfa, a!, b);
        }
        var counterexample = scans.Select(s => s.Counterexample).OfType<IndexedLanguage>().MinBy(l => l.Index);
        long limit = counterexample?.Index ?? long.MaxValue;
        if (counterexample is null && scans.Any(s => s.BudgetExceeded))
            throw MinimalDfaEnumeration.Exceeded(alphabet, maxStates, maxLanguages);
        long unknownCount = scans.Sum(s => (long)s.Unknown.Count(i => i < limit));
        var firstUnknown = scans.Select(s => s.FirstUnknown).OfType<IndexedLanguage>().Where(l => l.Index < limit).MinBy(l => l.Index);
        var open = firstUnknown is null ? null : Witness(firstUnknown);
        if (counterexample is not null)
            return new(left, right, alphabet, maxStates, ClaimStatus.Refuted, counterexample.Index + 1, Witness(counterexample), unknownCount, open);
        long enumerated = scans[0].Enumerated;
        if (scans.Any(s => s.Enumerated != enumerated))
            throw new ArgumentException("the scans enumerated different numbers of languages (not one run)", nameof(scans));
        return new(left, right, alphabet, maxStates, unknownCount == 0 ? ClaimStatus.Confirmed : ClaimStatus.Unknown, enumerated, null, unknownCount, open);
    }

    private static VerdictEngine Enumerating(VerdictEngine engine) => engine.WithOptions(engine.Options with { SynthesizeFormulas = false });

    /// <summary>
    /// A's and B's verdicts for one language as the scan asks them: B first — a language in B can never refute
    /// A ⊆ B, whatever A says, so A (often the expensive bounded search) is only asked about languages outside B
    /// or undecided in B. A is null when B answered yes or A no (the
    /// language then cannot refute and is not open).
    /// </summary>
    private static (Verdict? A, Verdict B) Examine(VerdictEngine enumerating, Dfa dfa, Architecture left, Architecture right)
    {
        var session = enumerating.Open(dfa);
        var b = session.Decide([right])[right];
        if (b.Answer == Answer.Yes) return (null, b);
        var rows = session.Decide([left, right]);
        var a = rows[left];
        return a.Answer == Answer.No ? (null, rows[right]) : (a, rows[right]);
    }
}
