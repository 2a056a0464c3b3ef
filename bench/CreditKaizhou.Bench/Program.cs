using CreditKaizhou.Bench;

// Benchmarks and benchmark data of the service, one command per file:
//   ingest    records per second through the batch API and the record store (IngestCommand.cs)
//   generate  a deterministic SQLite database of 1,000,000 subjects and 5,000,000 records (GenerateCommand.cs)
return args.FirstOrDefault() switch
{
    "ingest" => await IngestCommand.RunAsync(args[1..]),
    "generate" => await GenerateCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          CreditKaizhou.Bench ingest [--postgres <connection string>] [--batches N]
          CreditKaizhou.Bench generate --out <file.db> [--subjects 1000000] [--records 5000000]
        """);
    return 2;
}
