namespace CreditKaizhou.Bench;

/// <summary>A temporary folder for one benchmark run's database and content root, removed when the run ends.</summary>
public sealed class BenchDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        // Pooled connections would keep the deleted database files, and their disk space, until the process exits.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not remove {Path}: {e.Message}");
        }
    }
}
