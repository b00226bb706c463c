using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Logic;

/// <summary>
/// The direct evaluator of FO[&lt;] on a word, straight from the definitions: bottom-up over the
/// subformulas, each gets the table of its truth values under every assignment of its free variables
/// to positions 1 … N (|table| = N^|free|). It is the oracle the automaton construction is tested against.
/// </summary>
public static class FoEvaluator
{
    /// <summary>Whether the sentence <paramref name="sentence"/> holds on <paramref name="word"/>.</summary>
    /// <param name="sentence">A sentence (no free variables); labels not in <paramref name="alphabet"/> are false everywhere.</param>
    /// <param name="alphabet">The alphabet naming the word's symbol indices.</param>
    /// <param name="word">The word w_1 … w_N.</param>
    /// <exception cref="ArgumentException">The formula has free variables.</exception>
    public static bool Accepts(FoFormula sentence, Alphabet alphabet, ReadOnlySpan<int> word)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (!sentence.IsSentence) throw new ArgumentException($"free variables: {string.Join(", ", sentence.FreeVariables)}", nameof(sentence));
        int n = word.Length;
        var tables = new Dictionary<int, bool[]>();
        foreach (var f in sentence.Subformulas())
        {
            var free = f.FreeVariables;
            int count = Power(n, free.Count);
            var table = new bool[count];
            var position = new int[free.Count]; // zero-based positions (w_{p+1})
            var slot = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < free.Count; i++) slot[free[i]] = i;
            for (int index = 0; index < count; index++)
            {
                Decode(index, n, position);
                table[index] = Value(f, alphabet, word, n, tables, slot, position);
            }
            tables[f.Id] = table;
        }
        return tables[sentence.Id][0];
    }

    private static bool Value(FoFormula f, Alphabet alphabet, ReadOnlySpan<int> word, int n, Dictionary<int, bool[]> tables,
        Dictionary<string, int> slot, int[] position)
    {
        int P(int i) => position[slot[f.Variables[i]]];
        bool Child(int c, string? bound = null, int boundValue = 0)
        {
            var child = f.Children[c];
            var free = child.FreeVariables;
            int index = 0;
            for (int i = free.Count - 1; i >= 0; i--)
                index = index * n + (free[i] == bound ? boundValue : position[slot[free[i]]]);
            return tables[child.Id][index];
        }
        switch (f.Kind)
        {
            case FoKind.True: return true;
            case FoKind.False: return false;
            case FoKind.Label: return alphabet.TryGetIndex(f.Symbol!, out int a) && word[P(0)] == a;
            case FoKind.Less: return P(0) < P(1);
            case FoKind.Equal: return P(0) == P(1);
            case FoKind.Successor: return P(1) == P(0) + 1;
            case FoKind.First: return P(0) == 0;
            case FoKind.Last: return P(0) == n - 1;
            case FoKind.Not: return !Child(0);
            case FoKind.And: return Child(0) && Child(1);
            case FoKind.Or: return Child(0) || Child(1);
            case FoKind.Implies: return !Child(0) || Child(1);
            case FoKind.Iff: return Child(0) == Child(1);
            case FoKind.Exists:
                for (int p = 0; p < n; p++) if (Child(0, f.Variables[0], p)) return true;
                return false;
            case FoKind.Forall:
                for (int p = 0; p < n; p++) if (!Child(0, f.Variables[0], p)) return false;
                return true;
            default: throw new ArgumentOutOfRangeException(nameof(f));
        }
    }

    // Assignment index: mixed radix n, free variable i is digit i (least significant first).
    private static void Decode(int index, int n, int[] position)
    {
        for (int i = 0; i < position.Length; i++)
        {
            position[i] = index % n;
            index /= n;
        }
    }

    private static int Power(int n, int k)
    {
        int r = 1;
        for (int i = 0; i < k; i++) r = checked(r * n);
        return r;
    }
}
