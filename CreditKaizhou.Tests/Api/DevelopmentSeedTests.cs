using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using Dapper;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class DevelopmentSeedTests(Engine engine)
{
    [Test]
    public async Task Seed_RunTwice_LoadsTheDemoDataOnce()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await api.Services.GetRequiredServiceForTest<DevelopmentSeed>().SeedAsync(default);

        await using var db = TestEngines.CreateDataSource(api.Engine, api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM departments"), Is.EqualTo(DemoDepartments.All.Count));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_clients"), Is.EqualTo(6));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM subjects"), Is.EqualTo(DemoSubjects.All.Count));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM records"), Is.EqualTo(DemoRecords.All.Count));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM record_revisions"), Is.EqualTo(DemoRecords.All.Count));
        });
    }

    [TestCase("SCJGJ")]
    [TestCase("SWJ")]
    [TestCase("FY")]
    public async Task Seed_EveryDemoRecordSubmittedAgainAsItStands_IsItsDuplicate(string department)
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var client = api.CreateClient("dev-dept-" + department.ToLowerInvariant());
        var records = DemoRecords.All.Where(r => r.DepartmentCode == department).ToList();
        Assert.That(records, Is.Not.Empty);

        foreach (var r in records)
        {
            var subject = DemoSubjects.All.Single(s => s.Code == r.SubjectCode);
            using var response = await client.PostAsJsonAsync("/api/v1/records", new
            {
                catalogueCode = r.CatalogueCode,
                subject = new { code = subject.Code, name = subject.Name, type = subject.SubjectType },
                sourceRef = r.SourceRef,
                fields = r.Fields,
                decisionDate = r.DecisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                severity = r.Severity,
                effectiveFrom = r.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                effectiveTo = r.EffectiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{r.SourceRef}: {body}");
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString(), Is.EqualTo("duplicate"), r.SourceRef);
        }

        await using var db = TestEngines.CreateDataSource(api.Engine, api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM records"), Is.EqualTo(DemoRecords.All.Count));
    }

    [Test]
    public async Task Seed_StoresPersonsWithoutTheirIdNumbers()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await using var db = TestEngines.CreateDataSource(api.Engine, api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();

        var stored = string.Join('\n', await connection.QueryAsync<string>(
            "SELECT CONCAT(lookup_key, ' ', display_code, ' ', name) FROM subjects WHERE subject_type = 'person'"));
        var persons = DemoSubjects.All.Where(s => s.SubjectType == "person").ToList();

        Assert.That(persons, Is.Not.Empty);
        foreach (var person in persons)
        {
            Assert.Multiple(() =>
            {
                Assert.That(stored, Does.Not.Contain(person.Code), "no clear ID number");
                Assert.That(stored, Does.Contain(person.Code[..4] + "**********" + person.Code[^4..]), "masked form kept");
            });
        }
    }

    [Test]
    public async Task Departments_FromTheSeed_IncludeTheThreeOfTheDemoKeys()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var client = api.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/departments?pageSize=200");
        var codes = body.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(12));
            Assert.That(codes, Is.SupersetOf(new[] { "SCJGJ", "SWJ", "FY" }));
        });
    }
}

internal static class ServiceProviderTestExtensions
{
    public static T GetRequiredServiceForTest<T>(this IServiceProvider services) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
