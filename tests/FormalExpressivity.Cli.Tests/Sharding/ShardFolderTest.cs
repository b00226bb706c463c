namespace FormalExpressivity.Cli.Tests.Sharding;

/// <summary>What the sharding tests share: <c>fex</c> run in-process, and a fresh temporary folder per test.</summary>
public abstract class ShardFolderTest
{
    /// <summary>Runs <c>fex</c> in-process.</summary>
    protected static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    /// <summary>The test's folder.</summary>
    protected DirectoryInfo Folder { get; private set; } = null!;

    /// <summary>Creates the folder.</summary>
    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("fex-shards-");

    /// <summary>Removes the folder.</summary>
    [TearDown]
    public void RemoveFolder() => Folder.Delete(true);

    /// <summary>A path in the folder.</summary>
    protected string P(string name) => Path.Combine(Folder.FullName, name);
}
