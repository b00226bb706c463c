using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Automata.Certificates;

/// <summary>
/// The deliberately small, independent checker of decision evidence. It uses nothing but DFA runs
/// (<see cref="Dfa.Run(int, ReadOnlySpan{int})"/>), table look-ups (<see cref="Dfa.Next"/>) and
/// acceptance bits — no product, minimization or search code — so a bug in the deciders cannot
/// make a wrong certificate pass. Each method returns the first reason a certificate fails.
/// </summary>
public static class CertificateChecker
{
    /// <summary>Checks the evidence of an equivalence decision between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first DFA.</param>
    /// <param name="b">The second DFA.</param>
    /// <param name="result">The decision and its evidence.</param>
    public static CheckResult CheckEquivalence(Dfa a, Dfa b, EquivalenceResult result)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (!a.Alphabet.Equals(b.Alphabet)) return CheckResult.Fail("the automata have different alphabets");
        if (!result.Equivalent)
        {
            if (result.Counterexample is not { } w) return CheckResult.Fail("no counterexample given");
            if (!InAlphabet(w, a.SymbolCount)) return CheckResult.Fail("the counterexample uses a symbol outside the alphabet");
            return a.Accepts(w) != b.Accepts(w) ? CheckResult.Ok : CheckResult.Fail($"both automata {(a.Accepts(w) ? "accept" : "reject")} the counterexample {w.Format(a.Alphabet)}");
        }
        if (result.Bisimulation is null) return CheckResult.Fail("no bisimulation given");
        return CheckRelation(a, b, result.Bisimulation, new StatePair(a.Start, b.Start), (p, q) => a.IsAccepting(p) == b.IsAccepting(q), "disagree on acceptance");
    }

    /// <summary>Checks the evidence of an inclusion decision L(<paramref name="a"/>) ⊆ L(<paramref name="b"/>).</summary>
    /// <param name="a">The DFA of the included language.</param>
    /// <param name="b">The DFA of the including language.</param>
    /// <param name="result">The decision and its evidence.</param>
    public static CheckResult CheckInclusion(Dfa a, Dfa b, InclusionResult result)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (!a.Alphabet.Equals(b.Alphabet)) return CheckResult.Fail("the automata have different alphabets");
        if (!result.Included)
        {
            if (result.Counterexample is not { } w) return CheckResult.Fail("no counterexample given");
            if (!InAlphabet(w, a.SymbolCount)) return CheckResult.Fail("the counterexample uses a symbol outside the alphabet");
            return a.Accepts(w) && !b.Accepts(w) ? CheckResult.Ok : CheckResult.Fail($"the counterexample {w.Format(a.Alphabet)} is not in L(A) ∖ L(B)");
        }
        if (result.Simulation is null) return CheckResult.Fail("no simulation given");
        return CheckRelation(a, b, result.Simulation, new StatePair(a.Start, b.Start), (p, q) => !a.IsAccepting(p) || b.IsAccepting(q), "accepting on the left but not on the right");
    }

    /// <summary>Checks the evidence of an emptiness decision.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="result">The decision and its evidence.</param>
    public static CheckResult CheckEmptiness(Dfa dfa, EmptinessResult result)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Empty)
        {
            if (result.Witness is not { } w) return CheckResult.Fail("no witness given");
            if (!InAlphabet(w, dfa.SymbolCount)) return CheckResult.Fail("the witness uses a symbol outside the alphabet");
            return dfa.Accepts(w) ? CheckResult.Ok : CheckResult.Fail($"the witness {w.Format(dfa.Alphabet)} is rejected");
        }
        if (result.ClosedStates is null) return CheckResult.Fail("no closed set given");
        return CheckClosedSet(dfa, result.ClosedStates, excluded: null, forbidAccepting: true);
    }

    /// <summary>Checks the evidence of a minimality decision.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="result">The decision and its evidence.</param>
    public static CheckResult CheckMinimality(Dfa dfa, MinimalityResult result)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(result);
        int n = dfa.StateCount;
        if (!result.Minimal)
        {
            if (result.UnreachableState is int u)
            {
                if ((uint)u >= (uint)n) return CheckResult.Fail($"state {u} does not exist");
                if (result.ClosedStates is null) return CheckResult.Fail("no closed set given");
                return CheckClosedSet(dfa, result.ClosedStates, excluded: u, forbidAccepting: false);
            }
            if (result.EquivalentPair is { } pair && result.PairBisimulation is not null)
            {
                if (pair.Left == pair.Right) return CheckResult.Fail("the equivalent pair consists of one state twice");
                return CheckRelation(dfa, dfa, result.PairBisimulation, pair, (p, q) => dfa.IsAccepting(p) == dfa.IsAccepting(q), "disagree on acceptance");
            }
            return CheckResult.Fail("neither an unreachable state nor an equivalent pair is given");
        }
        if (result.AccessWords is null || result.SeparatingSuffixes is null) return CheckResult.Fail("access words or separating suffixes are missing");
        if (result.AccessWords.Count != n) return CheckResult.Fail($"{result.AccessWords.Count} access words for {n} states");
        for (int q = 0; q < n; q++)
        {
            var w = result.AccessWords[q];
            if (!InAlphabet(w, dfa.SymbolCount)) return CheckResult.Fail($"the access word of state {q} uses a symbol outside the alphabet");
            if (dfa.Run(w.Symbols) != q) return CheckResult.Fail($"the access word {w.Format(dfa.Alphabet)} leads to state {dfa.Run(w.Symbols)}, not {q}");
        }
        foreach (var w in result.SeparatingSuffixes)
            if (!InAlphabet(w, dfa.SymbolCount)) return CheckResult.Fail("a separating suffix uses a symbol outside the alphabet");
        // Pairwise distinct acceptance vectors ⇔ every pair is separated by some suffix.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var vector = new char[result.SeparatingSuffixes.Count];
        for (int q = 0; q < n; q++)
        {
            for (int i = 0; i < vector.Length; i++) vector[i] = dfa.IsAccepting(dfa.Run(q, result.SeparatingSuffixes[i].Symbols)) ? '1' : '0';
            if (!seen.TryAdd(new string(vector), q)) return CheckResult.Fail($"no suffix separates states {seen[new string(vector)]} and {q}");
        }
        return CheckResult.Ok;
    }

    /// <summary>R contains <paramref name="start"/>, is closed under every symbol, every pair satisfies <paramref name="agree"/>.</summary>
    private static CheckResult CheckRelation(Dfa a, Dfa b, IReadOnlyList<StatePair> relation, StatePair start, Func<int, int, bool> agree, string disagreement)
    {
        var set = new HashSet<StatePair>();
        foreach (var p in relation)
        {
            if ((uint)p.Left >= (uint)a.StateCount || (uint)p.Right >= (uint)b.StateCount) return CheckResult.Fail($"the pair ({p.Left}, {p.Right}) is not a pair of states");
            set.Add(p);
        }
        if (!set.Contains(start)) return CheckResult.Fail($"the relation does not contain the start pair ({start.Left}, {start.Right})");
        foreach (var p in set)
        {
            if (!agree(p.Left, p.Right)) return CheckResult.Fail($"the pair ({p.Left}, {p.Right}) is related but the states {disagreement}");
            for (int s = 0; s < a.SymbolCount; s++)
            {
                var next = new StatePair(a.Next(p.Left, s), b.Next(p.Right, s));
                if (!set.Contains(next)) return CheckResult.Fail($"the relation is not closed: ({p.Left}, {p.Right}) --{a.Alphabet[s]}--> ({next.Left}, {next.Right}) is missing");
            }
        }
        return CheckResult.Ok;
    }

    /// <summary>The set contains the start state and is closed under δ; optionally it avoids a state or all accepting states.</summary>
    private static CheckResult CheckClosedSet(Dfa dfa, IReadOnlyList<int> states, int? excluded, bool forbidAccepting)
    {
        var set = new HashSet<int>();
        foreach (int q in states)
        {
            if ((uint)q >= (uint)dfa.StateCount) return CheckResult.Fail($"{q} is not a state");
            set.Add(q);
        }
        if (!set.Contains(dfa.Start)) return CheckResult.Fail("the closed set does not contain the start state");
        if (excluded is int x && set.Contains(x)) return CheckResult.Fail($"the closed set contains state {x}");
        foreach (int q in set)
        {
            if (forbidAccepting && dfa.IsAccepting(q)) return CheckResult.Fail($"the closed set contains the accepting state {q}");
            for (int s = 0; s < dfa.SymbolCount; s++)
                if (!set.Contains(dfa.Next(q, s))) return CheckResult.Fail($"the set is not closed: {q} --{dfa.Alphabet[s]}--> {dfa.Next(q, s)} is missing");
        }
        return CheckResult.Ok;
    }

    private static bool InAlphabet(Word w, int k)
    {
        foreach (int s in w.Symbols) if ((uint)s >= (uint)k) return false;
        return true;
    }
}
