namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// The column names of a corpus split (docs/corpora.md, "Columns"). Per-position columns have one
/// entry per position 0 … n, aligned with the model input <c>BOS w₁ … wₙ</c>: position i describes
/// the prefix w₁ … wᵢ (position 0 the empty prefix, read at BOS).
/// </summary>
public static class CorpusColumns
{
    /// <summary><c>id</c>: the row id (int64), unique across the dataset's splits.</summary>
    public const string Id = "id";

    /// <summary><c>string</c>: the word (symbols juxtaposed, or space-separated when a symbol name is longer than one character; ε is the empty string).</summary>
    public const string String = "string";

    /// <summary><c>length</c>: the word's length in symbols (int32); 0 marks the empty word in every format.</summary>
    public const string Length = "length";

    /// <summary><c>label</c>: membership of the word in L (boolean).</summary>
    public const string Label = "label";

    /// <summary><c>prefix_labels</c>: membership of every prefix, one character '0'/'1' per position 0 … n (LC25's per-prefix labels).</summary>
    public const string PrefixLabels = "prefix_labels";

    /// <summary>
    /// <c>next_symbols</c>: FLaRe's next-symbol sets, one integer per position 0 … n separated by
    /// spaces: bit a (symbol a in declared order) is set when the prefix followed by a can still be
    /// completed to a word of L, bit |Σ| (EOS) when the prefix itself is in L.
    /// </summary>
    public const string NextSymbols = "next_symbols";

    /// <summary><c>states</c>: the state of the canonical minimal DFA after every prefix, one integer per position 0 … n separated by spaces.</summary>
    public const string States = "states";
}
