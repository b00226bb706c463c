using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Brzozowski derivatives (Brzozowski 1964, "Derivatives of regular expressions"): the derivative
/// of r by a is a⁻¹L(r) = { w | aw ∈ L(r) }, computed syntactically:
/// <code>
/// ∂a ∅ = ∂a ε = ∅            ∂a S = ε if a ∈ S, else ∅
/// ∂a (r s) = (∂a r) s | (ν(r) ? ∂a s : ∅)
/// ∂a (r | s) = ∂a r | ∂a s    ∂a (r &amp; s) = ∂a r &amp; ∂a s    ∂a ~r = ~∂a r
/// ∂a r* = (∂a r) r*          ∂a r{m,n} = (∂a r) r{max(m−1,0), n−1}
/// </code>
/// With unions and intersections kept modulo associativity, commutativity and idempotence (as
/// <see cref="RegexBuilder"/> does), every expression has finitely many distinct derivatives
/// (Brzozowski 1964, Thm 5.2), and they are the states of a DFA for L(r): δ(r, a) = ∂a r,
/// accepting iff ν(r). Smallest example: over {a,b}, (ab)* has the derivatives (ab)*, b(ab)*, ∅.
/// </summary>
public static class BrzozowskiDerivatives
{
    /// <summary>∂a r: the derivative of <paramref name="node"/> by the symbol with index <paramref name="symbol"/>.</summary>
    /// <param name="node">The expression r.</param>
    /// <param name="symbol">A symbol index of the node's alphabet.</param>
    public static RegexNode Derivative(RegexNode node, int symbol)
    {
        ArgumentNullException.ThrowIfNull(node);
        if ((uint)symbol >= (uint)node.Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(symbol));
        return new Engine(node.Builder).Derivative(node, symbol);
    }

    /// <summary>∂w r: the derivative by a word, symbol by symbol.</summary>
    /// <param name="node">The expression r.</param>
    /// <param name="word">Symbol indices of the node's alphabet.</param>
    public static RegexNode Derivative(RegexNode node, ReadOnlySpan<int> word)
    {
        ArgumentNullException.ThrowIfNull(node);
        var engine = new Engine(node.Builder);
        foreach (int a in word)
        {
            if ((uint)a >= (uint)node.Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(word));
            node = engine.Derivative(node, a);
        }
        return node;
    }

    /// <summary>
    /// The derivative automaton of <paramref name="node"/>: its states are the distinct iterated
    /// derivatives in BFS discovery order (symbols in declared order), state 0 is r itself. Not
    /// minimized; use <see cref="RegexCompiler.ToDfa"/> for the canonical minimal DFA.
    /// </summary>
    /// <param name="node">The expression.</param>
    /// <param name="maxStates">Budget <c>max-states</c>.</param>
    /// <param name="states">The expression of each state.</param>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxStates"/> derivatives.</exception>
    public static Dfa ToDfa(RegexNode node, int maxStates, out IReadOnlyList<RegexNode> states)
    {
        RegexCompiler.CheckDepth(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        int k = node.Alphabet.Count;
        var engine = new Engine(node.Builder);
        var list = new List<RegexNode> { node };
        var index = new Dictionary<RegexNode, int>(ReferenceEqualityComparer.Instance) { [node] = 0 };
        var table = new List<int>();
        for (int i = 0; i < list.Count; i++)
        {
            for (int a = 0; a < k; a++)
            {
                var d = engine.Derivative(list[i], a);
                if (!index.TryGetValue(d, out int target))
                {
                    if (list.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, "the Brzozowski derivative construction");
                    // Each derivative is an interned term of its own: check the heap as the set grows.
                    if ((list.Count & 4095) == 4095) FormalExpressivity.Core.Limits.MemoryBudget.Current.Require(0, $"the Brzozowski derivative construction ({list.Count} states so far)");
                    target = list.Count;
                    index[d] = target;
                    list.Add(d);
                }
                table.Add(target);
            }
        }
        var accepting = new BitSet(list.Count);
        for (int q = 0; q < list.Count; q++) if (list[q].IsNullable) accepting.Add(q);
        states = list;
        return Dfa.CreateUnchecked(node.Alphabet, 0, table.ToArray(), accepting);
    }

    private sealed class Engine(RegexBuilder builder)
    {
        private readonly Dictionary<(RegexNode, int), RegexNode> _memo = new();

        public RegexNode Derivative(RegexNode r, int a)
        {
            if (_memo.TryGetValue((r, a), out var cached)) return cached;
            RegexNode result;
            switch (r.Kind)
            {
                case RegexKind.Empty:
                case RegexKind.Epsilon:
                    result = builder.Empty;
                    break;
                case RegexKind.Symbols:
                    result = r.Symbols.Contains(a) ? builder.Epsilon : builder.Empty;
                    break;
                case RegexKind.Concat:
                {
                    // Walk the right-nested chain r1 (r2 (… rn)) iteratively:
                    // ∂(r1…rn) = ∪ over i with ν(r1…r(i−1)) of (∂ri) r(i+1)…rn.
                    var terms = new List<RegexNode>();
                    for (var n = r; ; n = n.Right)
                    {
                        if (n.Kind != RegexKind.Concat) { terms.Add(Derivative(n, a)); break; }
                        terms.Add(builder.Concat(Derivative(n.Left, a), n.Right));
                        if (!n.Left.IsNullable) break;
                    }
                    result = builder.Union(terms);
                    break;
                }
                case RegexKind.Union:
                    result = builder.Union(DeriveAll(r, a));
                    break;
                case RegexKind.Intersection:
                    result = builder.Intersection(DeriveAll(r, a));
                    break;
                case RegexKind.Complement:
                    result = builder.Complement(Derivative(r.Left, a));
                    break;
                case RegexKind.Star:
                    result = builder.Concat(Derivative(r.Left, a), r);
                    break;
                case RegexKind.Repeat:
                {
                    int max = r.Max == RegexNode.Unbounded ? RegexNode.Unbounded : r.Max - 1;
                    result = builder.Concat(Derivative(r.Left, a), builder.Repeat(r.Left, Math.Max(r.Min - 1, 0), max));
                    break;
                }
                default:
                    throw new InvalidOperationException($"unknown regex kind {r.Kind}");
            }
            _memo[(r, a)] = result;
            return result;
        }

        private RegexNode[] DeriveAll(RegexNode r, int a)
        {
            var children = r.Children;
            var result = new RegexNode[children.Count];
            for (int i = 0; i < result.Length; i++) result[i] = Derivative(children[i], a);
            return result;
        }
    }
}
