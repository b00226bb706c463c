using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>The Boolean combination used by <see cref="Products"/>.</summary>
public enum BooleanOperation
{
    /// <summary>L₁ ∩ L₂.</summary>
    Intersection,
    /// <summary>L₁ ∪ L₂.</summary>
    Union,
    /// <summary>L₁ ∖ L₂.</summary>
    Difference,
    /// <summary>L₁ △ L₂ = (L₁ ∖ L₂) ∪ (L₂ ∖ L₁).</summary>
    SymmetricDifference,
}

/// <summary>
/// Boolean operations by the reachable product construction (states = pairs reachable from
/// (s₁, s₂), numbered in BFS order) and complement by flipping acceptance. Operands must share
/// the alphabet (same names, same order). Results are not minimized; call <see cref="Minimization.Minimize"/>.
/// </summary>
public static class Products
{
    /// <summary>The product automaton of <paramref name="left"/> and <paramref name="right"/> accepting by <paramref name="operation"/>.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂ over the same alphabet.</param>
    /// <param name="operation">How acceptance combines.</param>
    /// <param name="pairs">The (left, right) state of each product state.</param>
    public static Dfa Product(Dfa left, Dfa right, BooleanOperation operation, out (int Left, int Right)[] pairs) =>
        Product(left, right, operation, int.MaxValue, out pairs);

    /// <summary>The product automaton, built up to <paramref name="maxStates"/> reachable pairs.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂ over the same alphabet.</param>
    /// <param name="operation">How acceptance combines.</param>
    /// <param name="maxStates">Budget <c>max-states</c>: the most pairs built.</param>
    /// <param name="pairs">The (left, right) state of each product state.</param>
    /// <exception cref="FormalExpressivity.Core.Text.BudgetExceededException">More than <paramref name="maxStates"/> pairs are reachable.</exception>
    public static Dfa Product(Dfa left, Dfa right, BooleanOperation operation, int maxStates, out (int Left, int Right)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!left.Alphabet.Equals(right.Alphabet))
            throw new ArgumentException($"the alphabets differ: {left.Alphabet} and {right.Alphabet}", nameof(right));
        int k = left.SymbolCount, m = right.StateCount;
        var index = new Dictionary<long, int>();
        var list = new List<(int, int)>();
        var table = new List<int>();
        list.Add((left.Start, right.Start));
        index[(long)left.Start * m + right.Start] = 0;
        for (int i = 0; i < list.Count; i++)
        {
            var (p, q) = list[i];
            for (int a = 0; a < k; a++)
            {
                int p2 = left.Next(p, a), q2 = right.Next(q, a);
                long key = (long)p2 * m + q2;
                if (!index.TryGetValue(key, out int id))
                {
                    if (list.Count >= maxStates)
                        throw new FormalExpressivity.Core.Text.BudgetExceededException("max-states", maxStates, $"the product automaton ({operation.ToString().ToLowerInvariant()})");
                    id = list.Count;
                    index[key] = id;
                    list.Add((p2, q2));
                }
                table.Add(id);
            }
        }
        var acc = new BitSet(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            bool x = left.IsAccepting(list[i].Item1), y = right.IsAccepting(list[i].Item2);
            bool r = operation switch
            {
                BooleanOperation.Intersection => x && y,
                BooleanOperation.Union => x || y,
                BooleanOperation.Difference => x && !y,
                _ => x ^ y,
            };
            if (r) acc.Add(i);
        }
        pairs = list.ToArray();
        return Dfa.CreateUnchecked(left.Alphabet, 0, table.ToArray(), acc);
    }

    /// <summary>The product automaton accepting by <paramref name="operation"/>.</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    /// <param name="operation">How acceptance combines.</param>
    public static Dfa Product(Dfa left, Dfa right, BooleanOperation operation) => Product(left, right, operation, out _);

    /// <summary>L₁ ∩ L₂ (minimal).</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    public static Dfa Intersect(this Dfa left, Dfa right) => Product(left, right, BooleanOperation.Intersection).Minimize();

    /// <summary>L₁ ∪ L₂ (minimal).</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    public static Dfa Union(this Dfa left, Dfa right) => Product(left, right, BooleanOperation.Union).Minimize();

    /// <summary>L₁ ∖ L₂ (minimal).</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    public static Dfa Difference(this Dfa left, Dfa right) => Product(left, right, BooleanOperation.Difference).Minimize();

    /// <summary>L₁ △ L₂ (minimal).</summary>
    /// <param name="left">L₁.</param>
    /// <param name="right">L₂.</param>
    public static Dfa SymmetricDifference(this Dfa left, Dfa right) => Product(left, right, BooleanOperation.SymmetricDifference).Minimize();

    /// <summary>Σ* ∖ L: the same table with acceptance flipped (not re-minimized; complement preserves minimality).</summary>
    /// <param name="dfa">L.</param>
    public static Dfa Complement(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var acc = dfa.AcceptingStates().Complement();
        return Dfa.CreateUnchecked(dfa.Alphabet, dfa.Start, dfa.Table.ToArray(), acc);
    }
}
