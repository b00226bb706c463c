using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// Outputs through the real executable: only regular files are replaced (a device or a symbolic link is
/// refused and left as it was), temporary files never outlive a run — not even one interrupted by Ctrl-C —
/// and leftovers of killed runs are removed, while a temporary file a live writer holds makes a second
/// writer of the same path refuse instead of racing it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OutputSafetyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static FexOutcome Fex(Sandbox box, params string[] args)
    {
        var o = FexRun.Run(box.Directory, Bound + TimeSpan.FromSeconds(30), [.. args, "--max-memory", FexRun.Budget]);
        FexRun.AssertHardened(o, Bound);
        return o;
    }

    [Test]
    public void A_symbolic_link_is_not_replaced()
    {
        using var box = new Sandbox();
        box.Write("target.json", "keep me");
        File.CreateSymbolicLink(box.PathOf("link.json"), "target.json");
        box.Mark();
        var o = Fex(box, "compile", "re:ab", "-o", "link.json");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("symbolic link"), o.ToString());
        box.AssertUnchangedExcept(o);
        Assert.That(File.ReadAllText(box.PathOf("target.json")), Is.EqualTo("keep me"));
    }

    [Test]
    public void A_device_is_not_replaced()
    {
        using var box = new Sandbox();
        box.Mark();
        var o = Fex(box, "compile", "re:ab", "--format", "json", "-o", "/dev/null");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        Assert.That(o.Err, Does.Contain("device"), o.ToString());
        Assert.That(new FileInfo("/dev/null").Length, Is.EqualTo(0), "/dev/null is still the device");
        box.AssertUnchangedExcept(o);
    }

    [Test]
    public void A_folder_is_not_replaced()
    {
        using var box = new Sandbox();
        Directory.CreateDirectory(box.PathOf("out.json"));
        box.Mark();
        var o = Fex(box, "compile", "re:ab", "-o", "out.json");
        Assert.That(o.Code, Is.EqualTo(3), o.ToString());
        box.AssertUnchangedExcept(o);
    }

    [Test]
    public void Stale_temporary_files_of_killed_runs_are_removed()
    {
        using var box = new Sandbox();
        box.Write(".out.json.deadbeef.tmp", new string('x', 10_000));
        box.Write(".other.json.deadbeef.tmp", "not ours");
        box.Mark();
        var o = Fex(box, "compile", "re:ab", "-o", "out.json");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        Assert.That(File.Exists(box.PathOf(".out.json.deadbeef.tmp")), Is.False, "the stale sibling is cleaned");
        Assert.That(File.Exists(box.PathOf(".other.json.deadbeef.tmp")), Is.True, "another target's file is left alone");
        File.Delete(box.PathOf(".other.json.deadbeef.tmp"));
        box.Mark();
        Assert.That(File.ReadAllText(box.PathOf("out.json")), Does.Contain("\"type\""));
    }

    [Test]
    public void A_second_writer_of_the_same_path_is_refused_while_the_first_holds_its_file()
    {
        using var box = new Sandbox();
        // A live writer holds its temporary file under an exclusive lock, as AtomicOutput does.
        using (var held = new FileStream(box.PathOf(".out.json.0123abcd.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var o = Fex(box, "compile", "re:ab", "-o", "out.json");
            Assert.That(o.Code, Is.EqualTo(3), o.ToString());
            Assert.That(o.Err, Does.Contain("another fex run is writing"), o.ToString());
            Assert.That(File.Exists(box.PathOf("out.json")), Is.False);
        }
        File.Delete(box.PathOf(".out.json.0123abcd.tmp"));
    }

    [Test]
    public void Stale_dataset_folders_of_killed_runs_are_removed_and_live_ones_refuse_a_second_writer()
    {
        using var box = new Sandbox();
        Directory.CreateDirectory(box.PathOf(".ds.tmp-deadbeef/data"));
        File.WriteAllText(box.PathOf(".ds.tmp-deadbeef/.fex-writing"), "");
        var o = Fex(box, "corpus", "re:(a|b)*a", "--lengths", "1-3", "--per-length", "2", "-o", "ds");
        Assert.That(o.Code, Is.EqualTo(0), o.ToString());
        Assert.That(Directory.Exists(box.PathOf(".ds.tmp-deadbeef")), Is.False, "the stale folder is cleaned");
        Directory.CreateDirectory(box.PathOf(".ds.tmp-0123abcd"));
        using (new FileStream(box.PathOf(".ds.tmp-0123abcd/.fex-writing"), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var second = Fex(box, "corpus", "re:(a|b)*a", "--lengths", "1-3", "--per-length", "2", "-o", "ds");
            Assert.That(second.Code, Is.EqualTo(3), second.ToString());
            Assert.That(second.Err, Does.Contain("another fex run is writing"), second.ToString());
        }
    }

    [Test]
    public void Ctrl_C_removes_the_temporary_file()
    {
        using var box = new Sandbox();
        box.Mark();
        bool interrupted = false;
        var o = FexRun.Run(box.Directory, TimeSpan.FromSeconds(120),
            ["corpus", "re:(a|b)*", "--lengths", "1-3000", "--per-length", "400", "-o", "big", "--max-strings", "10000000"],
            whileRunning: process =>
            {
                // Wait until the corpus is being written to its temporary file, then send SIGINT.
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    if (Directory.EnumerateDirectories(box.Directory, ".big.tmp-*").Any())
                    {
                        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                        kill.WaitForExit();
                        interrupted = true;
                        return;
                    }
                    Thread.Sleep(20);
                }
            });
        if (!interrupted) Assert.Inconclusive("the run ended before its temporary file could be observed: " + o);
        Assert.That(o.Err, Does.Not.Contain("Unhandled exception"), o.ToString());
        Assert.That(Directory.EnumerateFileSystemEntries(box.Directory), Is.Empty, "no temporary folder and no half-written dataset\n" + o);
    }
}
