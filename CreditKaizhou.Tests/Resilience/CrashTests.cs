using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;

namespace CreditKaizhou.Tests.Resilience;

/// <summary>
/// The service killed with SIGKILL in the middle of a large batch leaves either the whole batch or
/// none of it, and a resubmission then stores every record exactly once.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[Category("Process")]
[NonParallelizable]
public sealed class CrashTests(Engine engine)
{
    private const int Rows = 10_000;

    [Test]
    public async Task KilledDuringABatch_StoresAllOrNothing_AndAResubmissionCompletesItOnce()
    {
        var connectionString = await TestEngines.CreateDatabaseAsync(engine);
        var workingDirectory = Directory.CreateTempSubdirectory("creditkaizhou-crash-").FullName;
        try
        {
            var killedInFlight = 0;
            var outcomes = new List<long>();
            // Several rounds at different moments: before, during and after the commit are all possible; each must be all or nothing.
            foreach (var fraction in new[] { 0.3, 0.6, 0.85 })
            {
                var prefix = $"CRASH-{fraction:F2}-";
                await using (var service = await ServiceProcess.StartAsync(engine, connectionString, workingDirectory))
                {
                    var duration = await TimeBatchAsync(service, $"WARM-{fraction:F2}-");
                    using var client = Client(service);
                    var send = client.PostAsJsonAsync("/api/v1/records/batch", Batch(prefix));
                    await Task.Delay(TimeSpan.FromMilliseconds(duration.TotalMilliseconds * fraction));
                    service.Kill();
                    try
                    {
                        using var answered = await send;
                    }
                    catch (HttpRequestException)
                    {
                        killedInFlight++;
                    }
                }

                var stored = await CountAsync(connectionString, prefix);
                outcomes.Add(stored);
                Assert.That(stored, Is.EqualTo(0).Or.EqualTo(Rows), $"after the kill at {fraction:P0} of a batch");

                await using (var service = await ServiceProcess.StartAsync(engine, connectionString, workingDirectory))
                {
                    using var client = Client(service);
                    var result = await (await client.PostAsJsonAsync("/api/v1/records/batch", Batch(prefix))).Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Multiple(() =>
                    {
                        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(Rows - stored));
                        Assert.That(result.GetProperty("duplicates").GetInt32(), Is.EqualTo(stored));
                        Assert.That(result.GetProperty("rejected").GetInt32(), Is.Zero);
                    });
                }

                Assert.That(await CountAsync(connectionString, prefix), Is.EqualTo(Rows), "exactly once after the resubmission");
            }

            TestContext.Out.WriteLine($"records stored when killed: {string.Join(", ", outcomes)}; requests cut off in flight: {killedInFlight} of 3");
            Assert.That(killedInFlight, Is.GreaterThan(0), "at least one kill must land while a batch is being processed");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static async Task<TimeSpan> TimeBatchAsync(ServiceProcess service, string prefix)
    {
        using var client = Client(service);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/v1/records/batch", Batch(prefix));
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static HttpClient Client(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-dept-scjgj");
        return client;
    }

    private static List<object> Batch(string prefix) => Enumerable.Range(1, Rows).Select(i => (object)new
    {
        catalogueCode = "KZ-SCJGJ-JYYC",
        subject = new { code = "91500154MA5UFB1W3Q", name = "重庆市开州区汉丰商贸有限公司" },
        sourceRef = prefix + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        fields = new { listingReason = "未按照规定的期限公示年度报告", listedDate = "2026-06-30", authority = "重庆市开州区市场监督管理局" },
        decisionDate = "2026-06-30",
    }).ToList();

    private async Task<long> CountAsync(string connectionString, string prefix)
    {
        await using var db = TestEngines.CreateDataSource(engine, connectionString);
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM records WHERE source_ref LIKE @Prefix", new { Prefix = prefix + "%" });
    }
}
