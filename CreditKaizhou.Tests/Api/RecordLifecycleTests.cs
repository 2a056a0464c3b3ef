using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>Idempotency, corrections, revocations and who may see what, through HTTP.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class RecordLifecycleTests(Engine engine)
{
    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine);
        using var admin = _api.CreateClient("dev-admin");
        await RecordTestCatalogue.CreateAsync(admin);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Submit_SameRecordTwice_SecondIsADuplicateAndStoresNothing()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var record = RecordTestCatalogue.Record("dup-1");

        using var first = await scjgj.PostAsJsonAsync("/api/v1/records", record);
        using var second = await scjgj.PostAsJsonAsync("/api/v1/records", record);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(b.GetProperty("outcome").GetString(), Is.EqualTo("duplicate"));
            Assert.That(b.GetProperty("id").GetString(), Is.EqualTo(a.GetProperty("id").GetString()));
        });
    }

    [Test]
    public async Task Submit_DifferentPayloadUnderTheSameSourceRef_Returns409PointingToTheCorrection()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var first = await scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record("conflict-1"));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var second = await scjgj.PostAsJsonAsync("/api/v1/records",
            RecordTestCatalogue.Record("conflict-1", new { decisionNumber = "开市监罚2号" }));

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "/problems/conflict");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("correction").GetString(), Is.EqualTo($"/api/v1/records/{id}"));
            Assert.That(problem.GetProperty("detail").GetString(),
                Is.EqualTo($"来源编号 conflict-1 已用于内容不同的记录 {id}；如需更正，请使用 PUT /api/v1/records/{id}。"));
        });
    }

    [Test]
    public async Task Submit_ForAnEntryOfAnotherDepartment_Returns403AndStoresNothing()
    {
        using var swj = Api.CreateClient("dev-dept-swj");
        using var response = await swj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record("foreign-1"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.That(problem.GetProperty("detail").GetString(),
            Is.EqualTo($"部门 SWJ 不是目录条目 {RecordTestCatalogue.Code} 的提供单位，不能报送其信息；本次未入库任何记录。"));
    }

    [Test]
    public async Task CorrectAndRevoke_ByAnotherDepartment_Return403AndChangeNothing()
    {
        var id = await SubmitAsync("owned-1");
        using var swj = Api.CreateClient("dev-dept-swj");
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var before = await scjgj.GetStringAsync($"/api/v1/records/{id}");

        using var correction = await swj.PutAsJsonAsync($"/api/v1/records/{id}", Correction("开市监罚9号"));
        using var revocation = await swj.PostAsJsonAsync($"/api/v1/records/{id}/revoke", new { reason = "误报" });

        var expected = $"记录 {id} 不是部门 SWJ 报送的，只有提供单位可以更正或撤销。";
        Assert.Multiple(async () =>
        {
            Assert.That((await ProblemAssert.IsProblemAsync(correction, HttpStatusCode.Forbidden, "/problems/forbidden")).GetProperty("detail").GetString(), Is.EqualTo(expected));
            Assert.That((await ProblemAssert.IsProblemAsync(revocation, HttpStatusCode.Forbidden, "/problems/forbidden")).GetProperty("detail").GetString(), Is.EqualTo(expected));
            Assert.That(await scjgj.GetStringAsync($"/api/v1/records/{id}"), Is.EqualTo(before), "nothing changed");
        });
    }

    [Test]
    public async Task Correct_ByOwner_AddsARevisionAndKeepsTheFirst()
    {
        var id = await SubmitAsync("correct-1");
        using var scjgj = Api.CreateClient("dev-dept-scjgj");

        using var corrected = await scjgj.PutAsJsonAsync($"/api/v1/records/{id}", Correction("开市监罚3号"));
        using var again = await scjgj.PutAsJsonAsync($"/api/v1/records/{id}", Correction("开市监罚3号"));
        var record = await scjgj.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");
        var revisions = record.GetProperty("revisions").EnumerateArray().ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await corrected.Content.ReadAsStringAsync());
            Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString(), Is.EqualTo("unchanged"));
            Assert.That(revisions.Select(r => r.GetProperty("fields").GetProperty("decisionNumber").GetString()),
                Is.EqualTo(new[] { "开市监罚1号", "开市监罚3号" }));
            Assert.That(record.GetProperty("current").GetProperty("revision").GetInt32(), Is.EqualTo(2));
            Assert.That(revisions.Select(r => r.GetProperty("reason").GetString()), Is.EqualTo(new[] { null, "文号录入错误" }));
        });
    }

    [Test]
    public async Task Revoke_ByOwner_IsAnEventAfterWhichThePublicNoLongerSeesTheRecord()
    {
        var id = await SubmitAsync("revoke-1");
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var anonymous = Api.CreateClient();
        using var visible = await anonymous.GetAsync($"/api/v1/records/{id}");
        Assert.That(visible.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var revoked = await scjgj.PostAsJsonAsync($"/api/v1/records/{id}/revoke", new { reason = "行政复议撤销原处罚决定" });
        using var twice = await scjgj.PostAsJsonAsync($"/api/v1/records/{id}/revoke", new { reason = "再次" });
        using var hidden = await anonymous.GetAsync($"/api/v1/records/{id}");
        var record = await scjgj.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");

        Assert.Multiple(async () =>
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict, "/problems/conflict");
            await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound, "/problems/not-found");
            Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("revoked"));
            Assert.That(record.GetProperty("events")[0].GetProperty("reason").GetString(), Is.EqualTo("行政复议撤销原处罚决定"));
            Assert.That(record.GetProperty("revisions").GetArrayLength(), Is.EqualTo(1), "the revision stays");
        });
    }

    [Test]
    public async Task SharedRecord_IsHiddenFromThePublicAndShownToAClerk()
    {
        var id = await SubmitAsync("shared-1", RecordTestCatalogue.SharedCode);
        using var anonymous = Api.CreateClient();
        using var clerk = Api.CreateClient("dev-clerk");

        using var hidden = await anonymous.GetAsync($"/api/v1/records/{id}");
        using var shown = await clerk.GetAsync($"/api/v1/records/{id}");

        Assert.Multiple(async () =>
        {
            await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound, "/problems/not-found");
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task MinorPenalty_IsNeverPublicButGovernmentUsersSeeIt()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var record = RecordTestCatalogue.Record("minor-1");
        record["severity"] = "minor";
        using var created = await scjgj.PostAsJsonAsync("/api/v1/records", record);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var anonymous = Api.CreateClient();
        using var clerk = Api.CreateClient("dev-clerk");

        using var hidden = await anonymous.GetAsync($"/api/v1/records/{id}");
        var shown = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");

        Assert.Multiple(async () =>
        {
            await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound, "/problems/not-found");
            Assert.That(shown.GetProperty("publicToday").GetBoolean(), Is.False);
            Assert.That(shown.GetProperty("current").GetProperty("publicityUntil").GetString(), Is.EqualTo("2026-11-19"), "the day before the decision: never public");
        });
    }

    [Test]
    public async Task GeneralPenalty_IsPublicForTwelveMonths()
    {
        var id = await SubmitAsync("general-1");
        using var anonymous = Api.CreateClient();
        var record = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("current").GetProperty("publicityUntil").GetString(), Is.EqualTo("2027-11-19"));
            Assert.That(record.TryGetProperty("revisions", out var revisions) && revisions.ValueKind == JsonValueKind.Null, Is.True,
                "the public sees no history");
        });
    }

    [Test]
    public async Task Subject_RenamedByALaterRecord_KeepsItsNameHistory()
    {
        const string Code = "91500154MA60HNXW5D";
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        await scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record("name-1", subjectCode: Code, subjectName: "开县兴隆劳务有限公司"));
        using var renamed = await scjgj.PostAsJsonAsync("/api/v1/records",
            RecordTestCatalogue.Record("name-2", subjectCode: Code, subjectName: "重庆市开州区兴隆劳务有限公司"));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        await using var db = TestEngines.CreateDataSource(Api.Engine, Api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        var names = (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT n.name FROM subject_names n JOIN subjects s ON s.id = n.subject_id WHERE s.lookup_key = @Code ORDER BY n.seq", new { Code })).ToList();
        var current = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT name FROM subjects WHERE lookup_key = @Code", new { Code });

        Assert.Multiple(() =>
        {
            Assert.That(names.TakeLast(2), Is.EqualTo(new[] { "开县兴隆劳务有限公司", "重庆市开州区兴隆劳务有限公司" }));
            Assert.That(current, Is.EqualTo("重庆市开州区兴隆劳务有限公司"));
        });
    }

    [Test]
    public async Task PersonSubject_IsStoredWithoutTheIdNumberInClear()
    {
        const string IdNumber = "360426199101010071";
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var created = await scjgj.PostAsJsonAsync("/api/v1/records",
            RecordTestCatalogue.Record("person-1", subjectCode: IdNumber, subjectName: "刘测试"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var record = await scjgj.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");

        await using var db = TestEngines.CreateDataSource(Api.Engine, Api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        var stored = string.Join(' ', await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT CONCAT(lookup_key, ' ', display_code, ' ', subject_type) FROM subjects WHERE name = '刘测试'"));

        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("subject").GetProperty("code").GetString(), Is.EqualTo("3604**********0071"));
            Assert.That(record.GetProperty("subject").GetProperty("type").GetString(), Is.EqualTo("person"));
            Assert.That(stored, Does.Not.Contain(IdNumber).And.Contain("3604**********0071").And.Contain("person"));
        });
    }

    private async Task<string> SubmitAsync(string sourceRef, string catalogueCode = RecordTestCatalogue.Code)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var response = await scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record(sourceRef, catalogueCode: catalogueCode));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static object Correction(string decisionNumber) => new
    {
        fields = new { decisionNumber },
        decisionDate = "2026-11-20",
        severity = "general",
        reason = "文号录入错误",
    };
}
