using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>
/// The census as a real Slurm array job: examples/slurm/submit-census.sh submits 4 shards of the real
/// <c>fex</c> executable and a dependent merge job to a one-node cluster on localhost, and the merged output
/// is byte for byte the single-process run. The cluster is the one <c>.ci/run</c> started (<c>SLURM_CONF</c>);
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

            // Wait (at most 5 minutes) until Slurm has no job of ours left.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var queue = Sh("squeue -h -o '%i %T'", env, run);
                Assert.That(queue.Code, Is.EqualTo(0), queue.Err);
                if (queue.Out.Trim().Length == 0) break;
                if (clock.Elapsed > TimeSpan.FromMinutes(5)) Assert.Fail($"Slurm jobs still queued after 5 minutes:\n{queue.Out}");
                Thread.Sleep(500);
            }
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
