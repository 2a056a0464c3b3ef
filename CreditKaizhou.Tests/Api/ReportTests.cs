using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// Credit reports: numbers per China day, verification by number and code, the snapshot that later changes to the
/// subject's records leave untouched, the printable page and who may issue and read reports.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed partial class ReportTests(Engine engine)
{
    private const string PublicBaseUrl = "https://xy.kaizhou.example.cn";
    private const string Subject = DemoSubjects.HanfengShangmao;

    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine, settings: new Dictionary<string, string?> { ["Reports:PublicBaseUrl"] = PublicBaseUrl });
        using var admin = Api.CreateClient("dev-admin");
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

    /// <summary>The printable page of a report.</summary>
    public static async Task<string> GetHtmlAsync(HttpClient client, string number, string? code = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/{number}" + (code is null ? "" : $"?code={code}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task Issue_AsClerk_GivesTodaysNextNumberACodeAndTheLocation()
    {
        using var clerk = Api.CreateClient("dev-clerk");

        using var first = await IssueAsync(clerk);
        using var second = await IssueAsync(clerk);

        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        var numberA = a.GetProperty("reportNumber").GetString()!;
        var numberB = b.GetProperty("reportNumber").GetString()!;
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(first.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/reports/{numberA}"));
            Assert.That(numberA, Does.Match(@"^KZXY-\d{8}-\d{6}$").And.StartWith($"KZXY-{day}-"));
            Assert.That(int.Parse(numberB[^6..], CultureInfo.InvariantCulture), Is.EqualTo(int.Parse(numberA[^6..], CultureInfo.InvariantCulture) + 1));
            Assert.That(a.GetProperty("verificationCode").GetString(), Does.Match("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"));
            Assert.That(a.GetProperty("verificationCode").GetString(), Is.Not.EqualTo(b.GetProperty("verificationCode").GetString()));
            Assert.That(a.GetProperty("subjectName").GetString(), Is.EqualTo(DemoSubjects.Get(Subject).Name));
        });
    }

    [Test]
    public async Task Issue_ConcurrentlyOnTwoInstances_GivesDistinctConsecutiveNumbers()
    {
        await using var other = ApiFactory.StartOn(engine, Api.ConnectionString);
        using var here = Api.CreateClient("dev-clerk");
        using var there = other.CreateClient("dev-clerk");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => IssueAsync(i % 2 == 0 ? here : there)));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportNumber").GetString()!);
            response.Dispose();
        }

        var sequence = numbers.Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.That(sequence, Is.EqualTo(Enumerable.Range(sequence[0], 10)), "unique and without gaps");
    }

    [Test]
    public async Task Verify_WithItsCode_IsGenuineWithNameAndIssueTimeOnly()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        using var anyone = Api.CreateClient();
        var (number, code, issuedAt) = await IssuedAsync(clerk);

        var text = await anyone.GetStringAsync($"/api/v1/reports/{number}/verify?code={code}");
        var lowerWithoutDashes = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{number}/verify?code={code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}");

        var body = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "genuine", "reportNumber", "subjectName", "issuedAt" }));
            Assert.That(body.GetProperty("genuine").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("reportNumber").GetString(), Is.EqualTo(number));
            Assert.That(body.GetProperty("subjectName").GetString(), Is.EqualTo(DemoSubjects.Get(Subject).Name));
            Assert.That(body.GetProperty("issuedAt").GetDateTimeOffset(), Is.EqualTo(issuedAt));
            Assert.That(lowerWithoutDashes.GetProperty("genuine").GetBoolean(), Is.True, "as a person might type it");
        });
    }

    [TestCase("WRONG-CODE-0000", TestName = "Verify_WithAnotherCode_IsNotGenuineAndSaysNothingElse")]
    [TestCase("", TestName = "Verify_WithoutCode_IsNotGenuineAndSaysNothingElse")]
    public async Task Verify_WithAnyOtherCode_IsNotGenuineAndSaysNothingElse(string code)
    {
        using var clerk = Api.CreateClient("dev-clerk");
        using var anyone = Api.CreateClient();
        var (number, realCode, _) = await IssuedAsync(clerk);
        var other = await IssuedAsync(clerk);

        var wrong = await anyone.GetStringAsync($"/api/v1/reports/{number}/verify?code={code}");
        var otherReportsCode = await anyone.GetStringAsync($"/api/v1/reports/{number}/verify?code={other.Code}");
        var unknownNumber = await anyone.GetStringAsync($"/api/v1/reports/KZXY-19991231-000001/verify?code={realCode}");

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.EqualTo("""{"genuine":false}"""));
            Assert.That(otherReportsCode, Is.EqualTo("""{"genuine":false}"""));
            Assert.That(unknownNumber, Is.EqualTo("""{"genuine":false}"""));
        });
    }

    [Test]
    public async Task Report_AfterTheSubjectsRecordsChange_StaysAsIssued()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var clerk = Api.CreateClient("dev-clerk");
        var corrected = await SubmitAsync(scjgj, "report-snapshot-1", "开市监罚101号");
        var revoked = await SubmitAsync(scjgj, "report-snapshot-2", "开市监罚102号");
        var (number, code, _) = await IssuedAsync(clerk);
        var before = await clerk.GetStringAsync($"/api/v1/reports/{number}");
        var htmlBefore = await GetHtmlAsync(clerk, number, code);

        using var correction = await scjgj.PutAsJsonAsync($"/api/v1/records/{corrected}", new
        {
            fields = new { decisionNumber = "开市监罚999号" }, decisionDate = "2026-11-20", severity = "general", reason = "文号录入错误",
        });
        using var revocation = await scjgj.PostAsJsonAsync($"/api/v1/records/{revoked}/revoke", new { reason = "决定已撤销" });
        var after = await clerk.GetStringAsync($"/api/v1/reports/{number}");
        var htmlAfter = await GetHtmlAsync(clerk, number, code);
        var now = await clerk.GetStringAsync($"/api/v1/subjects/{Subject}/records?includeInactive=true&pageSize=200");

        Assert.Multiple(() =>
        {
            Assert.That(correction.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revocation.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(before, Does.Contain("开市监罚101号").And.Contain("开市监罚102号"), "the report held both records");
            Assert.That(now, Does.Contain("开市监罚999号").And.Not.Contain("开市监罚101号"), "the subject's records did change");
            Assert.That(after, Is.EqualTo(before), "the snapshot, byte for byte");
            Assert.That(htmlAfter, Is.EqualTo(htmlBefore), "the printed page");
        });
    }

    [Test]
    public async Task Report_AsHtml_IsAPrintableA4PageInChineseWithEverySectionNumberAndQrCode()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        var (number, code, _) = await IssuedAsync(clerk);

        var html = await GetHtmlAsync(clerk, number, code);
        var withoutCode = await GetHtmlAsync(clerk, number);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("lang=\"zh-CN\""));
            Assert.That(html, Does.Contain("@page { size: A4;"));
            foreach (var section in new[] { "基础信息", "行政管理信息", "严重失信主体名单", "经营异常", "守信激励", "信用承诺", "信用评价", "其他" })
            {
                Assert.That(html, Does.Contain($"<h2>{section}</h2>"), section);
            }

            Assert.That(html, Does.Contain($"<dd id=\"report-number\">{number}</dd>"));
            Assert.That(html, Does.Match("<img id=\"report-qr\" alt=\"[^\"]+\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\">"));
            Assert.That(html, Does.Contain("开州区行政服务中心信用服务窗口"), "the default issuing window");
            Assert.That(html, Does.Contain(DemoSubjects.Get(Subject).Name).And.Contain(Subject));
            Assert.That(html, Does.Contain($"<dd id=\"report-code\">{code}</dd>"), "the code, given by the issuing clerk");
            Assert.That(withoutCode, Does.Not.Contain("report-code"), "never without it");
            Assert.That(html, Does.Contain($"{PublicBaseUrl}/api/v1/reports/{number}/verify"), "the configured public address");
            Assert.That(ExternalReference().IsMatch(html), Is.False, "nothing loaded from outside");
        });
    }

    [Test]
    public async Task Verify_AsHtml_IsASmallChinesePageForPhones()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        using var anyone = Api.CreateClient();
        var (number, code, _) = await IssuedAsync(clerk);

        var genuine = await HtmlAsync(anyone, $"/api/v1/reports/{number}/verify?code={code}");
        var wrong = await HtmlAsync(anyone, $"/api/v1/reports/{number}/verify?code=AAAA-BBBB-CCCC");
        var form = await HtmlAsync(anyone, $"/api/v1/reports/{number}/verify");

        Assert.Multiple(() =>
        {
            Assert.That(genuine, Does.Contain("报告真实有效").And.Contain(DemoSubjects.Get(Subject).Name));
            Assert.That(wrong, Does.Contain("无法核验").And.Not.Contain(DemoSubjects.Get(Subject).Name));
            Assert.That(form, Does.Contain("<input name=\"code\"").And.Not.Contain(DemoSubjects.Get(Subject).Name));
        });
    }

    [Test]
    public async Task Read_ByBiddingSystem_IsForbidden_AndUnknownNumberIsNotFound()
    {
        using var bidding = Api.CreateClient("dev-bidding");
        using var clerk = Api.CreateClient("dev-clerk");
        var (number, _, _) = await IssuedAsync(clerk);

        using var forbidden = await bidding.GetAsync($"/api/v1/reports/{number}");
        using var issue = await IssueAsync(bidding);
        using var unknown = await clerk.GetAsync("/api/v1/reports/KZXY-19991231-000001");

        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "/problems/forbidden");
        await ProblemAssert.IsProblemAsync(issue, HttpStatusCode.Forbidden, "/problems/forbidden");
        var problem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("没有编号为 KZXY-19991231-000001 的信用报告。"));
    }

    [Test]
    public async Task Issue_WithMissingAndInvalidFields_IsAValidationProblem()
    {
        using var clerk = Api.CreateClient("dev-clerk");

        using var response = await clerk.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = "abc", purpose = " ", requester = new { name = "", idNumber = "36042619910102009X" }, authorised = false,
        });

        var errors = ProblemAssert.Errors(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation"));
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "$.subjectCode", "$.purpose", "$.requester.name", "$.requester.idNumber" }));
    }

    [Test]
    public async Task Issue_WithABlankRequesterIdNumber_TakesItAsNotGiven()
    {
        using var clerk = Api.CreateClient("dev-clerk");

        using var response = await clerk.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = Subject, purpose = "参加政府采购投标", requester = new { name = "王经理", idNumber = "   " }, authorised = false,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var read = await clerk.GetAsync($"/api/v1/reports/{body.GetProperty("reportNumber").GetString()}");
        var report = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
            Assert.That(report.GetProperty("requester").GetProperty("idNumber").ValueKind, Is.EqualTo(JsonValueKind.Null), report.ToString());
        });
    }

    [Test]
    public async Task Issue_ForUnknownSubject_IsNotFound()
    {
        using var clerk = Api.CreateClient("dev-clerk");

        using var response = await clerk.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = "91500154MA6Y9999XX", purpose = "招投标", requester = new { name = "王经理" }, authorised = false,
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/not-found");
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client) => client.PostAsJsonAsync("/api/v1/reports", new
    {
        subjectCode = Subject, purpose = "参加政府采购投标", requester = new { name = "王经理" }, authorised = false,
    });

    private static async Task<(string Number, string Code, DateTimeOffset IssuedAt)> IssuedAsync(HttpClient clerk)
    {
        using var response = await IssueAsync(clerk);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return (body.GetProperty("reportNumber").GetString()!, body.GetProperty("verificationCode").GetString()!,
            body.GetProperty("issuedAt").GetDateTimeOffset());
    }

    private static async Task<Guid> SubmitAsync(HttpClient department, string sourceRef, string decisionNumber)
    {
        using var response = await department.PostAsJsonAsync("/api/v1/records",
            RecordTestCatalogue.Record(sourceRef, new { decisionNumber }, Subject, DemoSubjects.Get(Subject).Name));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("""(src|href)\s*=\s*"(?!data:)[^"]+"|url\(\s*['"]?(?!data:)|<link|<script""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
