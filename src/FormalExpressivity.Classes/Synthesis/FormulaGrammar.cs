using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>The operators of the smallest-formula enumeration (<see cref="FormulaGrammar"/>).</summary>
internal enum GrammarOperatorKind
{
    Not,
    And,
    Or,
    /// <summary>Y[&lt;=k,&gt;=c] (Y[&lt;=k] for c = 1, Y for k = c = 1).</summary>
    Window,
    Past,
    Historically,
    Since,
    /// <summary>Non-strict P⁼φ, built and printed as φ ∨ P φ.</summary>
    PastOrNow,
    /// <summary>Non-strict H⁼φ, built and printed as φ ∧ H φ.</summary>
    HistoricallyAndNow,
}

/// <summary>One operator of a <see cref="FormulaGrammar"/> with its parameters, its semantics on <see cref="PositionMachine"/>s and its formula constructor.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="K">The window size of <see cref="GrammarOperatorKind.Window"/>.</param>
/// <param name="C">The threshold of <see cref="GrammarOperatorKind.Window"/> (1 = existential).</param>
internal readonly record struct GrammarOperator(GrammarOperatorKind Kind, int K = 0, int C = 0)
{
    /// <summary>1 or 2.</summary>
    public int Arity => Kind is GrammarOperatorKind.And or GrammarOperatorKind.Or or GrammarOperatorKind.Since ? 2 : 1;

    /// <summary>True for ∧ and ∨ (one operand order suffices).</summary>
    public bool Commutative => Kind is GrammarOperatorKind.And or GrammarOperatorKind.Or;

    /// <summary>True for P⁼ and H⁼, whose printed tree repeats the operand (φ ∨ P φ, φ ∧ H φ).</summary>
    public bool NonStrict => Kind is GrammarOperatorKind.PastOrNow or GrammarOperatorKind.HistoricallyAndNow;

    /// <summary>
    /// The size of the operand of a unary node of printed size <paramref name="size"/>, or null when no operand
    /// gives that size: s − 1 for a node of its own, (s − 2) / 2 for P⁼ and H⁼ (the tree φ ∨ P φ has 2|φ| + 2 nodes).
    /// </summary>
    /// <param name="size">The node's size.</param>
    public int? OperandSize(int size)
    {
        if (!NonStrict) return size - 1 >= 1 ? size - 1 : null;
        return size - 2 >= 2 && (size - 2) % 2 == 0 ? (size - 2) / 2 : null;
    }

    /// <summary>The formula node, through the smart constructors of <see cref="Ltl"/>.</summary>
    /// <param name="left">The (first) operand.</param>
    /// <param name="right">The second operand of a binary operator.</param>
    public LtlFormula Build(LtlFormula left, LtlFormula? right) => Kind switch
    {
        GrammarOperatorKind.Not => Ltl.Not(left),
        GrammarOperatorKind.And => Ltl.And(left, right!),
        GrammarOperatorKind.Or => Ltl.Or(left, right!),
        GrammarOperatorKind.Window => Ltl.WindowCount(K, C, left),
        GrammarOperatorKind.Past => Ltl.Past(left),
        GrammarOperatorKind.Historically => Ltl.Historically(left),
        GrammarOperatorKind.PastOrNow => Ltl.Or(left, Ltl.Past(left)),
        GrammarOperatorKind.HistoricallyAndNow => Ltl.And(left, Ltl.Historically(left)),
        _ => Ltl.Since(left, right!),
    };

    /// <summary>
    /// The machine of the operator applied to operands with machines <paramref name="a"/> (and <paramref name="b"/>),
    /// straight from theory.md §2: a product of the operands' machines with the memory the operator needs at
    /// position i — Y[&lt;=k,&gt;=c]: the operand's last k values (a shift register); P: whether it held before i;
    /// H: whether it held everywhere before i; φ S ψ: its own value at i (the carry ψ(i−1) ∨ (φ(i−1) ∧ (φ S ψ)(i−1))).
    /// The value at N+1 is the same memory advanced by the last position. P⁼ and H⁼ keep P's and H's bit and
    /// combine it with the operand's own value at i ("held before i or holds at i", "held before i and holds at
    /// i"), at N+1 with the operand's End bit. The start state (i = 0) is kept apart, because no position is read there.
    /// </summary>
    /// <param name="a">The (first) operand's machine.</param>
    /// <param name="b">The second operand's machine (binary operators).</param>
    /// <param name="explored">The states of the product explored before minimization (the cost).</param>
    public PositionMachine Apply(PositionMachine a, PositionMachine? b, out int explored)
    {
        var product = Explore(a, b);
        explored = product.Count;
        return product.Canonical();
    }

    /// <summary>
    /// The reachable product of <see cref="Apply"/>, unminimized, in the calling thread's reusable buffers
    /// (valid until the next call on this thread): states numbered breadth-first from the start, so every state
    /// but 0 is first reached from a smaller one.
    /// </summary>
    /// <param name="a">The (first) operand's machine.</param>
    /// <param name="b">The second operand's machine (binary operators).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ProductMachine Explore(PositionMachine a, PositionMachine? b)
    {
        int s = a.Symbols;
        int mem0 = Kind is GrammarOperatorKind.Historically or GrammarOperatorKind.HistoricallyAndNow ? 1 : Distance ? K + 1 : 0;
        int nb = b?.States ?? 1;
        int memories = Kind switch
        {
            GrammarOperatorKind.Window => Distance ? K + 2 : 1 << K,
            GrammarOperatorKind.Past or GrammarOperatorKind.Historically or GrammarOperatorKind.Since
                or GrammarOperatorKind.PastOrNow or GrammarOperatorKind.HistoricallyAndNow => 2,
            _ => 1,
        };
        long space = (long)a.States * nb * memories;
        if (space > int.MaxValue / 2) throw new InvalidOperationException("internal error: operand machines too large to combine");
        var w = ProductMachine.For((int)space + 1, s);
        // Tuple 0 is the start (i = 0); tuple t > 0 is (x, y, m) with index[code] = t, code = (x·|B| + y)·M + m.
        int count = 1;
        w.X[0] = 0; w.Y[0] = 0; w.M[0] = mem0;
        w.NewStamp();
        var aDelta = a.Delta;
        var aLabel = a.Label;
        int[]? bDelta = b?.Delta;
        byte[]? bLabel = b?.Label;
        for (int i = 0; i < count; i++)
        {
            int x = w.X[i], y = w.Y[i];
            int m2 = i == 0 ? mem0 : Advance(w.M[i], aLabel[x] & PositionMachine.Out, bLabel is null ? 0 : bLabel[y] & PositionMachine.Out);
            for (int sym = 0; sym < s; sym++)
            {
                int nx = aDelta[x * s + sym], ny = bDelta is null ? 0 : bDelta[y * s + sym];
                int code = (nx * nb + ny) * memories + m2;
                int id;
                if (w.Stamp[code] == w.Current) id = w.Index[code];
                else
                {
                    w.Stamp[code] = w.Current;
                    id = count++;
                    w.Ensure(count, s);
                    w.Index[code] = id;
                    w.X[id] = nx; w.Y[id] = ny; w.M[id] = m2;
                }
                w.Delta[i * s + sym] = id;
            }
        }
        w.Count = count;
        var label = w.Label;
        bool boolean = Kind is GrammarOperatorKind.Not or GrammarOperatorKind.And or GrammarOperatorKind.Or;
        for (int i = 0; i < count; i++)
        {
            byte la = aLabel[w.X[i]], lb = bLabel is null ? (byte)0 : bLabel[w.Y[i]];
            bool outBit, endBit;
            if (boolean)
            {
                outBit = i != 0 && Boolean((la & PositionMachine.Out) != 0, (lb & PositionMachine.Out) != 0);
                endBit = Boolean((la & PositionMachine.End) != 0, (lb & PositionMachine.End) != 0);
            }
            else
            {
                outBit = i != 0 && Now(Holds(w.M[i]), (la & PositionMachine.Out) != 0);
                int last = i == 0 ? mem0 : Advance(w.M[i], la & PositionMachine.Out, lb & PositionMachine.Out);
                endBit = Now(Holds(last), (la & PositionMachine.End) != 0);
            }
            label[i] = (byte)((outBit ? PositionMachine.Out : 0) | (endBit ? PositionMachine.End : 0));
        }
        return w;
    }

    private bool Boolean(bool x, bool y) => Kind switch
    {
        GrammarOperatorKind.Not => !x,
        GrammarOperatorKind.And => x && y,
        _ => x || y,
    };

    // The value from the memory's verdict and the operand's value at the position itself: P⁼ adds it, H⁼ requires it.
    private bool Now(bool held, bool here) => Kind switch
    {
        GrammarOperatorKind.PastOrNow => held || here,
        GrammarOperatorKind.HistoricallyAndNow => held && here,
        _ => held,
    };

    // An existential window Y[<=k] needs only the distance to the last position where its operand held
    // (1 … k, k + 1 = none in the window): k + 2 memories instead of a 2^k shift register.
    private bool Distance => Kind == GrammarOperatorKind.Window && C == 1;

    // The memory at position i+1 from the memory at i and the operands' values x = φ(i), y = ψ(i).
    private int Advance(int m, int x, int y) => Kind switch
    {
        GrammarOperatorKind.Window when Distance => x != 0 ? 1 : Math.Min(m + 1, K + 1),
        GrammarOperatorKind.Window => ((m << 1) | x) & ((1 << K) - 1),
        GrammarOperatorKind.Past or GrammarOperatorKind.PastOrNow => m | x,
        GrammarOperatorKind.Historically or GrammarOperatorKind.HistoricallyAndNow => m & x,
        GrammarOperatorKind.Since => y | (x & m),
        _ => 0,
    };

    // The operator's value at a position whose memory is m.
    private bool Holds(int m) => Kind switch
    {
        GrammarOperatorKind.Window when Distance => m <= K,
        GrammarOperatorKind.Window => BitOperations.PopCount((uint)m) >= C,
        _ => m != 0,
    };
}

/// <summary>
/// The grammar the smallest-formula enumeration ranges over for one architecture or logic class (docs/theory.md
/// §"Smallest formulas"): the constants ⊤ and ⊥, the atoms, ¬, ∧, ∨ and the fragment's temporal operators —
/// P and H with global heads (non-strict P⁼ and H⁼, printed φ ∨ P φ and φ ∧ H φ, under non-strict masking);
/// Y[&lt;=k] (Y for k = 1) with k-local heads, plus the counting windows Y[&lt;=k,&gt;=c] (2 ≤ c ≤ k) for
/// multiset windows with k ≥ 3; Y, P, H and S for uha. → and ↔ are not in the grammar, so the size is the node
/// count of a formula over these connectives (a P⁼ node counts as its printed tree, 2|φ| + 2).
/// </summary>
/// <param name="Name">A display name (<c>LTL[P,Y]</c>, <c>local:3</c> …).</param>
/// <param name="Past">P and H.</param>
/// <param name="Window">The window size k (0 = none).</param>
/// <param name="Counts">Counting windows Y[&lt;=k,&gt;=c].</param>
/// <param name="Since">S (and Y).</param>
/// <param name="NonStrict">P and H are the non-strict P⁼ and H⁼ (global-nonstrict).</param>
internal sealed record FormulaGrammar(string Name, bool Past, int Window, bool Counts, bool Since, bool NonStrict = false)
{
    /// <summary>The largest window enumerated (the shift register is the operator's memory).</summary>
    public const int MaxWindow = 16;

    /// <summary>The grammar of <paramref name="architecture"/>, or null when it has no formulas (regular) or its window is above <see cref="MaxWindow"/>.</summary>
    /// <param name="architecture">The row.</param>
    public static FormulaGrammar? For(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Masking == Masking.NonStrict)
            return architecture.Kind == ArchitectureKind.Global ? new FormulaGrammar("global-nonstrict", true, 0, false, false, true) : null;
        return architecture.Kind switch
        {
            ArchitectureKind.Uha => new FormulaGrammar("uha", true, 1, false, true),
            ArchitectureKind.Global => new FormulaGrammar("global", true, 0, false, false),
            ArchitectureKind.Local or ArchitectureKind.Hybrid when architecture.Window <= MaxWindow =>
                new FormulaGrammar(architecture.Key, architecture.HasGlobalHeads, architecture.Window,
                    architecture.Windows == WindowSemantics.Multiset && architecture.Window >= 3, false),
            _ => null,
        };
    }

    /// <summary>The operators in enumeration order: unary first, then binary.</summary>
    public IReadOnlyList<GrammarOperator> Operators()
    {
        var list = new List<GrammarOperator> { new(GrammarOperatorKind.Not) };
        if (Window > 0)
        {
            list.Add(new(GrammarOperatorKind.Window, Window, 1));
            if (Counts) for (int c = 2; c <= Window; c++) list.Add(new(GrammarOperatorKind.Window, Window, c));
        }
        if (Past && NonStrict)
        {
            list.Add(new(GrammarOperatorKind.PastOrNow));
            list.Add(new(GrammarOperatorKind.HistoricallyAndNow));
        }
        else if (Past)
        {
            list.Add(new(GrammarOperatorKind.Past));
            list.Add(new(GrammarOperatorKind.Historically));
        }
        list.Add(new(GrammarOperatorKind.And));
        list.Add(new(GrammarOperatorKind.Or));
        if (Since) list.Add(new(GrammarOperatorKind.Since));
        return list;
    }

    /// <summary>The operators as text, for reports: <c>! P H Y[&lt;=2] &amp; |</c> (<c>P&lt;= H&lt;=</c> for the non-strict P⁼ and H⁼).</summary>
    public string Describe() => string.Join(' ', Operators().Select(o => o.Kind switch
    {
        GrammarOperatorKind.Not => "!",
        GrammarOperatorKind.And => "&",
        GrammarOperatorKind.Or => "|",
        GrammarOperatorKind.Past => "P",
        GrammarOperatorKind.Historically => "H",
        GrammarOperatorKind.Since => "S",
        GrammarOperatorKind.PastOrNow => "P<=",
        GrammarOperatorKind.HistoricallyAndNow => "H<=",
        _ => o.K == 1 ? "Y" : o.C == 1 ? string.Create(CultureInfo.InvariantCulture, $"Y[<={o.K}]") : string.Create(CultureInfo.InvariantCulture, $"Y[<={o.K},>={o.C}]"),
    }));
}
