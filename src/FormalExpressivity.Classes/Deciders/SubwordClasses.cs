using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// The classes of Simon's congruence ∼j (u ∼j v iff u and v have the same subwords of length ≤ j), j = 0 … k, interned
/// as dense ints per level, with the action of appending a letter memoized. A class is stored by the recursion
/// S≤j(w) = {ε} ∪ ⋃_{a ∈ alph(w)} a·S≤j−1(w after its first a): a subword a·x embeds into w exactly when x embeds
/// into the suffix after the leftmost a (greedy embedding), so the node of level j — for every letter a, absent or
/// the level-(j − 1) class of that suffix — is equal for two words iff their subword sets of length ≤ j are equal.
/// Appending b maps each present child c to c·b one level down and adds the child ε when b is new. Every node costs
/// |Σ| ints of children and |Σ| ints of memo instead of the 2^(k+1)-bit subword set, and a step is O(|Σ|) once
/// memoized. The append is iterative (an explicit stack), so k in the thousands needs no deep recursion.
/// </summary>
internal sealed class SubwordClasses
{
    private readonly int _m;
    private readonly Level[] _levels;
    private readonly long _maxNodes;
    private readonly int _budget;
    private long _nodes;
    private readonly Stack<(int Level, int Node)> _stack = new();

    /// <summary>Creates the levels 0 … <paramref name="k"/> over <paramref name="symbols"/> letters.</summary>
    /// <param name="symbols">|Σ| ≥ 1.</param>
    /// <param name="k">The top level k ≥ 0.</param>
    /// <param name="maxNodes">The most nodes interned over all levels (a stop names <c>max-parameter-states</c> = <paramref name="budget"/>).</param>
    /// <param name="budget">The value of <c>max-parameter-states</c>, for the stop's message.</param>
    public SubwordClasses(int symbols, int k, long maxNodes, int budget)
    {
        _m = symbols;
        _maxNodes = maxNodes;
        _budget = budget;
        _levels = new Level[k + 1];
        for (int j = 0; j <= k; j++)
        {
            _levels[j] = new Level(symbols);
            Intern(j, EmptyChildren(symbols)); // id 0 at every level: the class of ε (no letter occurs)
        }
    }

    /// <summary>The top level k.</summary>
    public int K => _levels.Length - 1;

    /// <summary>Nodes interned over all levels.</summary>
    public long Nodes => _nodes;

    /// <summary>The class of ε at every level.</summary>
    public const int Empty = 0;

    /// <summary>The class of w·b at level <paramref name="level"/>, for the class <paramref name="node"/> of w.</summary>
    /// <param name="level">j.</param>
    /// <param name="node">The ∼j class of w.</param>
    /// <param name="b">The letter appended.</param>
    public int Append(int level, int node, int b)
    {
        if (level == 0) return Empty;
        var top = _levels[level];
        int known = top.Memo[node * _m + b];
        if (known >= 0) return known;
        _stack.Clear();
        _stack.Push((level, node));
        var children = new int[_m];
        while (_stack.Count > 0)
        {
            var (j, n) = _stack.Peek();
            var here = _levels[j];
            var below = j > 1 ? _levels[j - 1] : null;
            bool ready = true;
            if (below is not null)
                for (int a = 0; a < _m; a++)
                {
                    int c = here.Children[n * _m + a];
                    if (c >= 0 && below.Memo[c * _m + b] < 0)
                    {
                        _stack.Push((j - 1, c));
                        ready = false;
                        break;
                    }
                }
            if (!ready) continue;
            _stack.Pop();
            if (here.Memo[n * _m + b] >= 0) continue;
            for (int a = 0; a < _m; a++)
            {
                int c = here.Children[n * _m + a];
                children[a] = c < 0 ? -1 : below is null ? Empty : below.Memo[c * _m + b];
            }
            if (children[b] < 0) children[b] = Empty; // b is new: the suffix after its first occurrence is ε
            int id = Intern(j, children);
            here = _levels[j]; // Intern may have grown the arrays
            here.Memo[n * _m + b] = id;
        }
        return _levels[level].Memo[node * _m + b];
    }

    private static int[] EmptyChildren(int m)
    {
        var c = new int[m];
        Array.Fill(c, -1);
        return c;
    }

    private int Intern(int j, ReadOnlySpan<int> children)
    {
        var level = _levels[j];
        int h = Hash(children);
        for (int i = level.Buckets[h & (level.Buckets.Length - 1)]; i >= 0; i = level.Next[i])
            if (level.Children.AsSpan(i * _m, _m).SequenceEqual(children)) return i;
        if (++_nodes > _maxNodes) throw new BudgetExceededException("max-parameter-states", _budget, "the subword classes of the piecewise-testability test");
        int id = level.Add(children, h);
        return id;
    }

    internal static int Hash(ReadOnlySpan<int> children)
    {
        uint h = 2166136261;
        foreach (var c in children) h = (h ^ (uint)c) * 16777619;
        return (int)(h ^ (h >> 15));
    }

    private sealed class Level(int m)
    {
        public int[] Children = new int[16 * m];
        public int[] Memo = Filled(16 * m);
        public int[] Buckets = Filled(16);
        public int[] Next = new int[16];
        public int[] Hashes = new int[16];
        public int Count;

        public int Add(ReadOnlySpan<int> children, int hash)
        {
            if (Count == Next.Length)
            {
                int cap = Count * 2;
                Array.Resize(ref Children, cap * m);
                var memo = Filled(cap * m);
                Memo.CopyTo(memo, 0);
                Memo = memo;
                Array.Resize(ref Next, cap);
                Array.Resize(ref Hashes, cap);
                Buckets = Filled(cap);
                for (int i = 0; i < Count; i++)
                {
                    int slot = Hashes[i] & (cap - 1);
                    Next[i] = Buckets[slot];
                    Buckets[slot] = i;
                }
            }
            int id = Count++;
            children.CopyTo(Children.AsSpan(id * m, m));
            Hashes[id] = hash;
            int s = hash & (Buckets.Length - 1);
            Next[id] = Buckets[s];
            Buckets[s] = id;
            return id;
        }

        private static int[] Filled(int n)
        {
            var a = new int[n];
            Array.Fill(a, -1);
            return a;
        }
    }
}
