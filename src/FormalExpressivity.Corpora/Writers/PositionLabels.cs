using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// The per-position columns of a corpus row (<see cref="CorpusColumns"/>), computed by running the
/// canonical minimal DFA M of L over the word once: position i (0 … n) describes the prefix w₁ … wᵢ,
/// i.e. the state qᵢ = δ*(q₀, w₁ … wᵢ). With live(q) ⇔ some word leads from q to acceptance,
/// <code>
/// prefix_labels[i] = [qᵢ accepting]
/// next_symbols[i]  = Σ_a [live(δ(qᵢ, a))]·2^a + [qᵢ accepting]·2^|Σ|
/// states[i]        = qᵢ
/// </code>
/// Example: L = (ab)*, w = ab: states 0 1 0, prefix_labels 101, next_symbols 5 2 5 (a or EOS; b; a or EOS).
/// </summary>
public sealed class PositionLabels
{
    private readonly Dfa _minimal;
    private readonly long[] _next;

    /// <summary>Prepares the tables for <paramref name="minimal"/>.</summary>
    /// <param name="minimal">The canonical minimal DFA of L.</param>
    public PositionLabels(Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        _minimal = minimal;
        int n = minimal.StateCount, k = minimal.SymbolCount;
        var live = new bool[n];
        for (int q = 0; q < n; q++) live[q] = minimal.IsAccepting(q);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int q = 0; q < n; q++)
                if (!live[q])
                    for (int a = 0; a < k; a++)
                        if (live[minimal.Next(q, a)]) { live[q] = changed = true; break; }
        }
        _next = new long[n];
        for (int q = 0; q < n; q++)
        {
            if (k > MaxSymbols) throw new ArgumentException($"next-symbol masks need at most {MaxSymbols} symbols", nameof(minimal));
            long mask = minimal.IsAccepting(q) ? 1L << k : 0;
            for (int a = 0; a < k; a++) if (live[minimal.Next(q, a)]) mask |= 1L << a;
            _next[q] = mask;
        }
    }

    /// <summary>The largest alphabet whose next-symbol masks (|Σ| + 1 bits) fit a signed 64-bit integer.</summary>
    public const int MaxSymbols = 62;

    /// <summary>The states q₀ … qₙ of M along <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    public int[] States(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var states = new int[word.Length + 1];
        int q = states[0] = _minimal.Start;
        for (int i = 0; i < word.Length; i++) states[i + 1] = q = _minimal.Next(q, word[i]);
        return states;
    }

    /// <summary>The <c>prefix_labels</c> text: '1'/'0' per position.</summary>
    /// <param name="states">The states from <see cref="States"/>.</param>
    public string Prefixes(int[] states) =>
        string.Create(states.Length, (states, _minimal), static (span, st) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = st._minimal.IsAccepting(st.states[i]) ? '1' : '0';
        });

    /// <summary>The <c>next_symbols</c> text: the masks, space-separated.</summary>
    /// <param name="states">The states from <see cref="States"/>.</param>
    public string NextSymbols(int[] states) => Join(states, _next);

    /// <summary>The <c>states</c> text: the states, space-separated.</summary>
    /// <param name="states">The states from <see cref="States"/>.</param>
    public static string StateList(int[] states) => Join(states, null);

    /// <summary>The mask of <c>next_symbols</c> at a state.</summary>
    /// <param name="state">A state of M.</param>
    public long NextMask(int state) => _next[state];

    private static string Join(int[] states, long[]? map)
    {
        var sb = new System.Text.StringBuilder(states.Length * 3);
        Span<char> digits = stackalloc char[20];
        for (int i = 0; i < states.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            long v = map is null ? states[i] : map[states[i]];
            v.TryFormat(digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            sb.Append(digits[..written]);
        }
        return sb.ToString();
    }
}
