using System.Globalization;
using System.Text;
using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Seeded fuzzing of every grammar and file format through the real executable. Each case mutates a valid
/// input of one format (inserting hostile pieces — characters outside the BMP, control and format
/// characters, huge and negative numbers, deep nesting, quotes, line breaks —, deleting, repeating,
/// truncating, flipping bytes) and runs the command that reads it. Every run must keep the promises of
/// <see cref="FexRun.AssertHardened"/> (exit 0–3, no stack trace, time bound per format, peak memory under
/// <c>--max-memory</c>) and change no file in its folder.
/// <para>
/// CI runs <see cref="DefaultCases"/> cases per format (a few minutes in all). The nightly run is the same
/// test with more cases and another seed: <c>FEX_FUZZ_CASES=200 FEX_FUZZ_SEED=20261130 dotnet test
/// tests/FormalExpressivity.Cli.Tests --filter FullyQualifiedName~Hardening.FuzzTests</c>; a failure names
/// the format, seed and case, which reproduce it exactly.
/// </para>
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FuzzTests
{
    /// <summary>Cases per format when <c>FEX_FUZZ_CASES</c> is not set.</summary>
    public const int DefaultCases = 5;

    /// <summary>The seed when <c>FEX_FUZZ_SEED</c> is not set.</summary>
    public const ulong DefaultSeed = 2026;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FEX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : DefaultCases;

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("FEX_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : DefaultSeed;

    /// <summary>One format: valid samples, whether it travels on the command line, the file name, the command and the time bound.</summary>
    private sealed record Format(string Name, string[] Samples, bool InArgument, string FileName, Func<string, string[]> Command, int Seconds, bool Binary = false);

    private static readonly string[] Hostile =
    [
        "😀", "𝔸", "\u0007", "\u200B", "\uFEFF", "\uFFFF", "İ", "ı", "ß", "…", "\t", "\n", "\r\n", "\"", "'", "\\", "#", "//",
        "2147483647", "2147483648", "-1", "-2147483648", "99999999999999999999999", "0", "1e400", "NaN",
        "{", "}", "[", "]", "(", ")", ",", ":", "=", "|", "&", "~", "*", "+", "?", "{2147483647}", "{0,99999}",
        "Y[<=2147483647]", "local:2147483647", "null", "true", "[]", "{}", "PAR1",
    ];

    private static readonly string ModelText = """
        transformer
        alphabet a b
        layer {
          head f0 = global strict select true value a
          head f1 = local:2 strict select a value b
          gate f2 = and f0 f1
        }
        output f2
        """;

    private static readonly string ModelJson = """
        {"format":"fex-transformer/1","alphabet":["a","b"],"prelude":[{"output":"g","op":"not","inputs":["a"]}],
         "layers":[{"heads":[{"output":"f0","kind":"local","window":3,"masking":"strict","select":"a","value":"g","threshold":2}],"gates":[]}],
         "output":"f0"}
        """;

    private static readonly string AutomatonJson = """
        {"type":"dfa","alphabet":["a","b"],"states":3,"start":0,"accepting":[1,2],
         "transitions":[[0,"a",1],[0,"b",0],[1,"a",2],[1,"b",0],[2,"a",2],[2,"b",0]]}
        """;

    private static readonly Format[] Formats =
    [
        new("regex", ["(a|b)*a", "a{2,3}b?", "[ab]+&~(a*)", "(ab)*|b.a", "\"x y\"(a|ε)*∅"], true, "", t => ["compile", "re:" + t], 30),
        new("ltl", ["P(a & Y b)", "a S b", "Y[<=2] a", "H(a -> Y b)", "F a & G b", "◆(b ∧ ¬◆⊤)"], true, "", t => ["compile", "ltl:" + t], 30),
        new("fo", ["exists x. a(x)", "forall x. forall y. x < y -> a(x)", "exists x. (a(x) & ~exists y. y > x)"], true, "", t => ["compile", "fo:" + t], 30),
        new("lang", ["alphabet {a, b}\nlanguage = re\"(a|b)*a\"\n", "# c\nalphabet {a, b}\nlanguage = ltl\"◆(b ∧ ¬◆⊤)\"\n", "alphabet {a, b}\nlanguage = fo\"exists x. a(x)\"\n"],
            false, "x.lang", f => ["compile", f], 30),
        new("claims", ["alphabet {a, b}\nlanguage L = re\"(a|b)*a\"\nclaim L recognizable by local(1)\n",
                "alphabet {a, b}\nlanguage L = ltl\"P a\"\nlanguage M = re\"(a|b)*a(a|b)*\"\nclaim L not recognizable by local(2)\nconjecture local(1) ⊆ local(2) over {a, b} up to 2 states\n"],
            false, "x.claims", f => ["check", f, "--max-depth", "1", "--max-languages", "2000"], 60),
        new("model-text", [ModelText], false, "x.model", f => ["simulate", f, "--lengths", "0-5", "--per-length", "3"], 30),
        new("model-json", [ModelJson], false, "x.json", f => ["simulate", f, "--lengths", "0-5", "--per-length", "3"], 30),
        new("automaton-json", [AutomatonJson], false, "x.json", f => ["compile", f, "--format", "att"], 30),
        new("att", ["0 1 a\n0 0 b\n1 1 a\n1 0 b\n1\n"], false, "x.att", f => ["compile", f, "--alphabet", "a,b"], 30),
        new("corpus-jsonl", ["{\"string\":\"ab\",\"length\":2,\"label\":1}\n{\"string\":\"\",\"length\":0,\"label\":0}\n"], false, "x.jsonl",
            f => ["simulate", "ltl:Y a", "--alphabet", "a,b", "--corpus", f], 30),
        new("corpus-csv", ["string,length,label\nab,2,1\n,0,0\nb a,2,0\n"], false, "x.csv", f => ["eval", "re:(a|b)*a", "--corpus", f, "--predictions", f], 30),
        new("parquet", [], false, "x.parquet", f => ["simulate", "ltl:Y a", "--alphabet", "a,b", "--corpus", f], 30, Binary: true),
    ];

    private static IEnumerable<TestCaseData> AllCases()
    {
        for (int f = 0; f < Formats.Length; f++)
            for (int i = 0; i < Cases; i++)
                yield return new TestCaseData(Formats[f].Name, i).SetName($"Fuzz_{Formats[f].Name}_{i}");
    }

    [TestCaseSource(nameof(AllCases))]
    public void A_mutated_input_keeps_the_promises(string formatName, int index)
    {
        int f = Array.FindIndex(Formats, x => x.Name == formatName);
        var format = Formats[f];
        var random = new SplitMix64(SplitMix64.Derive(Seed, (ulong)f, (ulong)index));
        using var box = new Sandbox();
        string[] args;
        if (format.Binary)
        {
            var bytes = MutateBytes(ValidParquet(), random);
            box.Write(format.FileName, bytes);
            args = format.Command(format.FileName);
        }
        else
        {
            var sample = format.Samples[random.NextInt(format.Samples.Length)];
            var text = Mutate(sample, random);
            if (format.InArgument)
            {
                text = text.Replace("\0", "", StringComparison.Ordinal);
                args = format.Command(text);
            }
            else
            {
                box.Write(format.FileName, Encoding.UTF8.GetBytes(text));
                args = format.Command(format.FileName);
            }
        }
        box.Mark();
        var bound = TimeSpan.FromSeconds(format.Seconds);
        var o = FexRun.Run(box.Directory, bound + TimeSpan.FromSeconds(30), [.. args, "--max-memory", FexRun.Budget]);
        TestContext.Out.WriteLine($"seed {Seed}, format {formatName}, case {index}: {o}");
        FexRun.AssertHardened(o, bound);
        box.AssertUnchangedExcept(o);
    }

    private static IEnumerable<TestCaseData> FileFormats() =>
        Formats.Where(f => !f.InArgument).Select(f => new TestCaseData(f.Name).SetName($"DevZeroLink_{f.Name}"));

    /// <summary>
    /// Every file format's input as a symbolic link to /dev/zero (an endless device): refused before a byte is read,
    /// exit 3 naming the device, quickly, under the memory budget, changing nothing.
    /// </summary>
    [TestCaseSource(nameof(FileFormats))]
    public void A_dev_zero_link_as_the_input_is_refused(string formatName)
    {
        if (!File.Exists("/dev/zero")) Assert.Ignore("no /dev/zero");
        var format = Formats.Single(f => f.Name == formatName);
        using var box = new Sandbox();
        File.CreateSymbolicLink(box.PathOf(format.FileName), "/dev/zero");
        box.Mark();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), [.. format.Command(format.FileName), "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(15));
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("is a device (through a symbolic link)"), o.ToString());
        box.AssertUnchangedExcept(o);
    }

    /// <summary>A small run of every command that writes <c>-o</c> (the command list is checked against the command tree).</summary>
    private static readonly Dictionary<string, Func<string, string[]>> Writers = new()
    {
        ["compile"] = o => ["compile", "re:(a|b)*a", "--format", "json", "-o", o],
        ["minimize"] = o => ["minimize", "in.json", "--format", "json", "-o", o],
        ["corpus"] = o => ["corpus", "re:(a|b)*a", "--lengths", "1-3", "--per-length", "2", "-o", o],
        ["export"] = o => ["export", "ltl:Y a", "--alphabet", "a,b", "-o", o],
        ["check"] = o => ["check", "in.claims", "-o", o],
        ["merge"] = o => ["merge", "part.jsonl", "-o", o],
        ["census"] = o => ["census", "--states", "1", "--alphabet", "a", "-o", o],
    };

    private static IEnumerable<TestCaseData> OutputTargets()
    {
        foreach (var command in Writers.Keys)
            foreach (var target in new[] { "device", "symlink", "directory" })
                yield return new TestCaseData(command, target).SetName($"OutputTarget_{command}_{target}");
    }

    [Test]
    public void Every_command_with_an_output_is_in_the_output_target_sweep()
    {
        var root = FormalExpressivity.Cli.FexApp.CreateRoot(new FormalExpressivity.Cli.Infrastructure.CliConsole(TextWriter.Null, TextWriter.Null));
        var writers = root.Subcommands.Where(c => c.Options.Any(o => o.Name == "--output")).Select(c => c.Name);
        Assert.That(Writers.Keys, Is.EquivalentTo(writers));
    }

    /// <summary>
    /// <c>-o</c> at a device node, a symbolic link (to a file) or a folder, for every command that writes one: refused
    /// with exit 3 and a clear message, the target left exactly as it was (the device still a device, the link still
    /// a link, its target unchanged), no temporary file left.
    /// </summary>
    [TestCaseSource(nameof(OutputTargets))]
    public void An_output_that_is_not_a_regular_file_is_never_replaced(string command, string target)
    {
        using var box = new Sandbox();
        box.Write("in.json", AutomatonJson);
        box.Write("in.claims", "alphabet {a, b}\nlanguage L = re\"(a|b)*a\"\nclaim L recognizable by local(1)\n");
        box.Write("keep.txt", "keep me");
        if (command == "merge")
        {
            var part = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), ["census", "--states", "1", "--alphabet", "a", "--shard", "0/1", "-o", "part.jsonl"]);
            Assert.That(part.Code, Is.EqualTo(0), part.ToString());
        }
        string output = target switch
        {
            "device" => "/dev/null",
            "symlink" => "link.json",
            _ => "folder.json",
        };
        if (target == "device" && command == "export") Assert.Ignore("export writes only FILE.json or FILE.safetensors, a name no device has (exit 2 before any file is touched)");
        if (target == "symlink") File.CreateSymbolicLink(box.PathOf("link.json"), "keep.txt");
        if (target == "directory")
        {
            Directory.CreateDirectory(box.PathOf("folder.json"));
            if (command == "corpus") Assert.Ignore("a corpus output is a folder: an existing one is the target, not a wrong kind");
        }
        box.Mark();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(90), [.. Writers[command](output), "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, TimeSpan.FromSeconds(60));
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain(target switch { "device" => "device", "symlink" => "symbolic link", _ => "folder" }), o.ToString());
        box.AssertUnchangedExcept(o);
        Assert.That(File.ReadAllText(box.PathOf("keep.txt")), Is.EqualTo("keep me"));
        if (target == "device") Assert.That(FormalExpressivity.Core.IO.FileKind.Of("/dev/null"), Is.EqualTo(FormalExpressivity.Core.IO.FileKind.Kind.Special), "/dev/null is still a device");
    }

    /// <summary>One to four edits of <paramref name="text"/>: insert a hostile piece, delete, repeat a slice, or truncate.</summary>
    private static string Mutate(string text, IRandomSource random)
    {
        var sb = new StringBuilder(text);
        int edits = 1 + random.NextInt(4);
        for (int e = 0; e < edits; e++)
        {
            int at = sb.Length == 0 ? 0 : random.NextInt(sb.Length + 1);
            switch (random.NextInt(6))
            {
                case 0 or 1:
                    sb.Insert(at, Hostile[random.NextInt(Hostile.Length)]);
                    break;
                case 2 when sb.Length > 0:
                    sb.Remove(Math.Min(at, sb.Length - 1), Math.Min(1 + random.NextInt(8), sb.Length - Math.Min(at, sb.Length - 1)));
                    break;
                case 3 when sb.Length > 0:
                {
                    int from = Math.Min(at, sb.Length - 1), length = Math.Min(1 + random.NextInt(6), sb.Length - from);
                    var slice = sb.ToString(from, length);
                    int times = 1 + random.NextInt(random.NextInt(2) == 0 ? 10 : 3000);
                    sb.Insert(from, string.Concat(Enumerable.Repeat(slice, times)));
                    break;
                }
                case 4:
                    sb.Length = Math.Min(sb.Length, at);
                    break;
                default:
                    sb.Insert(at, new string(random.NextInt(2) == 0 ? '(' : 'Y', 1 + random.NextInt(3000)));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Flips, zeroes or saturates a few bytes of a valid file, or truncates it.</summary>
    private static byte[] MutateBytes(byte[] bytes, IRandomSource random)
    {
        var copy = (byte[])bytes.Clone();
        int edits = 1 + random.NextInt(6);
        for (int e = 0; e < edits; e++)
        {
            int at = random.NextInt(copy.Length);
            copy[at] = random.NextInt(3) switch { 0 => (byte)random.NextInt(256), 1 => 0, _ => 0xff };
        }
        if (random.NextInt(4) == 0) Array.Resize(ref copy, random.NextInt(copy.Length));
        return copy;
    }

    private static byte[]? s_parquet;

    /// <summary>A small valid Parquet corpus written by <c>fex corpus</c> itself (once per run).</summary>
    private static byte[] ValidParquet()
    {
        if (s_parquet is not null) return s_parquet;
        using var box = new Sandbox();
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(120), ["corpus", "re:(a|b)*a", "--lengths", "1-4", "--per-length", "3", "-o", "c", "--format", "parquet"]);
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        return s_parquet = File.ReadAllBytes(Directory.EnumerateFiles(box.PathOf("c"), "*.parquet", SearchOption.AllDirectories).Single());
    }
}
