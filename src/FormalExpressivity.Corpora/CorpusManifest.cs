using System.Text.Json;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora;

/// <summary>The counts of one length of a written corpus.</summary>
/// <param name="Length">The length n.</param>
/// <param name="Positive">Strings in L.</param>
/// <param name="Negative">Strings not in L.</param>
public sealed record LengthCount(int Length, int Positive, int Negative);

/// <summary>
/// What a corpus is and how it was made, written next to it as <c>OUT.manifest.json</c>: the
/// language and its alphabet, the generator, strategy, seed and random-number generator, the
/// counts per length and label, notes on unbalanced lengths, and the tool version. Contains no time
/// stamp, so the same arguments give a byte-identical manifest.
/// </summary>
public sealed class CorpusManifest
{
    /// <summary>Collects the manifest of a corpus being written.</summary>
    /// <param name="generator">The generator whose blocks are written.</param>
    /// <param name="format">The file format.</param>
    /// <param name="fileName">The corpus file's name (without folder).</param>
    public CorpusManifest(CorpusGenerator generator, CorpusFormat format, string fileName)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Generator = generator;
        Format = format;
        FileName = fileName ?? "";
    }

    /// <summary>The generator described.</summary>
    public CorpusGenerator Generator { get; }

    /// <summary>The file format.</summary>
    public CorpusFormat Format { get; }

    /// <summary>The corpus file's name.</summary>
    public string FileName { get; }

    /// <summary>Counts per length, in length order (lengths with no string included, with zero counts).</summary>
    public List<LengthCount> Counts { get; } = [];

    /// <summary>Notes on unbalanced or empty lengths and on lengths excluded by the strategy.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Total positive strings.</summary>
    public long Positives => Counts.Sum(c => (long)c.Positive);

    /// <summary>Total negative strings.</summary>
    public long Negatives => Counts.Sum(c => (long)c.Negative);

    /// <summary>The version of the library that wrote the corpus.</summary>
    public static string ToolVersion => typeof(CorpusManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Records one written block.</summary>
    /// <param name="block">The block.</param>
    public void Add(CorpusBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        int pos = block.Positives;
        Counts.Add(new LengthCount(block.Length, pos, block.Labels.Count - pos));
        if (block.Note is not null) Notes.Add(block.Note);
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
            var minimal = o.Language.Minimize();
            w.WriteNumber("minimalStates", minimal.StateCount);
            w.WriteString("fingerprint", Fingerprint(minimal));
            w.WriteEndObject();
            w.WriteString("generator", CorpusOptions.GeneratorName(o.Generator));
            w.WriteStartObject("strategy");
            w.WriteString("name", Generator.Strategy.Name);
            w.WriteString("description", Generator.Strategy.Description);
            w.WriteEndObject();
            if (o.Split is { } split) w.WriteString("split", split.ToString().ToLowerInvariant());
            else w.WriteNull("split");
            w.WriteStartObject("lengths");
            w.WriteNumber("min", o.MinLength);
            w.WriteNumber("max", o.MaxLength);
            w.WriteStartArray("excludedByStrategy");
            foreach (var n in Generator.SkippedLengths) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
            if (o.Generator == CorpusGeneratorKind.Exhaustive) w.WriteNull("perLength");
            else w.WriteNumber("perLength", o.PerLength);
            w.WriteNumber("seed", o.Seed);
            w.WriteString("random", "SplitMix64; length n uses the stream seeded with Derive(seed, n); see docs/corpora.md");
            w.WriteString("format", CorpusFormats.Name(Format));
            w.WriteString("file", FileName);
            w.WriteStartObject("totals");
            w.WriteNumber("strings", Positives + Negatives);
            w.WriteNumber("positive", Positives);
            w.WriteNumber("negative", Negatives);
            w.WriteEndObject();
            w.WriteStartArray("counts");
            foreach (var c in Counts)
            {
                w.WriteStartObject();
                w.WriteNumber("length", c.Length);
                w.WriteNumber("positive", c.Positive);
                w.WriteNumber("negative", c.Negative);
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
