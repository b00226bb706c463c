using System.Text.Json;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>What a corpus manifest says about its language (read back by <c>fex eval</c> and <c>fex simulate</c>).</summary>
/// <param name="Path">The manifest file.</param>
/// <param name="Spec">How the language was given (<c>re:…</c>, a file name, …).</param>
/// <param name="Alphabet">The declared alphabet, in order.</param>
/// <param name="Fingerprint">The SHA-256 fingerprint of the canonical minimal DFA (<see cref="CorpusManifest.Fingerprint"/>).</param>
/// <param name="Dfa">The embedded minimal DFA, or null for a manifest without one.</param>
/// <param name="TrainLengths">The length range of the <c>train</c> split, when the dataset has one.</param>
public sealed record ManifestInfo(string Path, string Spec, Alphabet Alphabet, string Fingerprint, Dfa? Dfa, (int Min, int Max)? TrainLengths);

/// <summary>
/// Finds the data file and the manifest of a corpus given on the command line: a dataset folder
/// (<c>DIR/manifest.json</c>, <c>DIR/data/SPLIT.EXT</c>), a split file inside one
/// (<c>DIR/data/test.parquet</c>), or a single corpus file with <c>FILE.manifest.json</c> beside it.
/// </summary>
public static class CorpusLocation
{
    /// <summary>The manifest's file name inside a dataset folder.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Resolves <paramref name="path"/> to a data file and its manifest (null when none is found).</summary>
    /// <param name="path">A dataset folder or a corpus file.</param>
    /// <param name="split">The split to read from a dataset folder (default: <c>test</c>, else the only split).</param>
    /// <exception cref="IOException">Nothing is at the path, or the folder lacks the split.</exception>
    public static (string DataFile, string? Manifest) Resolve(string path, string? split = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var data = System.IO.Path.Combine(path, "data");
            var files = Directory.Exists(data)
                ? Directory.GetFiles(data).Where(f => CorpusFormats.TryFromExtension(f, out _)).Order(StringComparer.Ordinal).ToArray()
                : [];
            if (files.Length == 0) throw new IOException($"{path}: not a corpus folder (no data/SPLIT.jsonl, .csv or .parquet inside)");
            string? chosen;
            if (split is not null) chosen = files.FirstOrDefault(f => System.IO.Path.GetFileNameWithoutExtension(f) == split);
            else chosen = files.FirstOrDefault(f => System.IO.Path.GetFileNameWithoutExtension(f) == "test") ?? (files.Length == 1 ? files[0] : null);
            if (chosen is null)
                throw new IOException($"{path}: {(split is null ? "several splits and no test split" : $"no split '{split}'")}; the splits are {string.Join(", ", files.Select(System.IO.Path.GetFileNameWithoutExtension))} (choose one with --split)");
            var manifest = System.IO.Path.Combine(path, ManifestFile);
            return (chosen, File.Exists(manifest) ? manifest : null);
        }
        if (!File.Exists(path)) throw new IOException($"{path}: no such file or folder");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var inDataset = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(dir) ?? dir, ManifestFile);
        if (System.IO.Path.GetFileName(dir) == "data" && File.Exists(inDataset)) return (path, inDataset);
        var beside = CorpusWriter.ManifestPath(path);
        return (path, File.Exists(beside) ? beside : null);
    }

    /// <summary>Reads the language part of a manifest.</summary>
    /// <param name="path">The manifest file.</param>
    /// <exception cref="InputException">The manifest is not valid JSON or lacks the language fields.</exception>
    public static ManifestInfo ReadManifest(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var language = doc.RootElement.GetProperty("language");
            var alphabet = Alphabet.Create(language.GetProperty("alphabet").EnumerateArray().Select(e => e.GetString()!));
            Dfa? dfa = null;
            if (language.TryGetProperty("dfa", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                var parsed = DfaJson.ReadDfa(d.GetRawText());
                if (!parsed.Success) throw Bad(path, "the embedded DFA is malformed: " + parsed.Diagnostics[0].Message);
                dfa = parsed.Value;
            }
            (int, int)? train = null;
            if (doc.RootElement.TryGetProperty("splits", out var splits) && splits.ValueKind == JsonValueKind.Array)
                foreach (var s in splits.EnumerateArray())
                    if (s.GetProperty("name").GetString() == "train")
                        train = (s.GetProperty("lengths").GetProperty("min").GetInt32(), s.GetProperty("lengths").GetProperty("max").GetInt32());
            return new ManifestInfo(path, language.GetProperty("spec").GetString() ?? "", alphabet, language.GetProperty("fingerprint").GetString() ?? "", dfa, train);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw Bad(path, "not a fex corpus manifest: " + e.Message);
        }
    }

    private static InputException Bad(string path, string message) =>
        new([new Diagnostic("FEX-MANIFEST", new SourceSpan(0, 0, 1, 1), $"{path}: {message}")]);
}
