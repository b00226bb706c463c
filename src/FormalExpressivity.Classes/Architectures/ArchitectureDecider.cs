using System.Globalization;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>
/// Architecture verdicts from theory.md §4: global = R (LTL[P] formula or witness pair);
/// local:1 = D; hybrid:1 = LR; uha = SF; for local:k, hybrid:k (k ≥ 2) and global-nonstrict the
/// necessary condition first (D, LR, R — a "no" there is exact), then the bounded type search with
/// multiset windows (yes with a formula, or unknown with a witness pair). The logic classes
/// <c>Ywin:k</c> and <c>PYwin:k</c> are decided the same way with set windows.
/// </summary>
public static class ArchitectureDecider
{
    /// <summary>The verdict for one architecture.</summary>
    /// <param name="facts">The language.</param>
    /// <param name="architecture">The architecture.</param>
    /// <param name="options">Budgets (defaults when null).</param>
    public static ArchitectureVerdict Decide(LanguageFacts facts, Architecture architecture, ArchitectureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(architecture);
        options ??= new ArchitectureOptions();
        string key = architecture.Key;
        var verdict = architecture.Kind switch
        {
            ArchitectureKind.Global => facts.IsRTrivial
                ? Yes(facts, key, facts.PastFormula, "R-trivial (partially ordered minimal DFA): LTL[P] formula by the state-by-state construction", options)
                : NoR(facts, key, TypeFragment.PastOnly, options),
            ArchitectureKind.GlobalNonStrict => facts.IsRTrivial
                ? Search(facts, key, TypeFragment.PastNonStrict, false, "R-trivial (necessary)", options, stutterFirst: true)
                : NoR(facts, key, TypeFragment.PastNonStrict, options),
            ArchitectureKind.Local => Windowed(facts, key, false, architecture.K, WindowSemantics.Multiset, options),
            ArchitectureKind.Hybrid => Windowed(facts, key, true, architecture.K, WindowSemantics.Multiset, options),
            _ => Uha(facts, options),
        };
        return architecture.Fragment is { } fragment ? Least(facts, verdict, fragment, options) : verdict;
    }

    /// <summary>The logic class <c>Ywin:k</c> = LTL[Y[&lt;=k]] (<paramref name="past"/> false) or <c>PYwin:k</c> = LTL[P,Y[&lt;=k]] (true), with set windows.</summary>
    /// <param name="facts">The language.</param>
    /// <param name="past">Whether P is in the fragment.</param>
    /// <param name="k">The window size.</param>
    /// <param name="options">Budgets (defaults when null).</param>
    public static ArchitectureVerdict DecideLogic(LanguageFacts facts, bool past, int k, ArchitectureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        options ??= new ArchitectureOptions();
        string key = string.Create(CultureInfo.InvariantCulture, $"{(past ? "PYwin" : "Ywin")}:{k}");
        var fragment = past ? TypeFragment.PastWindowLogic(k) : TypeFragment.WindowLogic(k);
        return Least(facts, Windowed(facts, key, past, k, WindowSemantics.Set, options), fragment, options);
    }

    /// <summary>
    /// Makes the depth of a yes the least one: the type search in the fragment up to the formula's depth − 1
    /// either finds a formula of smaller depth (which then replaces it) or two words of equal type at
    /// depth − 1 (the proof that no smaller depth exists). A budget leaves the depth unproved.
    /// </summary>
    private static ArchitectureVerdict Least(LanguageFacts facts, ArchitectureVerdict v, TypeFragment fragment, ArchitectureOptions options)
    {
        if (v.Verdict != Verdict.Yes || v.Formula is not { } formula || v.DepthIsLeast) return v;
        int depth = formula.Depth;
        if (depth == 0) return v with { DepthIsLeast = true };
        var result = TypeSearch.Search(facts.Minimal, fragment, options.Search with { MaxDepth = depth - 1 });
        if (result.Definable && result.Formula is { } smaller)
        {
            var proof = FormulaProof.Check(smaller, facts.Minimal, options.FormulaMaxStates);
            if (proof.Difference is not null)
                throw new InvalidOperationException($"internal error: the type-search formula for {v.Key} differs from L on '{proof.Difference.Format(facts.Alphabet)}'");
            return v with
            {
                Formula = smaller, FormulaChecked = proof.Equivalent, Depth = result.Depth, DepthIsLeast = true, Below = result.Below,
                Note = v.Note + $"; least depth {result.Depth} by the type search (the construction's formula has depth {depth})",
            };
        }
        if (result.BudgetNote is not null || result.Depth != depth - 1 || result.Witness is null)
            return v with { Note = v.Note + $"; depth {depth} not proved least ({result.BudgetNote ?? "no witness"})" };
        Confirm(facts, v.Key, fragment, result.Witness);
        return v with { DepthIsLeast = true, Below = result.Witness };
    }

    private static void Confirm(LanguageFacts facts, string key, TypeFragment fragment, WitnessPair w)
    {
        if (!facts.Minimal.Accepts(w.InLanguage) || facts.Minimal.Accepts(w.NotInLanguage) || !TypeChecker.Agree(fragment, facts.Alphabet.Count, w.InLanguage, w.NotInLanguage, w.Depth))
            throw new InvalidOperationException($"internal error: the least-depth witness for {key} did not re-check");
    }

    private static ArchitectureVerdict Windowed(LanguageFacts facts, string key, bool past, int k, WindowSemantics semantics, ArchitectureOptions options)
    {
        var fragment = (past, semantics) switch
        {
            (false, WindowSemantics.Set) => TypeFragment.WindowLogic(k),
            (false, _) => TypeFragment.Local(k),
            (true, WindowSemantics.Set) => TypeFragment.PastWindowLogic(k),
            _ => TypeFragment.Hybrid(k),
        };
        if (!past)
        {
            if (facts.Degree is null) return NoD(facts, key, fragment, options);
            if (k == 1) return Yes(facts, key, facts.YesterdayFormula, $"definite of degree {facts.Degree}: LTL[Y] formula over the last {facts.Degree} symbols", options);
            return Search(facts, key, fragment, false, $"definite of degree {facts.Degree} (necessary)", options);
        }
        if (facts.LrConfiguration is not null) return NoLR(facts, key, fragment, options);
        if (facts.IsRTrivial) return Yes(facts, key, facts.PastFormula, "locally R-trivial; R-trivial, so the LTL[P] formula serves", options);
        if (k == 1 && facts.Degree is not null) return Yes(facts, key, facts.YesterdayFormula, "locally R-trivial; definite, so the LTL[Y] formula serves", options);
        if (k == 1) return Yes(facts, key, facts.PastYesterdayFormula, "locally R-trivial (= LTL[P,Y]): formula by the SCC-wise construction", options);
        return Search(facts, key, fragment, k == 1, "locally R-trivial" + (k == 1 ? " (= LTL[P,Y], exact)" : " (necessary)"), options);
    }

    private static ArchitectureVerdict Search(LanguageFacts facts, string key, TypeFragment fragment, bool exactYes, string condition, ArchitectureOptions options, bool stutterFirst = false)
    {
        if (stutterFirst && !exactYes && AllDepth(facts, key, fragment, condition, options, out _) is { Certificate: StutterCertificate } stutter) return stutter;
        var result = TypeSearch.Search(facts.Minimal, fragment, options.Search);
        if (result.Definable)
        {
            var yes = Yes(facts, key, result.Formula, $"{condition}; type search: definable at depth {result.Depth}", options);
            if (result.Below is { } below) Confirm(facts, key, fragment, below);
            return yes with { Depth = result.Depth, DepthIsLeast = true, Below = result.Below };
        }
        string budget = result.BudgetNote is null ? "" : "; budget: " + result.BudgetNote;
        var witness = result.Witness;
        if (witness is not null && !TypeChecker.Agree(fragment, facts.Alphabet.Count, witness.InLanguage, witness.NotInLanguage, witness.Depth))
            throw new InvalidOperationException($"internal error: type-search witness for {key} rejected by the type checker");
        string depthText = result.Depth >= 0 ? $"no formula of depth ≤ {result.Depth}" : "no depth searched";
        if (exactYes)
            return new ArchitectureVerdict(key, Verdict.Yes, null, false, null, null, null, $"{condition}; no formula synthesized ({depthText}{budget})");
        if (AllDepth(facts, key, fragment, condition, options, out string lassoBound) is { } no) return no;
        return new ArchitectureVerdict(key, Verdict.Unknown, null, false, witness, null, result.Depth >= 0 ? result.Depth : null, $"{condition}; {depthText} in {fragment.Name}{budget}; no lasso certificate with {lassoBound}");
    }

    /// <summary>The all-depth "no" stage (stuttering, lasso families), each certificate re-checked before it is reported.</summary>
    private static ArchitectureVerdict? AllDepth(LanguageFacts facts, string key, TypeFragment fragment, string condition, ArchitectureOptions options, out string bound)
    {
        var refutation = AllDepthRefutation.Find(facts.Minimal, fragment, options.WitnessDepth, options.Lasso, out bound);
        if (refutation is null) return null;
        string how = refutation.Kind == "stutter"
            ? "doubling a letter changes no non-strict type (docs/theory.md §Stuttering)"
            : "lasso family whose limit-graph colours agree (docs/theory.md §Lasso certificates)";
        return new ArchitectureVerdict(key, Verdict.No, null, false, refutation.Witness, null, null, $"{condition}; no {fragment.Name} formula of any depth: {how}")
        {
            Certificate = refutation.Certificate,
        };
    }

    private static ArchitectureVerdict Yes(LanguageFacts facts, string key, LtlFormula? formula, string note, ArchitectureOptions options)
    {
        if (formula is null) return new ArchitectureVerdict(key, Verdict.Yes, null, false, null, null, null, note + "; no formula synthesized");
        var proof = FormulaProof.Check(formula, facts.Minimal, options.FormulaMaxStates);
        if (proof.Difference is not null)
            throw new InvalidOperationException($"internal error: the synthesized formula for {key} differs from L on '{proof.Difference.Format(facts.Alphabet)}': {formula}");
        string extra = proof.Note is null ? "; formula proved equivalent" : "; " + proof.Note;
        return new ArchitectureVerdict(key, Verdict.Yes, formula, proof.Equivalent, null, null, formula.Depth, note + extra);
    }

    private static ArchitectureVerdict NoR(LanguageFacts facts, string key, TypeFragment fragment, ArchitectureOptions options)
    {
        var c = facts.Cycle!;
        var identity = new IdentityViolation(Identities.RTrivial, new Dictionary<string, Word> { ["x"] = c.X, ["y"] = c.Y });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.RTrivial(facts.Minimal, c, k), options.WitnessDepth, options.MaxRepetition);
        return No(key, pair, identity, options, $"not R-trivial: states {c.P} and {c.Q} lie on a cycle");
    }

    private static ArchitectureVerdict NoD(LanguageFacts facts, string key, TypeFragment fragment, ArchitectureOptions options)
    {
        var c = facts.PairCycle!;
        var e = WitnessFamilies.Idempotent(facts.Minimal, c.Z);
        var eAction = DfaPaths.Action(facts.Minimal, e);
        int s = Enumerable.Range(0, facts.Alphabet.Count).First(a => !Composes(facts, a, eAction));
        var identity = new IdentityViolation(Identities.Definite, new Dictionary<string, Word> { ["s"] = Word.Of(s), ["e"] = e });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.Definite(facts.Minimal, c, k), options.WitnessDepth, options.MaxRepetition * Math.Max(1, fragment.Window));
        return No(key, pair, identity, options, $"not definite: states {c.P} and {c.Q} are both fixed by a non-empty word");
    }

    private static ArchitectureVerdict NoLR(LanguageFacts facts, string key, TypeFragment fragment, ArchitectureOptions options)
    {
        var c = facts.LrConfiguration!;
        var e = WitnessFamilies.Idempotent(facts.Minimal, c.U);
        // eSe is not R-trivial: with a = e·x·u·e (p ↦ q) and b = e·y·u·e (q ↦ p), (ab)^ω a ≠ (ab)^ω.
        var identity = new IdentityViolation(Identities.LocallyRTrivial, new Dictionary<string, Word>
        {
            ["e"] = e,
            ["x"] = c.X.Concat(c.U),
            ["y"] = c.Y.Concat(c.U),
        });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.LocallyRTrivial(facts.Minimal, c, k, fragment.Window), options.WitnessDepth, options.MaxRepetition);
        return No(key, pair, identity, options, $"not locally R-trivial: forbidden configuration p={c.P}, q={c.Q}, r={c.R}, r'={c.RPrime}");
    }

    private static ArchitectureVerdict No(string key, WitnessPair? pair, IdentityViolation identity, ArchitectureOptions options, string note)
    {
        string extra = pair is null
            ? $"; no witness pair found with repetition ≤ {options.MaxRepetition} at depth {options.WitnessDepth}"
            : $"; witnesses agree on every formula of depth ≤ {pair.Depth}";
        return new ArchitectureVerdict(key, Verdict.No, null, false, pair, identity, pair?.Depth, note + extra);
    }

    private static ArchitectureVerdict Uha(LanguageFacts facts, ArchitectureOptions options)
    {
        Word? x;
        try
        {
            x = facts.AperiodicViolation;
        }
        catch (Core.Text.BudgetExceededException e)
        {
            return new ArchitectureVerdict("uha", Verdict.Unknown, null, false, null, null, null, "aperiodicity not decided: " + e.Message);
        }
        if (x is null)
        {
            var formula = facts.PastFormula ?? facts.YesterdayFormula ?? (facts.LrConfiguration is null ? facts.PastYesterdayFormula : null);
            string note = "star-free (aperiodic: x^ω·x = x^ω for every x)";
            return formula is null
                ? new ArchitectureVerdict("uha", Verdict.Yes, null, false, null, null, null, note + "; LTL[S] formula synthesis is not implemented beyond LTL[P] and LTL[Y]")
                : Yes(facts, "uha", formula, note, options);
        }
        var identity = new IdentityViolation(Identities.Aperiodic, new Dictionary<string, Word> { ["x"] = x });
        var pumping = PumpingCertificate.FromViolation(facts.Minimal, x);
        if (pumping is null || pumping.Check(facts.Minimal) is not null)
            throw new InvalidOperationException("internal error: no checked pumping family for a non-aperiodic x");
        var (u, v) = pumping.WordsFor(options.WitnessDepth);
        var pair = facts.Minimal.Accepts(u) ? new WitnessPair(u, v, "FO[<]", options.WitnessDepth) : new WitnessPair(v, u, "FO[<]", options.WitnessDepth);
        return new ArchitectureVerdict("uha", Verdict.No, null, false, pair, identity, null,
            $"not star-free: x^ω·x ≠ x^ω (exact); the pumped words agree on every FO[<] sentence of quantifier rank ≤ {options.WitnessDepth} (Ehrenfeucht–Fraïssé: u^n ≡_r u^(n+1) for n ≥ 2^r)")
        {
            Certificate = pumping,
        };
    }

    private static bool Composes(LanguageFacts facts, int symbol, int[] e)
    {
        for (int q = 0; q < e.Length; q++)
            if (e[facts.Minimal.Next(q, symbol)] != e[q]) return false;
        return true;
    }
}
