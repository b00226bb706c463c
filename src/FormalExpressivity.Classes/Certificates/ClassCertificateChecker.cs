using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Certificates;

/// <summary>
/// Re-validates class verdicts from the minimal DFA alone, without trusting the deciders: identities
/// are recomputed by running the named words (<see cref="IdentityEvaluator"/>); witness pairs by
/// membership (and, for <c>LTL[Y]</c> and <c>prefix</c> pairs, by the common suffix / prefix that makes
/// them agree up to the stated depth); the LR configuration by its equations; parameters of D, K, SL by
/// level iteration on state pairs (a different algorithm from the deciders' DFS), LT and PT parameters
/// by their definitions at k and k − 1; membership in R and LR by independent re-checks. The type-based
/// part of witness pairs for other fragments ("agree on every formula of depth ≤ r") belongs to the
/// architecture checker.
/// </summary>
public static class ClassCertificateChecker
{
    /// <summary>The identities whose violation refutes membership in each class.</summary>
    public static IReadOnlyDictionary<LanguageClass, string[]> RefutingIdentities { get; } = new Dictionary<LanguageClass, string[]>
    {
        [LanguageClass.SF] = [Identities.Aperiodic],
        [LanguageClass.R] = [Identities.RTrivial],
        [LanguageClass.L] = [Identities.LTrivial],
        [LanguageClass.J] = [Identities.RTrivial, Identities.LTrivial],
        [LanguageClass.PT] = [Identities.RTrivial, Identities.LTrivial],
        [LanguageClass.DA] = [Identities.DA],
        [LanguageClass.D] = [Identities.Definite],
        [LanguageClass.K] = [Identities.ReverseDefinite],
        [LanguageClass.LI] = [Identities.GeneralizedDefinite],
        [LanguageClass.LR] = [Identities.LocallyRTrivial],
        // LT ⊆ LTT ⊆ LR: an identity of LR refutes both.
        [LanguageClass.LT] = [Identities.LocallyIdempotent, Identities.LocallyCommutative, Identities.LocallyRTrivial],
        [LanguageClass.LTT] = [Identities.Aperiodic, Identities.TherienWeiss, Identities.LocallyRTrivial],
    };

    /// <summary>The problems found with <paramref name="verdict"/> for the language of <paramref name="minimalDfa"/>; empty when the certificate holds.</summary>
    /// <param name="minimalDfa">The minimal DFA the verdict is about.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="options">Budgets for parameter re-checks.</param>
    public static IReadOnlyList<string> Check(Dfa minimalDfa, ClassVerdict verdict, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        ArgumentNullException.ThrowIfNull(verdict);
        options ??= DeciderOptions.Default;
        var problems = new List<string>();
        bool refuted = false;
        foreach (var e in Flatten(verdict.Evidence))
        {
            switch (e)
            {
                case IdentityViolation iv:
                    if (verdict.Member) problems.Add("an identity violation supports a membership verdict");
                    if (!RefutingIdentities.TryGetValue(verdict.Class, out var allowed) || !allowed.Contains(iv.Identity))
                        problems.Add($"identity '{iv.Identity}' does not refute {verdict.Class}");
                    else if (!Violated(iv, minimalDfa, problems)) problems.Add($"'{iv.Identity}' holds for the given words");
                    else refuted = true;
                    break;
                case WitnessPair wp:
                    CheckPair(minimalDfa, wp, problems);
                    break;
                case LrConfiguration c:
                    if (verdict.Class != LanguageClass.LR || verdict.Member) problems.Add("an LR configuration supports only LR non-membership");
                    if (CheckConfiguration(minimalDfa, c, problems)) refuted = true;
                    break;
                case SuffixSubstitutionViolation s:
                    if (verdict.Class != LanguageClass.SL || verdict.Member) problems.Add("a suffix-substitution violation supports only SL non-membership");
                    if (CheckSuffixSubstitution(minimalDfa, s, problems)) refuted = true;
                    break;
                case BudgetStop:
                    problems.Add("an unknown verdict (stopped by a budget) certifies nothing");
                    break;
                case ClassMembership:
                    if (!verdict.Member) problems.Add("membership evidence on a non-membership verdict");
                    break;
                default:
                    problems.Add($"unknown evidence kind {e.GetType().Name}");
                    break;
            }
        }
        if (!verdict.Member && !refuted) problems.Add("no evidence refutes membership");
        if (verdict.Member) CheckMembership(minimalDfa, verdict, options, problems);
        return problems;
    }

    private static IEnumerable<ClassEvidence> Flatten(ClassEvidence e) =>
        e is EvidenceSet set ? set.Items.SelectMany(Flatten) : [e];

    private static bool Violated(IdentityViolation iv, Dfa dfa, List<string> problems)
    {
        try
        {
            return IdentityEvaluator.IsViolated(iv.Identity, iv.Assignment, dfa);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            problems.Add($"identity '{iv.Identity}' cannot be evaluated: {ex.Message}");
            return false;
        }
    }

    private static bool InAlphabet(Dfa dfa, Word w) => w.All(a => (uint)a < (uint)dfa.SymbolCount);

    private static void CheckPair(Dfa dfa, WitnessPair wp, List<string> problems)
    {
        if (!InAlphabet(dfa, wp.InLanguage) || !InAlphabet(dfa, wp.NotInLanguage)) { problems.Add("a witness word uses symbols outside the alphabet"); return; }
        if (!dfa.Accepts(wp.InLanguage)) problems.Add($"witness {wp.InLanguage} is not in L");
        if (dfa.Accepts(wp.NotInLanguage)) problems.Add($"witness {wp.NotInLanguage} is in L");
        if (wp.Fragment == "LTL[Y]" && CommonSuffix(wp.InLanguage, wp.NotInLanguage) < wp.Depth)
            problems.Add($"the witnesses share a suffix shorter than the claimed LTL[Y] depth {wp.Depth}");
        if (wp.Fragment == "prefix" && CommonPrefix(wp.InLanguage, wp.NotInLanguage) < wp.Depth)
            problems.Add($"the witnesses share a prefix shorter than {wp.Depth}");
    }

    private static int CommonSuffix(Word u, Word v)
    {
        int i = 0;
        while (i < u.Length && i < v.Length && u[u.Length - 1 - i] == v[v.Length - 1 - i]) i++;
        return i;
    }

    private static int CommonPrefix(Word u, Word v)
    {
        int i = 0;
        while (i < u.Length && i < v.Length && u[i] == v[i]) i++;
        return i;
    }

    private static bool CheckConfiguration(Dfa dfa, LrConfiguration c, List<string> problems)
    {
        int n = dfa.StateCount;
        if (new[] { c.P, c.Q, c.R, c.RPrime }.Any(s => (uint)s >= (uint)n)) { problems.Add("configuration state out of range"); return false; }
        if (!InAlphabet(dfa, c.U) || !InAlphabet(dfa, c.X) || !InAlphabet(dfa, c.Y)) { problems.Add("configuration word outside the alphabet"); return false; }
        var failures = new List<string>();
        if (c.P == c.Q) failures.Add("p = q");
        if (c.U.Length == 0) failures.Add("u is empty");
        if (dfa.Run(c.P, c.U.Symbols) != c.P) failures.Add("p·u ≠ p");
        if (dfa.Run(c.Q, c.U.Symbols) != c.Q) failures.Add("q·u ≠ q");
        if (dfa.Run(c.R, c.U.Symbols) != c.Q) failures.Add("r·u ≠ q");
        if (dfa.Run(c.RPrime, c.U.Symbols) != c.P) failures.Add("r'·u ≠ p");
        if (dfa.Run(c.P, c.X.Symbols) != c.R) failures.Add("p·x ≠ r");
        if (dfa.Run(c.Q, c.Y.Symbols) != c.RPrime) failures.Add("q·y ≠ r'");
        problems.AddRange(failures.Select(f => "LR configuration: " + f));
        return failures.Count == 0;
    }

    private static bool CheckSuffixSubstitution(Dfa dfa, SuffixSubstitutionViolation s, List<string> problems)
    {
        var w1 = s.U1.Concat(s.X).Concat(s.V1);
        var w2 = s.U2.Concat(s.X).Concat(s.V2);
        var w3 = s.U1.Concat(s.X).Concat(s.V2);
        if (!InAlphabet(dfa, w1) || !InAlphabet(dfa, w2)) { problems.Add("suffix substitution word outside the alphabet"); return false; }
        bool ok = dfa.Accepts(w1) && dfa.Accepts(w2) && !dfa.Accepts(w3);
        if (!ok) problems.Add("suffix substitution: memberships do not hold");
        return ok;
    }

    private static void CheckMembership(Dfa dfa, ClassVerdict v, DeciderOptions options, List<string> problems)
    {
        switch (v.Class)
        {
            case LanguageClass.D:
                Expect(problems, "definite degree", v.Parameter, PairLevels(dfa, _ => 0, sameGroupOnly: true));
                break;
            case LanguageClass.SL:
                var live = LiveStates(dfa);
                int? levels = PairLevels(dfa, q => live[q] ? 0 : -1, sameGroupOnly: true);
                Expect(problems, "SL k", v.Parameter, levels is null ? null : Math.Max(1, levels.Value + 1));
                break;
            case LanguageClass.K:
                Expect(problems, "reverse definite degree", v.Parameter, ReverseDefiniteLevels(dfa));
                break;
            case LanguageClass.R:
                if (!PartiallyOrdered(dfa)) problems.Add("R claimed but the minimal DFA has a cycle through two states");
                break;
            case LanguageClass.LR:
                var comp = Reachability(dfa);
                if (PairLevels(dfa, q => comp[q], sameGroupOnly: true) is null) problems.Add("LR claimed but two states of one component are fixed by a common word");
                break;
            case LanguageClass.LT when v.Parameter is int k:
                if (k > 1 && Budgeted(() => TestabilityParameters.IsLocallyTestable(dfa, k - 1, options.MaxParameterStates)) != false)
                    problems.Add($"not refuted: {k - 1}-locally testable (or the budget ran out)");
                var positive = Budgeted(() => TestabilityParameters.IsLocallyTestable(dfa, k, options.MaxParameterStates));
                if (positive == false) problems.Add($"not {k}-locally testable");
                if (positive is null)
                {
                    // Budget exhausted: accept only a theorem bound recomputed here (SL_k ⊆ LT_k, D_d ⊆ LT_{d+1}).
                    var liveLt = LiveStates(dfa);
                    int? sl = PairLevels(dfa, q => liveLt[q] ? 0 : -1, sameGroupOnly: true);
                    int? d = PairLevels(dfa, _ => 0, sameGroupOnly: true);
                    if (!(sl is int j && Math.Max(1, j + 1) == k) && !(d is int dd && Math.Max(1, dd + 1) == k))
                        problems.Add($"{k}-local testability could not be re-checked within the budget");
                }
                break;
            case LanguageClass.PT when v.Parameter is int k:
                var piecewise = Budgeted(() => TestabilityParameters.IsPiecewiseTestable(dfa, k, options.MaxParameterStates));
                if (piecewise == false) problems.Add($"not {k}-piecewise testable");
                // Budget exhausted: accept only the theorem bound recomputed here (a partially ordered DFA of depth ≤ k
                // recognizes, when L is piecewise testable, a k-piecewise testable language; Klíma–Polák 2013).
                if (piecewise is null && !(PartiallyOrdered(dfa) && DepthByRelaxation(dfa) <= k))
                    problems.Add($"{k}-piecewise testability could not be re-checked within the budget");
                if (k > 0)
                {
                    var below = Budgeted(() => TestabilityParameters.IsPiecewiseTestable(dfa, k - 1, options.MaxParameterStates));
                    if (below == true) problems.Add($"already {k - 1}-piecewise testable");
                    // Budget exhausted: accept a letter block recomputed here — x·a^(k−1)·y and x·a^k·y agree on the subwords of
                    // length ≤ k − 1, so q·a^(k−1) ≠ q·a^k refutes k − 1 in a minimal DFA (Simon 1975's congruence).
                    if (below is null && !BlockChangesState(dfa, k - 1))
                        problems.Add($"not refuted: {k - 1}-piecewise testable (or the budget ran out)");
                }
                break;
        }
    }

    /// <summary>The longest path from the start without self-loops, by relaxing every edge |Q| times (a partially ordered DFA has no longer path).</summary>
    private static int DepthByRelaxation(Dfa dfa)
    {
        int n = dfa.StateCount;
        var longest = new int[n];
        Array.Fill(longest, -1);
        longest[dfa.Start] = 0;
        for (int round = 0; round < n; round++)
        {
            bool changed = false;
            for (int q = 0; q < n; q++)
                if (longest[q] >= 0)
                    for (int a = 0; a < dfa.SymbolCount; a++)
                    {
                        int r = dfa.Next(q, a);
                        if (r != q && longest[r] < longest[q] + 1) { longest[r] = longest[q] + 1; changed = true; }
                    }
            if (!changed) break;
        }
        return longest.Max();
    }

    /// <summary>Whether some state q and letter a have q·a^j ≠ q·a^(j+1), by running the block.</summary>
    private static bool BlockChangesState(Dfa dfa, int j)
    {
        for (int q = 0; q < dfa.StateCount; q++)
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int p = q;
                for (int i = 0; i < j; i++) p = dfa.Next(p, a);
                if (dfa.Next(p, a) != p) return true;
            }
        return false;
    }

    private static bool? Budgeted(Func<bool> check)
    {
        try { return check(); }
        catch (FormalExpressivity.Core.Text.BudgetExceededException) { return null; }
    }

    private static void Expect(List<string> problems, string what, int? claimed, int? actual)
    {
        if (claimed != actual) problems.Add($"{what}: claimed {claimed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, recomputed {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
    }

    /// <summary>
    /// Level iteration on unordered pairs of distinct states with <c>group[p] = group[q] ≥ 0</c>: P_0 = all
    /// such pairs, P_{j+1} = their images that stay such pairs. Returns the least j with P_j empty, or null
    /// when the levels never empty (a cycle). For one group this j is the definiteness degree; for the live
    /// states, j + 1 is the least SL k (j = 0 means k = 1).
    /// </summary>
    private static int? PairLevels(Dfa dfa, Func<int, int> group, bool sameGroupOnly)
    {
        int n = dfa.StateCount;
        var level = new HashSet<(int, int)>();
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
                if (group(p) >= 0 && (!sameGroupOnly || group(p) == group(q))) level.Add((p, q));
        for (int j = 0; j <= n * n; j++)
        {
            if (level.Count == 0) return j;
            var next = new HashSet<(int, int)>();
            foreach (var (p, q) in level)
                for (int a = 0; a < dfa.SymbolCount; a++)
                {
                    int x = dfa.Next(p, a), y = dfa.Next(q, a);
                    if (x == y || group(x) < 0 || group(x) != group(y)) continue;
                    next.Add((Math.Min(x, y), Math.Max(x, y)));
                }
            level = next;
        }
        return null;
    }

    private static bool[] LiveStates(Dfa dfa)
    {
        var live = new bool[dfa.StateCount];
        for (int q = 0; q < live.Length; q++) live[q] = dfa.IsAccepting(q);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int q = 0; q < live.Length; q++)
                if (!live[q] && Enumerable.Range(0, dfa.SymbolCount).Any(a => live[dfa.Next(q, a)])) live[q] = changed = true;
        }
        return live;
    }

    private static int? ReverseDefiniteLevels(Dfa dfa)
    {
        bool Absorbing(int q) => Enumerable.Range(0, dfa.SymbolCount).All(a => dfa.Next(q, a) == q);
        var level = new HashSet<int> { dfa.Start };
        for (int j = 0; j <= dfa.StateCount; j++)
        {
            if (level.All(Absorbing)) return j;
            level = level.SelectMany(q => Enumerable.Range(0, dfa.SymbolCount).Select(a => dfa.Next(q, a))).ToHashSet();
        }
        return null;
    }

    /// <summary>Mutual-reachability classes by transitive closure (an O(n³) twin of Tarjan), as the least state of each class.</summary>
    private static int[] Reachability(Dfa dfa)
    {
        int n = dfa.StateCount;
        var reach = new bool[n, n];
        for (int p = 0; p < n; p++)
        {
            reach[p, p] = true;
            var stack = new Stack<int>();
            stack.Push(p);
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                for (int a = 0; a < dfa.SymbolCount; a++)
                {
                    int y = dfa.Next(x, a);
                    if (!reach[p, y]) { reach[p, y] = true; stack.Push(y); }
                }
            }
        }
        var rep = new int[n];
        for (int p = 0; p < n; p++)
        {
            rep[p] = p;
            for (int q = 0; q < p; q++) if (reach[p, q] && reach[q, p]) { rep[p] = rep[q]; break; }
        }
        return rep;
    }

    private static bool PartiallyOrdered(Dfa dfa)
    {
        var rep = Reachability(dfa);
        return rep.Select((r, i) => r == i).All(x => x);
    }
}
