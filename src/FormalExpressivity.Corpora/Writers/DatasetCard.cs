using System.Globalization;
using System.Text;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>The dataset card (<c>README.md</c> with a YAML header, as the Hugging Face hub reads it) and <c>vocab.json</c> of a dataset folder.</summary>
public static class DatasetCard
{
    /// <summary>The special tokens and their ids; symbol a gets id <see cref="FirstSymbolId"/> + a.</summary>
    public static IReadOnlyList<string> SpecialTokens { get; } = ["<pad>", "<bos>", "<eos>"];

    /// <summary>The id of the first symbol.</summary>
    public const int FirstSymbolId = 3;

    /// <summary>
    /// <c>vocab.json</c>: <c>{"tokens": {"&lt;pad&gt;": 0, "&lt;bos&gt;": 1, "&lt;eos&gt;": 2, "a": 3, …},
    /// "pad_id": 0, "bos_id": 1, "eos_id": 2, "separator": ""}</c>; the separator says how the
    /// <c>string</c> column splits into symbols ("" = one character each, " " = space-separated).
    /// </summary>
    /// <param name="alphabet">Σ in declared order.</param>
    public static string Vocabulary(Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var names = SpecialTokens.Concat(alphabet.Symbols).ToArray();
        return Core.Text.JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("tokens");
            for (int i = 0; i < names.Length; i++) w.WriteNumber(names[i], i);
            w.WriteEndObject();
            w.WriteNumber("pad_id", 0);
            w.WriteNumber("bos_id", 1);
            w.WriteNumber("eos_id", 2);
            w.WriteString("separator", alphabet.AllSingleCharacter ? "" : " ");
            w.WriteEndObject();
        });
    }

    /// <summary>The dataset card of a written dataset.</summary>
    /// <param name="manifest">Its manifest (counts complete).</param>
    public static string Readme(CorpusManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var g = manifest.Generator;
        var o = g.Options;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("---\nconfigs:\n- config_name: default\n  data_files:\n");
        foreach (var s in manifest.Splits) sb.Append(inv, $"  - split: {s.Spec.Name}\n    path: {s.File}\n");
        sb.Append("dataset_info:\n  features:\n");
        void Feature(string name, string dtype) => sb.Append(inv, $"  - name: {name}\n    dtype: {dtype}\n");
        Feature(CorpusColumns.Id, "int64");
        Feature(CorpusColumns.String, "string");
        Feature(CorpusColumns.Length, "int32");
        Feature(CorpusColumns.Label, "bool");
        if (o.Labels.HasFlag(CorpusLabels.Prefix)) Feature(CorpusColumns.PrefixLabels, "string");
        if (o.Labels.HasFlag(CorpusLabels.NextSymbols)) Feature(CorpusColumns.NextSymbols, "string");
        if (o.Labels.HasFlag(CorpusLabels.States)) Feature(CorpusColumns.States, "string");
        sb.Append("  splits:\n");
        foreach (var s in manifest.Splits) sb.Append(inv, $"  - name: {s.Spec.Name}\n    num_examples: {s.Strings}\n");
        sb.Append("tags:\n- formal-languages\n- regular-languages\n- length-generalization\n---\n\n");
        sb.Append(inv, $"# {Escape(o.LanguageSpec)}\n\n");
        sb.Append(inv, $"A labelled corpus of the regular language `{o.LanguageSpec}` over {{{string.Join(", ", o.Language.Alphabet.Symbols)}}} ");
        sb.Append(inv, $"(minimal DFA: {g.Minimal.StateCount} states, fingerprint `{g.Fingerprint[..16]}…`), written by `fex corpus` {CorpusManifest.ToolVersion}.\n\n");
        sb.Append("| split | lengths | strings | in L | not in L |\n| --- | --- | ---: | ---: | ---: |\n");
        foreach (var s in manifest.Splits)
            sb.Append(inv, $"| {s.Spec.Name} | {s.Spec.MinLength}-{s.Spec.MaxLength} | {s.Strings} | {s.Positives} | {s.Negatives} |\n");
        sb.Append(inv, $"\nGenerator `{CorpusOptions.GeneratorName(o.Generator)}`, strategy `{g.Strategy.Name}`: {g.Strategy.Description}. ");
        sb.Append(o.Generator == CorpusGeneratorKind.Exhaustive
            ? "Every word of every length, in shortlex order (no randomness).\n"
            : string.Create(inv, $"{o.PerLength} strings per length and split, drawn without replacement (SplitMix64, seed {o.Seed}); no string occurs in two splits.\n"));
        sb.Append("\n## Columns\n\n");
        sb.Append("* `id` — row id, unique across the splits.\n");
        sb.Append(o.Language.Alphabet.AllSingleCharacter
            ? "* `string` — the word, one character per symbol; the empty word is `\"\"` with `length` 0.\n"
            : "* `string` — the word, symbols separated by single spaces; the empty word is `\"\"` with `length` 0.\n");
        sb.Append("* `length` — number of symbols. `label` — membership in L.\n");
        if (o.Labels.HasFlag(CorpusLabels.Prefix)) sb.Append("* `prefix_labels` — one `0`/`1` per position 0 … n: is the prefix w₁…wᵢ in L (position 0 = the empty prefix, at BOS).\n");
        if (o.Labels.HasFlag(CorpusLabels.NextSymbols)) sb.Append(inv, $"* `next_symbols` — per position 0 … n an integer mask: bit a = symbol a can follow and still reach L; bit {o.Language.SymbolCount} = EOS (the prefix is in L).\n");
        if (o.Labels.HasFlag(CorpusLabels.States)) sb.Append("* `states` — per position 0 … n the state of the minimal DFA in `manifest.json` after the prefix.\n");
        sb.Append("\nToken ids are in `vocab.json` (`<pad>` 0, `<bos>` 1, `<eos>` 2, then the symbols). `manifest.json` holds the language (with its minimal DFA), the seed and the counts per length; see the fex documentation, docs/corpora.md, for a PyTorch loader.\n");
        if (manifest.Notes.Count > 0)
        {
            sb.Append("\n## Notes\n\n");
            foreach (var n in manifest.Notes.Take(20)) sb.Append("* ").Append(n).Append('\n');
            if (manifest.Notes.Count > 20) sb.Append(inv, $"* … and {manifest.Notes.Count - 20} more in manifest.json\n");
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\n", " ", StringComparison.Ordinal);
}
