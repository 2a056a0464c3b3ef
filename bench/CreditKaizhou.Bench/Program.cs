namespace CreditKaizhou.Bench;

/// <summary>
/// Benchmarks and benchmark data of the service, one command per file:
///   ingest    records per second through the batch API and the record store (IngestCommand.cs)
///   generate  a deterministic SQLite database of 1,000,000 subjects and 5,000,000 records (GenerateCommand.cs)
///   search    subject search latency on that database (SearchCommand.cs)
///   read      how a JSON batch's records are read: one pass against the serializer (ReadCommand.cs)
/// </summary>
/// <remarks>
/// An explicit internal class, not top-level statements: the tests reference this project beside the service, whose
/// public Program they host, and a second public Program would make the name ambiguous.
/// </remarks>
internal static class Program
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "ingest" => await IngestCommand.RunAsync(args[1..]),
        "generate" => await GenerateCommand.RunAsync(args[1..]),
        "search" => await SearchCommand.RunAsync(args[1..]),
        "read" => await ReadCommand.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              CreditKaizhou.Bench ingest [--postgres <connection string>] [--batches N]
              CreditKaizhou.Bench generate --out <file.db> [--subjects 1000000] [--records 5000000] [--per-commit 250000]
              CreditKaizhou.Bench search --db <copy of the generated file.db> [--rounds 20]
              CreditKaizhou.Bench read [--rounds 30] [--warmup 10]
            """);
        return 2;
    }
}
