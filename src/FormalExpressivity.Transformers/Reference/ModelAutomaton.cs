using FormalExpressivity.Core.Limits;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.Reference;

/// <summary>
/// Model → DFA. A symbolic model's per-position state is finite: after w_1 … w_i it suffices to keep,
/// per head, what its range at position i+1 can still see — one bit for a global head (soft: "some
/// selected position carried the value"; unique-hard: the value at the last selected position), the
/// last k (selector, value) pairs for a k-window (k−1 when non-strict, the current position being read
/// live). The reachable states are enumerated breadth-first over the declared alphabet, the state
/// after w is accepting iff the output feature holds at EOS, and the result is minimized (canonical),
/// so models can be classified and compared like any language.
/// </summary>
public static class ModelAutomaton
{
    /// <summary>The default state budget.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>The canonical minimal DFA of the language the model recognizes, over the model's alphabet.</summary>
    /// <param name="model">The model.</param>
    /// <param name="maxStates">Budget on the unminimized state count.</param>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxStates"/> reachable states.</exception>
    public static Dfa ToDfa(TransformerModel model, int maxStates = DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ToDfa(model, model.Alphabet, maxStates);
    }

    /// <summary>
    /// The DFA over <paramref name="alphabet"/>, which must contain the model's symbols (extra symbols
    /// make every symbol feature false at their positions).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="alphabet">Σ ⊇ the model's alphabet.</param>
    /// <param name="maxStates">Budget on the unminimized state count.</param>
    public static Dfa ToDfa(TransformerModel model, Alphabet alphabet, int maxStates = DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(alphabet);
        var machine = new Machine(model, alphabet);
        int k = alphabet.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new List<bool[]>();
        var table = new List<int>();
        var start = machine.Initial();
        // Each state costs its bits twice (the vector and its key, 2 bytes a character) plus its row.
        long stateBytes = 3L * start.Length + 4L * k + 64;
        var memory = MemoryBudget.Current;
        // A window of k positions is a shift register: its contents alone give up to k + 1 distinct states
        // before anything repeats. Ask for room for the first of them up front, so a huge window ends at
        // once instead of after filling the budget state by state.
        long register = machine.LongestHistory + 1L;
        memory.Require(Math.Min(Math.Min(register, maxStates), 4096), stateBytes, $"the DFA of the transformer model (windows of up to {register - 1} positions, {start.Length} bits a state)");
        index[Key(start)] = 0;
        states.Add(start);
        for (int i = 0; i < states.Count; i++)
        {
            for (int a = 0; a < k; a++)
            {
                var next = machine.Step(states[i], a, out _);
                string key = Key(next);
                if (!index.TryGetValue(key, out int id))
                {
                    if (states.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, "transformer model to DFA");
                    if (stateBytes >= 4096 || (states.Count & 1023) == 0)
                        memory.Require(stateBytes * Math.Max(1, 4096 / stateBytes), $"the DFA of the transformer model ({states.Count} states of {start.Length} bits so far)");
                    id = states.Count;
                    index[key] = id;
                    states.Add(next);
                }
                table.Add(id);
            }
        }
        var acc = new BitSet(states.Count);
        for (int i = 0; i < states.Count; i++)
        {
            machine.Step(states[i], -1, out bool output);
            if (output) acc.Add(i);
        }
        return Minimization.Minimize(Dfa.Create(alphabet, 0, table.ToArray(), acc));
    }

    private static string Key(bool[] s) => string.Create(s.Length, s, (span, b) => { for (int i = 0; i < b.Length; i++) span[i] = b[i] ? '1' : '0'; });

    private sealed class Machine
    {
        private readonly TransformerModel _model;
        private readonly Dictionary<string, int> _slot = new(StringComparer.Ordinal);
        private readonly int[] _symbolOf; // alphabet index → model symbol index or −1
        private readonly List<(AttentionHead Head, int Offset, int History)> _heads = [];
        private readonly int _stateBits;

        public Machine(TransformerModel model, Alphabet alphabet)
        {
            _model = model;
            _symbolOf = new int[alphabet.Count];
            for (int a = 0; a < alphabet.Count; a++) _symbolOf[a] = model.Alphabet.TryGetIndex(alphabet[a], out int j) ? j : -1;
            int slots = 0;
            _slot[TransformerModel.TrueFeature] = slots++;
            _slot[TransformerModel.EosFeature] = slots++;
            for (int a = 0; a < model.Alphabet.Count; a++) _slot[model.Alphabet[a]] = slots++;
            foreach (var g in model.Prelude) _slot[g.Output] = slots++;
            // A model passed TransformerModel.Check, so its state bits fit one array (TransformerText.StateProblem).
            int bits = 0;
            foreach (var layer in model.Layers)
            {
                foreach (var h in layer.Heads)
                {
                    _slot[h.Output] = slots++;
                    int history = TransformerModel.HistoryOf(h);
                    _heads.Add((h, bits, history));
                    bits = checked(bits + (int)TransformerModel.StateBitsOf(h));
                }
                foreach (var g in layer.Gates) _slot[g.Output] = slots++;
            }
            _stateBits = bits;
            SlotCount = slots;
        }

        private int SlotCount { get; }

        /// <summary>The longest register of a windowed head (0 when every head is global).</summary>
        public int LongestHistory => _heads.Count == 0 ? 0 : _heads.Max(h => h.History);

        public bool[] Initial() => new bool[_stateBits];

        // Computes every feature at the next position (symbol a, or EOS when a = −1) from the state, and the next state.
        public bool[] Step(bool[] state, int a, out bool output)
        {
            var v = new bool[SlotCount];
            var next = (bool[])state.Clone();
            v[0] = true;
            v[1] = a < 0;
            if (a >= 0 && _symbolOf[a] >= 0) v[2 + _symbolOf[a]] = true;
            Gates(_model.Prelude, v);
            int headIndex = 0;
            foreach (var layer in _model.Layers)
            {
                var results = new List<(int Slot, bool Value)>();
                foreach (var h in layer.Heads)
                {
                    var (_, offset, history) = _heads[headIndex++];
                    bool sel = v[_slot[h.Selector]], val = v[_slot[h.Value]];
                    bool nonstrict = h.Masking == Masking.NonStrict;
                    bool result;
                    if (h.Window == 0)
                    {
                        // one summary bit over all earlier positions
                        bool summary = state[offset];
                        if (h.Kind == HeadKind.UniqueHard)
                        {
                            result = nonstrict && sel ? val : summary;
                            next[offset] = sel ? val : summary;
                        }
                        else
                        {
                            result = summary || (nonstrict && sel && val);
                            next[offset] = summary || (sel && val);
                        }
                    }
                    else
                    {
                        // register: pairs (sel, val), most recent first
                        if (h.Kind == HeadKind.UniqueHard)
                        {
                            result = false;
                            if (nonstrict && sel) result = val;
                            else
                                for (int j = 0; j < history; j++)
                                    if (state[offset + 2 * j]) { result = state[offset + 2 * j + 1]; break; }
                        }
                        else
                        {
                            int count = nonstrict && sel && val ? 1 : 0;
                            for (int j = 0; j < history; j++)
                                if (state[offset + 2 * j] && state[offset + 2 * j + 1]) count++;
                            result = count >= h.Threshold;
                        }
                        for (int j = history - 1; j > 0; j--)
                        {
                            next[offset + 2 * j] = state[offset + 2 * (j - 1)];
                            next[offset + 2 * j + 1] = state[offset + 2 * (j - 1) + 1];
                        }
                        if (history > 0)
                        {
                            next[offset] = sel;
                            next[offset + 1] = val;
                        }
                    }
                    results.Add((_slot[h.Output], result));
                }
                foreach (var (slot, value) in results) v[slot] = value;
                Gates(layer.Gates, v);
            }
            output = v[_slot[_model.Output]];
            return next;
        }

        private void Gates(IReadOnlyList<Gate> gates, bool[] v)
        {
            foreach (var g in gates)
            {
                bool r = g.Kind switch
                {
                    GateKind.Not => !v[_slot[g.Inputs[0]]],
                    GateKind.And => g.Inputs.All(x => v[_slot[x]]),
                    _ => g.Inputs.Any(x => v[_slot[x]]),
                };
                v[_slot[g.Output]] = r;
            }
        }
    }
}
