using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// The census as a real Slurm array job: examples/slurm/submit-census.sh submits 4 shards of the real
/// <c>fex</c> executable and a dependent merge job to a one-node cluster on localhost, and the merged output
/// is byte for byte the single-process run; likewise a conjecture check and a corpus (submit-check.sh,
/// submit-corpus.sh, 3 shards each, both arrays queued at once). The cluster is the one <c>.ci/run</c> started (<c>SLURM_CONF</c>);
/// without one, the test starts its own with examples/slurm/local-cluster/start.sh and stops it by pid.
/// </summary>
[NonParallelizable]
public class SlurmArrayTests
{
    static string Root()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return dir.FullName;
    }

    static (int Code, string Out, string Err) Sh(string script, IDictionary<string, string?> env, string workingDirectory, int timeoutMs = 120_000)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"'{script}' did not finish in {timeoutMs / 1000} s");
        }
        return (p.ExitCode, o.Result, e.Result);
    }

    string? _ownCluster;
    string _slurmConf = "";

    [OneTimeSetUp]
    public void Cluster()
    {
        if (Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } conf && File.Exists(conf))
        {
            _slurmConf = conf;
            return;
        }
        var which = Sh("command -v slurmctld && command -v munged", new Dictionary<string, string?>(), Root());
        if (which.Code != 0) Assert.Ignore("Slurm is not installed (apt-get install slurm-wlm munge; .ci/run does)");
        _ownCluster = Directory.CreateTempSubdirectory("fex-slurm-").FullName;
        var start = Sh($"examples/slurm/local-cluster/start.sh '{_ownCluster}'", new Dictionary<string, string?>(), Root());
        Assert.That(start.Code, Is.EqualTo(0), start.Err);
        _slurmConf = Path.Combine(_ownCluster, "slurm.conf");
    }

    [OneTimeTearDown]
    public void StopCluster()
    {
        if (_ownCluster is null) return;
        Sh($"examples/slurm/local-cluster/stop.sh '{_ownCluster}'", new Dictionary<string, string?>(), Root());
        Directory.Delete(_ownCluster, true);
    }

    /// <summary>Waits (at most 5 minutes) until Slurm has no job left.</summary>
    static void WaitForEmptyQueue(IDictionary<string, string?> env, string run)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var queue = Sh("squeue -h -o '%i %T'", env, run);
            Assert.That(queue.Code, Is.EqualTo(0), queue.Err);
            if (queue.Out.Trim().Length == 0) break;
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) Assert.Fail($"Slurm jobs still queued after 5 minutes:\n{queue.Out}");
            Thread.Sleep(500);
        }
    }

    [Test]
    public void Check_and_corpus_arrays_with_their_merge_jobs_reproduce_the_single_process_bytes()
    {
        var run = Directory.CreateTempSubdirectory("fex-check-corpus-run-").FullName;
        try
        {
            var claims = Path.Combine(run, "small.claims");
            File.WriteAllText(claims, "alphabet {a, b}\nconjecture local(3) ⊆ local(2) up to 2 states\nconjecture global ⊆ local(1) up to 2 states\n");
            var check = FexProcess.RunIn(run, ["check", claims, "--max-depth", "1"]);
            Assert.That(check.Code, Is.EqualTo(1), check.Err); // global ⊆ local(1) is refuted
            string[] corpusArgs = ["--splits", "train=0-6,test=7-9", "--per-length", "5", "--seed", "3"];
            var corpus = FexProcess.RunIn(run, ["corpus", "re:(a|b)*ab", .. corpusArgs, "-o", Path.Combine(run, "whole-dataset")]);
            Assert.That(corpus.Code, Is.EqualTo(0), corpus.Err);

            var common = new Dictionary<string, string?> { ["SLURM_CONF"] = _slurmConf, ["FEX"] = $"dotnet {FexProcess.Dll}", ["SHARDS"] = "3" };
            var checkEnv = new Dictionary<string, string?>(common) { ["RUN_DIR"] = Path.Combine(run, "check"), ["CLAIMS"] = claims, ["CHECK_ARGS"] = "--max-depth 1" };
            var corpusEnv = new Dictionary<string, string?>(common) { ["RUN_DIR"] = Path.Combine(run, "corpus"), ["LANG_SPEC"] = "re:(a|b)*ab", ["CORPUS_ARGS"] = string.Join(' ', corpusArgs) };
            foreach (var (script, env) in new[] { ("submit-check.sh", checkEnv), ("submit-corpus.sh", corpusEnv) })
            {
                var submit = Sh(Path.Combine(Root(), "examples", "slurm", script), env, run);
                Assert.That(submit.Code, Is.EqualTo(0), submit.Err);
                Assert.That(submit.Out, Does.Match(@"array job \d+ \(3 shards\), merge job \d+"));
            }
            WaitForEmptyQueue(common, run);
            var logs = string.Join("\n", Directory.GetFiles(run, "*.log", SearchOption.AllDirectories).Select(f => f + ":\n" + File.ReadAllText(f)));
            Assert.That(File.Exists(Path.Combine(run, "check", "report.txt")), Is.True, "the check merge job did not run:\n" + logs);
            Assert.That(File.ReadAllText(Path.Combine(run, "check", "report.txt")), Is.EqualTo(check.Out));
            Assert.That(File.ReadAllText(Path.Combine(run, "check", "check.exit")).Trim(), Is.EqualTo("1"));
            var dataset = Path.Combine(run, "corpus", "dataset");
            Assert.That(Directory.Exists(dataset), Is.True, "the corpus merge job did not run:\n" + logs);
            var whole = Path.Combine(run, "whole-dataset");
            var expected = Directory.GetFiles(whole, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(whole, f)).Order().ToList();
            Assert.That(Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dataset, f)).Order(), Is.EqualTo(expected));
            foreach (var f in expected) Assert.That(File.ReadAllBytes(Path.Combine(dataset, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, f))), f);
        }
        finally
        {
            Directory.Delete(run, true);
        }
    }

    [Test]
    public void A_four_shard_census_array_and_its_dependent_merge_job_reproduce_the_single_process_bytes()
    {
        var run = Directory.CreateTempSubdirectory("fex-census-run-").FullName;
        try
        {
            string[] census = ["census", "--states", "2", "--alphabet", "a,b", "--window-sizes", "1,2"];
            var whole = FexProcess.RunIn(run, [.. census, "-o", Path.Combine(run, "whole.jsonl"), "--summary", Path.Combine(run, "whole.json")]);
            Assert.That(whole.Code, Is.EqualTo(0), whole.Err);

            var env = new Dictionary<string, string?>
            {
                ["SLURM_CONF"] = _slurmConf,
                ["FEX"] = $"dotnet {FexProcess.Dll}",
                ["RUN_DIR"] = run,
                ["STATES"] = "2",
                ["ALPHABET"] = "a,b",
                ["WINDOW_SIZES"] = "1,2",
                ["SHARDS"] = "4",
            };
            var submit = Sh(Path.Combine(Root(), "examples", "slurm", "submit-census.sh"), env, run);
            Assert.That(submit.Code, Is.EqualTo(0), submit.Err);
            Assert.That(submit.Out, Does.Match(@"array job \d+ \(4 shards\), merge job \d+"));

            WaitForEmptyQueue(env, run);
            var logs = string.Join("\n", Directory.GetFiles(run, "*.log").Select(f => f + ":\n" + File.ReadAllText(f)));
            Assert.That(Directory.GetFiles(Path.Combine(run, "parts"), "census-*.part"), Has.Length.EqualTo(4), logs);
            Assert.That(File.Exists(Path.Combine(run, "census.jsonl")), Is.True, "the merge job did not run:\n" + logs);
            Assert.That(File.ReadAllBytes(Path.Combine(run, "census.jsonl")), Is.EqualTo(File.ReadAllBytes(Path.Combine(run, "whole.jsonl"))));
            Assert.That(File.ReadAllBytes(Path.Combine(run, "summary.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(run, "whole.json"))));
            Assert.That(File.ReadAllText(Path.Combine(run, "summary.txt")), Is.EqualTo(whole.Out));
            Assert.That(logs, Does.Contain("imbalance (slowest ÷ fastest)"));
        }
        finally
        {
            Directory.Delete(run, true);
        }
    }
}
