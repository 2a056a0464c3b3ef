namespace CreditKaizhou.Tests.Database;

/// <summary>Finds the migration folders (db/{engine}) of the repository the tests were built from.</summary>
internal static class MigrationFiles
{
    public static IReadOnlyList<string> Engines { get; } = ["sqlite", "postgres", "sqlserver"];

    public static string DbDirectory { get; } = Infrastructure.RepositoryRoot.Combine("db");

    public static string LockFile { get; } = Path.Combine(DbDirectory, "migrations.sha256");

    /// <summary>Every file in db/{engine}, as paths relative to db/ with forward slashes ("sqlite/0001_x.sql"), sorted.</summary>
    public static IReadOnlyList<string> In(string engine)
    {
        var directory = Path.Combine(DbDirectory, engine);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory)
            .Select(path => $"{engine}/{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The absolute path of a file given relative to db/ ("sqlite/0001_x.sql").</summary>
    public static string FullPath(string relativePath) =>
        Path.Combine(DbDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
