using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>The catalogue through HTTP: reading with filters and paging, versions with ETag/If-Match, and the CSV import.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class CatalogueTests(Engine engine)
{
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
    public async Task Import_TheGenerated2014EntryCatalogue_StoresItAndPagesByDepartment()
    {
        // A database of its own: the other tests of this fixture add entries.
        await using var api = await ApiFactory.StartAsync(engine);
        using var admin = api.CreateClient("dev-admin");
        using var content = new StringContent(CatalogueCsv.GenerateCsv(), Encoding.UTF8, "text/csv");

        using var response = await admin.PostAsync("/api/v1/catalogue/import?demo=true", content);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report.GetProperty("rejected").GetInt32(), Is.Zero, report.GetProperty("rows").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("outcome").GetString() == "rejected").ToString());
            Assert.That(report.GetProperty("created").GetInt32(), Is.EqualTo(2014 - DemoCatalogue.All.Count));
            Assert.That(report.GetProperty("unchanged").GetInt32(), Is.EqualTo(DemoCatalogue.All.Count), "the seeded entries are the same");
        });

        using var anyone = api.CreateClient();
        var all = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue?pageSize=1");
        var expected = CatalogueGenerator.Generate().Count(e => e.DepartmentCode == "SCJGJ");
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/catalogue?department=SCJGJ&page={page}&pageSize=100");
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(expected));
            var items = body.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            Assert.That(items.All(i => i.GetProperty("departmentCode").GetString() == "SCJGJ" && i.GetProperty("isDemo").GetBoolean()), Is.True);
            codes.AddRange(items.Select(i => i.GetProperty("code").GetString()!));
        }

        Assert.Multiple(() =>
        {
            Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(2014));
            Assert.That(codes, Has.Count.EqualTo(expected).And.Unique);
        });

        using var again = new StringContent(CatalogueCsv.GenerateCsv(), Encoding.UTF8, "text/csv");
        var repeat = await (await admin.PostAsync("/api/v1/catalogue/import?demo=true", again)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(repeat.GetProperty("unchanged").GetInt32(), Is.EqualTo(2014), "importing the same file again changes nothing");
    }

    [Test]
    public async Task Import_RowsWithErrors_AreReportedWithTheirLines()
    {
        using var admin = Api.CreateClient("dev-admin");
        var csv = string.Join("\r\n",
            "code,name,category,departmentCode,subjectTypes,disclosure,polarity,listCode,updateFrequency,legalBasis,publicityRule,fieldsSchema",
            "KZ-TJJ-XZCF-0001,对统计违法行为的行政处罚,行政处罚,NOPE,legal,public,negative,,7个工作日内,《中华人民共和国统计法》,,\"[{\"\"key\"\":\"\"a\"\",\"\"name\"\":\"\"甲\"\",\"\"type\"\":\"\"string\"\",\"\"required\"\":true,\"\"maxLength\"\":10}]\"",
            "KZ-SCJGJ-XZCF-9001,对某违法行为的行政处罚,行政处罚,SCJGJ,legal,public,negative,,7个工作日内,《中华人民共和国行政处罚法》,,\"[{\"\"key\"\":\"\"a\"\",\"\"name\"\":\"\"甲\"\",\"\"type\"\":\"\"text\"\",\"\"required\"\":true}]\"",
            "KZ-SCJGJ-XZCF-9002,对另一违法行为的行政处罚,行政处罚,SCJGJ,legal;person,public,negative,,7个工作日内,《中华人民共和国行政处罚法》,,\"[{\"\"key\"\":\"\"a\"\",\"\"name\"\":\"\"甲\"\",\"\"type\"\":\"\"string\"\",\"\"required\"\":true,\"\"maxLength\"\":10}]\"",
            "");

        using var response = await admin.PostAsync("/api/v1/catalogue/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = report.GetProperty("rows").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That((report.GetProperty("created").GetInt32(), report.GetProperty("rejected").GetInt32()), Is.EqualTo((1, 2)));
            Assert.That(rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("outcome").GetString())),
                Is.EqualTo(new[] { (2, "rejected"), (3, "rejected"), (4, "created") }));
            Assert.That(rows[0].GetProperty("errors").GetProperty("departmentCode")[0].GetString(), Is.EqualTo("没有代码为 NOPE 的部门。"));
            Assert.That(rows[1].GetProperty("errors").GetProperty("fieldsSchema[0].type")[0].GetString(),
                Is.EqualTo("字段类型 'text' 无效，应为 string、integer、decimal、date、enum、subjectCode 或 boolean。"));
        });
    }

    [Test]
    public async Task NewVersion_RequiresTheCurrentETag()
    {
        using var admin = Api.CreateClient("dev-admin");
        var entry = RecordTestCatalogue.Entry("KZ-SCJGJ-TEST-VER", "public");
        using var created = await admin.PostAsJsonAsync("/api/v1/catalogue", entry);
        Assert.That(created.Headers.ETag?.Tag, Is.EqualTo("\"1\""));

        using var withoutIfMatch = await admin.PutAsJsonAsync("/api/v1/catalogue/KZ-SCJGJ-TEST-VER", entry);
        await ProblemAssert.IsProblemAsync(withoutIfMatch, HttpStatusCode.PreconditionRequired, "/problems/precondition-required");

        using var update = Put("\"1\"", entry);
        using var updated = await admin.SendAsync(update);
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));

        using var stale = Put("\"1\"", entry);
        using var refused = await admin.SendAsync(stale);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.PreconditionFailed, "/problems/precondition-failed");
        Assert.That(problem.GetProperty("detail").GetString(),
            Is.EqualTo("目录 KZ-SCJGJ-TEST-VER 当前为第 2 版，而请求基于第 1 版；请重新读取后再修改。"));

        using var anyone = Api.CreateClient();
        var current = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/KZ-SCJGJ-TEST-VER");
        var first = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/KZ-SCJGJ-TEST-VER?version=1");
        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task List_FiltersByCategoryDisclosureAndText()
    {
        using var anyone = Api.CreateClient();

        var penalties = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue?category=行政处罚&pageSize=200");
        var shared = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue?disclosure=shared&pageSize=200");
        var found = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/catalogue?q=失信被执行人");
        using var bad = await anyone.GetAsync("/api/v1/catalogue?disclosure=secret");

        Assert.Multiple(async () =>
        {
            Assert.That(penalties.GetProperty("items").EnumerateArray().All(i => i.GetProperty("category").GetString() == "行政处罚"), Is.True);
            Assert.That(penalties.GetProperty("total").GetInt32(), Is.GreaterThan(0));
            Assert.That(shared.GetProperty("items").EnumerateArray().All(i => i.GetProperty("disclosure").GetString() == "shared"), Is.True);
            Assert.That(found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()), Does.Contain("KZ-FY-SXBZXR"));
            var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "/problems/validation");
            Assert.That(ProblemAssert.Errors(problem)["disclosure"], Is.EqualTo(new[] { "disclosure 应为 public、shared 或 authorised，实际为 'secret'。" }));
        });
    }

    [Test]
    public async Task Create_ByADepartment_Returns403()
    {
        using var department = Api.CreateClient("dev-dept-scjgj");
        using var response = await department.PostAsJsonAsync("/api/v1/catalogue", RecordTestCatalogue.Entry("KZ-SCJGJ-TEST-NO", "public"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
    }

    private static HttpRequestMessage Put(string etag, object entry)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/catalogue/KZ-SCJGJ-TEST-VER") { Content = JsonContent.Create(entry) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }
}
