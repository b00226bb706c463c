using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// The meaning of a past formula φ at <b>every</b> position, as a canonical Moore machine over Σ
/// (docs/theory.md §"Smallest formulas"). The state reached by w_1 … w_i carries two bits: <see cref="Out"/>,
/// the value φ(i) (fixed to 0 for i = 0, where no position is read), and <see cref="End"/>, the value φ(N+1)
/// when the word ends there (N = i). A past operator at i reads its operands only at positions ≤ i, so two
/// formulas with the same machine are interchangeable in every context, and equal canonical machines are
/// exactly equal meanings: the machine is minimized (Moore's partition refinement on the labels) and its
/// states numbered breadth-first from the start with symbols in declared order, so structural equality
/// (<see cref="Equals(PositionMachine?)"/>) decides equivalence.
/// </summary>
internal sealed class PositionMachine : IEquatable<PositionMachine>
{
    /// <summary>Label bit: φ holds at the current position i ≥ 1.</summary>
    public const byte Out = 1;

    /// <summary>Label bit: φ holds at N+1 when the word ends here.</summary>
    public const byte End = 2;

    private readonly int _hash;

    [ThreadStatic] private static Dictionary<long, int>? PackedIds;

    private PositionMachine(int symbols, int[] delta, byte[] label)
    {
        Symbols = symbols;
        Delta = delta;
        Label = label;
        var h = new HashCode();
        h.Add(symbols);
        foreach (int d in delta) h.Add(d);
        foreach (byte l in label) h.Add(l);
        _hash = h.ToHashCode();
    }

    /// <summary>|Σ|.</summary>
    public int Symbols { get; }

    /// <summary>The number of states (state 0 is the start).</summary>
    public int States => Label.Length;

    /// <summary>Transitions, state-major.</summary>
    public int[] Delta { get; }

    /// <summary>The <see cref="Out"/>/<see cref="End"/> bits of each state.</summary>
    public byte[] Label { get; }

    /// <summary>The machine of a DFA's language read as end bits only (the key of "φ defines L" lookups).</summary>
    /// <param name="dfa">A complete DFA.</param>
    public static PositionMachine OfLanguage(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        // Renumber so that the start state is 0 (Canonical assumes it).
        var order = new int[n];
        for (int q = 0; q < n; q++) order[q] = q;
        order[0] = dfa.Start;
        order[dfa.Start] = 0;
        var delta = new int[n * k];
        var label = new byte[n];
        for (int q = 0; q < n; q++)
        {
            int src = order[q];
            label[q] = dfa.IsAccepting(src) ? End : (byte)0;
            for (int a = 0; a < k; a++) delta[q * k + a] = order[dfa.Next(src, a)];
        }
        return Canonical(k, n, delta, label);
    }

    /// <summary>The machine that keeps only the <see cref="End"/> bits: the language the formula defines read at N+1.</summary>
    public PositionMachine EndLanguage()
    {
        var label = new byte[States];
        for (int q = 0; q < States; q++) label[q] = (byte)(Label[q] & End);
        return Canonical(Symbols, States, (int[])Delta.Clone(), label);
    }

    /// <summary>
    /// The canonical machine of a complete Moore machine whose state 0 is the start: the reachable part,
    /// minimized, numbered breadth-first.
    /// </summary>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="n">The number of states.</param>
    /// <param name="delta">Transitions, state-major.</param>
    /// <param name="label">Labels.</param>
    public static PositionMachine Canonical(int symbols, int n, int[] delta, byte[] label)
    {
        // Moore's refinement: start from the label classes, split by successor classes until stable.
        var cls = new int[n];
        int classes = 0;
        Span<int> byLabel = stackalloc int[4];
        byLabel.Fill(-1);
        for (int q = 0; q < n; q++)
        {
            ref int c = ref byLabel[label[q] & 3];
            if (c < 0) c = classes++;
            cls[q] = c;
        }
        var next = new int[n];
        if (symbols <= 3 && n < 1 << 16)
        {
            // Packed signatures: the class and the successors' classes, 16 bits each.
            var ids = PackedIds ??= new Dictionary<long, int>();
            while (true)
            {
                ids.Clear();
                int count = 0;
                for (int q = 0; q < n; q++)
                {
                    long key = cls[q];
                    for (int a = 0; a < symbols; a++) key |= (long)cls[delta[q * symbols + a]] << (16 * (a + 1));
                    if (!ids.TryGetValue(key, out int id)) ids[key] = id = count++;
                    next[q] = id;
                }
                (cls, next) = (next, cls);
                if (count == classes) break;
                classes = count;
            }
        }
        else
        {
            int width = symbols + 1;
            var sig = new int[n * width];
            var ids = new Dictionary<SignatureKey, int>(n, new SignatureComparer(sig, width));
            while (true)
            {
                for (int q = 0; q < n; q++)
                {
                    sig[q * width] = cls[q];
                    for (int a = 0; a < symbols; a++) sig[q * width + 1 + a] = cls[delta[q * symbols + a]];
                }
                ids.Clear();
                int count = 0;
                for (int q = 0; q < n; q++)
                {
                    var key = new SignatureKey(q);
                    if (!ids.TryGetValue(key, out int id)) ids[key] = id = count++;
                    next[q] = id;
                }
                (cls, next) = (next, cls);
                if (count == classes) break;
                classes = count;
            }
        }
        // Breadth-first numbering of the quotient from the start's class.
        var number = new int[classes];
        Array.Fill(number, -1);
        var rep = new int[classes];
        for (int q = n - 1; q >= 0; q--) rep[cls[q]] = q;
        var queue = new int[classes];
        int head = 0, tail = 0;
        number[cls[0]] = tail;
        queue[tail++] = cls[0];
        while (head < tail)
        {
            int c = queue[head++], q = rep[c];
            for (int a = 0; a < symbols; a++)
            {
                int d = cls[delta[q * symbols + a]];
                if (number[d] < 0) { number[d] = tail; queue[tail++] = d; }
            }
        }
        var outDelta = new int[tail * symbols];
        var outLabel = new byte[tail];
        for (int i = 0; i < tail; i++)
        {
            int q = rep[queue[i]];
            outLabel[i] = label[q];
            for (int a = 0; a < symbols; a++) outDelta[i * symbols + a] = number[cls[delta[q * symbols + a]]];
        }
        return new PositionMachine(symbols, outDelta, outLabel);
    }

    /// <inheritdoc />
    public bool Equals(PositionMachine? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && Symbols == other.Symbols
            && Label.AsSpan().SequenceEqual(other.Label) && Delta.AsSpan().SequenceEqual(other.Delta)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PositionMachine);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    private readonly record struct SignatureKey(int State);

    private sealed class SignatureComparer(int[] sig, int width) : IEqualityComparer<SignatureKey>
    {
        public bool Equals(SignatureKey x, SignatureKey y) =>
            sig.AsSpan(x.State * width, width).SequenceEqual(sig.AsSpan(y.State * width, width));

        public int GetHashCode(SignatureKey obj)
        {
            var h = new HashCode();
            foreach (int v in sig.AsSpan(obj.State * width, width)) h.Add(v);
            return h.ToHashCode();
        }
    }
}
