namespace FormalExpressivity.Transformers.Model;

/// <summary>
/// One attention head of the symbolic model. At position n the head looks at its range R(n) (by
/// <see cref="Kind"/>, <see cref="Window"/> and <see cref="Masking"/>), keeps the positions where the
/// <see cref="Selector"/> feature holds (query/key: score 0 there, −∞ elsewhere), and outputs:
/// <list type="bullet">
/// <item>soft heads (global, local): whether at least <see cref="Threshold"/> kept positions carry the
/// <see cref="Value"/> feature (threshold 1 = "some", the average is &gt; 0);</item>
/// <item>unique-hard heads: the value at the rightmost kept position.</item>
/// </list>
/// An empty kept set gives 0 (theory.md §3, project decision).
/// </summary>
/// <param name="Output">The feature name the head writes.</param>
/// <param name="Kind">Global, local or unique-hard.</param>
/// <param name="Window">k for local heads and windowed unique-hard heads; 0 for global ranges.</param>
/// <param name="Masking">Strict or non-strict.</param>
/// <param name="Selector">The query/key selector feature (<c>true</c> selects every position).</param>
/// <param name="Value">The value feature.</param>
/// <param name="Threshold">The count threshold c ≥ 1 (c &gt; 1 only for local soft heads: a counting window, theory.md §3.1).</param>
public sealed record AttentionHead(string Output, HeadKind Kind, int Window, Masking Masking, string Selector, string Value, int Threshold = 1)
{
    /// <summary>The range of positions for query position <paramref name="n"/> as an inclusive interval (empty when From &gt; To).</summary>
    /// <param name="n">The query position (1 … N+1).</param>
    public (int From, int To) Range(int n)
    {
        int to = Masking == Masking.Strict ? n - 1 : n;
        int from = Window == 0 ? 1 : Math.Max(1, Masking == Masking.Strict ? n - Window : n - Window + 1);
        return (from, to);
    }

    /// <summary>The head in the text format (one line, see grammars/README.md).</summary>
    public override string ToString()
    {
        string kind = Kind switch
        {
            HeadKind.Global => "global",
            HeadKind.Local => $"local:{Window}",
            _ => Window == 0 ? "uha" : $"uha:{Window}",
        };
        string mask = Masking == Masking.Strict ? "strict" : "nonstrict";
        string thr = Threshold > 1 ? $" atleast {Threshold}" : "";
        return $"head {Output} = {kind} {mask} select {Selector} value {Value}{thr}";
    }
}

/// <summary>One gate of a feed-forward Boolean circuit: <see cref="Output"/> := op(<see cref="Inputs"/>).</summary>
/// <param name="Output">The feature name the gate writes.</param>
/// <param name="Kind">The operation.</param>
/// <param name="Inputs">Input feature names (exactly one for <see cref="GateKind.Not"/>).</param>
public sealed record Gate(string Output, GateKind Kind, IReadOnlyList<string> Inputs)
{
    /// <summary>The gate in the text format.</summary>
    public override string ToString() =>
        $"gate {Output} = {Kind.ToString().ToLowerInvariant()} {string.Join(' ', Inputs)}";

    /// <inheritdoc/>
    public bool Equals(Gate? other) =>
        other is not null && Output == other.Output && Kind == other.Kind && Inputs.SequenceEqual(other.Inputs);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Output, Kind, Inputs.Count);
}

/// <summary>
/// One transformer layer of the symbolic model: its heads read features computed before the layer (at
/// earlier positions, and at the current one for non-strict heads); then its feed-forward circuit
/// computes gates in order from the features at the current position (the residual stream keeps all).
/// </summary>
/// <param name="Heads">The attention heads.</param>
/// <param name="Gates">The feed-forward circuit, in evaluation order.</param>
public sealed record TransformerLayer(IReadOnlyList<AttentionHead> Heads, IReadOnlyList<Gate> Gates)
{
    /// <inheritdoc/>
    public bool Equals(TransformerLayer? other) =>
        other is not null && Heads.SequenceEqual(other.Heads) && Gates.SequenceEqual(other.Gates);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Heads.Count, Gates.Count);
}
