using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Automata.Operations;

/// <summary>Language equivalence and inclusion with shortlex-least counterexamples.</summary>
public static class Equivalence
{
    /// <summary>The shortlex-least word in L₁ △ L₂, or <c>null</c> when L₁ = L₂.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂ over the same alphabet.</param>
    public static Word? FindDifference(Dfa left, Dfa right) =>
        Products.Product(left, right, BooleanOperation.SymmetricDifference).ShortlexLeastWord();

    /// <summary>The shortlex-least word in L₁ ∖ L₂, or <c>null</c> when L₁ ⊆ L₂.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂ over the same alphabet.</param>
    public static Word? FindNonInclusion(Dfa left, Dfa right) =>
        Products.Product(left, right, BooleanOperation.Difference).ShortlexLeastWord();

    /// <summary>True when L₁ = L₂.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    public static bool AreEquivalent(Dfa left, Dfa right) => FindDifference(left, right) is null;
}
