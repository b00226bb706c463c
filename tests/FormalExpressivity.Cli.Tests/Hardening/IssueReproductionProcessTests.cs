using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// The hardening issue's reproductions whose regression tests were library-level only (linear-time readers,
/// the S-chain, the model definition limit) or missing (raising <c>--max-states</c> on corpus, concurrent corpus
/// writers), run through the real executable with the promises of <see cref="FexRun.AssertHardened"/>: exit 0–3,
/// no stack trace, a time bound, peak memory under <c>--max-memory</c>, no file changed but the intended output.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class IssueReproductionProcessTests
{
    private static FexOutcome Fex(Sandbox box, TimeSpan bound, params string[] args) => IssueReproductionTests.Fex(box, bound, args);

    // ── Super-linear time on linear-size input ──

    /// <summary>300 000 bad transitions took over 60 s (each diagnostic's offset recomputed from byte 0); now well under a second of reading, 20 shown and the rest counted.</summary>
    [Test]
    public void A_JSON_automaton_with_300000_bad_transitions_is_reported_in_linear_time()
    {
        using var box = new Sandbox();
        var text = new StringBuilder("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"accepting\":[],\"transitions\":[");
        for (int i = 0; i < 300_000; i++) text.Append(i == 0 ? "" : ",\n").Append("[0,\"zz\",0]");
        box.Write("bad.json", text.Append("]}").ToString());
        var o = Fex(box, TimeSpan.FromSeconds(20), "compile", "bad.json");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(Regex.Count(o.Err, "error JSON007"), Is.EqualTo(20), o.ToString());
        Assert.That(o.Err, Does.Contain("bad.json: … and at least 299980 more diagnostics"), o.ToString());
        Assert.That(o.Err.Length, Is.LessThan(20_000), o.ToString());
    }

    /// <summary>3 M repeated accepting entries took over 60 s; the file is valid (warnings JSON016, shown on success, 20 of them and the rest counted).</summary>
    [Test]
    public void A_JSON_automaton_with_3000000_repeated_accepting_entries_is_read_in_linear_time()
    {
        using var box = new Sandbox();
        var text = new StringBuilder("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"transitions\":[[0,\"a\",0]],\"accepting\":[");
        for (int i = 0; i < 3_000_000; i++) text.Append(i == 0 ? "0" : ",0");
        box.Write("acc.json", text.Append("]}").ToString());
        var o = Fex(box, TimeSpan.FromSeconds(20), "compile", "acc.json", "--format", "att");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        Assert.That(o.Out, Is.EqualTo("0 0 a\n0\n"), o.ToString());
        Assert.That(Regex.Count(o.Err, "warning JSON016"), Is.EqualTo(20), o.ToString());
        Assert.That(o.Err, Does.Contain("acc.json: … and 2999979 more diagnostics"), o.ToString());
    }

    /// <summary>
    /// 160 links of <c>(a U b)</c> joined by <c>S</c> (2 KB) took 40 s at flat memory; the minimal DFA of n links has
    /// n(n−1)/2 states (SinceChainTests checks the chain against the evaluator), here 12 720 with the sink.
    /// </summary>
    [Test]
    public void An_LTL_chain_of_160_since_links_compiles_in_seconds()
    {
        using var box = new Sandbox();
        string chain = "ltl:" + string.Join(" S ", Enumerable.Repeat("(a U b)", 160));
        var o = Fex(box, TimeSpan.FromSeconds(60), "compile", chain, "--alphabet", "a,b", "--json");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        Assert.That(o.Out, Does.Contain("\"states\": 12721").Or.Contain("\"states\":12721").Or.Contain("\"states\": 12720").Or.Contain("\"states\":12720"), o.Out[..Math.Min(400, o.Out.Length)]);
    }

    // ── Limits that did not apply ──

    private static string PreludeModel(int gates)
    {
        var text = new StringBuilder("transformer\nalphabet a b\nprelude {\n");
        for (int i = 0; i < gates; i++) text.Append($"  gate g{i} = not a\n");
        return text.Append("}\noutput g0\n").ToString();
    }

    /// <summary>The text format's definition limit did not apply to <c>prelude</c>, and the JSON model format had none: both now stop at <c>--max-memory</c> (4 KiB per definition) and say what to try.</summary>
    [Test]
    public void Prelude_definitions_count_against_the_memory_budget_in_both_model_formats()
    {
        using var box = new Sandbox();
        box.Write("p.model", PreludeModel(3000));
        var json = new StringBuilder("{\"format\":\"fex-transformer/1\",\"alphabet\":[\"a\",\"b\"],\"prelude\":[");
        for (int i = 0; i < 3000; i++) json.Append(i == 0 ? "" : ",").Append($"{{\"output\":\"g{i}\",\"op\":\"not\",\"inputs\":[\"a\"]}}");
        box.Write("p.json", json.Append("],\"layers\":[],\"output\":\"g0\"}").ToString());
        foreach (var model in new[] { "p.model", "p.json" })
        {
            box.Mark();
            var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), ["simulate", model, "--lengths", "0-3", "--max-memory", "8M"]);
            FexRun.AssertHardened(o, TimeSpan.FromSeconds(30), budgeted: false);
            box.AssertUnchangedExcept(o);
            Assert.That(o.Code, Is.EqualTo(3), o.ToString());
            Assert.That(o.Err, Does.Contain("3000 heads and gates").And.Match(@"try --max-memory \d+M"), o.ToString());
            // The default budget admits the same model.
            var ok = Fex(box, TimeSpan.FromSeconds(30), "simulate", model, "--lengths", "0-3", "--per-length", "2");
            Assert.That(ok.Code, Is.EqualTo(0), ok.ToString());
        }
    }

    /// <summary><c>corpus --max-states</c> did not raise the regex construction's limit: lowering it refuses, raising it admits the same language.</summary>
    [Test]
    public void Corpus_max_states_bounds_the_regex_construction_both_ways()
    {
        using var box = new Sandbox();
        var low = Fex(box, TimeSpan.FromSeconds(30), "corpus", "re:(a|b)*a(a|b){6}", "--lengths", "7-8", "--per-length", "2", "-o", "c", "--max-states", "20");
        Assert.That(low.Code, Is.EqualTo(3), low.ToString());
        Assert.That(low.Err, Does.Contain("--max-states"), low.ToString());
        // Σ*aΣ^6 has 2^7 states; its subset construction stays below 1000.
        box.Mark();
        var raised = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60),
            ["corpus", "re:(a|b)*a(a|b){6}", "--lengths", "7-8", "--per-length", "2", "-o", "c", "--max-states", "1000", "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(raised, TimeSpan.FromSeconds(30));
        Assert.That(raised.Code, Is.EqualTo(0), raised.ToString());
        Assert.That(File.Exists(box.PathOf("c/manifest.json")), Is.True);
    }

    // ── Output safety: a corpus and its manifest are one unit ──

    [GeneratedRegex("\"seed\": (\\d+)")]
    private static partial Regex SeedPattern();

    /// <summary>
    /// Two runs writing one corpus path at once (seeds 1 and 2) used to leave seed-1 data with the seed-2 manifest
    /// (2 of 30 trials). Now each run either writes the whole dataset or is refused (exit 3, "another fex run is
    /// writing"; both may refuse when they start together); the dataset left is always one run's data with that run's manifest — checked by regenerating the
    /// data from the manifest's seed — and no temporary folder is left.
    /// </summary>
    [Test]
    public void Concurrent_corpus_writers_never_mix_data_and_manifest()
    {
        using var box = new Sandbox();
        string[] Args(int seed, string output) => ["corpus", "re:(a|b)*a", "--lengths", "1-14", "--per-length", "200", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output];
        var reference = new Dictionary<string, string>();
        foreach (int seed in new[] { 1, 2 })
        {
            var r = FexRun.Run(box.Directory, TimeSpan.FromSeconds(60), Args(seed, "ref" + seed));
            Assert.That(r.Code, Is.EqualTo(0), r.ToString());
            reference[seed.ToString(System.Globalization.CultureInfo.InvariantCulture)] = File.ReadAllText(box.PathOf($"ref{seed}/data/test.jsonl"));
        }
        Assert.That(reference["1"], Is.Not.EqualTo(reference["2"]), "the seeds give different data");
        for (int trial = 0; trial < 4; trial++)
        {
            var runs = new[] { 1, 2 }.Select(seed => Task.Run(() => FexRun.Run(box.Directory, TimeSpan.FromSeconds(90), Args(seed, "c")))).ToArray();
            Task.WaitAll(runs);
            foreach (var o in runs.Select(t => t.Result))
            {
                FexRun.AssertHardened(o, TimeSpan.FromSeconds(80), budgeted: false);
                Assert.That(o.Code == 0 || (o.Code == 3 && o.Err.Contains("another fex run is writing", StringComparison.Ordinal)), Is.True, o.ToString());
            }
            // Each run locks its own temporary folder and then looks for a live sibling, so two runs that start
            // together can both see the other and both refuse (seen once in CI): refused, never mixed. Then the
            // dataset is the one an earlier trial left, or none.
            if (!runs.Any(t => t.Result.Code == 0) && !File.Exists(box.PathOf("c/manifest.json")))
            {
                Assert.That(Directory.Exists(box.PathOf("c")), Is.False, "no dataset without a manifest");
                Assert.That(Directory.EnumerateFileSystemEntries(box.Directory).Select(Path.GetFileName).Where(n => n!.StartsWith('.')), Is.Empty, "no temporary entry left");
                continue;
            }
            var seed = SeedPattern().Match(File.ReadAllText(box.PathOf("c/manifest.json"))).Groups[1].Value;
            Assert.That(File.ReadAllText(box.PathOf("c/data/test.jsonl")), Is.EqualTo(reference[seed]), $"trial {trial}: the data is the manifest's seed {seed}'s");
            Assert.That(Directory.EnumerateFileSystemEntries(box.Directory).Select(Path.GetFileName).Where(n => n!.StartsWith('.')), Is.Empty, "no temporary entry left");
        }
    }
}
