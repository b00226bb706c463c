using System.Runtime.CompilerServices;
using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// The meaning of a past formula φ at <b>every</b> position, as a canonical Moore machine over Σ
/// (docs/theory.md §"Smallest formulas"). The state reached by w_1 … w_i carries two bits: <see cref="Out"/>,
/// the value φ(i) (fixed to 0 for i = 0, where no position is read), and <see cref="End"/>, the value φ(N+1)
/// when the word ends there (N = i). A past operator at i reads its operands only at positions ≤ i, so two
/// formulas with the same meaning are interchangeable in every context. The machine is minimized (Moore's
/// partition refinement on the labels) and its states numbered breadth-first from the start with symbols in
/// declared order; whether another machine has the same meaning is one linear walk against it
/// (<see cref="Bisimilar"/>, exact because this one is minimal), after a meaning hash (<see cref="Hash"/>) that
/// equal meanings share.
/// </summary>
internal sealed class PositionMachine
{
    /// <summary>Label bit: φ holds at the current position i ≥ 1.</summary>
    public const byte Out = 1;

    /// <summary>Label bit: φ holds at N+1 when the word ends here.</summary>
    public const byte End = 2;

    private PositionMachine(int symbols, int[] delta, byte[] label)
    {
        Symbols = symbols;
        Delta = delta;
        Label = label;
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
        return Canonical(Symbols, States, Delta, label);
    }

    /// <summary>
    /// The canonical machine of a complete Moore machine whose state 0 is the start: the reachable part,
    /// minimized, numbered breadth-first.
    /// </summary>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="n">The number of states.</param>
    /// <param name="delta">Transitions, state-major.</param>
    /// <param name="label">Labels.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PositionMachine Canonical(int symbols, int n, ReadOnlySpan<int> delta, ReadOnlySpan<byte> label)
    {
        // Moore's refinement: start from the label classes, split by successor classes until stable.
        var w = CanonicalScratch.For(n);
        var cls = w.Cls;
        var next = w.Next;
        int classes = 0;
        Span<int> byLabel = stackalloc int[4];
        byLabel.Fill(-1);
        for (int q = 0; q < n; q++)
        {
            ref int c = ref byLabel[label[q] & 3];
            if (c < 0) c = classes++;
            cls[q] = c;
        }
        if (symbols <= 3 && n < 1 << 16)
        {
            // Packed signatures: the class and the successors' classes, 16 bits each, in an open-addressing table.
            int bits = 1;
            while ((1 << bits) < 2 * n) bits++;
            int mask = (1 << bits) - 1;
            var keys = w.Keys;
            var ids = w.Ids;
            var stamps = w.Stamps;
            while (true)
            {
                int stamp = w.NewStamp();
                int count = 0;
                for (int q = 0; q < n; q++)
                {
                    long key = cls[q];
                    for (int a = 0; a < symbols; a++) key |= (long)cls[delta[q * symbols + a]] << (16 * (a + 1));
                    int slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - bits));
                    while (stamps[slot] == stamp && keys[slot] != key) slot = (slot + 1) & mask;
                    if (stamps[slot] != stamp) { stamps[slot] = stamp; keys[slot] = key; ids[slot] = count++; }
                    next[q] = ids[slot];
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
        var number = w.Number.AsSpan(0, classes);
        number.Fill(-1);
        var rep = w.Rep;
        for (int q = n - 1; q >= 0; q--) rep[cls[q]] = q;
        var queue = w.Queue;
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

    /// <summary>The number of rounds of <see cref="Hash"/>: the hash sees the labels of the words up to this length.</summary>
    private const int HashRounds = 10;

    [ThreadStatic] private static ulong[]? HashA, HashB;
    [ThreadStatic] private static int[]? Map, Queue;

    /// <summary>
    /// A hash of the meaning of the machine (<paramref name="n"/> states, start 0) restricted to the label bits of
    /// <paramref name="mask"/>: the start state's labels on every word of length ≤ <see cref="HashRounds"/>, folded
    /// (h₀(q) = label(q), h_{t+1}(q) = mix(h_t(q), h_t(q·a) for a ∈ Σ)). It depends on the meaning only, never on
    /// the numbering or on minimality, so equal meanings have equal hashes; unequal ones are told apart by
    /// <see cref="Bisimilar"/>.
    /// </summary>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="n">The number of states.</param>
    /// <param name="delta">Transitions, state-major.</param>
    /// <param name="label">Labels.</param>
    /// <param name="mask">The label bits that count.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(int symbols, int n, ReadOnlySpan<int> delta, ReadOnlySpan<byte> label, byte mask)
    {
        if ((HashA?.Length ?? 0) < n) { HashA = new ulong[Math.Max(n, 2 * (HashA?.Length ?? 32))]; HashB = new ulong[HashA.Length]; }
        var h = HashA!.AsSpan(0, n);
        var g = HashB!.AsSpan(0, n);
        for (int q = 0; q < n; q++) h[q] = (ulong)(label[q] & mask) + 1;
        for (int round = 0; round < HashRounds; round++)
        {
            for (int q = 0; q < n; q++)
            {
                ulong acc = h[q] * 0x9E3779B97F4A7C15UL;
                for (int a = 0; a < symbols; a++) acc = (acc ^ h[delta[q * symbols + a]]) * 0xBF58476D1CE4E5B9UL + (ulong)a;
                g[q] = acc ^ (acc >> 29);
            }
            var t = h; h = g; g = t;
        }
        return h[0];
    }

    /// <summary>
    /// Whether the machine (<paramref name="n"/> states, start 0, every state reachable) has the same meaning as the
    /// minimal machine <paramref name="minimal"/> on the label bits of <paramref name="mask"/>: a walk that pairs
    /// each state with the one state of <paramref name="minimal"/> it must be equivalent to (unique, since that
    /// machine is minimal) and compares their labels — linear, no minimization. The pairing is a bisimulation
    /// exactly when the meanings are equal.
    /// </summary>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="n">The number of states.</param>
    /// <param name="delta">Transitions, state-major.</param>
    /// <param name="label">Labels.</param>
    /// <param name="mask">The label bits that count.</param>
    /// <param name="minimal">A machine minimal for the bits of <paramref name="mask"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Bisimilar(int symbols, int n, ReadOnlySpan<int> delta, ReadOnlySpan<byte> label, byte mask, PositionMachine minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        if ((Map?.Length ?? 0) < n) { Map = new int[Math.Max(n, 2 * (Map?.Length ?? 32))]; Queue = new int[Map.Length]; }
        var map = Map!.AsSpan(0, n);
        var queue = Queue!;
        map.Fill(-1);
        var md = minimal.Delta;
        var ml = minimal.Label;
        map[0] = 0;
        queue[0] = 0;
        int head = 0, tail = 1;
        while (head < tail)
        {
            int q = queue[head++], r = map[q];
            if (((label[q] ^ ml[r]) & mask) != 0) return false;
            for (int a = 0; a < symbols; a++)
            {
                int d = delta[q * symbols + a], rd = md[r * symbols + a];
                if (map[d] < 0) { map[d] = rd; queue[tail++] = d; }
                else if (map[d] != rd) return false;
            }
        }
        return true;
    }

    /// <summary><see cref="Hash"/> of this machine.</summary>
    /// <param name="mask">The label bits that count.</param>
    public ulong MeaningHash(byte mask) => Hash(Symbols, States, Delta, Label, mask);

    /// <summary>Whether this machine has the meaning of <paramref name="minimal"/> on the bits of <paramref name="mask"/> (<see cref="Bisimilar"/>).</summary>
    /// <param name="minimal">A machine minimal for those bits.</param>
    /// <param name="mask">The label bits that count.</param>
    public bool Means(PositionMachine minimal, byte mask) => Bisimilar(Symbols, States, Delta, Label, mask, minimal);

    /// <summary>Reusable buffers of <see cref="Canonical"/> (one per thread).</summary>
    private sealed class CanonicalScratch
    {
        [ThreadStatic] private static CanonicalScratch? _current;
        private int _stamp;

        public int[] Cls = [], Next = [], Number = [], Rep = [], Queue = [];
        public long[] Keys = [];
        public int[] Ids = [], Stamps = [];

        public static CanonicalScratch For(int n)
        {
            var w = _current ??= new CanonicalScratch();
            if (w.Cls.Length < n)
            {
                int m = Math.Max(n, 2 * w.Cls.Length);
                w.Cls = new int[m]; w.Next = new int[m]; w.Number = new int[m]; w.Rep = new int[m]; w.Queue = new int[m];
            }
            int table = 2;
            while (table < 2 * n) table *= 2;
            if (w.Keys.Length < table)
            {
                w.Keys = new long[table]; w.Ids = new int[table]; w.Stamps = new int[table];
                w._stamp = 0;
            }
            return w;
        }

        public int NewStamp()
        {
            if (++_stamp == int.MaxValue) { Array.Clear(Stamps); _stamp = 1; }
            return _stamp;
        }
    }

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
