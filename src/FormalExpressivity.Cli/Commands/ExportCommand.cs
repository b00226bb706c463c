using System.CommandLine;
using System.Text;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Transformers.Export;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex export MODEL|LANG --arch A -o model.safetensors|model.json</c>: writes the real-weight model
/// (docs/numeric.md, docs/formats.md "Numeric transformer weights") for other implementations — PyTorch
/// loads the safetensors file into the module of docs/numeric.md. Exit 0 on success, 2 for usage
/// errors, 3 for bad input or a language without a model for the architecture.
/// </summary>
public static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = new Argument<string>("MODEL|LANG") { Description = "What to export: as for fex simulate (ltl:FORMULA, FILE.model, a transformer .json, a real-weight export, or a language compiled through the --arch verdict's formula)." };
        var alphabet = CommonOptions.Alphabet();
        var arch = new Option<string>("--arch") { Description = "The architecture whose model is built for a LANG argument: global, global-nonstrict, local:K, hybrid:K.", DefaultValueFactory = _ => "global" };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: FILE.safetensors (F32 tensors, metadata in __metadata__) or FILE.json.", Required = true, HelpName = "FILE" };
        var noFix = new Option<bool>("--no-past-fix") { Description = "Compile without the two-layer P fix." };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, .. BudgetOptions.Classification]);
        var command = new Command("export", "Write a transformer's real weights as safetensors or JSON, for PyTorch and other implementations.")
        {
            target, alphabet, arch, output, noFix,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var path = parse.GetValue(output)!;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not ".safetensors" and not ".json")
            {
                console.Error.WriteLine($"fex export: -o must end in .safetensors or .json, not '{Path.GetFileName(path)}'");
                return ExitCodes.Usage;
            }
            if (!Architecture.TryParse(parse.GetValue(arch)!, out var architecture))
            {
                console.Error.WriteLine($"fex export: --arch: expected global, global-nonstrict, local:K or hybrid:K, not '{parse.GetValue(arch)}'");
                return ExitCodes.Usage;
            }
            var loaded = ModelLoader.Load(parse.GetValue(target)!, parse.GetValue(alphabet), architecture!, budgets.Bind(parse));
            var numeric = loaded.Numeric ?? NumericCompiler.Compile(loaded.Symbolic!, new NumericOptions(!parse.GetValue(noFix))).GetModelOrThrow();
            var bytes = extension == ".json" ? new UTF8Encoding(false).GetBytes(NumericExport.ToJson(numeric)) : NumericExport.ToSafetensors(numeric);
            AtomicFile.Write(path, s => s.Write(bytes));
            console.Out.WriteLine($"wrote {path}: {numeric.Blocks.Count} block(s), {numeric.AttentionBlocks} with attention, d = {numeric.Dimension}, alphabet {{{string.Join(", ", numeric.Alphabet.Symbols)}}}{loaded.Note}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
