using System.CommandLine;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Options shared by the automaton commands.</summary>
public static class CommonOptions
{
    /// <summary>A new <c>--alphabet a,b,c</c> option.</summary>
    public static Option<string?> Alphabet() => new("--alphabet")
    {
        Description = "Declare the alphabet (comma-separated symbols, in order); symbols a language does not use lead to a rejecting sink.",
    };

    /// <summary>A new <c>--json</c> option.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };

    /// <summary>A new <c>--format dot|json|att</c> option.</summary>
    public static Option<string?> Format()
    {
        var option = new Option<string?>("--format") { Description = "Output format: json, att, dot or svg (svg needs Graphviz; default: from the -o extension, else json)." };
        option.AcceptOnlyFromAmong([.. AutomatonOutput.Formats]);
        return option;
    }

    /// <summary>A new <c>-o/--output FILE</c> option.</summary>
    public static Option<string?> Output() => new("--output", "-o") { Description = "Write the automaton to this file (atomically) instead of standard output." };

    /// <summary>Parses the <c>--alphabet</c> value; prints a usage error and returns false when it is invalid.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="text">The option's value, or null.</param>
    /// <param name="alphabet">The alphabet, or null when the option is absent.</param>
    public static bool TryParseAlphabet(CliConsole console, string? text, out Alphabet? alphabet)
    {
        ArgumentNullException.ThrowIfNull(console);
        alphabet = null;
        if (text is null) return true;
        if (Core.Alphabets.Alphabet.TryParse(text, out alphabet, out var error)) return true;
        console.Error.WriteLine($"fex: --alphabet: {error}");
        return false;
    }

    /// <summary>
    /// Brings two automata to one alphabet: when they differ (no <c>--alphabet</c>), the symbols of the
    /// left one followed by the new symbols of the right one; the added symbols lead to rejecting sinks.
    /// </summary>
    /// <param name="left">The first automaton.</param>
    /// <param name="right">The second automaton.</param>
    public static (Dfa Left, Dfa Right) Unify(Dfa left, Dfa right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Alphabet.Equals(right.Alphabet)) return (left, right);
        var names = left.Alphabet.Symbols.Concat(right.Alphabet.Symbols.Where(s => !left.Alphabet.TryGetIndex(s, out _))).ToArray();
        if (names.Length > Core.Alphabets.Alphabet.MaxSymbols)
            throw new CliInputException($"fex: error: the two languages use {names.Length} symbols together; at most {Core.Alphabets.Alphabet.MaxSymbols} are supported\n");
        var union = Core.Alphabets.Alphabet.Create(names);
        return (left.WithAlphabet(union), right.WithAlphabet(union));
    }
}
