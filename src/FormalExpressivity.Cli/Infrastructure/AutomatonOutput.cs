using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Graphs;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Chooses the output format of an automaton (from <c>--format</c> or the output file's extension) and renders it.</summary>
public static class AutomatonOutput
{
    /// <summary>The accepted values of <c>--format</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "att", "dot", "svg"];

    /// <summary>
    /// The format to write: <paramref name="format"/> when given; otherwise the extension of
    /// <paramref name="output"/> (<c>.json</c>, <c>.att</c>, <c>.dot</c>, <c>.svg</c>); otherwise JSON for standard output.
    /// Null when an output file has an unknown extension and no format is given.
    /// </summary>
    /// <param name="format">The <c>--format</c> value, or null.</param>
    /// <param name="output">The <c>-o</c> path, or null for standard output.</param>
    public static string? Resolve(string? format, string? output)
    {
        if (format is not null) return format;
        if (output is null) return "json";
        var ext = Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
        return Formats.Contains(ext) ? ext : null;
    }

    /// <summary>Renders <paramref name="dfa"/> in <paramref name="format"/> (<c>json</c>, <c>att</c>, <c>dot</c>, or <c>svg</c> through Graphviz).</summary>
    /// <param name="dfa">The automaton.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    public static string Render(Dfa dfa, string format) => format switch
    {
        "json" => DfaJson.Write(dfa),
        "att" => AttFormat.Write(dfa),
        "dot" => DotWriter.Write(dfa),
        "svg" => Graphviz.ToSvg(DotWriter.Write(dfa)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    /// <summary>
    /// Writes <paramref name="dfa"/> to <paramref name="output"/> atomically, or to <paramref name="console"/>'s
    /// standard output when <paramref name="output"/> is null. Returns false (after printing a usage error) when no format can be chosen.
    /// </summary>
    /// <param name="console">The streams.</param>
    /// <param name="dfa">The automaton.</param>
    /// <param name="format">The <c>--format</c> value, or null.</param>
    /// <param name="output">The <c>-o</c> path, or null.</param>
    /// <param name="written">The format used.</param>
    public static bool Write(CliConsole console, Dfa dfa, string? format, string? output, out string written)
    {
        ArgumentNullException.ThrowIfNull(console);
        written = Resolve(format, output) ?? "";
        if (written.Length == 0)
        {
            console.Error.WriteLine($"fex: cannot infer the output format from '{output}'; use --format {string.Join('|', Formats)}");
            return false;
        }
        if (written is "json" or "att")
        {
            // Streamed: memory independent of the automaton's size.
            var format1 = written;
            void Stream(TextWriter w)
            {
                if (format1 == "json") DfaJson.Write(dfa, w);
                else AttFormat.Write(dfa, w);
            }
            if (output is null) Stream(console.Out);
            else
                AtomicFile.Write(output, stream =>
                {
                    using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    Stream(w);
                });
            return true;
        }
        var text = Render(dfa, written);
        if (output is null) console.Out.Write(text);
        else AtomicFile.WriteAllText(output, text);
        return true;
    }
}
