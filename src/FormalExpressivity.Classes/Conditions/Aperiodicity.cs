using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// Star-free = aperiodic (Schützenberger 1965; McNaughton &amp; Papert 1971): x^ω·x = x^ω for every
/// element x of the transition semigroup. The search is the flat Froidure–Pin enumeration of
/// <see cref="Algebra.TransitionSemigroup.FindNonAperiodic"/> (shortlex order, stopping at the first element
/// whose functional graph has a cycle longer than 1); its twin is the literal check over every element in the tests.
/// In: Σ*abΣ*. Out: PARITY ((aa)* over {a}: x = a has x^ω = aa ≠ a·aa).
/// </summary>
public static class Aperiodicity
{
    /// <summary>Null when aperiodic, else the shortlex-least word x with x^ω·x ≠ x^ω.</summary>
    /// <param name="minimal">A minimal DFA.</param>
    /// <param name="maxElements">Budget <c>max-semigroup</c> on the number of semigroup elements.</param>
    public static Word? FindViolation(Dfa minimal, int maxElements = FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroup)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        return Algebra.TransitionSemigroup.FindNonAperiodic(minimal, maxElements, out _);
    }
}
