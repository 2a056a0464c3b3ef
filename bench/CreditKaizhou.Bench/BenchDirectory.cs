namespace CreditKaizhou.Bench;

/// <summary>A temporary folder for one benchmark run's database and content root, removed when the run ends.</summary>
public sealed class BenchDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not remove {Path}: {e.Message}");
        }
    }
}
