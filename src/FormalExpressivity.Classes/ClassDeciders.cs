using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Deciders;

namespace FormalExpressivity.Classes;

/// <summary>
/// The registry of class deciders: one entry point per <see cref="LanguageClass"/>, each row decided by its
/// cheapest exact test and annotated with it (<see cref="ClassVerdict.DecidedBy"/>), and the report for all
/// classes sharing one <see cref="DecisionContext"/>.
/// </summary>
/// <remarks>
/// Order of tests: DFA and graph tests first — partial order (R), iterated state merging (D, and SL when every
/// state is live), pair graphs (SL, LI, LR; D only for the refuting cycle), absorbing states (K), local confluence
/// of a partially ordered DFA (J = PT, and L when R holds; Klíma–Polák 2013), the C-nodes of the pair graph (LT when
/// LR holds; Kim–McNaughton–McCloskey 1991), the C-nodes and T3SCCs of the pair graph (LTT when LR holds; Trahtman 2004), Place's DA pattern (DA, and the refutation of L ⊆ DA), the content pattern
/// over quadruples (L on a DFA that is not partially ordered) — then inclusions between rows that are theorems (<see cref="ClassHierarchy.Inclusions"/>,
/// plus LTT ⊆ LR: with f = e Thérien–Weiss makes eSe commutative and aperiodic, hence R-trivial):
/// D ∪ K ⊆ LI, R ∪ D ⊆ LR ⊆ SF, R ∪ L ⊆ DA, J = R ∩ L, D ⊆ L, SL ∪ D ∪ K ∪ LI ⊆ LT ⊆ LTT ⊆ LR, and only then the syntactic
/// semigroup (Froidure–Pin enumeration, Green's relations from the Cayley graphs). A budget stop in one row
/// makes that row unknown (with the budget and its flag) and leaves every other row answered.
/// </remarks>
public static class ClassDeciders
{
    /// <summary>Every class, in the order of <see cref="LanguageClass"/>.</summary>
    public static IReadOnlyList<LanguageClass> All { get; } = Enum.GetValues<LanguageClass>();

    /// <summary>Decides one class for the language of <paramref name="dfa"/> (any complete DFA; it is minimized first).</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="dfa">Any complete DFA.</param>
    /// <param name="options">Budgets.</param>
    /// <exception cref="Core.Text.BudgetExceededException">A budget stopped the decider.</exception>
    public static ClassVerdict Decide(LanguageClass languageClass, Dfa dfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return Decide(languageClass, new DecisionContext(dfa.Minimize(), options));
    }

    /// <summary>Decides one class with a shared context (its DFA must be minimal).</summary>
    /// <param name="languageClass">The class.</param>
    /// <param name="context">The decision context of a minimal DFA.</param>
    /// <exception cref="Core.Text.BudgetExceededException">A budget stopped the decider.</exception>
    public static ClassVerdict Decide(LanguageClass languageClass, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var v = context.Verdict(languageClass);
        if (v.Evidence is BudgetStop stop) throw stop.ToException();
        return v;
    }

    /// <summary>Decides every class for the language of <paramref name="dfa"/> (minimized first); keyed in <see cref="LanguageClass"/> order.</summary>
    /// <param name="dfa">Any complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static IReadOnlyDictionary<LanguageClass, ClassVerdict> DecideAll(Dfa dfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return DecideAll(new DecisionContext(dfa.Minimize(), options));
    }

    /// <summary>Decides every class with a shared context (its DFA must be minimal); rows stopped by a budget are unknown.</summary>
    /// <param name="context">The decision context of a minimal DFA.</param>
    public static IReadOnlyDictionary<LanguageClass, ClassVerdict> DecideAll(DecisionContext context) => DecideAll(context, All);

    /// <summary>Decides the classes <paramref name="classes"/> with a shared context; rows stopped by a budget are unknown (<see cref="ClassVerdict.Decided"/> false).</summary>
    /// <param name="context">The decision context of a minimal DFA.</param>
    /// <param name="classes">The rows wanted; the others are skipped (rows they include may still be decided inside the context).</param>
    public static IReadOnlyDictionary<LanguageClass, ClassVerdict> DecideAll(DecisionContext context, IEnumerable<LanguageClass> classes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(classes);
        var result = new SortedDictionary<LanguageClass, ClassVerdict>();
        foreach (var c in classes) result[c] = context.Verdict(c);
        return result;
    }

    /// <summary>The cheapest exact test for one row (called once per row by <see cref="DecisionContext.Verdict"/>).</summary>
    internal static ClassVerdict Compute(LanguageClass languageClass, DecisionContext context)
    {
        var dfa = context.Dfa;
        var o = context.Options;
        return languageClass switch
        {
            LanguageClass.SL => StrictlyLocal(context),
            LanguageClass.D => Definite(context),
            LanguageClass.K => By(ReverseDefiniteDecider.Decide(dfa, o), "absorbing states reachable from cycles (DFA)"),
            LanguageClass.LI => Known(context, LanguageClass.D) is { Member: true } d ? Included(LanguageClass.LI, d)
                : Known(context, LanguageClass.K) is { Member: true } rd ? Included(LanguageClass.LI, rd)
                : By(GeneralizedDefiniteDecider.Decide(dfa, o), "comparable-pair graph (DFA)"),
            LanguageClass.R => By(RTrivialDecider.Decide(dfa, o), "partial order (DFA)"),
            LanguageClass.LR => Known(context, LanguageClass.R) is { Member: true } r ? Included(LanguageClass.LR, r)
                : Known(context, LanguageClass.D) is { Member: true } d2 ? Included(LanguageClass.LR, d2)
                : By(LocallyRTrivialDecider.Decide(dfa, o), "pair graph inside each strongly connected component (DFA)"),
            LanguageClass.SF => StarFree(context),
            LanguageClass.L => LTrivial(context),
            LanguageClass.J => JTrivial(context, LanguageClass.J),
            LanguageClass.PT => JTrivial(context, LanguageClass.PT),
            LanguageClass.DA => DA(context),
            LanguageClass.LT => LocallyTestable(context),
            LanguageClass.LTT => LocallyThresholdTestable(context),
            LanguageClass.REG => By(RegularDecider.Decide(dfa, o), "given by a DFA"),
            _ => throw new ArgumentOutOfRangeException(nameof(languageClass), languageClass, "unknown class"),
        };
    }

    private static ClassVerdict By(ClassVerdict v, string test) => v with { DecidedBy = test };

    private static string Semigroup(DecisionContext c) => $"semigroup of {c.Semigroup.Count} elements";

    /// <summary>A known answer of another row: the verdict when it is decided, else null.</summary>
    private static ClassVerdict? Known(DecisionContext c, LanguageClass other) => c.Verdict(other) is { Decided: true } v ? v : null;

    private static ClassVerdict Included(LanguageClass languageClass, ClassVerdict sub, int? parameter = null) =>
        new ClassVerdict(languageClass, true, parameter,
            new ClassMembership($"{sub.Class} ⊆ {languageClass}", $"{sub.Class}: {DescribeMembership(sub)}"))
        { DecidedBy = $"inclusion {sub.Class} ⊆ {languageClass} ({sub.Class} by {sub.DecidedBy})" };

    private static string DescribeMembership(ClassVerdict v) => v.Evidence is ClassMembership m ? $"{m.Criterion}: {m.Checked}" : "member";

    /// <summary>D by iterated state merging (members, with the degree); the pair graph only for the refuting cycle.</summary>
    private static ClassVerdict Definite(DecisionContext c)
    {
        if (DefiniteDecider.DegreeByMerging(c.Dfa) is int degree)
            return new ClassVerdict(LanguageClass.D, true, degree,
                new ClassMembership("iterated merging of states with equal successor rows ends in one state (Perles–Rabin–Shamir 1963)",
                    degree == 1 ? "one state after 1 round, degree 1" : $"one state after {degree} rounds, degree {degree}"))
            { DecidedBy = "iterated state merging (DFA)" };
        return By(DefiniteDecider.Decide(c.Dfa, c.Options), "iterated state merging, then pair graph for the cycle (DFA)");
    }

    /// <summary>
    /// SL: with every state live the live pair graph is the whole pair graph, so SL_k ⇔ definite of degree
    /// k − 1 (k = longest path + 2 = degree + 1); otherwise the live pair graph.
    /// </summary>
    private static ClassVerdict StrictlyLocal(DecisionContext c)
    {
        var dfa = c.Dfa;
        if (c.Dfa.StateCount > 1 && Known(c, LanguageClass.D) is { Member: true, Parameter: int degree } && Conditions.DfaPaths.Live(dfa).All(l => l))
            return new ClassVerdict(LanguageClass.SL, true, degree + 1,
                new ClassMembership("suffix-substitution closure: every state live and the pair graph acyclic (Rogers–Pullum 2011)",
                    $"{dfa.StateCount} live states, definite of degree {degree}, k = {degree + 1}"))
            { DecidedBy = "iterated state merging, every state live (DFA)" };
        return By(StrictlyLocalDecider.Decide(dfa, c.Options), "live pair graph (DFA)");
    }

    private static ClassVerdict StarFree(DecisionContext c)
    {
        if (Known(c, LanguageClass.LR) is { Member: true } lr) return Included(LanguageClass.SF, lr);
        var v = StarFreeDecider.Decide(c);
        return By(v, $"shortlex aperiodicity search (semigroup, {c.ElementsSeen} elements enumerated)".Replace("(semigroup, 1 elements", "(semigroup, 1 element", StringComparison.Ordinal));
    }

    private static ClassVerdict LTrivial(DecisionContext c)
    {
        if (Known(c, LanguageClass.D) is { Member: true } d) return Included(LanguageClass.L, d);
        // On a partially ordered DFA (R) L-trivial = J-trivial (J = R ∩ L) = locally confluent (Klíma–Polák 2013).
        if (Known(c, LanguageClass.R) is { Member: true }) return Confluence(c, LanguageClass.L);
        if (!c.HasSemigroup)
        {
            // L ⊆ DA: the DA pattern refutes; its words (x, y) give y(xy)^ω ≠ (xy)^ω, or xy is not aperiodic.
            if (c.DAPattern is { } da)
            {
                var words = (da.Witness ?? SemigroupChecks.FindDAViolation(c.Semigroup, (long)c.Options.MaxSemigroup * 1000))?.Assignment;
                if (words is not null)
                    foreach (var (x, y) in new[] { (words["x"], words["y"]), (words["x"].Concat(words["y"]), words["x"].Concat(words["y"])) })
                    {
                        var assignment = new Dictionary<string, Core.Alphabets.Word> { ["x"] = x, ["y"] = y };
                        if (IdentityEvaluator.IsViolated(Identities.LTrivial, assignment, c.Dfa))
                            return new ClassVerdict(LanguageClass.L, false, null, new IdentityViolation(Identities.LTrivial, assignment)) { DecidedBy = $"not in DA ⊇ L (DA by {DAPatternTest})" };
                    }
            }
            else
            {
                try
                {
                    var violation = Conditions.LTrivialPattern.FindViolation(c.Dfa, c.Options.MaxPairStates);
                    if (violation is not null) return new ClassVerdict(LanguageClass.L, false, null, violation) { DecidedBy = LTrivialPatternTest };
                    return new ClassVerdict(LanguageClass.L, true, null,
                        new ClassMembership("v u^ω = u^ω when alph(v) ⊆ alph(u): no states s, p, r ≠ r′ and words v, z with s·v = p, alph(v) ⊆ alph(z), (s, p, r, r′)·z = (r, r′, r, r′)",
                            $"{c.Dfa.StateCount} states"))
                    { DecidedBy = LTrivialPatternTest };
                }
                catch (Core.Text.BudgetExceededException)
                {
                    // The quadruple search is over its budget: the semigroup test below decides (or stops on its own budget).
                }
            }
        }
        var v = LTrivialDecider.Decide(c);
        return By(v, c.HasSemigroup ? $"Green's L-classes ({Semigroup(c)})" : "shortlex aperiodicity search (L ⊆ SF)");
    }

    private static ClassVerdict JTrivial(DecisionContext c, LanguageClass asClass)
    {
        // J = R ∩ L (J = D = R∘L in a finite monoid); R by the partial-order test.
        if (Known(c, LanguageClass.R) is { Member: false } r)
            return new ClassVerdict(asClass, false, null, r.Evidence) { DecidedBy = $"not in R ⊇ {asClass} (R by {r.DecidedBy})" };
        if (Known(c, LanguageClass.R) is { Member: true }) return Confluence(c, asClass);
        if (Known(c, LanguageClass.L) is { } l)
        {
            if (!l.Member) return new ClassVerdict(asClass, false, null, l.Evidence) { DecidedBy = $"not in L ⊇ {asClass} (L by {l.DecidedBy})" };
            if (Known(c, LanguageClass.R) is { Member: true })
            {
                string how = $"R (partial order) and L ({l.DecidedBy})";
                if (asClass == LanguageClass.PT) return PiecewiseTestableDecider.Member(c, $"R-trivial and L-trivial: {how}") with { DecidedBy = how };
                return new ClassVerdict(asClass, true, null, new ClassMembership("J-trivial = R-trivial and L-trivial", how)) { DecidedBy = how };
            }
        }
        var v = asClass == LanguageClass.PT ? PiecewiseTestableDecider.Decide(c) : JTrivialDecider.Decide(c);
        return By(v, c.HasSemigroup ? $"Green's R- and L-classes ({Semigroup(c)})" : "shortlex aperiodicity search (J ⊆ SF)");
    }

    /// <summary>The <see cref="ClassVerdict.DecidedBy"/> of J, PT and L decided on a partially ordered DFA by local confluence.</summary>
    public const string ConfluenceTest = "partial order and local confluence (DFA, Klíma–Polák 2013)";

    /// <summary>
    /// J, PT or L of a partially ordered minimal DFA by local confluence: confluent ⇔ J-trivial (Klíma–Polák 2013),
    /// and with R-trivial known, L-trivial ⇔ J-trivial; a non-confluent state gives the violated L-identity.
    /// </summary>
    private static ClassVerdict Confluence(DecisionContext c, LanguageClass asClass)
    {
        var violation = c.ConfluenceViolation;
        if (violation is not null) return new ClassVerdict(asClass, false, null, violation) { DecidedBy = ConfluenceTest };
        const string why = "partially ordered (Brzozowski–Fich 1980) and locally confluent: q·a·w = q·b·w for some w ∈ {a,b}*, for every state q and letters a, b (Klíma–Polák 2013)";
        string states = $"{c.Dfa.StateCount} states";
        return asClass switch
        {
            LanguageClass.PT => PiecewiseTestableDecider.Member(c, $"{why}; {states}") with { DecidedBy = ConfluenceTest },
            LanguageClass.J => new ClassVerdict(asClass, true, null, new ClassMembership("J-trivial = piecewise testable: " + why, states)) { DecidedBy = ConfluenceTest },
            _ => new ClassVerdict(asClass, true, null, new ClassMembership("J ⊆ L: " + why, states)) { DecidedBy = ConfluenceTest },
        };
    }

    private static ClassVerdict DA(DecisionContext c)
    {
        if (Known(c, LanguageClass.R) is { Member: true } r) return Included(LanguageClass.DA, r);
        if (Known(c, LanguageClass.D) is { Member: true } d) return Included(LanguageClass.DA, d);
        if (!c.HasSemigroup)
        {
            // Place's DA pattern on the DFA; the identity words come from the pattern, else from the semigroup.
            var pattern = c.DAPattern;
            if (pattern is null)
                return new ClassVerdict(LanguageClass.DA, true, null,
                    new ClassMembership("no states q ≠ r fixed by one word u with q·v = r for a word v over the letters of u (u^ω v u^ω = u^ω when alph(v) ⊆ alph(u))",
                        $"{c.Dfa.StateCount} states"))
                { DecidedBy = DAPatternTest };
            var witness = pattern.Witness ?? SemigroupChecks.FindDAViolation(c.Semigroup, (long)c.Options.MaxSemigroup * 1000)
                ?? throw new InvalidOperationException("the DA pattern and the semigroup disagree");
            return new ClassVerdict(LanguageClass.DA, false, null, witness) { DecidedBy = DAPatternTest };
        }
        var v = DADecider.Decide(c);
        return By(v, $"regular J-classes of idempotents ({Semigroup(c)})");
    }

    private static ClassVerdict LocallyTestable(DecisionContext c)
    {
        // Cheap members first (D by merging, K), then the refutation through LR, then SL and LI.
        foreach (var sub in new[] { LanguageClass.D, LanguageClass.K })
            if (Known(c, sub) is { Member: true } s) return IncludedInLt(c, s);
        if (NotLocallyRTrivial(c, LanguageClass.LT) is { } no) return no;
        foreach (var sub in new[] { LanguageClass.SL, LanguageClass.LI })
            if (Known(c, sub) is { Member: true } s) return IncludedInLt(c, s);
        // Condition 1 of Kim–McNaughton–McCloskey is LR (checked above); condition 2 on the C-nodes of the pair graph.
        if (Known(c, LanguageClass.LR) is { Member: true })
        {
            var violation = Conditions.LocalTestability.FindViolation(c.Dfa, c.Options.MaxPairStates);
            if (violation is not null) return new ClassVerdict(LanguageClass.LT, false, null, violation) { DecidedBy = LocalTestabilityTest };
            return LocallyTestableDecider.Member(c, "Kim–McNaughton–McCloskey 1991: locally R-trivial, and for every C-node (p, q) of the pair graph with p → q and every word s, p·s reaches q iff q·s does",
                $"{c.Dfa.StateCount} states") with { DecidedBy = LocalTestabilityTest };
        }
        var v = LocallyTestableDecider.Decide(c);
        return By(v, c.HasSemigroup ? $"local monoids eSe, one idempotent per J-class ({Semigroup(c)})" : "shortlex aperiodicity search (LT ⊆ SF)");
    }

    /// <summary>The <see cref="ClassVerdict.DecidedBy"/> of DA decided on the DFA by Place's pattern.</summary>
    public const string DAPatternTest = "DA pattern: pair-graph components and their letters (DFA)";

    /// <summary>The <see cref="ClassVerdict.DecidedBy"/> of L decided on a DFA that is not partially ordered.</summary>
    public const string LTrivialPatternTest = "content pattern: pair-graph components and quadruples (DFA)";

    /// <summary>The <see cref="ClassVerdict.DecidedBy"/> of LT decided on the DFA by the C-nodes of the pair graph.</summary>
    public const string LocalTestabilityTest = "C-nodes of the pair graph (DFA, Kim–McNaughton–McCloskey 1991)";

    private static ClassVerdict IncludedInLt(DecisionContext c, ClassVerdict sub) =>
        LocallyTestableDecider.Member(c, $"{sub.Class} ⊆ LT", $"{sub.Class}: {DescribeMembership(sub)}")
            with { DecidedBy = $"inclusion {sub.Class} ⊆ LT ({sub.Class} by {sub.DecidedBy})" };

    private static ClassVerdict LocallyThresholdTestable(DecisionContext c)
    {
        if (Known(c, LanguageClass.LT) is { Member: true } lt) return Included(LanguageClass.LTT, lt);
        if (NotLocallyRTrivial(c, LanguageClass.LTT) is { } no) return no;
        // Condition 1 of Trahtman's theorem is LR (checked above); conditions 2–4 on the pair graph.
        if (Known(c, LanguageClass.LR) is { Member: true })
        {
            Conditions.LocalThresholdTestability.Result? result = null;
            try
            {
                result = Conditions.LocalThresholdTestability.Check(c.Dfa, c.Options.MaxPairStates);
            }
            catch (Core.Text.BudgetExceededException)
            {
                // The pair-graph searches are over their budget: the semigroup test below decides (or stops on its own budget).
            }
            if (result is { Holds: true })
                return new ClassVerdict(LanguageClass.LTT, true, null,
                    new ClassMembership("Trahtman 2004: locally R-trivial, and for every C-node (p, r₁) of the pair graph: (p, r₁) ≥ (q, t) with p ≥ r ≥ r₁ and (r, t) a C-node implies q ≥ t, and the T3SCCs are well defined and agree",
                        $"{c.Dfa.StateCount} states, {result.States}"))
                { DecidedBy = LocalThresholdTestabilityTest };
            if (result is { Violation: { } words })
                return new ClassVerdict(LanguageClass.LTT, false, null, words) { DecidedBy = LocalThresholdTestabilityTest };
            if (result is not null)
            {
                // Conditions 3–4 refute without words: the semigroup's identity check names them.
                var certified = LocallyThresholdTestableDecider.Decide(c);
                if (certified.Member) throw new InvalidOperationException($"Trahtman's condition {result.Condition} and the Thérien–Weiss identity disagree ({result.States})");
                return certified with { DecidedBy = $"{LocalThresholdTestabilityTest}, condition {result.Condition}; words from the Thérien–Weiss identity ({Semigroup(c)})" };
            }
        }
        var v = LocallyThresholdTestableDecider.Decide(c);
        return By(v, c.HasSemigroup ? $"Thérien–Weiss identity, one idempotent per R- and L-class ({Semigroup(c)})" : "shortlex aperiodicity search (LTT ⊆ SF)");
    }

    /// <summary>The <see cref="ClassVerdict.DecidedBy"/> of LTT decided on the DFA by Trahtman's conditions.</summary>
    public const string LocalThresholdTestabilityTest = "C-nodes and T3SCCs of the pair graph (DFA, Trahtman 2004)";

    /// <summary>LT ⊆ LTT ⊆ LR: the LR row's violated identity (the forbidden configuration's words) refutes both.</summary>
    private static ClassVerdict? NotLocallyRTrivial(DecisionContext c, LanguageClass asClass)
    {
        if (Known(c, LanguageClass.LR) is not { Member: false } lr) return null;
        var identity = Flatten(lr.Evidence).OfType<IdentityViolation>().FirstOrDefault();
        if (identity is null) return null;
        return new ClassVerdict(asClass, false, null, identity) { DecidedBy = $"not in LR ⊇ {asClass} (LR by {lr.DecidedBy})" };
    }

    private static IEnumerable<ClassEvidence> Flatten(ClassEvidence e) => e is EvidenceSet set ? set.Items.SelectMany(Flatten) : [e];
}
