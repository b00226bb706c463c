using System.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.IO;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// Writes a generated corpus as a dataset folder in the Hugging Face layout, as one unit:
/// <code>
/// OUT/README.md          dataset card (YAML header: configs, features, splits)
/// OUT/manifest.json      the manifest (also in every Parquet file's metadata, key fex.manifest)
/// OUT/vocab.json         token ids: &lt;pad&gt; 0, &lt;bos&gt; 1, &lt;eos&gt; 2, then the symbols in declared order
/// OUT/data/SPLIT.EXT     one file per split (jsonl, csv or parquet), rows with an id
/// </code>
/// Everything is written into a temporary sibling folder that is renamed to OUT only when complete,
/// so a failure leaves no half-written dataset and OUT never holds a corpus from one run and a
/// manifest from another. An existing OUT is replaced only when it is a fex dataset folder.
/// Blocks are streamed: memory holds a few lengths at a time.
/// </summary>
public static class CorpusWriter
{
    /// <summary>The manifest path belonging to a single corpus file: <c>PATH.manifest.json</c> (read for corpora written by earlier versions).</summary>
    /// <param name="corpusPath">The corpus file.</param>
    public static string ManifestPath(string corpusPath) => corpusPath + ".manifest.json";

    /// <summary>Generates the corpus and writes the dataset folder <paramref name="folder"/>.</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="folder">The dataset folder to create (or replace, when it is a fex dataset).</param>
    /// <param name="format">The format of the split files.</param>
    /// <param name="progress">Called after each length with (lengths done, lengths in total); may be null.</param>
    /// <param name="blocks">The blocks to write, exactly as <see cref="CorpusGenerator.Blocks"/> would produce them (e.g. read back
    /// from the parts of a sharded run); null generates them.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="IOException">The parent folder does not exist, or <paramref name="folder"/> exists and is not a fex dataset.</exception>
    public static CorpusManifest Write(CorpusGenerator generator, string folder, CorpusFormat format, Action<int, int>? progress = null,
        IEnumerable<CorpusBlock>? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent)) throw new IOException($"cannot write {folder}: the folder {parent} does not exist");
        if (FileKind.Of(full) is FileKind.Kind.SymbolicLink or FileKind.Kind.Special)
            throw new IOException($"refusing to write the dataset folder {folder}: it is {FileKind.Describe(FileKind.Of(full))}; only fex dataset folders are replaced (give a new name)");
        if (File.Exists(full)) throw new IOException($"cannot write the dataset folder {folder}: a file of that name exists");
        if (Directory.Exists(full) && !IsDataset(full))
            throw new IOException($"refusing to replace {folder}: it exists and is not a fex dataset folder (no manifest.json written by fex)");
        var temp = Path.Combine(parent, "." + Path.GetFileName(full) + ".tmp-" + Guid.NewGuid().ToString("N")[..8]);
        // Registered, so Ctrl-C and every other exit path remove the half-written folder; its lock file tells
        // a later run that it is live, while folders of killed runs (lock free) are removed here.
        using var registration = TemporaryFiles.Register(temp);
        Directory.CreateDirectory(Path.Combine(temp, "data"));
        var lockFile = new FileStream(Path.Combine(temp, LockFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        try
        {
            RemoveStaleSiblings(folder, parent, Path.GetFileName(full), temp);
            var manifest = new CorpusManifest(generator, format);
            WriteSplits(generator, blocks ?? generator.Blocks(), temp, format, manifest, progress);
            var json = manifest.ToJson();
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(Path.Combine(temp, CorpusLocation.ManifestFile), json, utf8);
            File.WriteAllText(Path.Combine(temp, "vocab.json"), DatasetCard.Vocabulary(generator.Options.Language.Alphabet), utf8);
            File.WriteAllText(Path.Combine(temp, "README.md"), DatasetCard.Readme(manifest), utf8);
            lockFile.Dispose();
            File.Delete(Path.Combine(temp, LockFile));
            if (TemporaryFiles.IsShuttingDown) throw new IOException($"cannot write {folder}: the run was interrupted");
            Swap(temp, full);
            return manifest;
        }
        finally
        {
            lockFile.Dispose();
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private const string LockFile = ".fex-writing";

    /// <summary>
    /// Deletes the temporary sibling folders of <paramref name="name"/> left by killed runs (their lock file is
    /// free); throws when one is locked, i.e. another run writes the same dataset now.
    /// </summary>
    private static void RemoveStaleSiblings(string shown, string parent, string name, string own)
    {
        foreach (var sibling in Directory.EnumerateDirectories(parent, "." + name + ".tmp-*"))
        {
            if (string.Equals(sibling, own, StringComparison.Ordinal) || FileKind.Of(sibling) != FileKind.Kind.Directory) continue;
            var lockPath = Path.Combine(sibling, LockFile);
            if (!File.Exists(lockPath))
            {
                // Between the lock's release and the rename a live folder has no lock: only old ones are stale.
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(sibling) < TimeSpan.FromMinutes(10)) continue;
            }
            else
            {
                try
                {
                    using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }
                catch (IOException)
                {
                    throw new IOException($"cannot write {shown}: another fex run is writing it now ({Path.GetFileName(sibling)} is in use); wait for it to finish or choose another name");
                }
            }
            Directory.Delete(sibling, recursive: true);
        }
    }

    /// <summary>Whether <paramref name="folder"/> holds a manifest written by fex.</summary>
    /// <param name="folder">A folder.</param>
    public static bool IsDataset(string folder)
    {
        var manifest = Path.Combine(folder, CorpusLocation.ManifestFile);
        if (!File.Exists(manifest)) return false;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(InputFile.ReadAllText(manifest));
            return doc.RootElement.TryGetProperty("tool", out var t) && t.GetString() == "fex";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Renames the finished folder into place; an old dataset is moved aside first and deleted after.</summary>
    private static void Swap(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".old-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.Move(target, old);
        try
        {
            Directory.Move(temp, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }
        Directory.Delete(old, recursive: true);
    }

    private static void WriteSplits(CorpusGenerator generator, IEnumerable<CorpusBlock> blocks, string folder, CorpusFormat format, CorpusManifest manifest, Action<int, int>? progress)
    {
        var writers = manifest.Splits.Select(s => SplitWriter.Create(Path.Combine(folder, s.File), format, generator, s.FirstId)).ToArray();
        try
        {
            int done = 0, total = generator.Lengths.Count, lastLength = -1;
            foreach (var block in blocks)
            {
                manifest.Add(block);
                writers[block.Split].Write(block);
                if (block.Length != lastLength && lastLength >= 0) progress?.Invoke(++done, total);
                lastLength = block.Length;
            }
            if (lastLength >= 0) progress?.Invoke(++done, total);
            var json = manifest.ToJson();
            for (int s = 0; s < writers.Length; s++)
            {
                if (writers[s].Rows != generator.PlannedCount(s))
                    throw new InvalidOperationException($"internal error: split {manifest.Splits[s].Spec.Name} has {writers[s].Rows} rows, {generator.PlannedCount(s)} planned");
                writers[s].Finish(json);
            }
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
    }
}
