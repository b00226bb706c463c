namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Moore's partition refinement (Moore 1956): start from {accepting, rejecting} and split classes
/// by the classes of their successors until stable. O(n²·|Σ|) in the worst case; kept as the slow,
/// obviously correct twin against which Hopcroft's algorithm is tested.
/// </summary>
public static class MooreMinimization
{
    /// <summary>The canonical minimal DFA of L(<paramref name="dfa"/>), computed by Moore's algorithm.</summary>
    /// <param name="dfa">Any complete DFA.</param>
    public static Dfa MinimizeMoore(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var reach = dfa.Canonicalize();
        int n = reach.StateCount, k = reach.SymbolCount;
        var cls = new int[n];
        for (int q = 0; q < n; q++) cls[q] = reach.IsAccepting(q) ? 1 : 0;
        int classes = -1;
        while (true)
        {
            var signature = new Dictionary<string, int>();
            var next = new int[n];
            var key = new int[k + 1];
            for (int q = 0; q < n; q++)
            {
                key[0] = cls[q];
                for (int a = 0; a < k; a++) key[a + 1] = cls[reach.Next(q, a)];
                var s = string.Join(',', key);
                if (!signature.TryGetValue(s, out int id)) signature[s] = id = signature.Count;
                next[q] = id;
            }
            cls = next;
            if (signature.Count == classes) break;
            classes = signature.Count;
        }
        return Quotient.Build(reach, cls, classes).Canonicalize();
    }
}
