namespace FormalExpressivity.Testing;

/// <summary>Paths in the repository checkout the tests run from (the folder holding FormalExpressivity.sln).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "FormalExpressivity.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("the repository root (FormalExpressivity.sln) was not found above the test assembly");
    });

    /// <summary>The repository root.</summary>
    public static string Path => Found.Value;

    /// <summary>A path below the root, e.g. <c>RepositoryRoot.Combine("tests", "data", "models")</c>.</summary>
    /// <param name="parts">Path segments below the root.</param>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Found.Value, .. parts]);
}
