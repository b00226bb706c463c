using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>The outcome of proving a synthesized formula equivalent to L.</summary>
/// <param name="Equivalent">True when the formula's DFA and L's DFA accept the same words.</param>
/// <param name="Difference">When not equivalent: the shortlex-least word in the symmetric difference.</param>
/// <param name="Note">When the check could not run (a budget): why; otherwise null.</param>
public sealed record FormulaProofResult(bool Equivalent, Word? Difference, string? Note)
{
    /// <summary>The budget that stopped the check, when one did.</summary>
    public BudgetStop? Stopped { get; init; }
}

/// <summary>
/// Proves a past formula equivalent to a DFA: compile it with <see cref="PastLtlCompiler"/> and
/// compare the minimal DFAs (no difference word ⇒ equivalent, theory.md §7).
/// </summary>
/// <remarks>
/// A compiled state costs one evaluation of every subformula, so the budget <c>max-states</c> bounds the work,
/// not only the states: at most max-states · 64 subformula evaluations, i.e. max-states · 64 / N states for a
/// formula of N &gt; 64 distinct subformulas (a formula synthesized for a 5 000-state DFA has tens of thousands, and its
/// unminimized compilation far more states than the DFA, so there the proof stops at this bound). Over it the proof is
/// skipped and says which budget stopped it; raising <c>--max-states</c> runs it.
/// </remarks>
public static class FormulaProof
{
    /// <summary>Subformula evaluations allowed per unit of <c>max-states</c>.</summary>
    private const int EvaluationsPerState = 64;

    /// <summary>Checks <paramref name="formula"/> against <paramref name="dfa"/>.</summary>
    /// <param name="formula">A past-only formula over the DFA's alphabet.</param>
    /// <param name="dfa">The language.</param>
    /// <param name="maxStates">Budget <c>max-states</c> of the formula's compilation.</param>
    public static FormulaProofResult Check(LtlFormula formula, Dfa dfa, int maxStates = 100_000)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(dfa);
        try
        {
            int subformulas = formula.Subformulas().Count;
            int compiledStates = maxStates;
            if (subformulas > EvaluationsPerState)
            {
                long states = (long)maxStates * EvaluationsPerState / subformulas;
                string what = $"the proof of a formula of {subformulas} subformulas (at most max-states · {EvaluationsPerState} / {subformulas} = {states} compiled states";
                if (states < dfa.StateCount)
                    throw new BudgetExceededException("max-states", maxStates, $"{what}, fewer than the DFA's {dfa.StateCount})");
                compiledStates = (int)Math.Min(maxStates, states);
                try
                {
                    Probe(formula, dfa.Alphabet, compiledStates, subformulas);
                    return Compare(PastLtlCompiler.ToDfa(formula, dfa.Alphabet, compiledStates), dfa);
                }
                catch (BudgetExceededException)
                {
                    // The compilation's own stop names the reduced bound; the budget the user can raise is max-states.
                    throw new BudgetExceededException("max-states", maxStates, $"{what}: the compilation needs more)");
                }
            }
            return Compare(PastLtlCompiler.ToDfa(formula, dfa.Alphabet, compiledStates), dfa);
        }
        catch (BudgetExceededException e)
        {
            return new FormulaProofResult(false, null, "equivalence not checked: " + e.Message) { Stopped = BudgetStop.From(e) };
        }
    }

    /// <summary>
    /// Refuses early a compilation that cannot fit: the value vectors of a subformula ψ are the projections of the
    /// formula's (its components are computed by the same recurrences), so when ψ alone needs more than
    /// <paramref name="compiledStates"/> states the formula does too. The probes are the subformulas along the deepest
    /// chain (the deepest child each time) at 8, 16, 32, … steps above its leaf, with at most a quarter of the formula's subformulas, each compiled with the same
    /// state bound: a probe of s subformulas costs at most compiledStates · s evaluations, against compiledStates · N
    /// for the whole formula. Throws the compilation's own budget stop.
    /// </summary>
    private static void Probe(LtlFormula formula, Alphabet alphabet, int compiledStates, int subformulas)
    {
        var chain = new List<LtlFormula>();
        for (var f = formula; f.Children.Count > 0;)
        {
            f = f.Children.MaxBy(c => c.Depth)!;
            chain.Add(f);
        }
        chain.Reverse(); // chain[i]: i steps above the leaf
        for (int d = 8; d < chain.Count; d *= 2)
        {
            var probe = chain[d];
            if (probe.Subformulas().Count * 4 > subformulas) return;
            PastLtlCompiler.ToDfa(probe, alphabet, compiledStates);
        }
    }

    private static FormulaProofResult Compare(Dfa compiled, Dfa dfa)
    {
        var diff = Equivalence.FindDifference(compiled, dfa);
        return new FormulaProofResult(diff is null, diff, null);
    }
}
