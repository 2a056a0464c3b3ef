using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Domain.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Bench;

/// <summary>
/// Ingestion benchmark: records per second through POST /api/v1/records/batch (JSON and CSV, 10,000-row
/// batches, the Release build of the service as its own process) against the same rows written directly
/// through the record store in-process, on the same machine in one run.
///   dotnet run -c Release --project bench/CreditKaizhou.Bench -- ingest [--postgres &lt;connection string&gt;] [--batches N]
/// </summary>
public static class IngestCommand
{
    private const int Rows = 10_000;
    private const string SqliteFile = "bench.db";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = new CommandLine(args);
        var batches = options.Int("--batches", 5);
        var warmup = options.Int("--warmup", 10);
        var postgres = options.Option("--postgres");

        var engines = new List<(string Provider, Func<string, string> Database)> { ("Sqlite", dir => $"Data Source={Path.Combine(dir, SqliteFile)}") };
        var created = new List<string>();
        if (postgres is not null)
        {
            engines.Add(("Postgres", dir => PostgresDatabase(postgres, Path.GetFileName(dir), created)));
        }

        Console.WriteLine($"# Ingestion benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"{batches} measured batches of {Rows} records each, after {warmup} warm-up batches of each kind; median records/s");
        Console.WriteLine();
        Console.WriteLine("| engine | direct (store in-process) | API, JSON | API, CSV | JSON / direct | CSV / direct | service CPU per batch, JSON / CSV |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var footnotes = new List<string>();
        try
        {
            foreach (var (provider, database) in engines)
            {
                var (direct, logPages) = await DirectAsync(provider, database, warmup, batches);
                var (json, csv) = await ThroughApiAsync(provider, database, warmup, batches);
                Console.WriteLine($"| {provider} | {direct:N0} | {json.Rate:N0} | {csv.Rate:N0} | {json.Rate / direct:P0} | {csv.Rate / direct:P0} | "
                    + $"{json.Cpu.TotalSeconds:N2} s / {csv.Cpu.TotalSeconds:N2} s |");
                if (logPages is not null)
                {
                    footnotes.Add($"{provider}: a direct batch wrote {logPages:N0} pages to the write-ahead log (median).");
                }
            }
        }
        finally
        {
            if (postgres is not null)
            {
                DropDatabases(postgres, created);
            }
        }

        if (footnotes.Count > 0)
        {
            Console.WriteLine();
            footnotes.ForEach(Console.WriteLine);
        }

        return 0;
    }

    /// <summary>The median rate of the store alone, and on SQLite the median number of pages a batch wrote to the log.</summary>
    private static async Task<(double Rate, double? LogPages)> DirectAsync(string provider, Func<string, string> database, int warmup,
        int batches)
    {
        using var folder = new BenchDirectory("ck-bench-direct-"); // removed after the host below is disposed
        var dir = folder.Path;
        await using var app = await BenchHost.StartAsync(provider, database(dir), dir, TimeProvider.System, generatedCatalogue: false);
        var intake = app.Services.GetRequiredService<RecordIntake>();
        var store = app.Services.GetRequiredService<IRecordStore>();
        var log = provider == "Sqlite" ? new SqliteLog(Path.Combine(dir, SqliteFile)) : null;
        var rates = new List<double>();
        var logPages = new List<double>();
        for (var b = 0; b < warmup + batches; b++)
        {
            // Validation and normalisation happen before the clock starts: only the store's writing is timed.
            var inputs = System.Text.Json.JsonSerializer.Deserialize<List<RecordInput?>>(BenchRows.Json(BenchRows.Rows($"D{b}-", Rows)),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            var prepared = await intake.PrepareAsync("SCJGJ", inputs, default);
            var submissions = prepared.Rows.Select(r => r.Submission ?? throw new InvalidOperationException(string.Join("; ", r.Errors!.Select(e => e.Key + ": " + e.Value[0])))).ToList();
            var logBefore = log?.Read();
            var watch = Stopwatch.StartNew();
            var results = await store.WriteAsync(submissions, null, DateTimeOffset.UtcNow, default);
            watch.Stop();
            var logAfter = log?.Read();
            if (results.Any(r => r.Outcome != RecordOutcome.Stored))
            {
                throw new InvalidOperationException("The direct batch did not store every record.");
            }

            if (b >= warmup)
            {
                rates.Add(Rows / watch.Elapsed.TotalSeconds);
                if (logBefore is { } before && logAfter is { } after)
                {
                    logPages.Add(SqliteLog.Written(before, after));
                }
            }
        }

        return (Median.Of(rates), logPages.Count > 0 ? Median.Of(logPages) : null);
    }

    private static async Task<(Measured Json, Measured Csv)> ThroughApiAsync(string provider, Func<string, string> database, int warmup, int batches)
    {
        using var folder = new BenchDirectory("ck-bench-api-");
        var dir = folder.Path;
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CreditKaizhou.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"]) { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardOutput = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__CreditKaizhou"] = database(dir);
        start.Environment["Seed__GeneratedCatalogue"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "dev-dept-scjgj");
            for (var i = 0; ; i++)
            {
                try
                {
                    if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (i < 600)
                {
                }

                await Task.Delay(100);
            }

            // The service's code is compiled to its final form over its first requests: both kinds warm up before either is timed.
            await RateAsync(client, process, "WJ", BenchRows.Json, "application/json", warmup, 0);
            await RateAsync(client, process, "WC", BenchRows.Csv, "text/csv", warmup, 0);
            var json = await RateAsync(client, process, "J", BenchRows.Json, "application/json", 0, batches);
            var csv = await RateAsync(client, process, "C", BenchRows.Csv, "text/csv", 0, batches);
            return (json, csv);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The median rate, and the median CPU time the service process spent on one batch (all its threads).</summary>
    private sealed record Measured(double Rate, TimeSpan Cpu);

    private static async Task<Measured> RateAsync(HttpClient client, Process service, string prefix, Func<IEnumerable<BenchRows.Row>, byte[]> encode,
        string mediaType, int warmup, int batches)
    {
        var rates = new List<double>();
        var cpu = new List<double>();
        for (var b = 0; b < warmup + batches; b++)
        {
            var body = encode(BenchRows.Rows($"{prefix}{b}-", Rows));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            service.Refresh();
            var cpuBefore = service.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync($"/api/v1/records/batch?catalogueCode={BenchRows.CatalogueCode}", content);
            var answer = await response.Content.ReadAsStringAsync();
            watch.Stop();
            service.Refresh();
            var cpuSpent = service.TotalProcessorTime - cpuBefore;
            if (!response.IsSuccessStatusCode || !answer.Contains($"\"accepted\":{Rows},", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The {mediaType} batch was not fully accepted: {answer[..Math.Min(answer.Length, 500)]}");
            }

            if (b >= warmup)
            {
                rates.Add(Rows / watch.Elapsed.TotalSeconds);
                cpu.Add(cpuSpent.TotalSeconds);
            }
        }

        return rates.Count == 0 ? new Measured(0, TimeSpan.Zero) : new Measured(Median.Of(rates), TimeSpan.FromSeconds(Median.Of(cpu)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string PostgresDatabase(string server, string name, List<string> created)
    {
        var database = "bench_" + new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        using var connection = new Npgsql.NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {database}";
        command.ExecuteNonQuery();
        created.Add(database);
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    /// <summary>The benchmark's databases go when it ends, also on a server of one's own (<c>--postgres</c>).</summary>
    private static void DropDatabases(string server, List<string> created)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(server);
        connection.Open();
        foreach (var database in created)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
