using System.Text;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Every reproduction of the hardening issue, run through the real executable: each used to end in a
/// stack trace, an out-of-memory crash, an overflow, an unbounded read, a disclosure or a wrong exit code.
/// Each must now end with a documented exit code, a clear message (naming the flag that lifts a limit),
/// within its time bound and memory budget, changing no file.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IssueReproductionTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Heavy = TimeSpan.FromSeconds(90);

    /// <summary>Runs fex in <paramref name="box"/> under the abuse budget and checks the hardening promises (shared by the reproduction suites).</summary>
    internal static FexOutcome Fex(Sandbox box, TimeSpan bound, params string[] args)
    {
        box.Mark();
        var o = FexRun.Run(box.Directory, bound + TimeSpan.FromSeconds(30), [.. args, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, bound);
        box.AssertUnchangedExcept(o);
        return o;
    }

    // ── Characters outside the Basic Multilingual Plane: one code point in every front end ──

    [TestCase("compile", "re:a😀", "RE001")]
    [TestCase("compile", "ltl:a & 😀", "LTL001")]
    [TestCase("compile", "fo:exists x. 😀(x)", "FO001")]
    [TestCase("classify", "re:(a|😀)*", "RE001")]
    public void A_non_BMP_character_in_a_formula_is_one_code_point(string command, string language, string code)
    {
        using var box = new Sandbox();
        var o = Fex(box, Quick, command, language);
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain(code).And.Contain("U+1F600").And.Not.Contain("U+D83D").And.Not.Contain("U+DE00"), o.ToString());
    }

    [TestCase("x.lang", "alphabet {a, b}\nlanguage = re\"a😀\"\n", "compile")]
    [TestCase("x.lang", "alphabet {a, b}\nlanguage = ltl\"a & 😀\"\n", "compile")]
    [TestCase("x.claims", "alphabet {a, b}\nlanguage L😀 = re\"a\"\n", "check")]
    [TestCase("x.model", "transformer\nalphabet a b\nlayer {\n  head f0 = local:2 strict select a value 😀\n}\noutput f0\n", "simulate")]
    public void A_non_BMP_character_in_a_file_is_one_code_point(string name, string text, string command)
    {
        using var box = new Sandbox();
        box.Write(name, text);
        var o = command == "simulate" ? Fex(box, Quick, command, name, "--lengths", "0-2") : Fex(box, Quick, command, name);
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("U+1F600").And.Not.Contain("U+D83D"), o.ToString());
    }

    [Test]
    public void Non_BMP_characters_in_comments_and_strings_are_accepted()
    {
        using var box = new Sandbox();
        box.Write("c.model", "transformer\n# 😀 a comment\nalphabet a b\nlayer {\n  head f0 = local:2 strict select a value a\n}\noutput f0\n");
        var o = Fex(box, Quick, "simulate", "c.model", "--lengths", "0-3", "--per-length", "2");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
    }

    // ── Numbers out of range ──

    [Test]
    public void A_JSON_model_with_a_huge_window_is_an_input_error()
    {
        using var box = new Sandbox();
        box.Write("w.json", """
            {"format":"fex-transformer/1","alphabet":["a","b"],"prelude":[],
             "layers":[{"heads":[{"output":"f0","kind":"local","window":2147483647,"masking":"strict","select":"a","value":"a","threshold":1}],"gates":[]}],
             "output":"f0"}
            """);
        var o = Fex(box, Quick, "simulate", "w.json", "--lengths", "0-6");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("window 2147483647 exceeds the limit"), o.ToString());
    }

    [Test]
    public void A_model_with_a_million_window_stops_at_the_memory_budget()
    {
        using var box = new Sandbox();
        box.Write("w.model", "transformer\nalphabet a b\nlayer {\n  head f0 = local:1000000 strict select a value a\n}\noutput f0\n");
        var o = Fex(box, Heavy, "simulate", "w.model", "--lengths", "0-6");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--max-memory"), o.ToString());
    }

    [Test]
    public void A_huge_random_corpus_request_is_refused_before_it_is_built()
    {
        using var box = new Sandbox();
        var o = Fex(box, Quick, "simulate", "ltl:Y a", "--alphabet", "a,b", "--lengths", "1000000-1000000", "--per-length", "10000000");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--max-memory"), o.ToString());
        var tooMany = Fex(box, Quick, "simulate", "ltl:Y a", "--alphabet", "a,b", "--lengths", "1-1000", "--per-length", "10000000");
        Assert.That(tooMany.Code, Is.EqualTo(2), tooMany.ToString());
        var memory = Fex(box, Quick, "simulate", "ltl:Y a", "--alphabet", "a,b", "--lengths", "100000-100000", "--per-length", "10000");
        Assert.That(memory.Code, Is.EqualTo(3), memory.ToString());
        Assert.That(memory.Err, Does.Contain("--max-memory"), memory.ToString());
    }

    [Test]
    public void Malformed_simulate_lengths_are_a_usage_error()
    {
        using var box = new Sandbox();
        foreach (var lengths in new[] { "5-1", "a-b", "1-2-3", "99999999999-1", "-" })
        {
            var o = Fex(box, Quick, "simulate", "ltl:Y a", "--alphabet", "a,b", "--lengths", lengths);
            Assert.That(o.Code, Is.EqualTo(2), o.ToString());
        }
    }

    [Test]
    public void Corpus_lengths_near_int_max_do_not_overflow()
    {
        using var box = new Sandbox();
        var o = Fex(box, Quick, "corpus", "re:(a|b)*a", "--lengths", "2147483647-2147483647", "--per-length", "1", "-o", "c");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--lengths"), o.ToString());
        var long_ = Fex(box, Quick, "corpus", "re:(a|b)*a", "--lengths", "9000000-9000000", "--per-length", "1", "-o", "c");
        Assert.That(long_.Code, Is.EqualTo(3), long_.ToString());
        Assert.That(long_.Err, Does.Contain("--max-memory"), long_.ToString());
    }

    [Test]
    public void The_counting_table_of_long_lengths_stops_at_the_memory_budget()
    {
        using var box = new Sandbox();
        var o = Fex(box, Heavy, "corpus", "re:(a|b)*a", "--lengths", "0-100000", "--per-length", "1", "-o", "c");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--max-memory"), o.ToString());
    }

    // ── Unbounded reads ──

    /// <summary>A character device — /dev/zero or /dev/urandom, given directly or through a link — is refused before a byte is read (it used to be read up to the input limit).</summary>
    [TestCase("z.json", "compile")]
    [TestCase("z.att", "compile")]
    [TestCase("z.lang", "classify")]
    [TestCase("z.model", "simulate")]
    [TestCase("z.jsonl", "simulate-corpus")]
    [TestCase("z.parquet", "eval-corpus")]
    public void A_device_input_is_refused_up_front(string name, string command)
    {
        if (!File.Exists("/dev/zero")) Assert.Ignore("no /dev/zero");
        using var box = new Sandbox();
        foreach (var device in new[] { "/dev/zero", "/dev/urandom" })
        {
            File.Delete(box.PathOf(name));
            File.CreateSymbolicLink(box.PathOf(name), device);
            foreach (var input in new[] { name, device })
            {
                string[] args = command switch
                {
                    "simulate" => ["simulate", input, "--lengths", "0-3"],
                    "simulate-corpus" => ["simulate", "ltl:Y a", "--alphabet", "a,b", "--corpus", input],
                    "eval-corpus" => ["eval", "re:a", "--corpus", input, "--predictions", input],
                    _ => [command, input],
                };
                var o = Fex(box, Quick, args);
                Assert.That(o.Code, Is.EqualTo(3), o.ToString());
                if (input == name) Assert.That(o.Err, Does.Contain("it is a device (through a symbolic link), not a file"), o.ToString());
                else Assert.That(o.Err, Does.Contain("device").Or.Contain("cannot tell the format"), o.ToString());
                Assert.That(o.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "refused before reading");
            }
        }
    }

    [Test]
    public void A_claims_file_cannot_read_dev_zero()
    {
        using var box = new Sandbox();
        box.Write("z.claims", "alphabet {a, b}\nmodel X = file\"/dev/zero\"\nclaim X recognizable by local(1)\n");
        var o = Fex(box, Quick, "check", "z.claims");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("--allow-path /dev"), o.ToString());
        var allowed = Fex(box, Quick, "check", "z.claims", "--allow-path", "/dev");
        Assert.That(allowed.Code, Is.EqualTo(3), allowed.ToString());
        Assert.That(allowed.Err, Does.Contain("is a device"), allowed.ToString());
    }

    // ── Third-party readers ──

    private static readonly byte[] CorruptParquet = [.. "PAR1"u8, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, .. "PAR1"u8];

    [Test]
    public void A_corrupt_Parquet_corpus_is_a_positioned_input_error()
    {
        using var box = new Sandbox();
        box.Write("bad.parquet", CorruptParquet);
        var simulate = Fex(box, Quick, "simulate", "ltl:Y a", "--alphabet", "a,b", "--corpus", "bad.parquet");
        Assert.That(simulate.Code, Is.EqualTo(3), simulate.ToString());
        Assert.That(simulate.Err, Does.Contain("bad.parquet").And.Contain("Parquet"), simulate.ToString());
        box.Write("p.jsonl", "{\"string\":\"a\",\"predicted\":1}\n");
        var eval = Fex(box, Quick, "eval", "re:a", "--corpus", "bad.parquet", "--predictions", "p.jsonl");
        Assert.That(eval.Code, Is.EqualTo(3), eval.ToString());
        Assert.That(eval.Err, Does.Contain("bad.parquet"), eval.ToString());
    }

    // ── Disclosure ──

    [Test]
    public void A_claims_file_reads_only_below_its_folder_and_never_echoes_a_foreign_file()
    {
        using var box = new Sandbox();
        box.Write("p.claims", "alphabet {a, b}\nmodel X = file\"/etc/passwd\"\nclaim X recognizable by local(1)\n");
        var o = Fex(box, Quick, "check", "p.claims");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("outside the claims file's folder").And.Contain("--allow-path /etc"), o.ToString());
        var allowed = Fex(box, Quick, "check", "p.claims", "--allow-path", "/etc");
        Assert.That(allowed.Code, Is.EqualTo(3), allowed.ToString());
        Assert.That(allowed.Err, Does.Contain("not a valid AT&T automaton").And.Not.Contain("root:"), allowed.ToString());
        box.Write("up.claims", "alphabet {a, b}\nmodel X = file\"../x.json\"\nclaim X recognizable by local(1)\n");
        var up = Fex(box, Quick, "check", "up.claims");
        Assert.That(up.Code, Is.EqualTo(3), up.ToString());
        Assert.That(up.Err, Does.Contain("outside the claims file's folder"), up.ToString());
        box.Write("secret.json", "{ \"type\": \"dfa\", secret-content }");
        box.Write("s.claims", "alphabet {a, b}\nmodel X = file\"secret.json\"\nclaim X recognizable by local(1)\n");
        var inside = Fex(box, Quick, "check", "s.claims");
        Assert.That(inside.Code, Is.EqualTo(3), inside.ToString());
        Assert.That(inside.Err, Does.Contain("not a valid JSON automaton").And.Not.Contain("secret-content"), inside.ToString());
    }

    // ── Diagnostics ──

    [Test]
    public void A_ten_megabyte_line_is_shown_clipped_once()
    {
        using var box = new Sandbox();
        box.Write("long.lang", "alphabet {a, b}\nlanguage = re\"" + new string('a', 10_000_000) + " $\"\n");
        var o = Fex(box, Quick, "compile", "long.lang");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err.Length, Is.LessThan(2_000), o.ToString());
        Assert.That(o.Err, Does.Contain("…"), o.ToString());
    }

    [Test]
    public void Many_bad_lines_give_bounded_diagnostics_in_linear_time()
    {
        using var box = new Sandbox();
        var att = new StringBuilder();
        for (int i = 0; i < 300_000; i++) att.Append("x y z w v\n");
        box.Write("bad.att", att.ToString());
        var o = Fex(box, Quick, "compile", "bad.att", "--alphabet", "a,b");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err.Length, Is.LessThan(20_000), o.ToString());
        // A formula with thousands of bad characters: every one is found, 20 are shown, the rest counted.
        var regex = Fex(box, Quick, "compile", "re:a" + new string('$', 50_000));
        Assert.That(regex.Code, Is.EqualTo(3), regex.ToString());
        Assert.That(regex.Err, Does.Contain("… and 49980 more diagnostics"), regex.ToString());
        Assert.That(regex.Err.Length, Is.LessThan(20_000), regex.ToString());
    }

    [Test]
    public void JSON_warnings_are_shown_when_the_run_succeeds()
    {
        using var box = new Sandbox();
        box.Write("w.json", """{"type":"dfa","alphabet":["a","b"],"states":1,"start":0,"accepting":[0,0],"colour":3,"transitions":[[0,"a",0],[0,"b",0]]}""");
        var o = Fex(box, Quick, "compile", "w.json", "--format", "att");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        Assert.That(o.Err, Does.Contain("JSON005").And.Contain("JSON016"), o.ToString());
    }

    [TestCase("--max-memory", "12x")]
    [TestCase("--max-memory", "99999999999999999999T")]
    [TestCase("--max-input-bytes", "0")]
    public void A_malformed_limit_is_a_usage_error(string flag, string value)
    {
        using var box = new Sandbox();
        box.Mark();
        var o = FexRun.Run(box.Directory, Quick, ["compile", "re:a", flag, value]);
        FexRun.AssertHardened(o, Quick, budgeted: false);
        Assert.That(o.Code, Is.EqualTo(2), o.ToString());
        Assert.That(o.Err, Does.Contain(flag), o.ToString());
    }
}
