using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Checks;

/// <summary>
/// The court lists company X as 失信被执行人; the bidding system's checks follow the record through listing,
/// revocation and a replay of the first answer, through HTTP.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class CheckScenarioTests(Engine engine)
{
    /// <summary>A company of the demo data that is on no list.</summary>
    public const string CompanyX = "91500154MA5UY8B35C";
    public const string CleanPartner = "91500154MA5UFB1W3Q";

    [Test]
    public async Task JudgmentDefaulter_IsBarredUntilRevoked_AndAReplayRepeatsTheFirstAnswer()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var court = api.CreateClient("dev-dept-fy");
        using var bidding = api.CreateClient("dev-bidding");

        var before = await CheckAsync(bidding, null, null);
        Assert.That(Verdicts(before), Is.EqualTo(new[] { "eligible", "eligible" }), "before the listing");

        using var listed = await court.PostAsJsonAsync("/api/v1/records", DefaulterRecord());
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await listed.Content.ReadAsStringAsync());
        var recordId = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var first = await CheckAsync(bidding, null, null);
        var reason = first.GetProperty("results")[0].GetProperty("reasons")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts(first), Is.EqualTo(new[] { "barred", "barred" }), "X barred, and the consortium with X");
            Assert.That(reason.GetProperty("listCode").GetString(), Is.EqualTo("SXBZXR"));
            Assert.That(reason.GetProperty("listName").GetString(), Is.EqualTo("失信被执行人"));
            Assert.That(reason.GetProperty("effect").GetString(), Is.EqualTo("bar"));
            Assert.That(reason.GetProperty("legalBasis").GetString(), Does.Contain("法〔2016〕285号"));
            Assert.That(reason.GetProperty("recordId").GetString(), Is.EqualTo(recordId));
            Assert.That(reason.GetProperty("from").GetString(), Is.EqualTo("2026-03-02"));
            Assert.That(reason.GetProperty("to").GetString(), Is.EqualTo("2028-03-01"));
        });

        var earlier = await CheckAsync(bidding, "2026-03-01", null);
        Assert.That(Verdicts(earlier), Is.EqualTo(new[] { "eligible", "eligible" }), "asOf before the effective date");

        using var revoked = await court.PostAsJsonAsync($"/api/v1/records/{recordId}/revoke", new { reason = "被执行人已全部履行，依法屏蔽失信信息" });
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var after = await CheckAsync(bidding, null, null);
        var replay = await CheckAsync(bidding, null, first.GetProperty("checkedAt").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts(after), Is.EqualTo(new[] { "eligible", "eligible" }), "after the revocation");
            Assert.That(Verdicts(replay), Is.EqualTo(new[] { "barred", "barred" }), "replayed as known at the first check");
            Assert.That(replay.GetProperty("results").GetRawText(), Is.EqualTo(first.GetProperty("results").GetRawText()));
            Assert.That(after.GetProperty("dataVersion").GetInt64(), Is.GreaterThan(first.GetProperty("dataVersion").GetInt64()));
        });
    }

    [Test]
    public async Task Check_IsReadableByItsClientAndTheAdminOnly()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var bidding = api.CreateClient("dev-bidding");
        using var admin = api.CreateClient("dev-admin");
        var check = await CheckAsync(bidding, null, null);
        var id = check.GetProperty("checkId").GetString();
        using var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "另一招投标系统", role = "bidding" });
        var otherKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        using var other = api.CreateClient(otherKey);

        using var own = await bidding.GetAsync($"/api/v1/checks/{id}");
        using var byAdmin = await admin.GetAsync($"/api/v1/checks/{id}");
        using var byOther = await other.GetAsync($"/api/v1/checks/{id}");

        Assert.Multiple(async () =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(byAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.NotFound, "/problems/not-found");
            var stored = await own.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(stored.GetProperty("results").GetRawText(), Is.EqualTo(check.GetProperty("results").GetRawText()));
        });
    }

    [Test]
    public async Task Check_WithAnInvalidCode_ReportsThatBidderOnly()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var bidding = api.CreateClient("dev-bidding");
        using var response = await bidding.PostAsJsonAsync("/api/v1/checks", new
        {
            context = "tendering",
            bidders = new object[] { new { bidderRef = "B1", code = "91500154MA5UY8B35X" }, new { bidderRef = "B2", code = CleanPartner } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Verdicts(body), Is.EqualTo(new[] { "invalid", "eligible" }));
            Assert.That(body.GetProperty("results")[0].GetProperty("problems")[0].GetProperty("message").GetString(), Is.EqualTo("第18位校验码应为 C，实际为 X"));
        });
    }

    [Test]
    public async Task Check_WithTooManyBiddersOrAnUnknownContext_Returns400()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var bidding = api.CreateClient("dev-bidding");
        var bidders = Enumerable.Range(1, 501).Select(i => new { bidderRef = $"B{i}", code = CleanPartner }).ToList();

        using var response = await bidding.PostAsJsonAsync("/api/v1/checks", new { context = "lottery", bidders });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["$.context"] = ["context 应为 tendering、procurement、subsidy、land、licensing、commendation 之一，实际为 'lottery'。"],
            ["$.bidders"] = ["一次最多核查 500 个投标人，本次有 501 个。"],
        }));
    }

    internal static async Task<JsonElement> CheckAsync(HttpClient client, string? asOf, string? knownAt)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/checks", new
        {
            context = "tendering",
            asOf,
            knownAt,
            project = new { code = "KZ-2026-GC-0147", name = "开州区某道路改造工程", stage = "evaluation" },
            bidders = new object[]
            {
                new { bidderRef = "B1", code = CompanyX, name = "重庆开州普利食品有限公司" },
                new { bidderRef = "B2", consortium = new[] { new { code = CleanPartner, name = "重庆市开州区汉丰商贸有限公司" }, new { code = CompanyX, name = "重庆开州普利食品有限公司" } } },
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    internal static object DefaulterRecord() => new
    {
        catalogueCode = "KZ-FY-SXBZXR",
        subject = new { code = CompanyX, name = "重庆开州普利食品有限公司" },
        sourceRef = "(2026)渝0154执0318号",
        decisionDate = "2026-03-02",
        effectiveFrom = "2026-03-02",
        effectiveTo = "2028-03-01",
        severity = "serious",
        fields = new
        {
            caseNumber = "(2026)渝0154执0318号",
            executingCourt = "重庆市开州区人民法院",
            basisDocumentNumber = "(2025)渝0154民初1234号",
            basisIssuer = "重庆市开州区人民法院",
            obligation = "支付货款及利息共计人民币37.5万元",
            performance = "全部未履行",
            defaultCircumstances = "有履行能力而拒不履行生效法律文书确定义务",
            filingDate = "2026-01-15",
            publishedDate = "2026-03-02",
        },
    };

    private static string?[] Verdicts(JsonElement check) =>
        check.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ToArray();
}
