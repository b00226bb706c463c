using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Export;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>A model as <c>fex simulate</c> and <c>fex export</c> take it.</summary>
/// <param name="Symbolic">The symbolic (Boolean) model, when there is one.</param>
/// <param name="Numeric">The real-weight model, when the input was an export (otherwise compiled on demand).</param>
/// <param name="Formula">The LTL formula the model was compiled from, if any.</param>
/// <param name="Language">The language the model was built for (LANG inputs), if any.</param>
/// <param name="Note">How the model was obtained, for the report (e.g. " (compiled: depth 2 → 3 layer(s))").</param>
public sealed record LoadedModel(TransformerModel? Symbolic, NumericTransformer? Numeric, LtlFormula? Formula, Dfa? Language, string Note)
{
    /// <summary>The model's alphabet.</summary>
    public Alphabet Alphabet => Symbolic?.Alphabet ?? Numeric!.Alphabet;
}

/// <summary>
/// Reads <c>MODEL|LANG</c> arguments:
/// <list type="bullet">
/// <item><c>ltl:FORMULA</c> — compiled to a transformer (LC25 Thm 3.3);</item>
/// <item><c>FILE.model</c> (text) or a transformer <c>FILE.json</c> — a symbolic model;</item>
/// <item><c>FILE.weights.json</c> / <c>FILE.safetensors</c> — a real-weight export (<see cref="NumericImport"/>);</item>
/// <item>any other language (<c>re:</c>, <c>fo:</c>, <c>.lang</c>, DFA <c>.json</c>, <c>.att</c>) — the architecture's
/// verdict (the decider chain (<c>VerdictEngine</c>)) must be yes with a formula; that formula is compiled.</item>
/// </list>
/// </summary>
public static class ModelLoader
{
    /// <summary>Loads a model.</summary>
    /// <param name="target">The argument.</param>
    /// <param name="alphabet">The <c>--alphabet</c> value, or null.</param>
    /// <param name="architecture">The architecture for LANG inputs.</param>
    /// <param name="budgets">Budgets for compiling languages.</param>
    /// <exception cref="CliInputException">The input is malformed, or the language has no model for the architecture.</exception>
    public static LoadedModel Load(string target, Alphabet? alphabet, Architecture architecture, Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(architecture);
        if (target.StartsWith("ltl:", StringComparison.Ordinal) && !File.Exists(target))
            return FromFormula(ReadFormula(target[4..], alphabet, "model"), alphabet, null);
        var extension = Path.GetExtension(target).ToLowerInvariant();
        if (extension is ".model" or ".safetensors" or ".json" && File.Exists(target))
        {
            if (extension == ".safetensors")
            {
                using var stream = InputFile.OpenRead(target);
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return Numeric(NumericImport.FromSafetensors(buffer.ToArray()), target);
            }
            var text = InputFile.ReadAllText(target);
            if (extension == ".model") return Symbolic(TransformerText.Parse(text), text, target);
            if (NumericImport.IsNumericJson(text)) return Numeric(NumericImport.FromJson(text), target);
            if (!LooksLikeAutomaton(text)) return Symbolic(TransformerJson.Parse(text), text, target);
        }
        var dfa = LanguageLoader.Load(target, alphabet, budgets);
        var verdict = new Classes.Verdicts.VerdictEngine(Classes.Verdicts.VerdictOptions.From(budgets)).Decide(dfa, architecture);
        if (verdict.Answer != Classes.Verdicts.Answer.Yes || verdict.Formula is not { Formula: var formula })
            throw new CliInputException($"fex: {target} has no {architecture.Key} model to build: verdict {Classes.Report.VerdictText.Word(verdict.Answer)} ({Classes.Report.VerdictText.Reason(verdict, architecture, dfa.Alphabet)}); try another --arch\n");
        var loaded = FromFormula(formula, dfa.Alphabet, dfa);
        return loaded with { Note = $" ({architecture.Key}: {formula}{loaded.Note.TrimStart(' ', '(')}" };
    }

    /// <summary>Parses an LTL formula given after <c>ltl:</c>; errors are rendered with carets.</summary>
    /// <param name="text">The formula.</param>
    /// <param name="alphabet">Σ, or null.</param>
    /// <param name="what">The argument's name in messages.</param>
    public static LtlFormula ReadFormula(string text, Alphabet? alphabet, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = LtlParser.Parse(text, alphabet);
        if (!parsed.Success) throw new CliInputException(DiagnosticFormatter.RenderAll(parsed.Diagnostics, text, what));
        return parsed.Value;
    }

    private static bool LooksLikeAutomaton(string text)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t)
                && t.ValueKind == System.Text.Json.JsonValueKind.String && t.GetString() is "dfa" or "nfa";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static LoadedModel FromFormula(LtlFormula formula, Alphabet? alphabet, Dfa? language)
    {
        var sigma = alphabet ?? (formula.Atoms().Count > 0
            ? Alphabet.Create(formula.Atoms().Order(StringComparer.Ordinal))
            : throw new CliInputException("fex: the formula has no atoms; declare the alphabet with --alphabet\n"));
        var compiled = LtlToTransformer.Compile(formula, sigma);
        if (!compiled.Success) throw new InputException(compiled.Diagnostics);
        string note = $" (compiled: depth {formula.Depth} → {compiled.Layers} layer(s))";
        foreach (var d in compiled.Diagnostics) note += $"\n  note: {d.Message}";
        return new LoadedModel(compiled.Model!, null, formula, language, note);
    }

    private static LoadedModel Symbolic(ParseResult<TransformerModel> parsed, string text, string path) =>
        parsed.Success ? new LoadedModel(parsed.Value, null, null, null, "")
            : throw new CliInputException(DiagnosticFormatter.RenderAll(parsed.Diagnostics, text, Path.GetFileName(path)));

    private static LoadedModel Numeric(NumericTransformer model, string path) => new(null, model, null, null, " (real-weight export)");
}
