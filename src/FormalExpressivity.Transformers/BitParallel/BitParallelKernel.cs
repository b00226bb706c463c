using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>
/// The symbolic model compiled to a straight-line program over bit-sliced lanes (one bit per string,
/// see <see cref="BitBatch"/>). All layers advance together position by position, since every head is
/// causal. Per position and bundle:
/// <list type="bullet">
/// <item>gates: one AND/OR/ANDNOT per input;</item>
/// <item>global soft head: acc ← acc ∨ (sel ∧ val), output acc before (strict) or after (non-strict) the update
/// — the exclusive / inclusive running OR;</item>
/// <item>global unique-hard head (S, the carry recurrence): last ← sel ? val : last;</item>
/// <item>k-window heads: a bit-sliced sliding count over a ring of the last H values (H = k strict,
/// k−1 non-strict): count += v(p) − v(p−H) with ripple carry/borrow over ⌈log₂(H+2)⌉ bit-planes and a
/// bit-sliced comparison with the threshold c — O(log k) word operations per position, independent
/// of k otherwise; "some" is threshold 1; a windowed unique-hard head is last-selected-value ∧ (selected
/// count in window ≥ 1).</item>
/// </list>
/// Each lane's output is read at its own end marker.
/// </summary>
public sealed partial class BitParallelKernel
{
    private enum Op { Not, And, Or, GlobalSoft, GlobalUha, LocalSoft, LocalUha }

    private sealed record Instr(Op Op, int Dst, int[] Inputs, int Sel, int Val, bool NonStrict, int History, int Threshold, int State, int Ring, int Count, int Bits);

    private readonly Instr[] _program;
    private readonly int _slots;
    private readonly int _symbols;
    private readonly int _output;
    private readonly int _states;
    private readonly int _rings;
    private readonly int _counts;

    private BitParallelKernel(Instr[] program, int slots, int symbols, int output, int states, int rings, int counts)
    {
        _program = program;
        _slots = slots;
        _symbols = symbols;
        _output = output;
        _states = states;
        _rings = rings;
        _counts = counts;
    }

    /// <summary>Number of straight-line instructions (gates and heads).</summary>
    public int Instructions => _program.Length;

    /// <summary>Compiles a model for its own alphabet (symbol indices of <see cref="TransformerModel.Alphabet"/>).</summary>
    /// <param name="model">The model.</param>
    public static BitParallelKernel Compile(TransformerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        int symbols = model.Alphabet.Count;
        for (int a = 0; a < symbols; a++) slot[model.Alphabet[a]] = a;
        slot[TransformerModel.EosFeature] = symbols;
        slot[TransformerModel.TrueFeature] = symbols + 1;
        int next = symbols + 2, states = 0, rings = 0, counts = 0;
        var program = new List<Instr>();
        void Gates(IEnumerable<Gate> gates)
        {
            foreach (var g in gates)
            {
                var inputs = g.Inputs.Select(x => slot[x]).ToArray();
                slot[g.Output] = next;
                var op = g.Kind switch { GateKind.Not => Op.Not, GateKind.And => Op.And, _ => Op.Or };
                program.Add(new Instr(op, next++, inputs, 0, 0, false, 0, 0, 0, 0, 0, 0));
            }
        }
        Gates(model.Prelude);
        foreach (var layer in model.Layers)
        {
            var pending = new List<(string Name, int Slot)>();
            foreach (var h in layer.Heads)
            {
                bool nonstrict = h.Masking == Masking.NonStrict;
                int sel = slot[h.Selector], val = slot[h.Value], dst = next++;
                pending.Add((h.Output, dst));
                if (h.Window == 0)
                {
                    program.Add(new Instr(h.Kind == HeadKind.UniqueHard ? Op.GlobalUha : Op.GlobalSoft, dst, [], sel, val, nonstrict, 0, 1, states++, 0, 0, 0));
                    continue;
                }
                int history = nonstrict ? h.Window - 1 : h.Window;
                int bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(history + 1));
                bool uha = h.Kind == HeadKind.UniqueHard;
                program.Add(new Instr(uha ? Op.LocalUha : Op.LocalSoft, dst, [], sel, val, nonstrict, history, uha ? 1 : h.Threshold, uha ? states++ : 0, rings, counts, bits));
                rings += history;
                counts += bits;
            }
            foreach (var (name, s) in pending) slot[name] = s;
            Gates(layer.Gates);
        }
        return new BitParallelKernel(program.ToArray(), next, symbols, slot[model.Output], states, rings, counts);
    }

    /// <summary>Runs the model on every word; result[i] is the acceptance of words[i].</summary>
    /// <param name="model">The model.</param>
    /// <param name="words">Words as symbol indices of the model's alphabet.</param>
    /// <param name="width">Lane width.</param>
    public static bool[] Run(TransformerModel model, IReadOnlyList<int[]> words, LaneWidth width = LaneWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Compile(model).Run(BitBatch.Create(words, model.Alphabet.Count, width));
    }

    /// <summary>Runs the program on a batch laid out for this model's alphabet.</summary>
    /// <param name="batch">The batch.</param>
    public bool[] Run(BitBatch batch)
    {
        CheckBatch(batch);
        var result = new ulong[batch.Bundles * batch.WordsPerBundle];
        switch (batch.Width)
        {
            case LaneWidth.Vector512x4: Execute<Quad512, Simd2048>(batch, result); break;
            case LaneWidth.Vector512: Execute<Vector512<ulong>, Simd512>(batch, result); break;
            case LaneWidth.Vector256: Execute<Vector256<ulong>, Simd256>(batch, result); break;
            default: Execute<ulong, Scalar64>(batch, result); break;
        }
        return Verdicts(batch, result);
    }

    private void CheckBatch(BitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Symbols != _symbols) throw new ArgumentException($"the batch has {batch.Symbols} symbols, the model {_symbols}", nameof(batch));
    }

    private static bool[] Verdicts(BitBatch batch, ulong[] result)
    {
        var accepted = new bool[batch.Count];
        for (int i = 0; i < accepted.Length; i++) accepted[i] = (result[i >> 6] >> (i & 63) & 1) != 0;
        return accepted;
    }

    /// <summary>
    /// Bitwise word operations the program executes per position (for one bundle), counted by running
    /// the program once on the scalar lanes with an operation counter. Lane operations per position =
    /// this × 64 per 64-bit word.
    /// </summary>
    public long WordOperationsPerPosition()
    {
        var batch = BitBatch.Create([new int[64]], _symbols, LaneWidth.Scalar64);
        Counting.Ops = 0;
        Execute<ulong, Counting>(batch, new ulong[1]);
        return Counting.Ops / 65;
    }

    private void Execute<T, TL>(BitBatch batch, ulong[] result) where T : struct where TL : ILanes<T>
    {
        int w = batch.WordsPerBundle;
        var registers = new Registers<T>(this);
        var planes = batch.Planes.AsSpan();
        for (int b = 0; b < batch.Bundles; b++)
        {
            registers.Reset<TL>(_symbols);
            Advance<T, TL>(registers, planes.Slice((int)((long)b * batch.BundleStride), batch.BundleStride), w, 1, batch.MaxLength + 1);
            TL.Store(registers.Acc, result.AsSpan(b * w, w));
        }
    }

    /// <summary>The state of one bundle between positions: slot values, head states, rings, window counts, the output so far.</summary>
    private sealed class Registers<T>(BitParallelKernel kernel) where T : struct
    {
        public readonly T[] Cur = new T[kernel._slots];
        public readonly T[] State = new T[Math.Max(1, kernel._states)];
        public readonly T[] Ring = new T[Math.Max(1, kernel._rings)];
        public readonly T[] Count = new T[Math.Max(1, kernel._counts)];
        public readonly T[] Tmp = new T[64];
        public T Acc;

        public void Reset<TL>(int symbols) where TL : ILanes<T>
        {
            Array.Clear(State);
            Array.Clear(Ring);
            Array.Clear(Count);
            Acc = TL.Zero;
            Cur[symbols + 1] = TL.Ones;
        }
    }

    // Runs positions firstP … firstP + n − 1 of one bundle: planes[(p − firstP)·(|Σ| + 1)·w + s·w …] holds symbol s
    // (s = |Σ|: the end marker) at position p. All layers advance together, position by position, every head of
    // every layer in the one pass over the planes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Advance<T, TL>(Registers<T> registers, ReadOnlySpan<ulong> planes, int w, int firstP, int n) where T : struct where TL : ILanes<T>
    {
        int symbols = _symbols, positionStride = (symbols + 1) * w;
        var (cur, state, ring, count, tmp) = (registers.Cur, registers.State, registers.Ring, registers.Count, registers.Tmp);
        T acc = registers.Acc;
        for (int k = 0; k < n; k++)
        {
            var position = planes.Slice(k * positionStride, positionStride);
            for (int s = 0; s <= symbols; s++) cur[s] = TL.Load(position.Slice(s * w, w));
            foreach (var ins in _program) Step<T, TL>(ins, firstP + k, cur, state, ring, count, tmp);
            acc = TL.Or(acc, TL.And(cur[_output], cur[symbols]));
        }
        registers.Acc = acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<T, TL>(Instr ins, int p, T[] cur, T[] state, T[] ring, T[] count, T[] tmp) where T : struct where TL : ILanes<T>
    {
        switch (ins.Op)
        {
            case Op.Not:
                cur[ins.Dst] = TL.Not(cur[ins.Inputs[0]]);
                return;
            case Op.And:
            {
                T r = cur[ins.Inputs[0]];
                for (int i = 1; i < ins.Inputs.Length; i++) r = TL.And(r, cur[ins.Inputs[i]]);
                cur[ins.Dst] = r;
                return;
            }
            case Op.Or:
            {
                T r = cur[ins.Inputs[0]];
                for (int i = 1; i < ins.Inputs.Length; i++) r = TL.Or(r, cur[ins.Inputs[i]]);
                cur[ins.Dst] = r;
                return;
            }
            case Op.GlobalSoft:
            {
                T v = TL.And(cur[ins.Sel], cur[ins.Val]);
                T before = state[ins.State];
                T after = TL.Or(before, v);
                state[ins.State] = after;
                cur[ins.Dst] = ins.NonStrict ? after : before;
                return;
            }
            case Op.GlobalUha:
            {
                T sel = cur[ins.Sel];
                T before = state[ins.State];
                T after = TL.Or(TL.And(sel, cur[ins.Val]), TL.AndNot(before, sel));
                state[ins.State] = after;
                cur[ins.Dst] = ins.NonStrict ? after : before;
                return;
            }
            case Op.LocalSoft:
            {
                T v = TL.And(cur[ins.Sel], cur[ins.Val]);
                Span<T> c = count.AsSpan(ins.Count, ins.Bits);
                T result;
                if (ins.NonStrict)
                {
                    Span<T> t = tmp.AsSpan(0, ins.Bits);
                    c.CopyTo(t);
                    Increment<T, TL>(t, v);
                    result = AtLeast<T, TL>(t, ins.Threshold);
                }
                else result = AtLeast<T, TL>(c, ins.Threshold);
                Slide<T, TL>(ins, p, v, ring, c);
                cur[ins.Dst] = result;
                return;
            }
            case Op.LocalUha:
            {
                T sel = cur[ins.Sel], val = cur[ins.Val];
                Span<T> c = count.AsSpan(ins.Count, ins.Bits);
                T last = state[ins.State];
                T strict = TL.And(last, AtLeast<T, TL>(c, 1));
                T result = ins.NonStrict ? TL.Or(TL.And(sel, val), TL.AndNot(strict, sel)) : strict;
                state[ins.State] = TL.Or(TL.And(sel, val), TL.AndNot(last, sel));
                Slide<T, TL>(ins, p, sel, ring, c);
                cur[ins.Dst] = result;
                return;
            }
        }
    }

    // count += v(p) − v(p − H), ring slot p mod H holds v(p − H) until overwritten.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Slide<T, TL>(Instr ins, int p, T v, T[] ring, Span<T> c) where T : struct where TL : ILanes<T>
    {
        if (ins.History == 0) return;
        int r = ins.Ring + p % ins.History;
        T leaving = ring[r];
        ring[r] = v;
        Increment<T, TL>(c, TL.AndNot(v, leaving));
        Decrement<T, TL>(c, TL.AndNot(leaving, v));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment<T, TL>(Span<T> c, T carry) where T : struct where TL : ILanes<T>
    {
        for (int i = 0; i < c.Length; i++)
        {
            T bit = c[i];
            c[i] = TL.Xor(bit, carry);
            carry = TL.And(bit, carry);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Decrement<T, TL>(Span<T> c, T borrow) where T : struct where TL : ILanes<T>
    {
        for (int i = 0; i < c.Length; i++)
        {
            T bit = c[i];
            c[i] = TL.Xor(bit, borrow);
            borrow = TL.AndNot(borrow, bit);
        }
    }

    // Lanes whose bit-sliced count c is ≥ the constant k (most significant plane first).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T AtLeast<T, TL>(ReadOnlySpan<T> c, int k) where T : struct where TL : ILanes<T>
    {
        if (k >= 1 << c.Length) return TL.Zero;
        T greater = TL.Zero, equal = TL.Ones;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            if ((k >> i & 1) != 0) equal = TL.And(equal, c[i]);
            else
            {
                greater = TL.Or(greater, TL.And(equal, c[i]));
                equal = TL.AndNot(equal, c[i]);
            }
        }
        return TL.Or(greater, equal);
    }

    private readonly struct Counting : ILanes<ulong>
    {
        [ThreadStatic] public static long Ops;
        public static int Words => 1;
        public static ulong Zero => 0;
        public static ulong Ones => ulong.MaxValue;
        public static ulong And(ulong a, ulong b) { Ops++; return a & b; }
        public static ulong Or(ulong a, ulong b) { Ops++; return a | b; }
        public static ulong Xor(ulong a, ulong b) { Ops++; return a ^ b; }
        public static ulong AndNot(ulong a, ulong b) { Ops++; return a & ~b; }
        public static ulong Not(ulong a) { Ops++; return ~a; }
        public static ulong Load(ReadOnlySpan<ulong> words) => words[0];
        public static void Store(ulong value, Span<ulong> words) => words[0] = value;
    }
}
