using System.Text.Json;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora;

/// <summary>The counts of one length of one split.</summary>
/// <param name="Length">The length n.</param>
/// <param name="Positive">Strings in L.</param>
/// <param name="Negative">Strings not in L.</param>
public sealed record LengthCount(int Length, int Positive, int Negative);

/// <summary>What was written for one split.</summary>
/// <param name="Spec">The split's name and length range.</param>
/// <param name="File">Its data file, relative to the dataset folder (<c>data/NAME.EXT</c>).</param>
/// <param name="FirstId">The id of its first row (ids are consecutive within a split and unique in the dataset).</param>
public sealed record SplitManifest(CorpusSplitSpec Spec, string File, long FirstId)
{
    /// <summary>Counts per length, ascending.</summary>
    public List<LengthCount> Counts { get; } = [];

    /// <summary>Strings in L.</summary>
    public long Positives => Counts.Sum(c => (long)c.Positive);

    /// <summary>Strings not in L.</summary>
    public long Negatives => Counts.Sum(c => (long)c.Negative);

    /// <summary>All strings.</summary>
    public long Strings => Positives + Negatives;
}

/// <summary>
/// What a dataset is and how it was made, written as <c>manifest.json</c> in the dataset folder and
/// embedded in every Parquet file's key-value metadata (key <c>fex.manifest</c>): the language (spec,
/// alphabet, fingerprint and the canonical minimal DFA itself), the generator, strategy, label columns,
/// seed and random-number generator (no seed for the exhaustive generator, which draws nothing), each
/// split's file, length range, first id and counts per length, notes on short or unbalanced lengths,
/// and the tool version. Contains no time stamp, so the same arguments give byte-identical files.
/// </summary>
public sealed class CorpusManifest
{
    /// <summary>The key under which the manifest is stored in Parquet key-value metadata.</summary>
    public const string ParquetKey = "fex.manifest";

    /// <summary>Collects the manifest of a dataset being written.</summary>
    /// <param name="generator">The generator whose blocks are written.</param>
    /// <param name="format">The file format of the splits.</param>
    public CorpusManifest(CorpusGenerator generator, CorpusFormat format)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Generator = generator;
        Format = format;
        long id = 0;
        foreach (var (spec, index) in generator.Splits.Select((s, i) => (s, i)))
        {
            Splits.Add(new SplitManifest(spec, $"data/{spec.Name}.{CorpusFormats.Name(format)}", id));
            id += generator.PlannedCount(index);
        }
    }

    /// <summary>The generator described.</summary>
    public CorpusGenerator Generator { get; }

    /// <summary>The file format.</summary>
    public CorpusFormat Format { get; }

    /// <summary>The splits, in the order given.</summary>
    public List<SplitManifest> Splits { get; } = [];

    /// <summary>Notes on short, unbalanced or empty lengths (one per length).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Total positive strings.</summary>
    public long Positives => Splits.Sum(s => s.Positives);

    /// <summary>Total negative strings.</summary>
    public long Negatives => Splits.Sum(s => s.Negatives);

    /// <summary>The version of the library that wrote the corpus.</summary>
    public static string ToolVersion => typeof(CorpusManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Records one written block.</summary>
    /// <param name="block">The block.</param>
    public void Add(CorpusBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        int pos = block.Positives;
        Splits[block.Split].Counts.Add(new LengthCount(block.Length, pos, block.Labels.Count - pos));
        if (block.Note is not null && (Notes.Count == 0 || Notes[^1] != block.Note)) Notes.Add(block.Note);
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the canonical minimal DFA, serialized as the UTF-8 text
    /// <c>symbols joined by ','; start; table entries joined by ','; accepting states joined by ','</c>
    /// (fields separated by '\n'). Equal languages over the same alphabet have equal fingerprints,
    /// because minimal DFAs are canonically numbered.
    /// </summary>
    /// <param name="minimal">A minimized (canonical) DFA.</param>
    public static string Fingerprint(FormalExpressivity.Automata.Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = string.Join(',', minimal.Alphabet.Symbols) + "\n" + minimal.Start.ToString(inv) + "\n"
            + string.Join(',', minimal.Table.ToArray().Select(t => t.ToString(inv))) + "\n"
            + string.Join(',', minimal.AcceptingStates().Elements().Select(q => q.ToString(inv)));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The label columns' names in manifests and on the command line.</summary>
    /// <param name="labels">The label kinds.</param>
    public static IEnumerable<string> LabelNames(CorpusLabels labels)
    {
        yield return "membership";
        if (labels.HasFlag(CorpusLabels.Prefix)) yield return "prefix";
        if (labels.HasFlag(CorpusLabels.NextSymbols)) yield return "next-symbols";
        if (labels.HasFlag(CorpusLabels.States)) yield return "states";
    }

    /// <summary>The manifest as indented JSON (UTF-8, LF line ends, trailing newline).</summary>
    public string ToJson()
    {
        var o = Generator.Options;
        return Core.Text.JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("tool", "fex");
            w.WriteString("version", ToolVersion);
            w.WriteStartObject("language");
            w.WriteString("spec", o.LanguageSpec);
            w.WriteStartArray("alphabet");
            foreach (var s in o.Language.Alphabet.Symbols) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteNumber("dfaStates", o.Language.StateCount);
            w.WriteNumber("minimalStates", Generator.Minimal.StateCount);
            w.WriteString("fingerprint", Generator.Fingerprint);
            w.WritePropertyName("dfa");
            using (var dfa = JsonDocument.Parse(DfaJson.Write(Generator.Minimal))) dfa.RootElement.WriteTo(w);
            w.WriteEndObject();
            w.WriteString("generator", CorpusOptions.GeneratorName(o.Generator));
            w.WriteStartObject("strategy");
            w.WriteString("name", Generator.Strategy.Name);
            w.WriteString("description", Generator.Strategy.Description);
            w.WriteEndObject();
            w.WriteStartArray("labels");
            foreach (var l in LabelNames(o.Labels)) w.WriteStringValue(l);
            w.WriteEndArray();
            if (o.Generator == CorpusGeneratorKind.Exhaustive)
            {
                w.WriteNull("perLength");
                w.WriteNull("seed");
                w.WriteString("random", "none: the exhaustive generator lists every word of each length in shortlex order");
            }
            else
            {
                w.WriteNumber("perLength", o.PerLength);
                w.WriteNumber("seed", o.Seed);
                w.WriteString("random", "SplitMix64; length n uses the stream seeded with Derive(seed, key(L), n), key(L) = the first 64 bits of the fingerprint; strings are drawn without replacement within a length and dealt to the splits in order; see docs/corpora.md");
            }
            w.WriteString("format", CorpusFormats.Name(Format));
            w.WriteString("vocab", "vocab.json");
            w.WriteStartArray("excludedByStrategy");
            foreach (var n in Generator.SkippedLengths) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteStartObject("totals");
            w.WriteNumber("strings", Positives + Negatives);
            w.WriteNumber("positive", Positives);
            w.WriteNumber("negative", Negatives);
            w.WriteEndObject();
            w.WriteStartArray("splits");
            foreach (var s in Splits)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Spec.Name);
                w.WriteString("file", s.File);
                w.WriteStartObject("lengths");
                w.WriteNumber("min", s.Spec.MinLength);
                w.WriteNumber("max", s.Spec.MaxLength);
                w.WriteEndObject();
                w.WriteNumber("firstId", s.FirstId);
                w.WriteNumber("strings", s.Strings);
                w.WriteNumber("positive", s.Positives);
                w.WriteNumber("negative", s.Negatives);
                w.WriteStartArray("counts");
                foreach (var c in s.Counts)
                {
                    w.WriteStartObject();
                    w.WriteNumber("length", c.Length);
                    w.WriteNumber("positive", c.Positive);
                    w.WriteNumber("negative", c.Negative);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
