using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>Joint punishment and incentive measures through HTTP: filters, versions with ETag/If-Match, validation and roles.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class MeasureTests(Engine engine)
{
    private const string LegalBasisMessage =
        "法律依据不能为空：失信惩戒和守信激励措施须以法律、法规或党中央、国务院政策文件为依据（国办发〔2020〕49号）。";

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

    [TestCase("tendering")]
    [TestCase("procurement")]
    [TestCase("subsidy")]
    [TestCase("land")]
    [TestCase("licensing")]
    [TestCase("commendation")]
    public async Task List_ByContext_GivesTheMeasuresThatApplyThere(string context)
    {
        using var anyone = Api.CreateClient();

        var items = await ItemsAsync(anyone, $"/api/v1/measures?context={context}");

        // Other tests of this fixture add measures; every measure answered must apply, and every demo one that applies is there.
        Assert.Multiple(() =>
        {
            Assert.That(items.All(i => Strings(i, "contexts").Contains(context)), Is.True);
            Assert.That(DemoCodes(items), Is.EqualTo(DemoMeasures.All.Where(m => m.Contexts.Contains(context)).Select(m => m.Code).Order(StringComparer.Ordinal)));
        });
    }

    [TestCase(DemoLists.Sxbzxr)]
    [TestCase(DemoLists.Scjgyzsx)]
    [TestCase(DemoLists.Jyyc)]
    [TestCase(DemoLists.Nsxya)]
    [TestCase(DemoLists.Hggjrz)]
    public async Task List_ByListCode_GivesTheMeasuresThatFollowTheList(string listCode)
    {
        using var anyone = Api.CreateClient();

        var items = await ItemsAsync(anyone, $"/api/v1/measures?listCode={listCode}");

        Assert.Multiple(() =>
        {
            Assert.That(items.All(i => Strings(i, "listCodes").Contains(listCode)), Is.True);
            Assert.That(DemoCodes(items), Is.EqualTo(DemoMeasures.All.Where(m => m.ListCodes.Contains(listCode)).Select(m => m.Code).Order(StringComparer.Ordinal)));
        });
    }

    [Test]
    public async Task List_ByContextAndListCode_GivesBothFiltersAtOnce()
    {
        using var anyone = Api.CreateClient();

        var items = await ItemsAsync(anyone, "/api/v1/measures?context=subsidy&listCode=SXBZXR");

        Assert.That(DemoCodes(items), Is.EqualTo(new[] { DemoMeasures.RestrictSubsidy }));
    }

    [Test]
    public async Task List_WithoutFilters_GivesEveryDemoMeasureAsSeeded()
    {
        using var anyone = Api.CreateClient();

        var items = await ItemsAsync(anyone, "/api/v1/measures");

        var byCode = items.ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(DemoCodes(items), Is.EqualTo(DemoMeasures.All.Select(m => m.Code).Order(StringComparer.Ordinal)));
            foreach (var m in DemoMeasures.All)
            {
                var item = byCode[m.Code];
                Assert.That(item.GetProperty("version").GetInt32(), Is.EqualTo(1), m.Code);
                Assert.That(item.GetProperty("name").GetString(), Is.EqualTo(m.Name), m.Code);
                Assert.That(item.GetProperty("kind").GetString(), Is.EqualTo(m.Kind), m.Code);
                Assert.That(item.GetProperty("effect").GetString(), Is.EqualTo(m.Effect), m.Code);
                Assert.That(Strings(item, "contexts"), Is.EqualTo(m.Contexts), m.Code);
                Assert.That(Strings(item, "listCodes"), Is.EqualTo(m.ListCodes), m.Code);
                Assert.That(item.GetProperty("legalBasis").GetString(), Is.EqualTo(m.LegalBasis), m.Code);
                Assert.That(item.GetProperty("implementingDepartment").GetString(), Is.EqualTo(m.ImplementingDepartment), m.Code);
            }
        });
    }

    [Test]
    public async Task List_WithAnUnknownContextOrList_Returns400()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/measures?context=Tendering&listCode=NOPE");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["context"] = ["context 应为 tendering、procurement、subsidy、land、licensing、commendation 之一，实际为 'Tendering'。"],
            ["listCode"] = ["没有代码为 NOPE 的名单。"],
        }));
    }

    [Test]
    public async Task Get_ADemoMeasure_GivesItsCurrentVersionWithItsETag()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync($"/api/v1/measures/{DemoMeasures.RestrictTendering}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(body.GetProperty("effect").GetString(), Is.EqualTo("bar"));
            Assert.That(Strings(body, "listCodes"), Is.EqualTo(new[] { "SXBZXR", "ZDSSWF", "ZFCGSX" }));
        });
    }

    [Test]
    public async Task Get_AnUnknownMeasureOrVersion_Returns404()
    {
        using var anyone = Api.CreateClient();

        using var unknown = await anyone.GetAsync("/api/v1/measures/CJ-NOPE");
        using var noVersion = await anyone.GetAsync($"/api/v1/measures/{DemoMeasures.RestrictTendering}?version=2");

        var a = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "/problems/not-found");
        var b = await ProblemAssert.IsProblemAsync(noVersion, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Multiple(() =>
        {
            Assert.That(a.GetProperty("detail").GetString(), Is.EqualTo("没有编码为 CJ-NOPE 的措施。"));
            Assert.That(b.GetProperty("detail").GetString(), Is.EqualTo("措施 CJ-ZTB 没有第 2 版。"));
        });
    }

    [Test]
    public async Task Create_ThenNewVersions_RequireTheCurrentETag()
    {
        using var admin = Api.CreateClient("dev-admin");
        var first = Measure("JL-TEST-VER", name: "测试激励措施");

        using var created = await admin.PostAsJsonAsync("/api/v1/measures", first);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(created.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo("/api/v1/measures/JL-TEST-VER"));
            Assert.That(body.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(Strings(body, "contexts"), Is.EqualTo(new[] { "subsidy", "licensing" }), "in the documented order of contexts");
            Assert.That(Strings(body, "listCodes"), Is.EqualTo(new[] { "NSXYA", "SXJL" }), "in the lists' order, once each");
        });

        using var again = await admin.PostAsJsonAsync("/api/v1/measures", first);
        var conflict = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "/problems/conflict");
        Assert.That(conflict.GetProperty("detail").GetString(), Is.EqualTo("措施编码 JL-TEST-VER 已存在；修改请用 PUT 新建版本。"));

        var second = Measure("JL-TEST-VER", name: "测试激励措施（修订）");
        using var withoutIfMatch = await admin.PutAsJsonAsync("/api/v1/measures/JL-TEST-VER", second);
        var required = await ProblemAssert.IsProblemAsync(withoutIfMatch, HttpStatusCode.PreconditionRequired, "/problems/precondition-required");
        Assert.That(required.GetProperty("detail").GetString(), Is.EqualTo("修改措施须在 If-Match 请求头中给出所读版本的 ETag（例如 \"1\"）。"));

        using var update = Put("JL-TEST-VER", "\"1\"", second);
        using var updated = await admin.SendAsync(update);
        Assert.Multiple(async () =>
        {
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
            Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That((await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32(), Is.EqualTo(2));
        });

        using var staleUpdate = Put("JL-TEST-VER", "\"1\"", Measure("JL-TEST-VER", name: "另一修订"));
        using var stale = await admin.SendAsync(staleUpdate);
        var failed = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "/problems/precondition-failed");
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("detail").GetString(), Is.EqualTo("措施 JL-TEST-VER 当前为第 2 版，而请求基于第 1 版；请重新读取后再修改。"));
            Assert.That(stale.Headers.ETag?.Tag, Is.EqualTo("\"2\""), "the current version's ETag, to read it again");
        });

        using var anyone = Api.CreateClient();
        using var current = await anyone.GetAsync("/api/v1/measures/JL-TEST-VER");
        var v1 = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/measures/JL-TEST-VER?version=1");
        var listed = await ItemsAsync(anyone, "/api/v1/measures?listCode=SXJL&context=licensing");
        Assert.Multiple(async () =>
        {
            Assert.That(current.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That((await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString(), Is.EqualTo("测试激励措施（修订）"));
            Assert.That(v1.GetProperty("name").GetString(), Is.EqualTo("测试激励措施"));
            Assert.That(listed.Single(i => i.GetProperty("code").GetString() == "JL-TEST-VER").GetProperty("version").GetInt32(), Is.EqualTo(2),
                "lists give the current version");
        });
    }

    [Test]
    public async Task Update_OfAnUnknownMeasure_Returns404()
    {
        using var admin = Api.CreateClient("dev-admin");
        using var request = Put("JL-NOPE", "\"1\"", Measure("JL-NOPE"));

        using var response = await admin.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("没有编码为 JL-NOPE 的措施。"));
    }

    [Test]
    public async Task Create_WithEveryFieldWrong_ReportsEachByItsJsonPath()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/measures", new
        {
            code = "cj-ztb",
            name = "",
            kind = "reward",
            effect = "ban",
            contexts = new[] { "tendering", "bidding" },
            listCodes = new[] { "NOPE" },
            legalBasis = "   ",
            implementingDepartment = (string?)null,
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.code"] = ["措施编码 'cj-ztb' 应为两个大写字母加若干以连字符分隔的大写字母或数字段，如 CJ-ZTB。"],
            ["$.name"] = ["措施名称不能为空。"],
            ["$.kind"] = ["措施类型 'reward' 无效，应为 punishment（联合惩戒）或 incentive（联合激励）。"],
            ["$.effect"] = ["措施效果 'ban' 无效，应为 bar、review、priority、fast-track、fewer-inspections、tolerance 之一。"],
            ["$.contexts[1]"] = ["适用场景 'bidding' 无效，应为 tendering、procurement、subsidy、land、licensing、commendation 之一。"],
            ["$.listCodes[0]"] = ["没有代码为 NOPE 的名单。"],
            ["$.legalBasis"] = [LegalBasisMessage],
            ["$.implementingDepartment"] = ["实施部门不能为空。"],
        }));
    }

    [Test]
    public async Task Create_WithoutContextsOrLists_ReportsBoth()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/measures", Measure("JL-TEST-EMPTY", contexts: [], listCodes: []));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.contexts"] = ["适用场景不能为空，应为 tendering、procurement、subsidy、land、licensing、commendation 中的一个或多个。"],
            ["$.listCodes"] = ["适用名单不能为空：措施须针对至少一个名单。"],
        }));
    }

    [Test]
    public async Task Create_AnIncentiveOnABlackList_IsRefused()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/measures",
            Measure("JL-TEST-BLACK", listCodes: [DemoLists.Nsxya, DemoLists.Jyyc]));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.listCodes[1]"] = ["激励措施只能针对红名单，JYYC（经营异常名录）是黑名单。"],
        }));
    }

    [Test]
    public async Task Create_APunishmentOnARedListOrWithAnIncentiveEffect_IsRefused()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/measures",
            Measure("CJ-TEST-RED", kind: "punishment", effect: "fast-track", listCodes: [DemoLists.Sxbzxr, DemoLists.Sxjl]));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.effect"] = ["惩戒措施的效果应为 bar 或 review，实际为 'fast-track'。"],
            ["$.listCodes[1]"] = ["惩戒措施只能针对黑名单，SXJL（守信激励对象）是红名单。"],
        }));
    }

    [Test]
    public async Task Create_WithoutLegalBasis_CitesTheRuleInEnglishToo()
    {
        using var admin = Api.CreateClient("dev-admin", language: "en");

        using var response = await admin.PostAsJsonAsync("/api/v1/measures", Measure("JL-TEST-BASIS", legalBasis: null));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.legalBasis"] = ["legalBasis is required: every measure must rest on a law, a regulation or a central policy document (国办发〔2020〕49号)."],
        }));
    }

    [Test]
    public async Task Update_WithoutLegalBasis_IsRefusedBeforeTheETagIsLookedAt()
    {
        using var admin = Api.CreateClient("dev-admin");

        using var response = await admin.PutAsJsonAsync($"/api/v1/measures/{DemoMeasures.FastTrack}", Measure(DemoMeasures.FastTrack, legalBasis: ""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]> { ["$.legalBasis"] = [LegalBasisMessage] }));
    }

    [Test]
    public async Task Create_ByAClerk_Returns403AndAnonymously401()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        using var anyone = Api.CreateClient();

        using var forbidden = await clerk.PostAsJsonAsync("/api/v1/measures", Measure("JL-TEST-CLERK"));
        using var unauthenticated = await anyone.PostAsJsonAsync("/api/v1/measures", Measure("JL-TEST-CLERK"));
        using var put = Put(DemoMeasures.FastTrack, "\"1\"", Measure(DemoMeasures.FastTrack));
        using var clerkPut = await clerk.SendAsync(put);

        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "/problems/forbidden");
        await ProblemAssert.IsProblemAsync(unauthenticated, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        await ProblemAssert.IsProblemAsync(clerkPut, HttpStatusCode.Forbidden, "/problems/forbidden");
        using var unchanged = await anyone.GetAsync($"/api/v1/measures/{DemoMeasures.FastTrack}");
        Assert.That(unchanged.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
    }

    /// <summary>A valid incentive on two red lists unless told otherwise.</summary>
    private static Dictionary<string, object?> Measure(string code, string name = "测试激励措施", string kind = "incentive",
        string effect = "priority", string[]? contexts = null, string[]? listCodes = null, string? legalBasis = "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）") => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["kind"] = kind,
        ["effect"] = effect,
        ["contexts"] = contexts ?? ["licensing", "subsidy"],
        ["listCodes"] = listCodes ?? [DemoLists.Sxjl, DemoLists.Nsxya, DemoLists.Sxjl],
        ["legalBasis"] = legalBasis,
        ["implementingDepartment"] = "区发展改革委",
    };

    private static HttpRequestMessage Put(string code, string etag, object measure)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/measures/{code}") { Content = JsonContent.Create(measure) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<string> Strings(JsonElement item, string property) =>
        item.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> DemoCodes(IEnumerable<JsonElement> items) =>
        items.Select(i => i.GetProperty("code").GetString()!).Where(c => DemoMeasures.All.Any(m => m.Code == c)).ToList();
}
