using System.Text;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Transformers.Model;

/// <summary>
/// An immutable symbolic transformer (theory.md §3): input features (one per symbol of
/// <see cref="Alphabet"/>, <c>eos</c> at position N+1, <c>true</c> everywhere), a prelude circuit,
/// layers of heads and feed-forward circuits, and the output feature read at EOS (position N+1); the
/// word is accepted iff the output feature holds there. Features are named; every name is defined
/// once, before it is read. Create with <see cref="Create"/> (validating).
/// </summary>
public sealed class TransformerModel
{
    /// <summary>The input feature that holds at the end marker N+1 only.</summary>
    public const string EosFeature = "eos";

    /// <summary>The constant input feature (the bias coordinate).</summary>
    public const string TrueFeature = "true";

    private TransformerModel(Alphabet alphabet, IReadOnlyList<Gate> prelude, IReadOnlyList<TransformerLayer> layers, string output)
    {
        Alphabet = alphabet;
        Prelude = prelude;
        Layers = layers;
        Output = output;
    }

    /// <summary>The declared alphabet; symbol names are input features.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>Gates computed from the input features before the first layer (position-wise).</summary>
    public IReadOnlyList<Gate> Prelude { get; }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<TransformerLayer> Layers { get; }

    /// <summary>The output feature, read at EOS.</summary>
    public string Output { get; }

    /// <summary>All heads of all layers, in order.</summary>
    public IEnumerable<AttentionHead> Heads => Layers.SelectMany(l => l.Heads);

    /// <summary>True when no head is unique-hard (the model is a soft-attention transformer).</summary>
    public bool IsSoft => Heads.All(h => h.Kind != HeadKind.UniqueHard);

    /// <summary>Builds a model, checking it (see <see cref="Check"/>).</summary>
    /// <param name="alphabet">Σ.</param>
    /// <param name="prelude">The prelude circuit.</param>
    /// <param name="layers">The layers.</param>
    /// <param name="output">The output feature.</param>
    /// <exception cref="ArgumentException">The model is ill-formed (the message lists the problems).</exception>
    public static TransformerModel Create(Alphabet alphabet, IReadOnlyList<Gate> prelude, IReadOnlyList<TransformerLayer> layers, string output)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(prelude);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(output);
        var problems = Check(alphabet, prelude, layers, output);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)));
        return new TransformerModel(alphabet, prelude.ToArray(), layers.ToArray(), output);
    }

    /// <summary>
    /// The problems of a would-be model, each with the index of the offending definition in reading order
    /// (prelude gates, then per layer its heads and gates; −1 for the output line): reserved or duplicate
    /// names, features read before they are defined, bad windows and thresholds.
    /// </summary>
    /// <param name="alphabet">Σ.</param>
    /// <param name="prelude">The prelude circuit.</param>
    /// <param name="layers">The layers.</param>
    /// <param name="output">The output feature.</param>
    public static IReadOnlyList<(int Element, string Message)> Check(Alphabet alphabet, IReadOnlyList<Gate> prelude, IReadOnlyList<TransformerLayer> layers, string output)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var problems = new List<(int, string)>();
        // Each name with the layer that defined it (−1: an input feature or a prelude gate). A head of layer L reads
        // only names of layers < L; a gate reads any name defined before it. One dictionary, no per-layer copy
        // (a copy per layer made many one-definition layers quadratic).
        var defined = new Dictionary<string, int>(StringComparer.Ordinal) { [EosFeature] = -1, [TrueFeature] = -1 };
        int layerIndex = -1;
        for (int i = 0; i < alphabet.Count; i++)
            if (!defined.TryAdd(alphabet[i], -1)) problems.Add((-1, $"the symbol name '{alphabet[i]}' is reserved"));
        int element = 0;
        void Define(string name)
        {
            if (!Alphabet.IsValidName(name)) problems.Add((element, $"'{name}' is not a valid feature name"));
            else if (!defined.TryAdd(name, layerIndex)) problems.Add((element, $"feature '{name}' is defined twice (or is an input feature)"));
        }
        void Read(string name, bool fromEarlierLayers)
        {
            if (!defined.TryGetValue(name, out int layer) || (fromEarlierLayers && layer >= layerIndex))
                problems.Add((element, $"feature '{name}' is read before it is defined"));
        }
        void Gates(IReadOnlyList<Gate> gates)
        {
            foreach (var g in gates)
            {
                if (g.Kind == GateKind.Not && g.Inputs.Count != 1) problems.Add((element, "'not' takes exactly one input"));
                if (g.Inputs.Count == 0) problems.Add((element, $"gate '{g.Output}' has no input"));
                foreach (var x in g.Inputs) Read(x, fromEarlierLayers: false);
                Define(g.Output);
                element++;
            }
        }
        long definitions = prelude.Count + layers.Sum(l => (long)l.Heads.Count + l.Gates.Count);
        if (TransformerText.DefinitionsProblem(definitions) is { } tooMany) return [(0, tooMany)];
        Gates(prelude);
        // The bits of one state of the model's DFA (ModelAutomaton): 2 per position of each window, 1 per global head.
        long stateBits = 0;
        int widest = -1, widestWindow = 0;
        foreach (var layer in layers)
        {
            layerIndex++;
            foreach (var h in layer.Heads)
            {
                if (h.Window > widestWindow) (widest, widestWindow) = (element, h.Window);
                if (h.Window <= TransformerText.MaxWindow) stateBits += StateBitsOf(h); // a larger one is its own problem below
                Read(h.Selector, fromEarlierLayers: true);
                Read(h.Value, fromEarlierLayers: true);
                if (h.Kind == HeadKind.Local && h.Window < 1) problems.Add((element, "a local head needs a window k ≥ 1"));
                if (h.Kind == HeadKind.Global && h.Window != 0) problems.Add((element, "a global head has no window"));
                if (h.Window < 0) problems.Add((element, "the window must be ≥ 0"));
                if (h.Window > TransformerText.MaxWindow) problems.Add((element, $"the window {h.Window} exceeds the limit of {TransformerText.MaxWindow}: {TransformerText.WindowReason}"));
                if (h.Threshold < 1) problems.Add((element, "the threshold must be ≥ 1"));
                if (h.Threshold > 1 && h.Kind != HeadKind.Local) problems.Add((element, "only local heads can count (threshold > 1)"));
                if (h.Threshold > 1 && h.Window > 0 && h.Threshold > h.Window) problems.Add((element, $"threshold {h.Threshold} exceeds the window {h.Window}"));
                Define(h.Output);
                element++;
            }
            Gates(layer.Gates);
        }
        if (TransformerText.StateProblem(stateBits) is { } tooWide) problems.Add((Math.Max(widest, 0), tooWide));
        element = -1;
        Read(output, fromEarlierLayers: false);
        return problems;
    }

    /// <summary>
    /// The bits a head keeps in every state of the model's DFA: a window of k positions is a shift register of
    /// k (strict) or k − 1 (non-strict) positions with 2 bits each; a global head keeps 1.
    /// </summary>
    /// <param name="head">The head.</param>
    public static long StateBitsOf(AttentionHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.Window <= 0 ? 1 : 2L * HistoryOf(head);
    }

    /// <summary>The positions a windowed head remembers: k when strict (the current position is excluded), k − 1 when not; 0 for a global head.</summary>
    /// <param name="head">The head.</param>
    public static int HistoryOf(AttentionHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.Window <= 0 ? 0 : head.Masking == Masking.Strict ? head.Window : head.Window - 1;
    }

    /// <summary>Number of heads of each kind: global, local, unique-hard.</summary>
    public (int Global, int Local, int UniqueHard) HeadCounts() =>
        (Heads.Count(h => h.Kind == HeadKind.Global), Heads.Count(h => h.Kind == HeadKind.Local), Heads.Count(h => h.Kind == HeadKind.UniqueHard));

    /// <summary>The model in the text format of <c>grammars/Transformer.g4</c> (parseable by <c>TransformerParser</c>).</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("transformer\n");
        sb.Append("alphabet ").Append(string.Join(' ', Enumerable.Range(0, Alphabet.Count).Select(i => Alphabet[i]))).Append('\n');
        if (Prelude.Count > 0)
        {
            sb.Append("prelude {\n");
            foreach (var g in Prelude) sb.Append("  ").Append(g).Append('\n');
            sb.Append("}\n");
        }
        foreach (var layer in Layers)
        {
            sb.Append("layer {\n");
            foreach (var h in layer.Heads) sb.Append("  ").Append(h).Append('\n');
            foreach (var g in layer.Gates) sb.Append("  ").Append(g).Append('\n');
            sb.Append("}\n");
        }
        sb.Append("output ").Append(Output).Append('\n');
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
