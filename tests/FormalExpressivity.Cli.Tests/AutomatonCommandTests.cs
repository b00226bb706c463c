using System.Text.Json;
using FormalExpressivity.Automata;
using FormalExpressivity.Cli;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Cli.Tests;

public class AutomatonCommandTests
{
    private string _dir = "";

    // Words ending in a, over {a, b}: a 2-state minimal DFA, here given with 3 states.
    private const string EndsInAJson = """{"alphabet":["a","b"],"states":3,"start":0,"accepting":[1,2],"transitions":[[0,"a",1],[0,"b",0],[1,"a",2],[1,"b",0],[2,"a",2],[2,"b",0]]}""";
    private const string EndsInAAtt = "0 1 a\n0 0 b\n1 1 a\n1 0 b\n1\n";
    // Words containing an a.
    private const string ContainsAAtt = "0 1 a\n0 0 b\n1 1 a\n1 1 b\n1\n";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "fex-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        File.WriteAllText(P("ends-a.json"), EndsInAJson);
        File.WriteAllText(P("ends-a.att"), EndsInAAtt);
        File.WriteAllText(P("contains-a.att"), ContainsAAtt);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = FexApp.Run(args, stdout, stderr);
        return (code, stdout.ToString().Replace(_dir + Path.DirectorySeparatorChar, "<tmp>/"), stderr.ToString().Replace(_dir + Path.DirectorySeparatorChar, "<tmp>/"));
    }

    private static string Transcript((int Code, string Out, string Err) r) => $"exit {r.Code}\n--- stdout\n{r.Out}--- stderr\n{r.Err}";

    [TestCase("json")]
    [TestCase("att")]
    [TestCase("dot")]
    public void Compile_prints_the_canonical_minimal_dfa(string format)
    {
        var r = Run("compile", P("ends-a.json"), "--format", format);
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        Golden.Match(Transcript(r), "compile_" + format);
    }

    [Test]
    public void Compile_and_minimize_of_equal_languages_give_identical_files()
    {
        Assert.That(Run("compile", P("ends-a.json"), "-o", P("a.json")).Code, Is.EqualTo(0));
        Assert.That(Run("minimize", P("ends-a.att"), "-o", P("b.json")).Code, Is.EqualTo(0));
        Assert.That(File.ReadAllText(P("a.json")), Is.EqualTo(File.ReadAllText(P("b.json"))));
    }

    [Test]
    public void Minimize_writes_the_format_of_the_output_extension()
    {
        var r = Run("minimize", P("ends-a.json"), "-o", P("min.att"));
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        Golden.Match(Transcript(r) + "--- min.att\n" + File.ReadAllText(P("min.att")), "minimize_att");
        var dot = Run("minimize", P("ends-a.json"), "-o", P("min.txt"), "--format", "dot");
        Assert.That(dot.Code, Is.EqualTo(0), dot.Err);
        Assert.That(File.ReadAllText(P("min.txt")), Does.StartWith("digraph dfa {"));
    }

    [Test]
    public void Minimize_json_summary()
    {
        var r = Run("minimize", P("ends-a.json"), "-o", P("min.json"), "--json");
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.That(doc.RootElement.GetProperty("inputStates").GetInt32(), Is.EqualTo(3));
        Assert.That(doc.RootElement.GetProperty("states").GetInt32(), Is.EqualTo(2));
        Assert.That(doc.RootElement.GetProperty("format").GetString(), Is.EqualTo("json"));
    }

    [Test]
    public void An_unknown_output_extension_without_format_is_a_usage_error_and_writes_nothing()
    {
        var r = Run("minimize", P("ends-a.json"), "-o", P("min.txt"));
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(File.Exists(P("min.txt")), Is.False);
        Golden.Match(Transcript(r), "unknown_extension");
    }

    [Test]
    public void A_bad_format_value_is_a_usage_error()
    {
        Assert.That(Run("compile", P("ends-a.json"), "--format", "png").Code, Is.EqualTo(2));
    }

    [TestCase("bad-symbol.att", "0 1 a\n0 0 c\n1 1 a\n1 0 b\n1\n", "a,b")]
    [TestCase("missing-arc.att", "0 1 a\n0 0 b\n1 1 a\n1\n", null)]
    [TestCase("duplicate.json", """{"alphabet":["a"],"states":1,"start":0,"transitions":[[0,"a",0],[0,"a",0]]}""", null)]
    [TestCase("syntax.json", "{\"alphabet\": [\"a\"],\n \"states\": 1,\n \"start\": 0\n \"transitions\": []}", null)]
    [TestCase("range.json", """{"alphabet":["a"],"states":1,"start":0,"transitions":[[0,"a",3]]}""", null)]
    public void Bad_files_give_positioned_messages_exit_3_and_leave_the_output_untouched(string name, string content, string? alphabet)
    {
        File.WriteAllText(P(name), content);
        File.WriteAllText(P("out.json"), "previous");
        var args = new List<string> { "minimize", P(name), "-o", P("out.json") };
        if (alphabet is not null) args.AddRange(["--alphabet", alphabet]);
        var r = Run([.. args]);
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Out, Is.Empty);
        Assert.That(r.Err, Does.StartWith($"<tmp>/{name}:"));
        Assert.That(r.Err, Does.Contain("^"));
        Assert.That(File.ReadAllText(P("out.json")), Is.EqualTo("previous"));
        Assert.That(Directory.GetFiles(_dir, "*.tmp"), Is.Empty);
        Golden.Match(Transcript(r), "bad_" + Path.GetFileNameWithoutExtension(name));
    }

    [Test]
    public void A_missing_file_is_an_input_error()
    {
        var r = Run("minimize", P("nope.json"));
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("no such file"));
    }

    [Test]
    public void An_invalid_alphabet_is_a_usage_error()
    {
        var r = Run("compile", P("ends-a.json"), "--alphabet", "a,a");
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("declared twice"));
    }

    [Test]
    public void Unknown_and_unregistered_prefixes_are_input_errors()
    {
        var r = Run("compile", "zz:abc");
        Assert.That(r.Code, Is.EqualTo(3));
        Assert.That(r.Err, Does.Contain("unknown language prefix 'zz:'"));
    }

    [Test]
    public void Equiv_of_equal_languages_exits_0_with_a_checked_bisimulation()
    {
        var r = Run("equiv", P("ends-a.json"), P("ends-a.att"));
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        Golden.Match(Transcript(r), "equiv_equal");
    }

    [Test]
    public void Equiv_of_different_languages_exits_1_with_the_shortlex_least_counterexample()
    {
        var r = Run("equiv", P("ends-a.json"), P("contains-a.att"));
        Assert.That(r.Code, Is.EqualTo(1), r.Err);
        Golden.Match(Transcript(r), "equiv_different");
        var json = Run("equiv", P("ends-a.json"), P("contains-a.att"), "--json");
        Assert.That(json.Code, Is.EqualTo(1));
        using var doc = JsonDocument.Parse(json.Out);
        Assert.That(doc.RootElement.GetProperty("equivalent").GetBoolean(), Is.False);
        Assert.That(doc.RootElement.GetProperty("counterexample").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(doc.RootElement.GetProperty("certificate").GetProperty("checked").GetBoolean(), Is.True);
        Golden.Match(json.Out, "equiv_different_json");
    }

    [Test]
    public void Include_exits_0_when_included_and_1_otherwise()
    {
        var yes = Run("include", P("ends-a.att"), P("contains-a.att"));
        Assert.That(yes.Code, Is.EqualTo(0), yes.Err);
        var no = Run("include", P("contains-a.att"), P("ends-a.att"), "--json");
        Assert.That(no.Code, Is.EqualTo(1), no.Err);
        Golden.Match(Transcript(yes) + Transcript(no), "include");
    }

    [Test]
    public void The_alphabet_option_extends_both_languages()
    {
        var r = Run("equiv", P("ends-a.json"), P("ends-a.att"), "--alphabet", "a,b,c");
        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        var c = Run("compile", P("ends-a.att"), "--alphabet", "b,a,c", "--format", "att");
        Assert.That(c.Code, Is.EqualTo(0), c.Err);
        Golden.Match(c.Out, "compile_extended_alphabet");
        var lacking = Run("equiv", P("ends-a.json"), P("ends-a.att"), "--alphabet", "a");
        Assert.That(lacking.Code, Is.EqualTo(3));
    }
}

public class NfaInputTests
{
    [Test]
    public void An_nfa_json_file_is_determinized_and_minimized()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fex-nfa-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            // (a|b)*a(a|b): the second-to-last symbol is a — 4 states when deterministic and minimal.
            var path = Path.Combine(dir, "second-last-a.json");
            File.WriteAllText(path, """{"type":"nfa","alphabet":["a","b"],"states":3,"start":[0],"accepting":[2],"transitions":[[0,"a",0],[0,"b",0],[0,"a",1],[1,"a",2],[1,"b",2]]}""");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.That(FexApp.Run(["compile", path, "--format", "att"], stdout, stderr), Is.EqualTo(0), stderr.ToString());
            var dfa = FormalExpressivity.Automata.Formats.AttFormat.ReadDfa(stdout.ToString()).GetValueOrThrow();
            Assert.That(dfa.StateCount, Is.EqualTo(4));
            foreach (var w in RandomDfa.AllWords(dfa.Alphabet, 5))
            {
                var text = w.Format(dfa.Alphabet);
                Assert.That(dfa.Accepts(w), Is.EqualTo(text.Length >= 2 && text[^2] == 'a'), text);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
