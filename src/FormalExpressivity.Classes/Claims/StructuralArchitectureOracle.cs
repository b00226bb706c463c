using FormalExpressivity.Automata;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// Decides the architectures that have an exact DFA characterization (theory.md §4–§5) directly on
/// the minimal DFA, and answers <see cref="Verdict.Unknown"/> for the ones that need a bounded type
/// search (local(k), hybrid(k) for k ≥ 2, global-nonstrict) unless their necessary condition fails.
/// It gives no formulas and no witness words — only the criterion — and serves as the independent
/// twin of the classifier's verdicts and as the oracle of conjecture enumeration when no report is used.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>global = LTL[P] = R-trivial: the minimal DFA is partially ordered, every strongly connected
/// component is one state (Brzozowski &amp; Fich 1980). In: aΣ*; out: Σ*a.</item>
/// <item>local(1) = LTL[Y] = definite: the graph on unordered pairs {p ≠ q} with edges
/// {p,q} → {p·a, q·a} (unequal images) is acyclic (Perles, Rabin &amp; Shamir 1963). In: Σ*ab; out: aΣ*.</item>
/// <item>hybrid(1) = LTL[P,Y] = LR: no forbidden configuration p ≠ q, r ∈ Reach(p), r' ∈ Reach(q),
/// u ≠ ε with p·u = p, q·u = q, r·u = q, r'·u = p (theory.md §5). In: (ab)*; out: (a(ab)*b)*.</item>
/// <item>uha = star-free = aperiodic: every element x of the transition monoid has x^ω·x = x^ω
/// (Schützenberger 1965; McNaughton &amp; Papert 1971). In: (a(ab)*b)*; out: PARITY.</item>
/// <item>local(k), k ≥ 2 ⊆ definite; hybrid(k), k ≥ 2 ⊆ LR; global-nonstrict ⊆ global (LC25 §F, LC26):
/// failing the necessary condition is a proof of "no"; otherwise unknown.</item>
/// </list>
/// </remarks>
public sealed class StructuralArchitectureOracle : IArchitectureOracle
{
    /// <summary>The largest transition monoid explored by the aperiodicity test; beyond it the answer is unknown.</summary>
    public int MaxMonoidElements { get; init; } = 100_000;

    /// <inheritdoc />
    public ArchitectureAnswer Decide(Dfa minimalDfa, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        switch (architecture.Kind)
        {
            case ArchitectureKind.Regular:
                return new(architecture, Verdict.Yes, "every DFA language is regular");
            case ArchitectureKind.Global:
                return Global(minimalDfa, architecture);
            case ArchitectureKind.GlobalNonStrict:
            {
                var g = Global(minimalDfa, architecture);
                return g.Verdict == Verdict.No
                    ? g with { Reason = g.Reason + "; global-nonstrict ⊆ global" }
                    : new(architecture, Verdict.Unknown, "R-trivial, the necessary condition of global-nonstrict; its exact class needs the bounded search");
            }
            case ArchitectureKind.Local:
            {
                bool definite = StructuralTests.IsDefinite(minimalDfa, out int degree);
                if (!definite) return new(architecture, Verdict.No, "not definite: the pair graph of the minimal DFA has a cycle" + (architecture.Window > 1 ? $"; local({architecture.Window}) ⊆ local(1) = D" : ""));
                return architecture.Window == 1
                    ? new(architecture, Verdict.Yes, $"definite of degree {degree}: the pair graph of the minimal DFA is acyclic")
                    : new(architecture, Verdict.Unknown, $"definite (degree {degree}), the necessary condition of local({architecture.Window}); the exact class needs the bounded search");
            }
            case ArchitectureKind.Hybrid:
            {
                bool lr = StructuralTests.IsLocallyRTrivial(minimalDfa);
                if (!lr) return new(architecture, Verdict.No, "not LR: the minimal DFA has the forbidden configuration of theory.md §5" + (architecture.Window > 1 ? $"; hybrid({architecture.Window}) ⊆ hybrid(1) = LR" : ""));
                return architecture.Window == 1
                    ? new(architecture, Verdict.Yes, "LR: the minimal DFA has no forbidden configuration (theory.md §5)")
                    : new(architecture, Verdict.Unknown, $"LR, the necessary condition of hybrid({architecture.Window}); the exact class needs the bounded search");
            }
            case ArchitectureKind.Uha:
            {
                bool? aperiodic = StructuralTests.IsAperiodic(minimalDfa, MaxMonoidElements);
                return aperiodic switch
                {
                    true => new(architecture, Verdict.Yes, "aperiodic: x^ω·x = x^ω for every element of the transition monoid"),
                    false => new(architecture, Verdict.No, "not aperiodic: some element of the transition monoid has x^ω·x ≠ x^ω"),
                    null => new(architecture, Verdict.Unknown, $"the transition monoid has more than {MaxMonoidElements} elements"),
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(architecture));
        }
    }

    private static ArchitectureAnswer Global(Dfa dfa, Architecture architecture) =>
        StructuralTests.IsPartiallyOrdered(dfa)
            ? new(architecture, Verdict.Yes, "R-trivial: the minimal DFA is partially ordered (its only cycles are self-loops)")
            : new(architecture, Verdict.No, "not R-trivial: the minimal DFA has a cycle through two states");
}
