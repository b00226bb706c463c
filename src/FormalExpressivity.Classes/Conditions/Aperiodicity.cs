using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// Star-free = aperiodic (Schützenberger 1965; McNaughton &amp; Papert 1971): x^ω·x = x^ω for every
/// element x of the transition monoid. Enumerates the monoid breadth-first (each element with a
/// shortest word) and, for each element, checks that its power sequence ends in a cycle of length 1.
/// In: Σ*abΣ*. Out: PARITY ((aa)* over {a}: x = a has x^ω = aa ≠ a·aa).
/// </summary>
public static class Aperiodicity
{
    /// <summary>Null when aperiodic, else a word x with x^ω·x ≠ x^ω.</summary>
    /// <param name="minimal">A minimal DFA.</param>
    /// <param name="maxElements">Budget <c>max-semigroup</c> on the number of monoid elements.</param>
    public static Word? FindViolation(Dfa minimal, int maxElements = FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroup)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        int n = minimal.StateCount, k = minimal.SymbolCount;
        var seen = new HashSet<Key>();
        var queue = new Queue<(int[] T, Word W)>();
        var id = Enumerable.Range(0, n).ToArray();
        seen.Add(new Key(id));
        queue.Enqueue((id, Word.Empty));
        while (queue.Count > 0)
        {
            var (t, w) = queue.Dequeue();
            if (w.Length > 0 && !PeriodOne(t)) return w;
            for (int a = 0; a < k; a++)
            {
                var u = new int[n];
                for (int q = 0; q < n; q++) u[q] = minimal.Next(t[q], a);
                if (!seen.Add(new Key(u))) continue;
                if (seen.Count > maxElements) throw new BudgetExceededException("max-semigroup", maxElements, "transition monoid for the aperiodicity test");
                queue.Enqueue((u, w.Append(a)));
            }
        }
        return null;
    }

    /// <summary>True iff every state's orbit under t ends in a fixed point (t^ω·t = t^ω).</summary>
    private static bool PeriodOne(int[] t)
    {
        int n = t.Length;
        for (int q = 0; q < n; q++)
        {
            int x = q;
            for (int i = 0; i < n; i++) x = t[x]; // now on the cycle of q's orbit
            if (t[x] != x) return false;
        }
        return true;
    }

    private readonly struct Key(int[] items) : IEquatable<Key>
    {
        private readonly int[] _items = items;

        public bool Equals(Key other) => _items.AsSpan().SequenceEqual(other._items);

        public override bool Equals(object? obj) => obj is Key k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var x in _items) h.Add(x);
            return h.ToHashCode();
        }
    }
}
