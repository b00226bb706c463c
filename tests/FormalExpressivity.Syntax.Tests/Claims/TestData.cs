namespace FormalExpressivity.Syntax.Tests.Claims;

/// <summary>Locates tests/data from the test binary (walks up to the solution file).</summary>
internal static class TestData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormalExpressivity.sln"))) dir = dir.Parent;
            if (dir is null) throw new DirectoryNotFoundException("FormalExpressivity.sln not found above " + AppContext.BaseDirectory);
            return dir.FullName;
        }
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);
}
