using System.Globalization;
using CreditKaizhou.Bench.Generator;

namespace CreditKaizhou.Bench;

/// <summary>
/// Writes a new SQLite database of deterministic benchmark data: the service's migrations and Development seed,
/// then the generated subjects and records (see <see cref="DataGenerator"/>).
///   dotnet run -c Release --project bench/CreditKaizhou.Bench -- generate --out &lt;file.db&gt; [--subjects 1000000] [--records 5000000]
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = new CommandLine(args);
        if (line.Option("--out") is not { } path)
        {
            Console.Error.WriteLine("generate needs --out <file.db> (a file that does not exist yet)");
            return 2;
        }

        var defaults = new GeneratorOptions();
        var options = defaults with
        {
            Subjects = line.Int("--subjects", defaults.Subjects),
            Records = line.Int("--records", defaults.Records),
            RecordsPerCommit = line.Int("--per-commit", defaults.RecordsPerCommit),
        };
        Console.WriteLine($"# Data generator, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"{options.Subjects:N0} subjects, {options.Records:N0} records, {options.RecordsPerCommit:N0} records per commit, seed {options.Seed:X16}");
        var result = await DataGenerator.GenerateAsync(path, options, Console.Out);
        Print(result);
        return 0;
    }

    private static void Print(GeneratorResult r)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"seed {r.SeedTime.TotalSeconds:F1} s, generation {r.GenerateTime.TotalSeconds:F1} s ({r.GenerateCpuTime.TotalSeconds:F1} s of CPU time), database {r.DatabaseBytes / 1048576.0:N0} MiB"));
        Console.WriteLine(string.Create(c, $"{r.Subjects:N0} subjects ({r.Deregistered:N0} deregistered), {r.Records:N0} records, {r.Revocations:N0} revocations, {r.ChangeLogRows:N0} change-log rows"));
        Console.WriteLine();
        Console.WriteLine("| list | entry | subjects | share | listed on " + DataGenerator.ReferenceDay.ToString("yyyy-MM-dd", c) + " | revoked |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var l in r.Lists)
        {
            Console.WriteLine(string.Create(c, $"| {l.ListCode} | {l.EntryCode} | {l.Subjects:N0} | {100.0 * l.Subjects / r.Subjects:F2} % | {l.ListedOnReferenceDay:N0} | {l.Revoked:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| entry | records | share |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (entry, count) in r.RecordsByEntry)
        {
            Console.WriteLine(string.Create(c, $"| {entry} | {count:N0} | {100.0 * count / r.Records:F2} % |"));
        }

        Console.WriteLine();
        Console.WriteLine($"codes and source refs SHA-256: {r.CodesHash}");
        Console.WriteLine($"content SHA-256:               {r.ContentHash}");
    }
}
