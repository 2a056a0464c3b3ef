using System.Net;
using System.Net.Http.Json;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// A bulk load into tables PostgreSQL has never analysed analyses them, so that the next batches' lookups of source
/// references use the indexes instead of scanning every record (without statistics the planner takes the table for small).
/// </summary>
[TestFixture(Engine.Postgres, Category = "Postgres")]
public sealed class PostgresStatisticsTests(Engine engine)
{
    [Test]
    public async Task BatchOfAThousandRecords_IntoNeverAnalysedTables_AnalysesThem_ASmallerOneDoesNot()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using (var admin = api.CreateClient("dev-admin"))
        {
            await RecordTestCatalogue.CreateAsync(admin);
        }

        using var scjgj = api.CreateClient("dev-dept-scjgj");
        var before = await RecordsEstimateAsync(api);
        await PostAsync(scjgj, "ST-A-", 999);
        var afterSmall = await RecordsEstimateAsync(api);
        await PostAsync(scjgj, "ST-B-", 1000);
        var afterBulk = await RecordsEstimateAsync(api);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(-1), "never analysed");
            Assert.That(afterSmall, Is.EqualTo(-1));
            Assert.That(afterBulk, Is.GreaterThanOrEqualTo(1999));
        });
    }

    private static async Task PostAsync(HttpClient client, string prefix, int count)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/records/batch",
            Enumerable.Range(1, count).Select(i => RecordTestCatalogue.Record($"{prefix}{i}")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The planner's row count of <c>records</c>: -1 until the table is first analysed.</summary>
    private static async Task<double> RecordsEstimateAsync(ApiFactory api)
    {
        await using var db = TestEngines.CreateDataSource(api.Engine, api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<double>("SELECT reltuples FROM pg_class WHERE oid = 'records'::regclass");
    }
}
