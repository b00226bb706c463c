namespace FormalExpressivity.Syntax.Tests.Claims;

/// <summary>Locates tests/data from the test binary (walks up to the solution file).</summary>
internal static class TestData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
            return dir.FullName;
        }
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);
}
