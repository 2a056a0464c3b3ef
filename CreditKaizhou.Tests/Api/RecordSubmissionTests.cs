using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>Submitting one record through HTTP: every field type valid and invalid, idempotency, ownership.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class RecordSubmissionTests(Engine engine)
{
    private ApiFactory? _api;
    private HttpClient? _scjgj;
    private HttpClient? _swj;

    private ApiFactory Api => _api!;

    private HttpClient Scjgj => _scjgj!;

    private HttpClient Swj => _swj!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine);
        using var admin = _api.CreateClient("dev-admin");
        await RecordTestCatalogue.CreateAsync(admin);
        _scjgj = _api.CreateClient("dev-dept-scjgj");
        _swj = _api.CreateClient("dev-dept-swj");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _scjgj?.Dispose();
        _swj?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    public static IEnumerable<TestCaseData> ValidFields()
    {
        yield return Case("string", new { decisionNumber = " 开市监罚1号 " }, "decisionNumber", "\"开市监罚1号\"");
        yield return Case("integer", new { decisionNumber = "x", count = 3 }, "count", "3");
        yield return Case("decimal", new { decisionNumber = "x", fineAmount = 12.50m }, "fineAmount", "12.5");
        yield return Case("date", new { decisionNumber = "x", decidedOn = "2026-02-28" }, "decidedOn", "\"2026-02-28\"");
        yield return Case("enum", new { decisionNumber = "x", penaltyType = "罚款" }, "penaltyType", "\"罚款\"");
        yield return Case("subjectCode", new { decisionNumber = "x", party = "91110000600037341L" }, "party", "\"91110000600037341L\"");
        yield return Case("subjectCode person masked", new { decisionNumber = "x", party = "11010519491231002X" }, "party", "\"1101**********002X\"");
        yield return Case("boolean", new { decisionNumber = "x", corrected = true }, "corrected", "true");

        static TestCaseData Case(string name, object fields, string key, string stored) =>
            new TestCaseData(fields, key, stored).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(ValidFields))]
    public async Task Submit_ValidFieldOfEachType_StoresTheNormalisedValue(object fields, string key, string storedJson)
    {
        var sourceRef = "valid-" + Guid.NewGuid().ToString("N");
        using var response = await Scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record(sourceRef, fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var record = await Scjgj.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}");
        var value = record.GetProperty("current").GetProperty("fields").GetProperty(key);
        Assert.That(System.Text.RegularExpressions.Regex.Unescape(value.GetRawText()), Is.EqualTo(storedJson));
    }

    public static IEnumerable<TestCaseData> InvalidFields()
    {
        yield return Case("string missing", new { count = 1 }, "$.fields.decisionNumber", "字段 decisionNumber（决定书文号）为必填项，未填写");
        yield return Case("string too long", new { decisionNumber = "开州区市场监管局罚字第一号" }, "$.fields.decisionNumber",
            "字段 decisionNumber（决定书文号）最多10个字符，实际为13个字符");
        yield return Case("integer fraction", new { decisionNumber = "x", count = 1.5 }, "$.fields.count", "字段 count（次数）应为整数，实际为 1.5");
        yield return Case("integer as string", new { decisionNumber = "x", count = "3" }, "$.fields.count", "字段 count（次数）应为整数，实际为文本 '3'");
        yield return Case("decimal text", new { decisionNumber = "x", fineAmount = "abc" }, "$.fields.fineAmount",
            "字段 fineAmount（罚款金额）应为数值（单位：万元），实际为文本 'abc'");
        yield return Case("date impossible", new { decisionNumber = "x", decidedOn = "2026-02-30" }, "$.fields.decidedOn",
            "字段 decidedOn（处罚决定日期）的值 '2026-02-30' 不是实际存在的日期");
        yield return Case("enum unknown", new { decisionNumber = "x", penaltyType = "罚没" }, "$.fields.penaltyType",
            "字段 penaltyType（处罚类别）的值 '罚没' 不在允许值中：警告、罚款");
        yield return Case("subjectCode check", new { decisionNumber = "x", party = "91110000600037341N" }, "$.fields.party",
            "字段 party（关联主体）不是有效的统一社会信用代码：第18位校验码应为 L，实际为 N。如该代码确由登记机关核发，请联系区信用办将其列为已知例外代码");
        yield return Case("boolean text", new { decisionNumber = "x", corrected = "yes" }, "$.fields.corrected",
            "字段 corrected（是否已整改）应为true 或 false，实际为文本 'yes'");
        yield return Case("unknown field", new { decisionNumber = "x", fine = 1 }, "$.fields.fine", "未知字段 fine：该目录条目没有此字段");

        static TestCaseData Case(string name, object fields, string path, string message) =>
            new TestCaseData(fields, path, message).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(InvalidFields))]
    public async Task Submit_InvalidFieldOfEachType_Returns400NamingTheFieldAndStoresNothing(object fields, string path, string message)
    {
        var sourceRef = "invalid-" + Guid.NewGuid().ToString("N");
        using var response = await Scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record(sourceRef, fields));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        var errors = ProblemAssert.Errors(problem);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { path }), problem.GetRawText());
        Assert.That(errors[path], Is.EqualTo(new[] { message }));
        using var stored = await Scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record(sourceRef));
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the rejected sourceRef was not stored, so it is still free");
    }

    /// <summary>JSON checks its structure, not the bytes in its strings: a value holding bytes that are not UTF-8 is a 400, not a 500.</summary>
    [Test]
    public async Task Submit_ArrayValueHoldingBytesThatAreNotUtf8_Returns400NamingTheField()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            RecordTestCatalogue.Record("not-utf8-" + Guid.NewGuid().ToString("N"), new { decisionNumber = "x", count = new[] { "#" } })));
        using var content = new ByteArrayContent(text.Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await Scjgj.PostAsync("/api/v1/records", content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["$.fields.count"], Is.EqualTo(new[] { "字段 count（次数）应为整数，实际为数组" }), problem.GetRawText());
    }
}
