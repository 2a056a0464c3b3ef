namespace CreditKaizhou.Tests.Infrastructure;

/// <summary>The folder holding CreditKaizhou.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CreditKaizhou.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CreditKaizhou.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
