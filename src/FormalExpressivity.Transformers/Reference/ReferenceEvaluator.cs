using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Transformers.Reference;

/// <summary>
/// The slow, obviously correct oracle for the symbolic model: for one word, every feature at every
/// position 1 … N+1, layer by layer, each head scanning its whole range R(n) straight from the
/// definition in <see cref="AttentionHead"/> (quadratic in N). Position N+1 is the end marker (EOS).
/// </summary>
public static class ReferenceEvaluator
{
    /// <summary>Whether the model accepts <paramref name="word"/> (symbol indices of the model's alphabet): the output feature at N+1.</summary>
    /// <param name="model">The model.</param>
    /// <param name="word">w_1 … w_N as symbol indices.</param>
    public static bool Accepts(TransformerModel model, ReadOnlySpan<int> word) =>
        Features(model, word)[model.Output][word.Length + 1];

    /// <summary>Every feature (by name) at positions 0 … N+1 (index 0 is unused and false).</summary>
    /// <param name="model">The model.</param>
    /// <param name="word">w_1 … w_N as symbol indices.</param>
    public static Dictionary<string, bool[]> Features(TransformerModel model, ReadOnlySpan<int> word)
    {
        ArgumentNullException.ThrowIfNull(model);
        int n = word.Length;
        var f = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var t = new bool[n + 2];
        var eos = new bool[n + 2];
        for (int p = 1; p <= n + 1; p++) t[p] = true;
        eos[n + 1] = true;
        f[TransformerModel.TrueFeature] = t;
        f[TransformerModel.EosFeature] = eos;
        for (int a = 0; a < model.Alphabet.Count; a++)
        {
            var v = new bool[n + 2];
            for (int p = 1; p <= n; p++)
            {
                if (word[p - 1] < 0 || word[p - 1] >= model.Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(word), "symbol index out of range");
                v[p] = word[p - 1] == a;
            }
            f[model.Alphabet[a]] = v;
        }
        Gates(model.Prelude, f, n);
        foreach (var layer in model.Layers)
        {
            var outputs = layer.Heads.Select(h => (h.Output, Head(h, f, n))).ToList();
            foreach (var (name, values) in outputs) f[name] = values;
            Gates(layer.Gates, f, n);
        }
        return f;
    }

    private static bool[] Head(AttentionHead h, Dictionary<string, bool[]> f, int n)
    {
        var sel = f[h.Selector];
        var val = f[h.Value];
        var result = new bool[n + 2];
        for (int p = 1; p <= n + 1; p++)
        {
            var (from, to) = h.Range(p);
            if (h.Kind == HeadKind.UniqueHard)
            {
                for (int m = to; m >= from; m--)
                    if (sel[m]) { result[p] = val[m]; break; }
            }
            else
            {
                int count = 0;
                for (int m = from; m <= to; m++)
                    if (sel[m] && val[m]) count++;
                result[p] = count >= h.Threshold;
            }
        }
        return result;
    }

    private static void Gates(IReadOnlyList<Gate> gates, Dictionary<string, bool[]> f, int n)
    {
        foreach (var g in gates)
        {
            var v = new bool[n + 2];
            for (int p = 1; p <= n + 1; p++)
            {
                v[p] = g.Kind switch
                {
                    GateKind.Not => !f[g.Inputs[0]][p],
                    GateKind.And => g.Inputs.All(x => f[x][p]),
                    _ => g.Inputs.Any(x => f[x][p]),
                };
            }
            f[g.Output] = v;
        }
    }
}
