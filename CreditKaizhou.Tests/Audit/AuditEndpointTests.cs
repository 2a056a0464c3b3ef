using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Checks;
using CreditKaizhou.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c> through HTTP: keyset pages newest first, each filter, the entry a check leaves, and who
/// may read the log. Each test writes entries under a client id of its own, so tests sharing the database do not meet.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class AuditEndpointTests(Engine engine)
{
    private const string IdNumber = "11010519491231002X";
    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await ApiFactory.StartAsync(engine);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task List_ByClient_PagesNewestFirstByKeyset()
    {
        var client = Guid.CreateVersion7();
        await WriteAsync(client, 5);
        using var admin = Api.CreateClient("dev-admin");

        var first = await GetAsync(admin, $"/api/v1/audit?clientId={client}&pageSize=2");
        var second = await GetAsync(admin, $"/api/v1/audit?clientId={client}&pageSize=2&after={first.GetProperty("nextAfter").GetInt64()}");
        var third = await GetAsync(admin, $"/api/v1/audit?clientId={client}&pageSize=2&after={second.GetProperty("nextAfter").GetInt64()}");

        var sequences = new[] { first, second, third }.SelectMany(p => Items(p).Select(i => i.GetProperty("sequence").GetInt64())).ToList();
        var newest = Items(first)[0];
        Assert.Multiple(() =>
        {
            Assert.That(Items(first).Select(Purpose), Is.EqualTo(new[] { "第 5 次", "第 4 次" }));
            Assert.That(Items(second).Select(Purpose), Is.EqualTo(new[] { "第 3 次", "第 2 次" }));
            Assert.That(Items(third).Select(Purpose), Is.EqualTo(new[] { "第 1 次" }));
            Assert.That(third.GetProperty("nextAfter").ValueKind, Is.EqualTo(JsonValueKind.Null), "no page after the last");
            Assert.That(sequences, Is.Ordered.Descending.And.Unique);
            Assert.That(first.GetProperty("nextAfter").GetInt64(), Is.EqualTo(sequences[1]));
            Assert.That(newest.GetProperty("clientId").GetGuid(), Is.EqualTo(client));
            Assert.That(newest.GetProperty("clientName").GetString(), Is.EqualTo("窗口测试"));
            Assert.That(newest.GetProperty("role").GetString(), Is.EqualTo("clerk"));
            Assert.That(newest.GetProperty("action").GetString(), Is.EqualTo(AccessActions.SubjectProfile));
            Assert.That(newest.GetProperty("subjectKey").GetString(), Is.EqualTo(CheckScenarioTests.CompanyX));
            Assert.That(newest.GetProperty("subjectDisplay").GetString(), Is.EqualTo("重庆开州普利食品有限公司"));
            Assert.That(newest.GetProperty("resultSize").GetInt64(), Is.EqualTo(5));
            Assert.That(newest.GetProperty("hash").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(Items(first)[1].GetProperty("hash").GetString(), Is.Not.EqualTo(newest.GetProperty("hash").GetString()));
        });
    }

    [Test]
    public async Task List_BySubject_FindsACreditCodeAsItIsAndAnIdNumberByItsKey()
    {
        var client = Guid.CreateVersion7();
        var key = Api.Services.GetRequiredService<PersonalIdProtector>().LookupKey(IdNumber);
        var writer = AuditDatabase.Writer(Api);
        var caller = AuditDatabase.Caller(client, "窗口测试", "clerk");
        await writer.WriteAsync(caller, new AccessEntry(AccessActions.SubjectRecords, key, "1101**********002X 张三", "个人查询", 3, null), default);
        await writer.WriteAsync(caller, new AccessEntry(AccessActions.SubjectRecords, CheckScenarioTests.CleanPartner, "汉丰商贸", null, 2, null), default);
        using var admin = Api.CreateClient("dev-admin");

        var byId = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&subject={IdNumber}"));
        var byKey = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&subject={key}"));
        var byCode = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&subject={CheckScenarioTests.CleanPartner}"));

        Assert.Multiple(() =>
        {
            Assert.That(byId.Select(i => i.GetProperty("subjectDisplay").GetString()), Is.EqualTo(new[] { "1101**********002X 张三" }));
            Assert.That(byId[0].GetProperty("subjectKey").GetString(), Is.EqualTo(key), "the key, never the number");
            Assert.That(byKey.Select(i => i.GetProperty("sequence").GetInt64()), Is.EqualTo(byId.Select(i => i.GetProperty("sequence").GetInt64())));
            Assert.That(byCode.Select(i => i.GetProperty("subjectDisplay").GetString()), Is.EqualTo(new[] { "汉丰商贸" }));
        });
    }

    [Test]
    public async Task List_ByActionAndTime_ReturnsOnlyTheMatchingEntries()
    {
        var client = Guid.CreateVersion7();
        await WriteAsync(client, 4);
        var writer = AuditDatabase.Writer(Api);
        await writer.WriteAsync(AuditDatabase.Caller(client, "窗口测试", "clerk"),
            new AccessEntry(AccessActions.ReportIssue, CheckScenarioTests.CompanyX, "重庆开州普利食品有限公司", "银行贷款", 9, "KZXY-20261126-000007"), default);
        using var admin = Api.CreateClient("dev-admin");
        var all = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}"));
        var second = Uri.EscapeDataString(all[3].GetProperty("recordedAt").GetString()!);
        var fourth = Uri.EscapeDataString(all[1].GetProperty("recordedAt").GetString()!);

        var reports = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&action=report.issue"));
        var window = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&from={second}&to={fourth}"));
        // The same instants written in China time select the same entries.
        static string InChina(JsonElement item) => Uri.EscapeDataString(item.GetProperty("recordedAt").GetDateTimeOffset()
            .ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var windowInChina = Items(await GetAsync(admin, $"/api/v1/audit?clientId={client}&from={InChina(all[3])}&to={InChina(all[1])}"));

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(5));
            Assert.That(windowInChina.Select(Purpose), Is.EqualTo(new[] { "第 3 次", "第 2 次" }), "instants with another offset");
            Assert.That(reports.Select(i => i.GetProperty("reference").GetString()), Is.EqualTo(new[] { "KZXY-20261126-000007" }));
            Assert.That(window.Select(Purpose), Is.EqualTo(new[] { "第 3 次", "第 2 次" }), "from inclusive, to exclusive");
        });
    }

    [Test]
    public async Task Check_LeavesAnEntry_WithItsClientBiddersSubjectsAndCheckId()
    {
        using var bidding = Api.CreateClient("dev-bidding");
        var me = await bidding.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var check = await CheckScenarioTests.CheckAsync(bidding, null, null);
        var checkId = check.GetProperty("checkId").GetString();
        using var admin = Api.CreateClient("dev-admin");

        var entries = Items(await GetAsync(admin, $"/api/v1/audit?action=check&clientId={me.GetProperty("id").GetString()}&pageSize=200"));

        var entry = entries.Single(e => e.GetProperty("reference").GetString() == checkId);
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("clientName").GetString(), Is.EqualTo(me.GetProperty("name").GetString()));
            Assert.That(entry.GetProperty("role").GetString(), Is.EqualTo("bidding"));
            Assert.That(entry.GetProperty("resultSize").GetInt64(), Is.EqualTo(2), "two bidders");
            Assert.That(entry.GetProperty("subjectDisplay").GetString(), Is.EqualTo("2 个主体"), "X, and the consortium of the partner and X");
            Assert.That(entry.GetProperty("subjectKey").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(entry.GetProperty("purpose").GetString(), Is.EqualTo("tendering KZ-2026-GC-0147"));
            Assert.That(entry.GetProperty("recordedAt").GetDateTimeOffset(), Is.EqualTo(check.GetProperty("checkedAt").GetDateTimeOffset()));
        });
    }

    [Test]
    public async Task List_WithMoreThan200Entries_IsCappedAt200PerPage()
    {
        var client = Guid.CreateVersion7();
        await WriteAsync(client, 201, parallel: true);
        using var admin = Api.CreateClient("dev-admin");

        var page = await GetAsync(admin, $"/api/v1/audit?clientId={client}&pageSize=1000");
        var rest = await GetAsync(admin, $"/api/v1/audit?clientId={client}&after={page.GetProperty("nextAfter").GetInt64()}");

        Assert.Multiple(() =>
        {
            Assert.That(Items(page), Has.Count.EqualTo(200));
            Assert.That(Items(rest), Has.Count.EqualTo(1));
            Assert.That(rest.GetProperty("nextAfter").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("dev-clerk", "/api/v1/audit")]
    [TestCase("dev-bidding", "/api/v1/audit")]
    [TestCase("dev-dept-fy", "/api/v1/audit/verify")]
    [TestCase("dev-clerk", "/api/v1/audit/verify")]
    public async Task Audit_ForAnotherRole_Returns403(string key, string path)
    {
        using var client = Api.CreateClient(key);

        using var response = await client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
    }

    [TestCase("/api/v1/audit")]
    [TestCase("/api/v1/audit/verify")]
    public async Task Audit_WithoutKey_Returns401(string path)
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
    }

    [Test]
    public async Task List_WithBadFilters_Returns400NamingEachOne()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.GetAsync(
            "/api/v1/audit?subject=91110000600037341N9&action=subject.read&pageSize=0&after=0&from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["subject"] = ["subject 的值 '91110000600037341N9' 不是统一社会信用代码或居民身份证号码。"],
            ["action"] = ["action 应为 subject.profile、subject.records、record.read、list.entries、report.issue、report.read、check 之一，实际为 'subject.read'。"],
            ["pageSize"] = ["'pageSize' 必须大于或等于 '1'。"],
            ["after"] = ["'after' 必须大于或等于 '1'。"],
            ["to"] = ["to 必须晚于 from。"],
        }));
    }

    [Test]
    public async Task List_WithABadSubjectInEnglish_SaysSoInEnglish()
    {
        using var admin = Api.CreateClient("dev-admin", "en");

        using var response = await admin.GetAsync("/api/v1/audit?subject=abc");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["subject"],
            Is.EqualTo(new[] { "subject 'abc' is neither a unified social credit code nor a resident ID number." }));
    }

    [Test]
    public async Task List_WithAMalformedInstant_Returns400NotA500()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.GetAsync("/api/v1/audit?from=yesterday");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Does.ContainKey("from"));
    }

    private async Task WriteAsync(Guid client, int count, bool parallel = false)
    {
        var writer = AuditDatabase.Writer(Api);
        var caller = AuditDatabase.Caller(client, "窗口测试", "clerk");
        Task Write(int i) => writer.WriteAsync(caller, new AccessEntry(AccessActions.SubjectProfile, CheckScenarioTests.CompanyX,
            "重庆开州普利食品有限公司", $"第 {i} 次", i, null), default);
        if (parallel)
        {
            await Task.WhenAll(Enumerable.Range(1, count).Select(Write));
            return;
        }

        for (var i = 1; i <= count; i++)
        {
            await Write(i);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string? Purpose(JsonElement item) => item.GetProperty("purpose").GetString();
}
