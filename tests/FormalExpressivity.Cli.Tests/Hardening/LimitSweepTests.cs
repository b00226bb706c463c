using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// The full sweep of "a limit names a flag of the command that prints it": the commands and their limit
/// flags (every <c>--max-*</c> option, the recursive <c>--max-memory</c> and <c>--max-input-bytes</c>
/// included) are read from the System.CommandLine tree at run time — a flag added to a command is swept
/// without editing this file. Each flag is set to its least value (a byte limit to the least size) on a few
/// small invocations of its command; every <c>--max-…</c> named in what the run prints must be an option
/// of that command, and each flag must actually be provoked (named) by one of the invocations, unless the
/// exemption list below says why it cannot be with a small input.
/// <para>
/// Runs in process (<see cref="FexApp.Run"/>; the limits are ambient per logical call, so runs do not
/// interfere) so that the few hundred runs take seconds; the process-level promises are kept by the
/// fuzz and reproduction suites.
/// </para>
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class LimitSweepTests
{
    private static readonly RootCommand Root = FexApp.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    [GeneratedRegex(@"--max-[a-z-]*[a-z]")]
    private static partial Regex FlagPattern();

    /// <summary>The limit flags of <paramref name="command"/>: its own <c>--max-*</c> options and the root's recursive ones.</summary>
    private static IEnumerable<Option> LimitOptions(Command command) =>
        command.Options.Concat(Root.Options.Where(o => o.Recursive)).Where(o => o.Name.StartsWith("--max-", StringComparison.Ordinal));

    private static bool HasOption(Command command, string flag) =>
        command.Options.Any(o => o.Name == flag || o.Aliases.Contains(flag)) || Root.Options.Any(o => o.Recursive && o.Name == flag);

    /// <summary>The least value of a limit flag: a budget's minimum, 1M for the memory budget, one byte of input.</summary>
    private static string Least(string flag) => flag switch
    {
        "--max-memory" => "1M",
        "--max-input-bytes" => "1",
        _ => Budgets.Find(flag)?.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new AssertionException($"{flag} is neither a budget of Budgets.All nor a run limit"),
    };

    /// <summary>The budgets of the verdict engine that small DFAs never reach: they are decided exactly first, or the least value is a setting (depth 0, prefix 0, size 0 turn a search off).</summary>
    private static readonly string[] DecidedFirst = ["--max-semigroup", "--max-semigroup-mib", "--max-parameter-states", "--max-depth", "--max-lasso-prefix", "--max-formula-size"];

    /// <summary>
    /// Why a (command, flag) pair is not provoked by a small invocation; null when one of <see cref="Invocations"/>
    /// must name the flag at its least value. Exempt pairs are still run once, for the naming check.
    /// </summary>
    private static string? Exemption(string command, string flag) => (command, flag) switch
    {
        ("about", _) => "about reads nothing and builds nothing",
        (_, "--max-memory") when command is "compile" or "minimize" or "equiv" or "include" or "eval" or "merge" =>
            "its small inputs never reach a structure the memory budget watches (BlowUpTests and IssueReproductionTests provoke it with large ones)",
        (_, _) when DecidedFirst.Contains(flag) => "small DFAs are decided exactly before this budget is reached, or its least value is a setting (BudgetFlagTests provokes max-semigroup-mib)",
        ("simulate" or "export", _) when BudgetOptions.Classification.Contains(flag[2..]) && flag != "--max-pair-states" =>
            "the model is built from the one --arch row's verdict (the pair graph); classify provokes the other verdict budgets",
        ("census", _) when BudgetOptions.Classification.Contains(flag[2..]) => "census decides every language of up to two states exactly; classify provokes the verdict budgets",
        ("census", "--max-input-bytes" or "--max-memory") => "census reads no input file, and the languages of one state never reach a structure the memory budget watches",
        ("check", "--max-lasso-loop" or "--max-lasso-tails" or "--max-lasso-candidates") => "as for census: classify provokes the lasso budgets",
        _ => null,
    };

    /// <summary>The small invocations of each command the flags are tried on (paths are relative to the fixture folder).</summary>
    private static readonly Dictionary<string, string[][]> Invocations = new()
    {
        ["about"] = [["about"]],
        ["compile"] = [["compile", "re:(a|b)*a(a|b)"], ["compile", "fo:exists x. exists y. x < y & a(x) & b(y)"], ["compile", "dfa.json"], ["compile", "l.lang"]],
        ["minimize"] = [["minimize", "dfa.json"], ["minimize", "nfa.json"], ["minimize", "dfa.att", "--alphabet", "a,b"], ["minimize", "fo.lang"]],
        ["equiv"] = [["equiv", "re:(a|b)*a(a|b)", "dfa.json"], ["equiv", "fo:exists x. exists y. x < y & a(x) & b(y)", "re:a"]],
        ["include"] = [["include", "re:a", "dfa.json"], ["include", "fo:exists x. exists y. x < y & a(x) & b(y)", "re:a"]],
        ["corpus"] = [["corpus", "re:(a|b)*a(a|b)", "--lengths", "0-40", "--per-length", "3", "-o", "OUT"], ["corpus", "fo:exists x. exists y. x < y & a(x) & b(y)", "--lengths", "1-4", "-o", "OUT"],
            ["corpus", "dfa.json", "--lengths", "1-6", "-o", "OUT"]],
        ["eval"] = [["eval", "re:(a|b)*a(a|b)", "--corpus", "c.jsonl", "--predictions", "p.jsonl"], ["eval", "fo:exists x. exists y. x < y & a(x) & b(y)", "--corpus", "c.jsonl", "--predictions", "p.jsonl"]],
        ["simulate"] = [["simulate", "re:(a|b)*a(a|b)*b", "--arch", "local:1", "--lengths", "1-3"], ["simulate", "fo:exists x. exists y. x < y & a(x) & b(y)", "--lengths", "1-3"],
            ["simulate", "m.model", "--lengths", "0-30", "--per-length", "20"], ["simulate", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--arch", "hybrid:1", "--lengths", "1-3"]],
        ["export"] = [["export", "re:(a|b)*a(a|b)*b", "--arch", "local:1", "-o", "OUT.json"], ["export", "fo:exists x. exists y. x < y & a(x) & b(y)", "-o", "OUT.json"],
            ["export", "m.model", "-o", "OUT.json"], ["export", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--arch", "hybrid:1", "-o", "OUT.json"]],
        ["check"] = [["check", "x.claims"], ["check", "fo.claims"], ["check", "conj.claims"]],
        ["classify"] = [["classify", "re:(a|b)*a(a|b)", "--window-sizes", "1"], ["classify", "fo:exists x. exists y. x < y & a(x) & b(y)", "--classes", "none", "--arch", "global"],
            ["classify", "dfa.json", "--classes", "none", "--arch", "global"], 
            ["classify", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--classes", "none", "--arch", "hybrid:2", "--max-depth", "1", "--max-formula-size", "0"]],
        ["merge"] = [["merge", "part.jsonl"]],
        ["census"] = [["census", "--states", "1", "--alphabet", "a,b"]],
    };

    private static void WriteFixtures(string dir)
    {
        void Write(string name, string text) => File.WriteAllText(Path.Combine(dir, name), text, new UTF8Encoding(false));
        Write("dfa.json", """{"type":"dfa","alphabet":["a","b"],"states":3,"start":0,"accepting":[2],"transitions":[[0,"a",1],[0,"b",0],[1,"a",2],[1,"b",0],[2,"a",2],[2,"b",0]]}""");
        // (a|b)*a(a|b)^4 as an NFA: its subset construction needs 32 states.
        Write("nfa.json", """{"type":"nfa","alphabet":["a","b"],"states":6,"start":[0],"accepting":[5],"transitions":[[0,"a",0],[0,"b",0],[0,"a",1],[1,"a",2],[1,"b",2],[2,"a",3],[2,"b",3],[3,"a",4],[3,"b",4],[4,"a",5],[4,"b",5]]}""");
        Write("dfa.att", "0 1 a\n0 0 b\n1 2 a\n1 0 b\n2 2 a\n2 0 b\n2\n");
        Write("l.lang", "alphabet {a, b}\nlanguage = re\"(a|b)*a(a|b)\"\n");
        Write("fo.lang", "alphabet {a, b}\nlanguage = fo\"exists x. exists y. x < y & a(x) & b(y)\"\n");
        Write("m.model", "transformer\nalphabet a b\nlayer {\n  head f0 = local:2 strict select a value b\n}\noutput f0\n");
        Write("x.claims", "alphabet {a, b}\nlanguage L = re\"(a|b)*a(a|b)*b\"\nclaim L recognizable by local(1)\nclaim L recognizable by global\nmodel X = file\"dfa.json\"\nclaim X recognizable by hybrid(1)\n");
        Write("fo.claims", "alphabet {a, b}\nlanguage L = fo\"exists x. exists y. x < y & a(x) & b(y)\"\nclaim L recognizable by local(1)\n");
        Write("conj.claims", "alphabet {a, b}\nconjecture local(1) ⊆ local(2) up to 2 states\n");
        var corpus = new StringBuilder();
        var predictions = new StringBuilder();
        foreach (var w in new[] { "", "a", "b", "ab", "ba", "aab", "bab", "abab" })
        {
            int label = w.Length >= 2 && w[^2] == 'a' ? 1 : 0;
            corpus.Append($"{{\"string\":\"{w}\",\"length\":{w.Length},\"label\":{label}}}\n");
            predictions.Append($"{{\"string\":\"{w}\",\"predicted\":{1 - label}}}\n");
        }
        Write("c.jsonl", corpus.ToString());
        Write("p.jsonl", predictions.ToString());
    }

    [Test]
    public void Every_limit_flag_of_every_command_names_only_flags_of_that_command()
    {
        var dir = Directory.CreateTempSubdirectory("fex-sweep-").FullName;
        try
        {
            WriteFixtures(dir);
            // A census part file for merge, made by the command itself.
            var part = FexInProcess.Run("census", "--states", "1", "--alphabet", "a", "--shard", "0/1", "-o", Path.Combine(dir, "part.jsonl"));
            Assert.That(part.Code, Is.EqualTo(0), part.Err);
            var commands = Root.Subcommands.Select(c => c.Name).ToList();
            Assert.That(Invocations.Keys, Is.EquivalentTo(commands), "every command of the tree has invocations to sweep");
            var report = new StringBuilder();
            var notProvoked = new List<(string, string)>();
            int runs = 0;
            foreach (var command in Root.Subcommands)
            {
                foreach (var option in LimitOptions(command))
                {
                    string flag = option.Name, least = Least(flag);
                    bool provoked = false;
                    var exemption = Exemption(command.Name, flag);
                    // An exempt pair runs once (the naming check); a required one tries the invocations until one names the flag.
                    foreach (var invocation in exemption is null ? Invocations[command.Name] : Invocations[command.Name].Take(1))
                    {
                        var args = invocation.Select(a => a.StartsWith("OUT", StringComparison.Ordinal) ? Path.Combine(dir, "out-" + runs + a[3..]) : Resolve(dir, a)).ToList();
                        args.AddRange([flag, least]);
                        var (code, output, error) = FexInProcess.Run([.. args]);
                        runs++;
                        string shown = $"fex {string.Join(' ', invocation)} {flag} {least} → exit {code}\n{output}{error}";
                        Assert.That(code, Is.InRange(0, 3), shown);
                        Assert.That(error, Does.Not.Contain("internal error").And.Not.Contain("Unhandled exception"), shown);
                        foreach (Match m in FlagPattern().Matches(output + error))
                            Assert.That(HasOption(command, m.Value), Is.True, $"fex {command.Name} names {m.Value}, which it does not have:\n{shown}");
                        if (FlagPattern().Matches(output + error).Any(m => m.Value == flag))
                        {
                            provoked = true;
                            break;
                        }
                    }
                    report.AppendLine($"{command.Name,-9} {flag,-24} {(provoked ? "provoked" : "not provoked: " + (exemption ?? "NO EXEMPTION"))}");
                    if (!provoked && exemption is null) notProvoked.Add((command.Name, flag));
                }
            }
            TestContext.Out.WriteLine($"{runs} runs\n{report}");
            Assert.That(notProvoked, Is.Empty, "limit flags no invocation provoked at their least value:\n" + report);
            Assert.That(runs, Is.GreaterThan(commands.Count), "the sweep ran");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly Type[] NumberTypes = [typeof(int), typeof(long), typeof(ulong), typeof(double), typeof(int?), typeof(long?), typeof(ulong?), typeof(double?)];

    /// <summary>
    /// Every numeric option of every command (read from the tree): a value that is not a number, or does not fit,
    /// is a usage error (exit 2) that names the flag and the accepted range in plain words — never the .NET type
    /// name System.CommandLine would print ("as expected type 'System.Int64'").
    /// </summary>
    [Test]
    public void Every_numeric_option_reports_a_bad_value_in_plain_words()
    {
        int checkedOptions = 0;
        foreach (var command in Root.Subcommands)
            foreach (var option in command.Options.Where(o => NumberTypes.Contains(o.ValueType)))
                foreach (var bad in new[] { "x", option.ValueType == typeof(double) || option.ValueType == typeof(double?) ? "1e400" : "99999999999999999999999", "1,5" })
                {
                    var (code, _, error) = FexInProcess.Run(command.Name, option.Name, bad);
                    string shown = $"fex {command.Name} {option.Name} {bad} → exit {code}\n{error}";
                    Assert.That(code, Is.EqualTo(2), shown);
                    Assert.That(error, Does.Contain($"{option.Name}: '{bad}' is not a ").And.Contain(" from "), shown);
                    Assert.That(error, Does.Not.Contain("System.").And.Not.Contain("expected type"), shown);
                    checkedOptions++;
                }
        Assert.That(checkedOptions, Is.GreaterThan(3 * 20), "budgets and the other numeric options were found in the tree");
    }

    [TestCase("classify", "--max-formula-work", "x", "--max-formula-work: 'x' is not a whole number from 1 to 9223372036854775807")]
    [TestCase("census", "--states", "99999999999", "--states: '99999999999' is not a whole number from 1 to 6")]
    [TestCase("eval", "--threshold", "abc", "--threshold: 'abc' is not a number from 0 to 1")]
    [TestCase("corpus", "--seed", "-1", "--seed: '-1' is not a whole number from 0 to 18446744073709551615")]
    // Values that are numbers but lie outside the range: the same wording, from the same place (NumberOption).
    [TestCase("classify", "--max-search-work", "0", "--max-search-work: '0' is not a whole number from 1 to 9223372036854775807")]
    [TestCase("classify", "--max-depth", "13", "--max-depth: '13' is not a whole number from 0 to 12")]
    [TestCase("census", "--states", "7", "--states: '7' is not a whole number from 1 to 6")]
    [TestCase("census", "--sample", "0", "--sample: '0' is not a whole number from 1 to 2147483647")]
    [TestCase("eval", "--depth", "9", "--depth: '9' is not a whole number from -1 to 8")]
    [TestCase("eval", "--threshold", "1.5", "--threshold: '1.5' is not a number from 0 to 1")]
    [TestCase("simulate", "--per-length", "0", "--per-length: '0' is not a whole number from 1 to 10000000")]
    [TestCase("corpus", "--max-strings", "0", "--max-strings: '0' is not a whole number from 1 to 9223372036854775807")]
    public void A_numeric_parse_error_names_the_flag_and_the_range(string command, string flag, string value, string expected)
    {
        var (code, _, error) = FexInProcess.Run(command, flag, value);
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain("fex: " + expected).And.Contain($"Try 'fex {command} --help'."), error);
    }

    /// <summary>
    /// Every budget of every command, one below its least and (when it is not the type's largest) one above its largest
    /// value: the usage error of the option's parser in the one wording (<see cref="FormalExpressivity.Core.Text.NumberRange"/>),
    /// and <c>--help</c> shows the same range.
    /// </summary>
    [Test]
    public void Every_budget_range_is_checked_by_its_option_in_one_wording()
    {
        int checkedValues = 0;
        foreach (var command in Root.Subcommands)
        {
            var (_, help, _) = FexInProcess.Run(command.Name, "--help");
            foreach (var option in command.Options)
            {
                if (Budgets.Find(option.Name) is not { } budget) continue;
                var bad = new List<long> { budget.Minimum - 1 };
                if (budget.Maximum < long.MaxValue) bad.Add(budget.Maximum + 1);
                foreach (long value in bad)
                {
                    string text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var (code, _, error) = FexInProcess.Run(command.Name, option.Name, text);
                    Assert.That(code, Is.EqualTo(2), $"fex {command.Name} {option.Name} {text}: {error}");
                    Assert.That(error, Does.Contain("fex: " + budget.RangeProblem(value)), $"fex {command.Name} {option.Name} {text}");
                    Assert.That(error, Does.Not.Contain("must be"), error);
                    checkedValues++;
                }
                string shown = budget.Maximum >= int.MaxValue ? $"(at least {budget.Minimum})" : $"(from {budget.Minimum} to {budget.Maximum})";
                Assert.That(Regex.Replace(help, @"\s+", " "), Does.Contain(shown), $"fex {command.Name} --help shows the range of {option.Name}");
            }
        }
        Assert.That(checkedValues, Is.GreaterThan(50));
    }

    /// <summary>The window-size list has the same wording and reads its range from <see cref="FormalExpressivity.Classes.Report.ClassifierOptions.MaxWindowSize"/>.</summary>
    [TestCase("classify", "17")]
    [TestCase("census", "0")]
    public void A_window_size_out_of_range_has_the_same_wording(string command, string size)
    {
        int max = FormalExpressivity.Classes.Report.ClassifierOptions.MaxWindowSize;
        string[] args = command == "census" ? ["census", "--states", "1", "--alphabet", "a"] : [command, "re:a"];
        var (code, _, error) = FexInProcess.Run([.. args, "--window-sizes", "1," + size]);
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain($"--window-sizes: '{size}' is not a whole number from 1 to {max}"), error);
        var ok = FexInProcess.Run("classify", "re:a", "--window-sizes", max.ToString(System.Globalization.CultureInfo.InvariantCulture), "--classes", "none");
        Assert.That(ok.Code, Is.EqualTo(0), ok.Err);
    }

    /// <summary>The CLI's sources check no numeric range by hand: a range is declared with its option (one place, one wording).</summary>
    [Test]
    public void No_command_checks_a_numeric_range_by_hand()
    {
        var cli = Path.Combine(FormalExpressivity.Testing.RepositoryRoot.Path, "src", "FormalExpressivity.Cli");
        var offenders = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"--[a-z-]+ must be (between|at least|at most|in|≥|positive)"))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    private static string Resolve(string dir, string arg) =>
        !arg.Contains(':') && !arg.StartsWith('-') && File.Exists(Path.Combine(dir, arg)) ? Path.Combine(dir, arg) : arg;
}
