using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Construction.FirstOrder;

/// <summary>
/// A complete DFA over the track alphabet Σ × {0,1}^V of the classical FO[&lt;] construction
/// (Büchi–Elgot–Trakhtenbrot): a word with free variables V is read with one extra bit per variable,
/// set exactly at that variable's position. Letter index = symbol · 2^|V| + mask, bit i of the mask
/// belongs to <see cref="Vars"/>[i] (sorted ordinally). The start state is 0. Every automaton the
/// construction builds keeps the invariant L ⊆ WF(V): each variable's bit is set exactly once.
/// </summary>
internal sealed class TrackDfa
{
    public TrackDfa(int symbols, string[] vars, int[] table, bool[] accepting)
    {
        Symbols = symbols;
        Vars = vars;
        Table = table;
        Accepting = accepting;
    }

    public int Symbols { get; }

    public string[] Vars { get; }

    public int[] Table { get; }

    public bool[] Accepting { get; }

    public int StateCount => Accepting.Length;

    public int Letters => Symbols << Vars.Length;

    public int Next(int state, int letter) => Table[state * Letters + letter];

    /// <summary>Builds a small automaton from a transition function (states 0 … count−1, start 0).</summary>
    public static TrackDfa Build(int symbols, string[] vars, int count, Func<int, bool> accepting, Func<int, int, int, int> next)
    {
        int letters = symbols << vars.Length;
        var table = new int[count * letters];
        for (int q = 0; q < count; q++)
            for (int s = 0; s < symbols; s++)
                for (int m = 0; m < 1 << vars.Length; m++)
                    table[q * letters + (s << vars.Length | m)] = next(q, s, m);
        return new TrackDfa(symbols, vars, table, Enumerable.Range(0, count).Select(accepting).ToArray()).Minimize();
    }

    /// <summary>
    /// The well-formedness automaton WF(V): every variable's bit is set exactly once. States are the
    /// masks seen so far, plus a dead state 2^|V|.
    /// </summary>
    public static TrackDfa WellFormed(int symbols, string[] vars)
    {
        int full = (1 << vars.Length) - 1, dead = full + 1;
        return Build(symbols, vars, dead + 1, q => q == full, (q, _, m) => q == dead || (q & m) != 0 ? dead : q | m);
    }

    /// <summary>
    /// Minimizes: drops unreachable states, then refines the acceptance partition by Hopcroft's
    /// algorithm, and numbers the classes breadth-first from the start (canonical form).
    /// </summary>
    public TrackDfa Minimize()
    {
        int letters = Letters;
        // Reachable states, breadth-first.
        var order = new List<int> { 0 };
        var seen = new bool[StateCount];
        seen[0] = true;
        for (int i = 0; i < order.Count; i++)
        {
            int q = order[i];
            for (int l = 0; l < letters; l++)
            {
                int t = Table[q * letters + l];
                if (!seen[t]) { seen[t] = true; order.Add(t); }
            }
        }
        int n = order.Count;
        var local = new int[StateCount];
        for (int i = 0; i < n; i++) local[order[i]] = i;
        // Hopcroft on the reachable part (Moore's rounds are quadratic on long chains, issue 15).
        var reachable = new int[n * letters];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < letters; l++) reachable[i * letters + l] = local[Table[order[i] * letters + l]];
        var cls = Operations.Minimization.HopcroftPartition(reachable, letters, i => Accepting[order[i]], out int classes);
        // Canonical numbering of the classes: breadth-first from the start, letters in order.
        var number = Enumerable.Repeat(-1, classes).ToArray();
        var representative = new int[classes];
        var queue = new List<int> { 0 };
        number[cls[0]] = 0;
        representative[0] = order[0];
        for (int i = 0; i < queue.Count; i++)
        {
            int q = representative[i];
            for (int l = 0; l < letters; l++)
            {
                int c = cls[local[Table[q * letters + l]]];
                if (number[c] < 0)
                {
                    number[c] = queue.Count;
                    representative[queue.Count] = Table[q * letters + l];
                    queue.Add(c);
                }
            }
        }
        var table = new int[classes * letters];
        var accepting = new bool[classes];
        for (int c = 0; c < classes; c++)
        {
            int q = representative[c];
            accepting[c] = Accepting[q];
            for (int l = 0; l < letters; l++) table[c * letters + l] = number[cls[local[Table[q * letters + l]]]];
        }
        return new TrackDfa(Symbols, Vars, table, accepting);
    }

    /// <summary>
    /// The product with <paramref name="other"/> (same variables) under a Boolean operation; when the
    /// operation accepts where both reject, the result is intersected with WF(V) to keep the invariant.
    /// </summary>
    public TrackDfa Product(TrackDfa other, Func<bool, bool, bool> op, int maxStates, string what)
    {
        var raw = RawProduct(other, op, maxStates, what);
        return op(false, false) ? raw.RawProduct(WellFormed(Symbols, Vars), (a, b) => a && b, maxStates, what) : raw;
    }

    private TrackDfa RawProduct(TrackDfa right, Func<bool, bool, bool> op, int maxStates, string what)
    {
        int letters = Letters;
        var index = new Dictionary<long, int> { [0] = 0 };
        var pairs = new List<(int, int)> { (0, 0) };
        var table = new List<int>();
        for (int i = 0; i < pairs.Count; i++)
        {
            var (p, q) = pairs[i];
            for (int l = 0; l < letters; l++)
            {
                int np = Next(p, l), nq = right.Next(q, l);
                long key = (long)np * right.StateCount + nq;
                if (!index.TryGetValue(key, out int id))
                {
                    if (pairs.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, what);
                    index[key] = id = pairs.Count;
                    pairs.Add((np, nq));
                }
                table.Add(id);
            }
        }
        var acc = pairs.Select(pq => op(Accepting[pq.Item1], right.Accepting[pq.Item2])).ToArray();
        return new TrackDfa(Symbols, Vars, [.. table], acc).Minimize();
    }

    /// <summary>
    /// Cylindrification to a superset of variables with well-formedness for the new ones: the new
    /// tracks are read freely except that each new variable's bit must be set exactly once.
    /// </summary>
    public TrackDfa Extend(string[] target, int maxStates, string what)
    {
        if (target.SequenceEqual(Vars)) return this;
        int oldCount = Vars.Length, newCount = target.Length;
        var oldBitOf = new int[newCount]; // −1 for a new variable
        int newMask = 0;
        for (int i = 0; i < newCount; i++)
        {
            oldBitOf[i] = Array.IndexOf(Vars, target[i]);
            if (oldBitOf[i] < 0) newMask |= 1 << i;
        }
        int letters = Symbols << newCount;
        var oldLetter = new int[letters];
        for (int s = 0; s < Symbols; s++)
            for (int m = 0; m < 1 << newCount; m++)
            {
                int om = 0;
                for (int i = 0; i < newCount; i++)
                    if ((m >> i & 1) != 0 && oldBitOf[i] >= 0) om |= 1 << oldBitOf[i];
                oldLetter[s << newCount | m] = s << oldCount | om;
            }
        // States: (old state, new variables seen) plus a dead state −1 ↦ id 1 reserved lazily.
        var index = new Dictionary<long, int> { [0] = 0 };
        var states = new List<(int Q, int Seen)> { (0, 0) };
        var table = new List<int>();
        int dead = -1;
        for (int i = 0; i < states.Count; i++)
        {
            var (q, seen) = states[i];
            for (int l = 0; l < letters; l++)
            {
                int m = l & ((1 << newCount) - 1);
                int id;
                if (q < 0 || (m & newMask & seen) != 0)
                {
                    if (dead < 0)
                    {
                        dead = states.Count;
                        states.Add((-1, 0));
                    }
                    id = dead;
                }
                else
                {
                    int nq = Next(q, oldLetter[l]), ns = seen | (m & newMask);
                    long key = (long)nq << newCount | (uint)ns;
                    if (!index.TryGetValue(key, out id))
                    {
                        if (states.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, what);
                        index[key] = id = states.Count;
                        states.Add((nq, ns));
                    }
                }
                table.Add(id);
            }
        }
        var acc = states.Select(s => s.Q >= 0 && s.Seen == newMask && Accepting[s.Q]).ToArray();
        return new TrackDfa(Symbols, target, [.. table], acc).Minimize();
    }

    /// <summary>∃x: erases the track of <paramref name="variable"/> (an NFA) and determinizes it by subsets.</summary>
    public TrackDfa Project(string variable, int maxStates, string what)
    {
        int j = Array.IndexOf(Vars, variable);
        var vars = Vars.Where(v => v != variable).ToArray();
        int newCount = vars.Length, letters = Symbols << newCount;
        var low = (1 << j) - 1;
        // Each new letter stands for two old letters: the variable's bit 0 or 1.
        var old0 = new int[letters];
        for (int s = 0; s < Symbols; s++)
            for (int m = 0; m < 1 << newCount; m++)
            {
                int om = (m & low) | ((m & ~low) << 1);
                old0[s << newCount | m] = s << Vars.Length | om;
            }
        var index = new Dictionary<Signature, int>();
        var subsets = new List<int[]> { new[] { 0 } };
        index[new Signature([0])] = 0;
        var table = new List<int>();
        var buffer = new SortedSet<int>();
        for (int i = 0; i < subsets.Count; i++)
        {
            var set = subsets[i];
            for (int l = 0; l < letters; l++)
            {
                buffer.Clear();
                foreach (int q in set)
                {
                    buffer.Add(Next(q, old0[l]));
                    buffer.Add(Next(q, old0[l] | 1 << j));
                }
                var next = buffer.ToArray();
                var key = new Signature(next);
                if (!index.TryGetValue(key, out int id))
                {
                    if (subsets.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, what);
                    index[key] = id = subsets.Count;
                    subsets.Add(next);
                }
                table.Add(id);
            }
        }
        var acc = subsets.Select(s => s.Any(q => Accepting[q])).ToArray();
        return new TrackDfa(Symbols, vars, [.. table], acc).Minimize();
    }

    /// <summary>An int array compared by value (signatures and subsets as dictionary keys).</summary>
    private readonly struct Signature(int[] values) : IEquatable<Signature>
    {
        private readonly int[] _values = values;

        public bool Equals(Signature other) => _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => obj is Signature s && Equals(s);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan()));
            return h.ToHashCode();
        }
    }
}
