using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// A finite monoid given by its multiplication on element ids (the ids of the top transition monoid; a local
/// divisor reuses them with its own product and identity).
/// </summary>
internal sealed class AbstractMonoid(int identity, Func<int, int, int> multiply)
{
    private readonly Dictionary<long, int> _products = [];

    /// <summary>The identity element.</summary>
    public int Identity { get; } = identity;

    /// <summary>The product x·y (cached).</summary>
    public int Multiply(int x, int y)
    {
        if (x == Identity) return y;
        if (y == Identity) return x;
        long key = ((long)x << 32) | (uint)y;
        if (!_products.TryGetValue(key, out int p)) _products[key] = p = multiply(x, y);
        return p;
    }
}

/// <summary>
/// The past formulas of the local divisor induction (docs/theory.md §"Star-free formulas by local divisors"):
/// atoms are the letters of one level (ints), operators ¬ ∧ ∨, strict Y and strict S (P φ = ⊤ S φ).
/// Hash-consed, with the ⊤/⊥ simplifications of <c>Ltl</c>; every node counts against the node budget.
/// </summary>
internal sealed class PastNode
{
    public PastNodeKind Kind { get; init; }
    public int Atom { get; init; }
    public PastNode? Left { get; init; }
    public PastNode? Right { get; init; }
    public int Id { get; init; }

    /// <summary>The node count of the formula as a tree once converted (P φ = ⊤ S φ counts as P φ), saturating at <see cref="long.MaxValue"/>.</summary>
    public long Size { get; init; }
}

/// <summary>The node kinds of <see cref="PastNode"/>.</summary>
internal enum PastNodeKind { True, False, Atom, Not, And, Or, Yesterday, Since }

/// <summary>Builds hash-consed <see cref="PastNode"/>s under a node budget (<c>max-states</c>, see <see cref="StarFreeFormulaSynthesis"/>).</summary>
internal sealed class PastNodeBuilder(long maxNodes, int budgetLimit)
{
    private readonly Dictionary<(PastNodeKind, int, int, int), PastNode> _nodes = [];

    public PastNode True { get; } = new() { Kind = PastNodeKind.True, Id = 0, Size = 1 };
    public PastNode False { get; } = new() { Kind = PastNodeKind.False, Id = 1, Size = 1 };

    /// <summary>The distinct nodes built so far.</summary>
    public int Count => _nodes.Count + 2;

    public PastNode Atom(int letter) => Make(PastNodeKind.Atom, letter, null, null);

    public PastNode Not(PastNode f) => f.Kind switch
    {
        PastNodeKind.True => False,
        PastNodeKind.False => True,
        PastNodeKind.Not => f.Left!,
        _ => Make(PastNodeKind.Not, 0, f, null),
    };

    public PastNode And(PastNode a, PastNode b)
    {
        if (a.Kind == PastNodeKind.False || b.Kind == PastNodeKind.False) return False;
        if (a.Kind == PastNodeKind.True) return b;
        if (b.Kind == PastNodeKind.True || ReferenceEquals(a, b)) return a;
        if (IsNegation(a, b)) return False;
        return a.Id < b.Id ? Make(PastNodeKind.And, 0, a, b) : Make(PastNodeKind.And, 0, b, a);
    }

    public PastNode Or(PastNode a, PastNode b)
    {
        if (a.Kind == PastNodeKind.True || b.Kind == PastNodeKind.True) return True;
        if (a.Kind == PastNodeKind.False) return b;
        if (b.Kind == PastNodeKind.False || ReferenceEquals(a, b)) return a;
        if (IsNegation(a, b)) return True;
        return a.Id < b.Id ? Make(PastNodeKind.Or, 0, a, b) : Make(PastNodeKind.Or, 0, b, a);
    }

    /// <summary>The disjunction as a balanced tree (shallow recursion in the translations).</summary>
    public PastNode Or(IReadOnlyList<PastNode> fs) => fs.Count == 0 ? False : Or(fs, 0, fs.Count);

    private PastNode Or(IReadOnlyList<PastNode> fs, int from, int to) =>
        to - from == 1 ? fs[from] : Or(Or(fs, from, (from + to) / 2), Or(fs, (from + to) / 2, to));

    public PastNode Yesterday(PastNode f) => f.Kind == PastNodeKind.False ? False : Make(PastNodeKind.Yesterday, 0, f, null);

    public PastNode Since(PastNode a, PastNode b) => b.Kind == PastNodeKind.False ? False : Make(PastNodeKind.Since, 0, a, b);

    /// <summary>P φ = ⊤ S φ (strict).</summary>
    public PastNode Past(PastNode f) => Since(True, f);

    private static long Add(long x, long y) => x > long.MaxValue - y ? long.MaxValue : x + y;

    private static bool IsNegation(PastNode a, PastNode b) =>
        (a.Kind == PastNodeKind.Not && ReferenceEquals(a.Left, b)) || (b.Kind == PastNodeKind.Not && ReferenceEquals(b.Left, a));

    private PastNode Make(PastNodeKind kind, int atom, PastNode? left, PastNode? right)
    {
        var key = (kind, atom, left?.Id ?? -1, right?.Id ?? -1);
        if (_nodes.TryGetValue(key, out var node)) return node;
        if (_nodes.Count + 2 >= maxNodes)
            throw new BudgetExceededException("max-states", budgetLimit,
                $"{StarFreeFormulaSynthesis.BudgetWhat}: more than {maxNodes} formula nodes (at most max-states · 64 / |Q|, the most subformulas the proof checks)");
        long size = kind == PastNodeKind.Since && left!.Kind == PastNodeKind.True ? 1 + right!.Size : Add(1, Add(left?.Size ?? 0, right?.Size ?? 0));
        node = new PastNode { Kind = kind, Atom = atom, Left = left, Right = right, Id = _nodes.Count + 2, Size = size };
        _nodes[key] = node;
        return node;
    }
}

/// <summary>
/// One level of the local divisor induction (Diekert &amp; Gastin 2008, mirrored to the past): a monoid M, a
/// set A of letters and a morphism h: A* → M. <see cref="Phi"/>(m) is a past formula over A that holds at a
/// position i (1 ≤ i ≤ N+1) iff h(w_1 … w_{i−1}) = m; its atoms occur only under Y and S, so its value never
/// depends on the letter at i. Induction on (|h(A*)|, |A|):
/// <list type="bullet">
/// <item>every letter maps to 1: φ_1 = ⊤, every other φ_m = ⊥;</item>
/// <item>else a letter c with h(c) ≠ 1, Γ = A ∖ {c}: the level (M, Γ) gives φ'_t for t ∈ T = h(Γ*) (same monoid,
/// fewer letters); the local divisor M_c = {c}∪⟨c·t·c⟩ with x∘y = x'·y for x = x'·c (identity c) and the block
/// morphism t ↦ c·t·c gives χ_n over the letters T (smaller: c is no unit of an aperiodic monoid, so 1 ∉ M_c).
/// The prefix u = u₀ c u₁ c … c u_k (u_j ∈ Γ*) has h(u) = h(u₀) · (c·h(u₁)·c ∘ … ∘ c·h(u_{k−1})·c) · h(u_k), so
/// φ_m = (¬Pc ∧ ρφ'_m) ∨ ⋁_{m₀·n·s = m} (P(c ∧ ¬Pc ∧ ρφ'_{m₀}) ∧ τχ_n ∧ ρφ'_s).</item>
/// </list>
/// ρ relativizes a Γ-formula to the segment since the last c (ρ(Yχ) = Y(¬c ∧ ρχ), ρ(χ S ψ) = (¬c ∧ ρχ) S (¬c ∧ ρψ));
/// τ reads a T-formula on the block word whose p-th letter is the image of the Γ-block closed by the (p+1)-th c
/// (τ(t) = c ∧ Pc ∧ ρφ'_t, τ(Yχ) = ¬c S (c ∧ Pc ∧ τχ), τ(χ S ψ) = (c → τχ) S (c ∧ Pc ∧ τψ)). The proofs are in
/// docs/theory.md.
/// </summary>
internal sealed class DivisorLevel
{
    private readonly PastNodeBuilder _b;
    private readonly LevelCache _cache;
    private readonly AbstractMonoid _monoid;
    private readonly int[] _letters;
    private readonly int[] _image;
    private readonly Dictionary<int, PastNode> _phi = [];
    private readonly Dictionary<int, PastNode> _rho = [];
    private readonly Dictionary<int, PastNode> _tau = [];
    private readonly Dictionary<int, PastNode> _before = [];
    private readonly Dictionary<int, PastNode> _first = [];
    private bool _split;
    private int _c = -1, _hc;
    private PastNode _cAtom = null!, _notC = null!, _pastC = null!, _laterC = null!;
    private DivisorLevel? _sub, _child;
    private Dictionary<int, List<int>> _groups = [];
    private List<int> _divisor = [];

    /// <param name="builder">The node builder shared by every level.</param>
    /// <param name="cache">The levels built so far.</param>
    /// <param name="monoid">M.</param>
    /// <param name="letters">A (letter ids, the atoms of this level).</param>
    /// <param name="image">h(a) for each letter, aligned with <paramref name="letters"/>.</param>
    /// <param name="depth">The nesting of levels (a guard: the induction is well founded only on aperiodic monoids).</param>
    /// <param name="pivot">The index in <paramref name="letters"/> of the letter c the level splits on (its image ≠ 1), or −1 when every letter maps to 1 (the base case).</param>
    public DivisorLevel(PastNodeBuilder builder, LevelCache cache, AbstractMonoid monoid, int[] letters, int[] image, int depth, int pivot)
    {
        _b = builder;
        _cache = cache;
        _monoid = monoid;
        _letters = letters;
        _image = image;
        _pivot = pivot;
        Depth = depth;
        Reach = Closure(monoid, monoid.Identity, image);
        _reachSet = [.. Reach];
    }

    private readonly HashSet<int> _reachSet;
    private readonly int _pivot;

    /// <summary>The tree size of all the level's formulas φ_m, m ∈ h(A*) (builds them): what the choice of the pivot minimizes.</summary>
    public long Cost()
    {
        long total = 0;
        foreach (int m in Reach) total = Math.Min(long.MaxValue / 2, total + Phi(m).Size);
        return total;
    }

    /// <summary>h(A*), in discovery order.</summary>
    public List<int> Reach { get; }

    /// <summary>The nesting of this level.</summary>
    public int Depth { get; }

    /// <summary>The elements reachable from <paramref name="start"/> by right multiplication with <paramref name="generators"/>.</summary>
    internal static List<int> Closure(AbstractMonoid monoid, int start, IReadOnlyList<int> generators)
    {
        var seen = new HashSet<int> { start };
        var order = new List<int> { start };
        for (int i = 0; i < order.Count; i++)
            foreach (int g in generators)
            {
                int y = monoid.Multiply(order[i], g);
                if (seen.Add(y)) order.Add(y);
            }
        return order;
    }

    /// <summary>φ_m: holds at i iff h(w_1 … w_{i−1}) = m.</summary>
    public PastNode Phi(int m)
    {
        if (_phi.TryGetValue(m, out var known)) return known;
        PastNode result;
        if (!_reachSet.Contains(m)) result = _b.False;
        else if (!Split()) result = m == _monoid.Identity ? _b.True : _b.False;
        else
        {
            // No c before i: the whole prefix is one Γ-block. Otherwise split h(u) = (h(u₀)·mid)·h(u_k).
            var parts = new List<PastNode> { _b.And(_b.Not(_pastC), Rho(_sub!.Phi(m))) };
            foreach (int s in _sub!.Reach)
            {
                var before = new List<PastNode>();
                foreach (int x in BeforeValues())
                    if (_monoid.Multiply(x, s) == m) before.Add(Before(x));
                if (before.Count > 0) parts.Add(_b.And(Rho(_sub.Phi(s)), _b.Or(before)));
            }
            result = _b.Or(parts);
        }
        _phi[m] = result;
        return result;
    }

    // The values h(u₀ c … c) = m₀·n (m₀ ∈ T, n ∈ M_c) of the prefix up to and including the last c.
    private HashSet<int>? _beforeValues;

    private HashSet<int> BeforeValues()
    {
        if (_beforeValues is not null) return _beforeValues;
        var values = new HashSet<int>();
        foreach (int m0 in _sub!.Reach)
            foreach (int n in _divisor)
                values.Add(_monoid.Multiply(m0, n));
        return _beforeValues = values;
    }

    // "At least one c before i and h(u₀ c … c) = x": ⋁_{m₀·n = x} P(first c ∧ ρφ'_{m₀}) ∧ τχ_n.
    private PastNode Before(int x)
    {
        if (_before.TryGetValue(x, out var known)) return known;
        var parts = new List<PastNode>();
        foreach (int n in _divisor)
        {
            var firsts = new List<PastNode>();
            foreach (int m0 in _sub!.Reach)
                if (_monoid.Multiply(m0, n) == x) firsts.Add(First(m0));
            if (firsts.Count > 0) parts.Add(_b.And(Tau(_child!.Phi(n)), _b.Or(firsts)));
        }
        return _before[x] = _b.Or(parts);
    }

    // P(c ∧ ¬Pc ∧ ρφ'_{m₀}): the first c closes a Γ-block of image m₀.
    private PastNode First(int m0)
    {
        if (_first.TryGetValue(m0, out var known)) return known;
        return _first[m0] = _b.Past(_b.And(_b.And(_cAtom, _b.Not(_pastC)), Rho(_sub!.Phi(m0))));
    }

    // Chooses c and builds the sub-level (Γ) and the local divisor level; false in the base case (every letter maps to 1).
    private bool Split()
    {
        if (_split) return _c >= 0;
        _split = true;
        int ci = _pivot;
        if (ci < 0) return false;
        if (Depth > 4096) throw new InvalidOperationException("internal error: the local divisor induction does not terminate (the monoid is not aperiodic)");
        _c = _letters[ci];
        _hc = _image[ci];
        _cAtom = _b.Atom(_c);
        _notC = _b.Not(_cAtom);
        _pastC = _b.Past(_cAtom);
        _laterC = _b.And(_cAtom, _pastC);
        var gamma = _letters.Where((_, i) => i != ci).ToArray();
        var gammaImage = _image.Where((_, i) => i != ci).ToArray();
        _sub = _cache.Level(_monoid, gamma, gammaImage, Depth + 1);
        // The local divisor: generated from c by x ↦ x∘(c·t·c) = (x·t)·c, witness x·t (x = witness·c).
        var witness = new Dictionary<int, int> { [_hc] = _monoid.Identity };
        _divisor = [_hc];
        // The block letters: Γ-block images t ∈ T, grouped by their image c·t·c (letters of equal image are one
        // letter of the divisor level, named by the group's first t; τ reads it as the disjunction of its blocks).
        var blocks = _sub.Reach;
        _groups = [];
        var groupOf = new Dictionary<int, int>();
        var childLetters = new List<int>();
        var childImages = new List<int>();
        foreach (int t in blocks)
        {
            int g = _monoid.Multiply(_monoid.Multiply(_hc, t), _hc);
            if (groupOf.TryGetValue(g, out int rep)) { _groups[rep].Add(t); continue; }
            groupOf[g] = t;
            _groups[t] = [t];
            childLetters.Add(t);
            childImages.Add(g);
        }
        for (int i = 0; i < _divisor.Count; i++)
            foreach (int t in childLetters)
            {
                int w = _monoid.Multiply(_divisor[i], t);
                int y = _monoid.Multiply(w, _hc);
                if (witness.TryAdd(y, w)) _divisor.Add(y);
            }
        if (_divisor.Contains(_monoid.Identity))
            throw new InvalidOperationException("internal error: the local divisor contains 1 (the monoid is not aperiodic)");
        var parent = _monoid;
        var local = _cache.Divisor(parent, _hc, childLetters, () => new AbstractMonoid(_hc, (x, y) => parent.Multiply(witness[x], y)));
        _child = _cache.Level(local, [.. childLetters], [.. childImages], Depth + 1);
        return true;
    }

    // ρ: a Γ-level formula relativized to the segment since the last c.
    private PastNode Rho(PastNode f)
    {
        if (f.Kind is PastNodeKind.True or PastNodeKind.False or PastNodeKind.Atom) return f;
        if (_rho.TryGetValue(f.Id, out var known)) return known;
        var r = f.Kind switch
        {
            PastNodeKind.Not => _b.Not(Rho(f.Left!)),
            PastNodeKind.And => _b.And(Rho(f.Left!), Rho(f.Right!)),
            PastNodeKind.Or => _b.Or(Rho(f.Left!), Rho(f.Right!)),
            PastNodeKind.Yesterday => _b.Yesterday(_b.And(_notC, Rho(f.Left!))),
            _ => _b.Since(_b.And(_notC, Rho(f.Left!)), _b.And(_notC, Rho(f.Right!))),
        };
        return _rho[f.Id] = r;
    }

    // τ: a formula over the block letters T read on the block word of the c's before the current position.
    private PastNode Tau(PastNode f)
    {
        if (f.Kind is PastNodeKind.True or PastNodeKind.False) return f;
        if (_tau.TryGetValue(f.Id, out var known)) return known;
        var r = f.Kind switch
        {
            PastNodeKind.Atom => _b.And(_laterC, Rho(_b.Or([.. _groups[f.Atom].Select(_sub!.Phi)]))),
            PastNodeKind.Not => _b.Not(Tau(f.Left!)),
            PastNodeKind.And => _b.And(Tau(f.Left!), Tau(f.Right!)),
            PastNodeKind.Or => _b.Or(Tau(f.Left!), Tau(f.Right!)),
            PastNodeKind.Yesterday => _b.Since(_notC, _b.And(_laterC, Tau(f.Left!))),
            _ => _b.Since(_b.Or(_notC, Tau(f.Left!)), _b.And(_laterC, Tau(f.Right!))),
        };
        return _tau[f.Id] = r;
    }
}

/// <summary>
/// The levels and divisor monoids built so far in one construction, shared wherever the same (monoid, letters) recur.
/// The pivot of a level is chosen here: with at most <see cref="MaxPivotTrials"/> letters of image ≠ 1, the level is
/// built for each of them and the one whose formulas have the fewest tree nodes (<see cref="DivisorLevel.Cost"/>) is
/// kept (the first on a tie); with more, the first such letter. Every choice is a valid induction step, so the
/// choice changes the formula's size, never its meaning.
/// </summary>
internal sealed class LevelCache(PastNodeBuilder builder)
{
    /// <summary>The most candidate pivots tried at one level (the levels below are shared, but each candidate builds its own formulas).</summary>
    public const int MaxPivotTrials = 3;

    private readonly Dictionary<(AbstractMonoid, string), DivisorLevel> _levels = [];
    private readonly Dictionary<(AbstractMonoid, int, string), AbstractMonoid> _divisors = [];

    public DivisorLevel Level(AbstractMonoid monoid, int[] letters, int[] image, int depth)
    {
        var key = (monoid, string.Join(',', letters) + "|" + string.Join(',', image));
        if (_levels.TryGetValue(key, out var level)) return level;
        var pivots = Enumerable.Range(0, letters.Length).Where(i => image[i] != monoid.Identity).ToList();
        if (pivots.Count <= 1 || pivots.Count > MaxPivotTrials)
            level = new DivisorLevel(builder, this, monoid, letters, image, depth, pivots.Count == 0 ? -1 : pivots[0]);
        else
        {
            long best = long.MaxValue;
            foreach (int pivot in pivots)
            {
                var candidate = new DivisorLevel(builder, this, monoid, letters, image, depth, pivot);
                long cost = candidate.Cost();
                if (cost < best) (best, level) = (cost, candidate);
            }
        }
        return _levels[key] = level!;
    }

    public AbstractMonoid Divisor(AbstractMonoid parent, int c, IEnumerable<int> blocks, Func<AbstractMonoid> create)
    {
        var key = (parent, c, string.Join(',', blocks));
        if (!_divisors.TryGetValue(key, out var monoid)) _divisors[key] = monoid = create();
        return monoid;
    }
}
