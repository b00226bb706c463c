using System.CommandLine;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Options shared by the automaton commands.</summary>
public static class CommonOptions
{
    /// <summary>
    /// A new <c>--alphabet a,b,c</c> option, the one alphabet option of every command: symbols separated by
    /// commas (spaces and braces are also accepted), in the declared order. A malformed value is a parse error
    /// (exit 2, usage). Symbols a language does not use lead to a rejecting sink.
    /// </summary>
    public static Option<Alphabet?> Alphabet()
    {
        var option = new Option<Alphabet?>("--alphabet")
        {
            Description = "Declare the alphabet: symbols in order, comma-separated (e.g. --alphabet a,b,c); symbols the language does not use lead to a rejecting sink. Default: the symbols the language declares or uses.",
            HelpName = "a,b,c",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                if (Core.Alphabets.Alphabet.TryParse(text, out var alphabet, out var error)) return alphabet;
                result.AddError($"--alphabet: {error} (expected symbols separated by commas, e.g. --alphabet a,b,c)");
                return null;
            },
        };
        return option;
    }

    /// <summary>
    /// A new <c>--at start|end</c> option: where an <c>ltl:</c> formula is read to decide acceptance (theory.md §1) —
    /// <c>end</c> (the default) at the end position N+1, the reading of past formulas; <c>start</c> at position 0,
    /// before the word, the reading of future formulas. Read it with <see cref="EvaluationPoint"/>.
    /// </summary>
    public static Option<string> At()
    {
        var option = new Option<string>("--at")
        {
            Description = "Where an ltl: formula is evaluated: end = the end position N+1 (past formulas such as P a, Y b), start = position 0 before the word (future formulas such as F a, G(a -> F b)); a warning says when the formula cannot depend on the word there.",
            DefaultValueFactory = _ => "end",
        };
        option.AcceptOnlyFromAmong("start", "end");
        return option;
    }

    /// <summary>The evaluation point named by an <see cref="At"/> value.</summary>
    /// <param name="value"><c>start</c> or <c>end</c>.</param>
    public static Syntax.Temporal.LtlEvaluationPoint EvaluationPoint(string? value) =>
        value == "start" ? Syntax.Temporal.LtlEvaluationPoint.Zero : Syntax.Temporal.LtlEvaluationPoint.EndMarker;

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
