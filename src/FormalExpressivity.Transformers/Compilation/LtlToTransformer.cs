using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.Compilation;

/// <summary>What the compiler produced: the model (when it succeeded), its size, and messages.</summary>
/// <param name="Model">The model, or null when the formula cannot be compiled.</param>
/// <param name="Diagnostics">Errors (why not) and warnings (e.g. unique-hard heads: symbolic only).</param>
/// <param name="Layers">Layers used (= the operator depth of the formula).</param>
/// <param name="GlobalHeads">Global soft heads.</param>
/// <param name="LocalHeads">Local soft heads (Y, Y[&lt;=k], counting windows).</param>
/// <param name="UniqueHardHeads">Unique-hard heads (S).</param>
public sealed record TransformerCompilation(TransformerModel? Model, IReadOnlyList<Diagnostic> Diagnostics, int Layers, int GlobalHeads, int LocalHeads, int UniqueHardHeads)
{
    /// <summary>True when a model was produced.</summary>
    public bool Success => Model is not null;

    /// <summary>True when the model needs no unique-hard head (it is a soft-attention transformer).</summary>
    public bool IsSoft => Success && UniqueHardHeads == 0;

    /// <summary>The model or an <see cref="InputException"/> with the diagnostics.</summary>
    public TransformerModel GetModelOrThrow() => Model ?? throw new InputException(Diagnostics);
}

/// <summary>
/// Compiles past LTL (P, H, Y, Y[&lt;=k], counting windows, S) to a symbolic transformer (LC25 Thm 3.3,
/// LC26): one layer per temporal nesting level, one head per temporal subformula — P φ → a global
/// head (select φ, value φ); H φ → ¬P¬φ; Y φ → local:1; Y[&lt;=k] φ → local:k; "at least c of the last k"
/// → local:k with threshold c (theory.md §3.1); φ S ψ → a unique-hard head selecting the rightmost
/// position with ψ ∨ ¬φ and reading ψ there (symbolic only: soft attention cannot express S). The Boolean
/// subformulas of temporal depth ℓ are gates in layer ℓ's feed-forward circuit (depth 0: the prelude).
/// A formula of depth d gets exactly d layers. Features, heads and gates are numbered canonically: post-order,
/// the operands of ∧/∨ by their <see cref="CanonicalFormulaText"/>, so formulas equal up to the order of ∧/∨
/// operands compile to the same model whatever the process built before (docs/formats.md).
/// </summary>
public static class LtlToTransformer
{
    /// <summary>Diagnostic code: an atom is not a symbol of the alphabet.</summary>
    public const string UnknownAtom = "TRC001";
    /// <summary>Diagnostic code: a future operator (X, F, G, U) — not computable by causal attention.</summary>
    public const string FutureOperator = "TRC002";
    /// <summary>Diagnostic code (warning): S needs unique-hard attention; the model is symbolic only.</summary>
    public const string NeedsUniqueHard = "TRC003";

    /// <summary>Compiles <paramref name="formula"/> over <paramref name="alphabet"/>; never throws on bad formulas.</summary>
    /// <param name="formula">A past-only formula.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="masking">Masking for every head (the non-strict variant is a different, weaker semantics).</param>
    public static TransformerCompilation Compile(LtlFormula formula, Alphabet alphabet, Masking masking = Masking.Strict)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        var errors = new List<Diagnostic>();
        foreach (var atom in formula.Atoms())
            if (!alphabet.TryGetIndex(atom, out _))
                errors.Add(new Diagnostic(UnknownAtom, default, $"the atom '{atom}' is not a symbol of the alphabet {{{string.Join(", ", Enumerable.Range(0, alphabet.Count).Select(i => alphabet[i]))}}}"));
        if (!formula.IsPastOnly)
            errors.Add(new Diagnostic(FutureOperator, default, $"the formula uses future operators (X, F, G, U), which causal (masked) attention cannot compute: {formula}"));
        if (errors.Count > 0) return new TransformerCompilation(null, errors, 0, 0, 0, 0);

        var root = Normalize(formula);
        var keys = new OperandKeys(alphabet);
        var nodes = new List<LtlFormula>();
        var seen = new HashSet<int>();
        void Need(LtlFormula f)
        {
            foreach (var s in CanonicalPostOrder(f, keys))
                if (seen.Add(s.Id)) nodes.Add(s);
        }
        Need(root);
        foreach (var s in nodes.ToArray().Where(n => n.Kind == LtlKind.Since)) Need(SinceSelector(s));

        var names = new Dictionary<int, string>();
        int counter = 0;
        foreach (var n in nodes)
        {
            names[n.Id] = n.Kind switch
            {
                LtlKind.Atom => n.Atom!,
                LtlKind.True => TransformerModel.TrueFeature,
                _ => $"f{counter++}",
            };
        }
        string N(LtlFormula f) => names[f.Id];

        int depth = root.Depth;
        foreach (var n in nodes) depth = Math.Max(depth, n.Depth);
        var prelude = new List<Gate>();
        var heads = new List<AttentionHead>[depth + 1];
        var gates = new List<Gate>[depth + 1];
        for (int i = 0; i <= depth; i++) { heads[i] = []; gates[i] = []; }
        foreach (var n in nodes)
        {
            int level = n.Depth;
            var gateList = level == 0 ? prelude : gates[level];
            switch (n.Kind)
            {
                case LtlKind.Atom:
                case LtlKind.True:
                    break;
                case LtlKind.False:
                    gateList.Add(new Gate(N(n), GateKind.Not, [TransformerModel.TrueFeature]));
                    break;
                case LtlKind.Not:
                    gateList.Add(new Gate(N(n), GateKind.Not, [N(n.Left)]));
                    break;
                case LtlKind.And:
                    gateList.Add(new Gate(N(n), GateKind.And, Operands(n, keys).Select(N).ToArray()));
                    break;
                case LtlKind.Or:
                    gateList.Add(new Gate(N(n), GateKind.Or, Operands(n, keys).Select(N).ToArray()));
                    break;
                case LtlKind.Past:
                    heads[level].Add(new AttentionHead(N(n), HeadKind.Global, 0, masking, N(n.Left), N(n.Left)));
                    break;
                case LtlKind.Yesterday:
                case LtlKind.WindowYesterday:
                    heads[level].Add(new AttentionHead(N(n), HeadKind.Local, n.Window, masking, N(n.Left), N(n.Left)));
                    break;
                case LtlKind.WindowCount:
                    heads[level].Add(new AttentionHead(N(n), HeadKind.Local, n.Window, masking, TransformerModel.TrueFeature, N(n.Left), n.Count));
                    break;
                case LtlKind.Since:
                    heads[level].Add(new AttentionHead(N(n), HeadKind.UniqueHard, 0, masking, N(SinceSelector(n)), N(n.Right)));
                    break;
                default:
                    throw new InvalidOperationException($"unexpected node {n.Kind} after normalization");
            }
        }
        var layers = new List<TransformerLayer>();
        for (int l = 1; l <= depth; l++) layers.Add(new TransformerLayer(heads[l], gates[l]));
        var model = TransformerModel.Create(alphabet, prelude, layers, N(root));
        var (g, lo, u) = model.HeadCounts();
        var diagnostics = new List<Diagnostic>();
        if (u > 0)
            diagnostics.Add(new Diagnostic(NeedsUniqueHard, default,
                $"the formula uses S (since), which needs unique-hard attention ({u} uha head(s)); the model runs in the symbolic simulator only and has no soft-attention (numeric) counterpart",
                DiagnosticSeverity.Warning));
        return new TransformerCompilation(model, diagnostics, layers.Count, g, lo, u);
    }

    /// <summary>
    /// Rewrites into the compiled core {atoms, ⊤, ⊥, ¬, ∧, ∨, Y, Y[&lt;=k], counting windows, P, S}:
    /// H φ = ¬P¬φ, φ → ψ = ¬φ ∨ ψ, φ ↔ ψ = (φ ∧ ψ) ∨ (¬φ ∧ ¬ψ). Depth is preserved.
    /// </summary>
    /// <param name="formula">A past-only formula.</param>
    public static LtlFormula Normalize(LtlFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var map = new Dictionary<int, LtlFormula>();
        foreach (var f in formula.Subformulas())
        {
            var c = f.Children.Select(x => map[x.Id]).ToArray();
            map[f.Id] = f.Kind switch
            {
                LtlKind.Historically => Ltl.Not(Ltl.Past(Ltl.Not(c[0]))),
                LtlKind.Implies => Ltl.Or(Ltl.Not(c[0]), c[1]),
                LtlKind.Iff => Ltl.Or(Ltl.And(c[0], c[1]), Ltl.And(Ltl.Not(c[0]), Ltl.Not(c[1]))),
                _ => Ltl.WithChildren(f, c),
            };
        }
        return map[formula.Id];
    }

    // The operands of a node with commutative operands (∧, ∨) in canonical order: by their canonical text
    // (CanonicalFormulaText: ∧/∨ operands sorted at every level). Hash-consing orders operands by creation id,
    // which depends on what the process built before — and so does LtlPrinter's text of a child with a ∧/∨
    // inside; the compiled model (feature numbering, gate inputs, head order) must not, so that fex compile and
    // the playground build the same model. `keys` caches the texts for one compilation.
    // A key is the canonical text cut after KeyLength characters, then a structural hash (StructuralHashes) for
    // operands whose texts agree that far: both depend only on the formula's structure, so the order stays canonical,
    // and the memory is at most KeyLength characters per distinct subformula — the full texts of a shared DAG grow
    // exponentially (a synthesized formula for a^100 held 1.1 GB of keys).
    private static IReadOnlyList<LtlFormula> Operands(LtlFormula f, OperandKeys keys) =>
        f.Kind is LtlKind.And or LtlKind.Or
            ? f.Children.OrderBy(c => keys.Text(c), StringComparer.Ordinal).ThenBy(keys.Hash).ThenBy(c => c.Size).ToArray()
            : f.Children;

    /// <summary>Canonical operand keys of one compilation: cut canonical texts and structural hashes, cached by id.</summary>
    private sealed class OperandKeys(Alphabet alphabet)
    {
        private const int KeyLength = 4096;
        private readonly Dictionary<int, string> _texts = [];
        private readonly Dictionary<int, ulong> _hashes = [];

        public string Text(LtlFormula f) =>
            _texts.TryGetValue(f.Id, out var key) ? key : _texts[f.Id] = CanonicalFormulaText.Print(f, KeyLength);

        public ulong Hash(LtlFormula f)
        {
            if (_hashes.TryGetValue(f.Id, out var known)) return known;
            foreach (var s in f.Subformulas())
                if (!_hashes.ContainsKey(s.Id)) _hashes[s.Id] = StructuralHash(s, _hashes, alphabet);
            return _hashes[f.Id];
        }

        // FNV-1a over the node's kind, its atom's index in the declared alphabet, window and count, then its children's
        // hashes (sorted for ∧/∨, whose operand order is not part of the formula's meaning). Atoms enter by index, not
        // name, so renaming the alphabet's symbols in order keeps the model's order (string.GetHashCode is per process).
        private static ulong StructuralHash(LtlFormula f, Dictionary<int, ulong> hashes, Alphabet alphabet)
        {
            const ulong prime = 1099511628211UL;
            ulong h = 14695981039346656037UL;
            void Mix(ulong v) { for (int i = 0; i < 8; i++) { h ^= (v >> (8 * i)) & 0xFF; h *= prime; } }
            Mix((ulong)f.Kind);
            Mix((ulong)(uint)f.Window);
            Mix((ulong)(uint)f.Count);
            Mix(f.Atom is { } atom && alphabet.TryGetIndex(atom, out int index) ? (ulong)index + 1 : 0);
            var children = f.Children.Select(c => hashes[c.Id]);
            if (f.Kind is LtlKind.And or LtlKind.Or) children = children.Order();
            foreach (var c in children) Mix(c);
            return h;
        }
    }

    // Distinct subformulas, children before parents, children visited in canonical order.
    private static List<LtlFormula> CanonicalPostOrder(LtlFormula root, OperandKeys keys)
    {
        var result = new List<LtlFormula>();
        var visited = new HashSet<int>();
        var stack = new Stack<(LtlFormula Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded) { result.Add(node); continue; }
            if (!visited.Add(node.Id)) continue;
            stack.Push((node, true));
            var children = Operands(node, keys);
            for (int i = children.Count - 1; i >= 0; i--)
                if (!visited.Contains(children[i].Id)) stack.Push((children[i], false));
        }
        return result;
    }

    // φ S ψ holds at n iff the rightmost m < n with ψ(m) ∨ ¬φ(m) exists and satisfies ψ.
    private static LtlFormula SinceSelector(LtlFormula since) => Ltl.Or(since.Right, Ltl.Not(since.Left));
}
