namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// The unminimized product machine of one operator application (<see cref="GrammarOperator.Explore"/>), in
/// reusable per-thread buffers: <see cref="Count"/> states, state 0 the start, every state reachable. The
/// smallest-formula tables ask first whether its meaning is already represented (<see cref="PositionMachine.Hash"/>
/// and <see cref="PositionMachine.Bisimilar"/>, no minimization), and minimize it only when it is new.
/// </summary>
internal sealed class ProductMachine
{
    [ThreadStatic] private static ProductMachine? _current;

    public int[] Stamp = [];
    public int[] Index = [];
    public int Current;
    public int[] X = new int[64], Y = new int[64], M = new int[64], Delta = new int[256];
    public byte[] Label = new byte[64];

    /// <summary>|Σ|.</summary>
    public int Symbols { get; private set; }

    /// <summary>The number of reachable states (the work of the product).</summary>
    public int Count { get; set; }

    /// <summary>The transitions of the <see cref="Count"/> states, state-major.</summary>
    public ReadOnlySpan<int> Transitions => Delta.AsSpan(0, Count * Symbols);

    /// <summary>The labels of the <see cref="Count"/> states.</summary>
    public ReadOnlySpan<byte> Labels => Label.AsSpan(0, Count);

    /// <summary>The calling thread's buffers, large enough for a product of <paramref name="space"/> tuples.</summary>
    public static ProductMachine For(int space, int symbols)
    {
        var w = _current ??= new ProductMachine();
        if (w.Stamp.Length < space)
        {
            w.Stamp = new int[Math.Max(space, w.Stamp.Length * 2)];
            w.Index = new int[w.Stamp.Length];
            w.Current = 0;
        }
        w.Symbols = symbols;
        w.Count = 0;
        w.Ensure(1, symbols);
        return w;
    }

    public void NewStamp()
    {
        if (++Current == int.MaxValue) { Array.Clear(Stamp); Current = 1; }
    }

    public void Ensure(int states, int symbols)
    {
        if (states > X.Length)
        {
            int n = Math.Max(states, X.Length * 2);
            Array.Resize(ref X, n); Array.Resize(ref Y, n); Array.Resize(ref M, n); Array.Resize(ref Label, n);
        }
        if (states * symbols > Delta.Length) Array.Resize(ref Delta, Math.Max(states * symbols, Delta.Length * 2));
    }

    /// <summary>The canonical machine of this product (minimized, numbered breadth-first).</summary>
    public PositionMachine Canonical() => PositionMachine.Canonical(Symbols, Count, Transitions, Labels);

    /// <summary><see cref="PositionMachine.Hash"/> of this product.</summary>
    /// <param name="mask">The label bits that count.</param>
    public ulong MeaningHash(byte mask) => PositionMachine.Hash(Symbols, Count, Transitions, Labels, mask);

    /// <summary>Whether this product has the meaning of the minimal machine <paramref name="minimal"/> (<see cref="PositionMachine.Bisimilar"/>).</summary>
    /// <param name="minimal">A minimal machine (canonical).</param>
    public bool Means(PositionMachine minimal) => PositionMachine.Bisimilar(Symbols, Count, Transitions, Labels, PositionMachine.Out | PositionMachine.End, minimal);
}
