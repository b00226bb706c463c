using System.CommandLine;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The two limits every command has (recursive options of the root command): <c>--max-memory</c>, the
/// <see cref="MemoryBudget"/> checked where large structures grow, and <c>--max-input-bytes</c>, the bound of
/// the one <see cref="InputFile"/> reader every file input goes through. Both take byte counts such as
/// <c>512M</c> or <c>4G</c> (<see cref="ByteSize"/>).
/// </summary>
public static class RunLimits
{
    /// <summary>A new <c>--max-memory SIZE</c> option (recursive: valid on every command).</summary>
    public static Option<string?> MaxMemory() => new(MemoryBudget.Flag)
    {
        Description = "Memory budget, e.g. 512M or 4G (default: three quarters of the available memory). A run that would need more ends with exit 3 and a value to try.",
        Recursive = true,
    };

    /// <summary>A new <c>--max-input-bytes SIZE</c> option (recursive: valid on every command).</summary>
    public static Option<string?> MaxInputBytes() => new(InputFile.Flag)
    {
        Description = $"Largest input file read, e.g. 64M or 2G (default {ByteSize.Format(InputFile.DefaultMaxBytes)}); larger or endless inputs end with exit 3.",
        Recursive = true,
    };

    /// <summary>
    /// Installs the limits given on the command line for the rest of the run; null (after printing a
    /// usage error) when a value is malformed.
    /// </summary>
    /// <param name="parse">The parsed command line (of a root command that has both options).</param>
    /// <param name="stderr">Where usage errors go.</param>
    public static IDisposable? Install(ParseResult parse, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(stderr);
        long memory = MemoryBudget.DefaultBytes, input = InputFile.DefaultMaxBytes;
        if (parse.GetValue<string?>(MemoryBudget.Flag) is { } m && !TryRead(m, MemoryBudget.Flag, 1L << 20, stderr, out memory)) return null;
        if (parse.GetValue<string?>(InputFile.Flag) is { } i && !TryRead(i, InputFile.Flag, 1, stderr, out input)) return null;
        var memoryScope = MemoryBudget.Use(new MemoryBudget(memory));
        var inputScope = InputFile.Use(new InputFile(Math.Min(input, InputFile.MaxTextBytes)));
        return new Both(memoryScope, inputScope);
    }

    private static bool TryRead(string text, string flag, long minimum, TextWriter stderr, out long bytes)
    {
        if (ByteSize.TryParse(text, out bytes) && bytes >= minimum) return true;
        stderr.WriteLine($"fex: {flag}: '{text}' is not a size of at least {ByteSize.Format(minimum)} (examples: 512M, 4G, 1048576)");
        return false;
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            second.Dispose();
            first.Dispose();
        }
    }
}
