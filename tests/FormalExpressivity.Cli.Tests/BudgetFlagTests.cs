using System.CommandLine;
using System.Text.RegularExpressions;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// The budget flags: one list (<see cref="Budgets.All"/>), taken by name by every command that builds
/// automata; every limit message names a flag that exists on the command that prints it.
/// </summary>
public sealed partial class BudgetFlagTests
{
    private static readonly RootCommand Root = FexApp.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    private static Command Command(string name) => Root.Subcommands.Single(c => c.Name == name);

    private static bool HasOption(Command command, string flag) =>
        command.Options.Any(o => o.Name == flag || o.Aliases.Contains(flag)) || Root.Options.Any(o => o.Recursive && o.Name == flag);

    [GeneratedRegex(@"--max-[a-z-]+[a-z]")]
    private static partial Regex FlagPattern();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return dir.FullName;
    }

    [Test]
    public void Every_budget_thrown_in_the_sources_is_a_named_budget()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            foreach (Match m in Regex.Matches(File.ReadAllText(file), "BudgetExceededException\\(\"([^\"]+)\""))
                names.Add(m.Groups[1].Value);
        }
        Assert.That(names, Is.Not.Empty);
        foreach (var name in names) Assert.That(Budgets.Find(name), Is.Not.Null, $"budget '{name}' is thrown but not in Budgets.All");
        Assert.That(Budgets.All.Select(b => b.Name), Is.Unique);
    }

    [TestCase("compile")]
    [TestCase("minimize")]
    [TestCase("equiv")]
    [TestCase("include")]
    [TestCase("corpus")]
    [TestCase("eval")]
    [TestCase("classify")]
    [TestCase("check")]
    public void Every_command_that_loads_languages_takes_the_construction_budgets(string name)
    {
        foreach (var budget in BudgetOptions.Construction) Assert.That(HasOption(Command(name), "--" + budget), Is.True, $"fex {name} lacks --{budget}");
    }

    [TestCase("classify")]
    [TestCase("check")]
    [TestCase("census")]
    [TestCase("simulate")]
    [TestCase("export")]
    public void Classifying_commands_take_the_classification_budgets(string name)
    {
        foreach (var budget in BudgetOptions.Classification) Assert.That(HasOption(Command(name), "--" + budget), Is.True, $"fex {name} lacks --{budget}");
    }

    [Test]
    public void Budget_options_show_the_documented_defaults()
    {
        var option = (Option<long>)Command("compile").Options.Single(o => o.Name == "--max-states");
        Assert.That(Root.Parse(["compile", "re:a"]).GetValue(option), Is.EqualTo(Budgets.MachineMaxStates));
    }

    /// <summary>Runs the real executable with a tiny budget; the error and every note name flags of that command.</summary>
    [TestCase("max-states", "compile", "re:(a|b)*a(a|b){6}", "--max-states", "20")]
    [TestCase("max-states", "compile", "ltl:Y Y Y Y a", "--alphabet", "a,b", "--max-states", "4")]
    [TestCase("max-variables", "compile", "fo:exists x. exists y. x < y & a(x) & b(y)", "--max-variables", "1")]
    [TestCase("max-variables", "minimize", "fo:exists x. exists y. x < y & a(x) & b(y)", "--max-variables", "1")]
    [TestCase("max-states", "equiv", "re:(a|b)*a(a|b){6}", "re:a", "--max-states", "20")]
    [TestCase("max-states", "include", "re:a", "ltl:Y Y Y Y a", "--alphabet", "a,b", "--max-states", "4")]
    [TestCase("max-states", "corpus", "re:(a|b)*a(a|b){6}", "-o", "never-written", "--max-states", "20")]
    [TestCase("max-strings", "corpus", "re:(a|b)*", "-o", "never-written", "--max-strings", "3")]
    [TestCase("max-states", "eval", "re:(a|b)*a(a|b){6}", "--corpus", "none.jsonl", "--predictions", "none.jsonl", "--max-states", "20")]
    [TestCase("max-states", "simulate", "ltl:Y Y Y Y a", "--alphabet", "a,b", "--lengths", "1-2", "--max-states", "4")]
    [TestCase("max-states", "classify", "re:(a|b)*a(a|b){6}", "--max-states", "20")]
    [TestCase("max-pair-states", "classify", "re:(a|b)*a(a|b){3}", "--max-pair-states", "3")]
    public void A_limit_error_names_a_flag_of_the_command_that_prints_it(string budget, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("fex-budget-");
        try
        {
            var (code, output, error) = FexProcess.RunIn(dir.FullName, args);
            Assert.That(code, Is.EqualTo(3), error);
            Assert.That(error, Does.Contain($"the budget {budget} = ").And.Contain($"--{budget} "), error);
            Assert.That(error, Does.Not.Contain("Unhandled exception"));
            var command = Command(args[0]);
            foreach (Match m in FlagPattern().Matches(output + error))
                Assert.That(HasOption(command, m.Value), Is.True, $"fex {args[0]} prints {m.Value}, which it does not have:\n{error}");
            Assert.That(dir.GetFiles(), Is.Empty, "nothing is written when a budget stops the run");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Two blocks a^m (b resets the run): locally R-trivial but not locally testable (both decided on the DFA), so
    /// its LTT row needs the semigroup (2m + 1 states).
    /// </summary>
    private static string TwoFactorPowers(int m)
    {
        var sb = new System.Text.StringBuilder($$"""{"type":"dfa","alphabet":["a","b"],"states":{{2 * m + 1}},"start":0,"accepting":[{{2 * m}}],"transitions":[""");
        for (int phase = 0; phase < 2; phase++)
            for (int r = 0; r < m; r++)
            {
                int q = phase * m + r, a = r + 1 < m ? q + 1 : (phase + 1) * m;
                sb.Append(q == 0 ? "" : ",").Append($"[{q},\"a\",{a}],[{q},\"b\",{phase * m}]");
            }
        return sb.Append($",[{2 * m},\"a\",{2 * m}],[{2 * m},\"b\",{2 * m}]]}}").ToString();
    }

    /// <summary>Issue 16: the semigroup's memory cap is its own budget (raising --max-semigroup could not lift it); the stopped row names it, the other rows are answered.</summary>
    [Test]
    public void The_semigroup_memory_cap_names_max_semigroup_mib_and_raising_it_answers_the_row()
    {
        var dir = Directory.CreateTempSubdirectory("fex-budget-");
        try
        {
            var path = Path.Combine(dir.FullName, "factor.json");
            File.WriteAllText(path, TwoFactorPowers(50)); // 452 bytes per element: 1 MiB holds 2 319 elements, fewer than S has
            // LTT is decided on the pair graph (Trahtman's conditions); with max-pair-states = 1 that test is over its budget and
            // the semigroup decides, so the semigroup's own memory cap is what stops the row.
            var (code, output, error) = FexProcess.Run("classify", path, "--classes", "LTT,R", "--arch", "none", "--max-semigroup-mib", "1", "--max-pair-states", "1");
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("LTT        unknown").And.Contain("max-semigroup-mib = 1").And.Contain("raise --max-semigroup-mib"), output);
            Assert.That(output, Does.Contain("R          no"), "the other row is still answered (partial order)");
            foreach (Match m in FlagPattern().Matches(output)) Assert.That(HasOption(Command("classify"), m.Value), Is.True, m.Value);
            var raised = FexProcess.Run("classify", path, "--classes", "LTT", "--arch", "none", "--max-semigroup-mib", "64", "--max-pair-states", "1");
            Assert.That(raised.Code, Is.EqualTo(0), raised.Err);
            Assert.That(raised.Out, Does.Contain("LTT        yes"), "64 MiB holds the whole semigroup");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>export and simulate build their model from a verdict, so the verdict's budgets are theirs too.</summary>
    [TestCase("export", "-o", "never-written.json")]
    [TestCase("simulate", "--lengths", "1-3")]
    public void A_model_built_from_a_verdict_names_a_budget_of_its_command(string name, string option, string value)
    {
        var dir = Directory.CreateTempSubdirectory("fex-budget-");
        try
        {
            var (code, output, error) = FexProcess.RunIn(dir.FullName, name, "re:(a|b)*a(a|b)*b", "--arch", "local:1", "--max-pair-states", "1", option, value);
            Assert.That(code, Is.EqualTo(3), error);
            Assert.That(error, Does.Contain("the budget max-pair-states = 1").And.Contain("raise --max-pair-states"));
            foreach (Match m in FlagPattern().Matches(output + error))
                Assert.That(HasOption(Command(name), m.Value), Is.True, $"fex {name} prints {m.Value}, which it does not have:\n{error}");
            Assert.That(dir.GetFiles(), Is.Empty, "nothing is written when a budget stops the run");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Classify_notes_with_budgets_name_flags_of_classify()
    {
        var (code, output, error) = FexProcess.Run("classify", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--max-types", "30", "--window-sizes", "2");
        Assert.That(code, Is.EqualTo(0), error);
        var flags = FlagPattern().Matches(output).Select(m => m.Value).Distinct().ToList();
        Assert.That(flags, Does.Contain("--max-types"), output);
        foreach (var flag in flags) Assert.That(HasOption(Command("classify"), flag), Is.True, flag);
    }

    [Test]
    public void The_lasso_budgets_are_flags_and_an_exhausted_one_is_named_in_the_reason()
    {
        // Σ*abΣ* over {a, b, c} is outside hybrid(4) by the lasso (aaac)ⁿ·ab / (aaac)ⁿ·b (|v| = 4); a loop bound of 3 leaves it unknown.
        var args = new[] { "classify", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--window-sizes", "4", "--classes", "none", "--max-depth", "2" };
        var found = FexProcess.Run(args);
        Assert.That(found.Code, Is.EqualTo(0), found.Err);
        Assert.That(found.Out, Does.Match(@"hybrid:4\s+no\s"), found.Out);
        var bounded = FexProcess.Run([.. args, "--max-lasso-loop", "3"]);
        Assert.That(bounded.Code, Is.EqualTo(0), bounded.Err);
        Assert.That(bounded.Out, Does.Match(@"hybrid:4\s+unknown\s"), bounded.Out);
        Assert.That(bounded.Out, Does.Contain("--max-lasso-loop"), bounded.Out);
        var candidates = FexProcess.Run([.. args, "--max-lasso-candidates", "1"]);
        Assert.That(candidates.Out, Does.Contain("raise --max-lasso-candidates"), candidates.Out);
        foreach (Match m in FlagPattern().Matches(bounded.Out + candidates.Out))
            Assert.That(HasOption(Command("classify"), m.Value), Is.True, m.Value);
    }

    [TestCase("compile", "re:a", "--max-states", "0")]
    [TestCase("compile", "re:a", "--max-states", "x")]
    [TestCase("classify", "re:a", "--max-depth", "13")]
    [TestCase("check", "none.claims", "--max-types", "0")]
    [TestCase("corpus", "re:a", "-o", "x.jsonl", "--max-strings", "-1")]
    public void An_out_of_range_budget_is_a_usage_error(params string[] args)
    {
        var (code, _, error) = FexProcess.Run(args);
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain(args[^2]).And.Contain("--help"));
    }

    [Test]
    public void The_issue_examples_compile_with_a_raised_budget()
    {
        string chain = "ltl:" + string.Concat(Enumerable.Repeat("Y ", 18)) + "a";
        var refused = FexProcess.Run("compile", chain, "--alphabet", "a,b", "--max-states", "200000", "--json");
        Assert.That(refused.Code, Is.EqualTo(3));
        Assert.That(refused.Err, Does.Contain("--max-states"));
        var y = FexProcess.Run("compile", chain, "--alphabet", "a,b", "--max-states", "2000000", "--format", "att");
        Assert.That(y.Code, Is.EqualTo(0), y.Err);
        var regex = FexProcess.Run("compile", "re:(a|b)*a(a|b){18}", "--max-states", "2000000", "--format", "att");
        Assert.That(regex.Code, Is.EqualTo(0), regex.Err);
        // The minimal DFA of Σ*aΣ^18 remembers the last 19 letters (2^19 states, half accepting); Y^18 a at the
        // end marker says the 18th letter from the end is a (Σ*aΣ^17: 2^18 states, half accepting).
        Assert.That(FinalStates(regex.Out), Is.EqualTo(1 << 18));
        Assert.That(FinalStates(y.Out), Is.EqualTo(1 << 17));
    }

    [Test]
    public void The_default_state_budget_is_derived_from_memory_and_admits_a_first_compile_of_a_million_state_language()
    {
        Assert.That(Budgets.Default.MaxStates, Is.EqualTo(Budgets.MachineMaxStates));
        Assert.That(Budgets.DeriveMaxStates(0), Is.EqualTo(Budgets.DefaultMaxStates), "a tiny container keeps the floor");
        Assert.That(Budgets.DeriveMaxStates(4L << 30), Is.EqualTo(4 << 20), "4 GB: 4 Mi states");
        Assert.That(Budgets.DeriveMaxStates(long.MaxValue), Is.EqualTo(Budgets.MaxDerivedStates));
        if (Budgets.MachineMaxStates < 1 << 21) Assert.Ignore($"this machine has {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes} bytes available");
        // Σ*aΣ^19: 2^20 states, no flag needed.
        var first = FexProcess.Run("compile", "re:(a|b)*a(a|b){19}", "--format", "att");
        Assert.That(first.Code, Is.EqualTo(0), first.Err);
        Assert.That(FinalStates(first.Out), Is.EqualTo(1 << 19));
    }

    /// <summary>The number of accepting states in an AT&amp;T listing (lines with one field).</summary>
    private static int FinalStates(string att) => att.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length == 1);
}
