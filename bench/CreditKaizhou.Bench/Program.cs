using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CreditKaizhou.Api.Features.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Bench;
using CreditKaizhou.Domain.Records;

// Ingestion benchmark: records per second through POST /api/v1/records/batch (JSON and CSV, 10,000-row
// batches, the Release build of the service as its own process) against the same rows written directly
// through the record store in-process, on the same machine in one run.
//   dotnet run -c Release --project bench/CreditKaizhou.Bench -- ingest [--postgres <connection string>] [--batches N]
var arguments = args.ToList();
string? Option(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
var batches = int.Parse(Option("--batches") ?? "5", CultureInfo.InvariantCulture);
var postgres = Option("--postgres");
const int Rows = 10_000;

var engines = new List<(string Provider, Func<string, string> Database)> { ("Sqlite", dir => $"Data Source={Path.Combine(dir, "bench.db")}") };
if (postgres is not null)
{
    engines.Add(("Postgres", dir => PostgresDatabase(postgres, Path.GetFileName(dir))));
}

Console.WriteLine($"# Ingestion benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"{batches} measured batches of {Rows} records each (after one warm-up batch); median records/s");
Console.WriteLine();
Console.WriteLine("| engine | direct (store in-process) | API, JSON | API, CSV | JSON / direct | CSV / direct |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (provider, database) in engines)
{
    var direct = await DirectAsync(provider, database);
    var (json, csv) = await ThroughApiAsync(provider, database);
    Console.WriteLine($"| {provider} | {direct:N0} | {json:N0} | {csv:N0} | {json / direct:P0} | {csv / direct:P0} |");
}

async Task<double> DirectAsync(string provider, Func<string, string> database)
{
    var dir = Directory.CreateTempSubdirectory("ck-bench-direct-").FullName;
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = dir });
    builder.Configuration["Database:Provider"] = provider;
    builder.Configuration["ConnectionStrings:CreditKaizhou"] = database(dir);
    builder.Configuration["Seed:GeneratedCatalogue"] = "false";
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddDatabase().AddRepositories().AddPrivacy().AddDevelopmentSeed();
    await using var app = builder.Build();
    await app.PrepareDatabaseAsync();
    var intake = app.Services.GetRequiredService<RecordIntake>();
    var store = app.Services.GetRequiredService<IRecordStore>();
    var rates = new List<double>();
    for (var b = 0; b <= batches; b++)
    {
        // Validation and normalisation happen before the clock starts: only the store's writing is timed.
        var inputs = System.Text.Json.JsonSerializer.Deserialize<List<RecordInput?>>(BenchRows.Json(BenchRows.Rows($"D{b}-", Rows)),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        var prepared = await intake.PrepareAsync("SCJGJ", inputs, default);
        var submissions = prepared.Rows.Select(r => r.Submission ?? throw new InvalidOperationException(string.Join("; ", r.Errors!.Select(e => e.Key + ": " + e.Value[0])))).ToList();
        var watch = Stopwatch.StartNew();
        var results = await store.WriteAsync(submissions, null, DateTimeOffset.UtcNow, default);
        watch.Stop();
        if (results.Any(r => r.Outcome != RecordOutcome.Stored))
        {
            throw new InvalidOperationException("The direct batch did not store every record.");
        }

        if (b > 0)
        {
            rates.Add(Rows / watch.Elapsed.TotalSeconds);
        }
    }

    return Median(rates);
}

async Task<(double Json, double Csv)> ThroughApiAsync(string provider, Func<string, string> database)
{
    var dir = Directory.CreateTempSubdirectory("ck-bench-api-").FullName;
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

        var json = await RateAsync(client, "J", BenchRows.Json, "application/json");
        var csv = await RateAsync(client, "C", BenchRows.Csv, "text/csv");
        return (json, csv);
    }
    finally
    {
        process.Kill(entireProcessTree: true);
    }
}

async Task<double> RateAsync(HttpClient client, string prefix, Func<IEnumerable<BenchRows.Row>, byte[]> encode, string mediaType)
{
    var rates = new List<double>();
    for (var b = 0; b <= batches; b++)
    {
        var body = encode(BenchRows.Rows($"{prefix}{b}-", Rows));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/v1/records/batch?catalogueCode={BenchRows.CatalogueCode}", content);
        var answer = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode || !answer.Contains($"\"accepted\":{Rows},", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {mediaType} batch was not fully accepted: {answer[..Math.Min(answer.Length, 500)]}");
        }

        if (b > 0)
        {
            rates.Add(Rows / watch.Elapsed.TotalSeconds);
        }
    }

    return Median(rates);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string PostgresDatabase(string server, string name)
{
    var database = "bench_" + new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
    using var connection = new Npgsql.NpgsqlConnection(server);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"CREATE DATABASE {database}";
    command.ExecuteNonQuery();
    return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
}
