using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Api.Infrastructure.Privacy;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Bench;

/// <summary>
/// Subject search on the generated district database: the search endpoint's handler in-process (everything but HTTP:
/// validation aside, the gram index, the subjects of the page and their list flags), one search at a time, each
/// query run <c>--rounds</c> times after a warm-up; p50/p90/p99 per kind of query.
///   dotnet run -c Release --project bench/CreditKaizhou.Bench -- search --db /tmp/ck-1m-search.db [--rounds 20]
/// The database is migrated first (migration 0003 fills the gram index once): run it on a copy of the generated file.
/// </summary>
public static class SearchCommand
{
    private static readonly string[] TwoCharacters = ["开州", "建设", "商贸", "有限", "公司", "科技", "农业", "医药", "超市", "餐馆", "茶楼", "物流", "开县"];

    private static readonly string[] CommonFragments = ["开州区", "重庆市开州区", "建设工程", "商贸有限公司", "有限责任公司", "开州区渠口镇"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = new CommandLine(args);
        if (line.Option("--db") is not { } path || !File.Exists(path))
        {
            Console.Error.WriteLine("search needs --db <file.db>: a copy of the generated database (generate --out …; cp --reflink=auto)");
            return 2;
        }

        var rounds = line.Int("--rounds", 20);
        using var folder = new BenchDirectory("ck-search-"); // removed after the host below is disposed
        var contentRoot = folder.Path;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true }.ToString();
        Console.WriteLine($"# Subject search, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var started = Stopwatch.StartNew();
        await using var app = await BenchHost.StartAsync("Sqlite", connectionString, contentRoot, TimeProvider.System, generatedCatalogue: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-up with migrations: {started.Elapsed.TotalSeconds:F1} s"));

        var queries = await QueriesAsync(connectionString);
        var services = app.Services;
        var search = services.GetRequiredService<SubjectSearch>();
        var subjects = services.GetRequiredService<SubjectRepository>();
        var views = services.GetRequiredService<SubjectViews>();
        var ids = services.GetRequiredService<PersonalIdProtector>();
        await services.GetRequiredService<ListIndex>().CurrentAsync(CancellationToken.None);
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        async Task<double> RunOnce(string q)
        {
            var clock = Stopwatch.StartNew();
            var result = await SubjectEndpoints.SearchSubjects(new SearchSubjectsRequest(q, 1, 20), search, subjects, views, ids, anonymous,
                TimeProvider.System, CancellationToken.None);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (result.Value!.Total == 0)
            {
                throw new InvalidOperationException($"'{q}' found nothing: not a meaningful benchmark query");
            }

            return elapsed;
        }

        foreach (var (_, q) in queries)
        {
            await RunOnce(q);
        }

        var times = queries.Select(q => q.Kind).Distinct().ToDictionary(k => k, _ => new List<double>());
        var worst = new Dictionary<string, double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (kind, q) in queries)
            {
                var ms = await RunOnce(q);
                times[kind].Add(ms);
                worst[q] = Math.Max(worst.GetValueOrDefault(q), ms);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| queries | searches | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (kind, list) in times.Append(new("all", times.Values.SelectMany(t => t).ToList())))
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {list.Count:N0} | {P(list, 50):F2} | {P(list, 90):F2} | {P(list, 99):F2} | {list[^1]:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("slowest queries (max ms): " + string.Join(", ",
            worst.OrderByDescending(w => w.Value).Take(8).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key} {w.Value:F1}"))));
        return 0;
    }

    /// <summary>
    /// The fixed fragments, plus 字号 (the two characters after the place name), whole names and credit codes of 40
    /// subjects spread evenly over the table, so every run asks the same questions.
    /// </summary>
    private static async Task<List<(string Kind, string Q)>> QueriesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        var sample = (await connection.QueryAsync<(string Name, string Code)>(
            "SELECT name, display_code FROM subjects WHERE rowid % 25000 = 17 AND name LIKE '重庆市开州区%' ORDER BY rowid LIMIT 40")).ToList();
        return
        [
            .. TwoCharacters.Select(q => ("2 characters (开州 建设 商贸 …)", q)),
            .. CommonFragments.Select(q => ("common longer fragments (开州区, 建设工程 …)", q)),
            .. sample.Select(s => ("字号 + 2 (e.g. 怡灿医药)", s.Name.Substring(6, 4))),
            .. sample.Select(s => ("whole names", s.Name)),
            .. sample.Select(s => ("credit codes", s.Code)),
        ];
    }

    private static double P(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
