using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// One disclosure policy for every endpoint that returns subject data. The person 刘晓梅 holds one record of each level:
/// 社会公开 (a penalty of SCJGJ), 政务共享 (a penalty of SCJGJ under a shared entry) and 授权查询 (the demo social
/// insurance record of RSJ). For the profile, the record list and the credit report, each kind of caller is asked and
/// the body checked for what must and must not be in it — the clear ID number never.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class SubjectDisclosureTests(Engine engine)
{
    private const string Person = DemoSubjects.LiuXiaomei;
    private const string Masked = "5001**********2265";
    private const string PublicEntry = RecordTestCatalogue.Code;
    private const string SharedEntry = RecordTestCatalogue.SharedCode;
    private const string AuthorisedEntry = DemoCatalogue.SocialInsurance;

    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine);
        using var admin = Api.CreateClient("dev-admin");
        await RecordTestCatalogue.CreateAsync(admin);
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        foreach (var (sourceRef, entry) in new[] { ("disclosure-public", PublicEntry), ("disclosure-shared", SharedEntry) })
        {
            using var response = await scjgj.PostAsJsonAsync("/api/v1/records",
                RecordTestCatalogue.Record(sourceRef, subjectCode: Person, subjectName: "刘晓梅", catalogueCode: entry));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [TestCase(null, new[] { PublicEntry }, TestName = "Records_Anonymous_ArePublicOnly")]
    [TestCase("dev-clerk", new[] { PublicEntry, SharedEntry }, TestName = "Records_Clerk_AddGovernmentShared")]
    [TestCase("dev-bidding", new[] { PublicEntry, SharedEntry }, TestName = "Records_BiddingSystem_AddGovernmentShared")]
    [TestCase("dev-dept-swj", new[] { PublicEntry, SharedEntry }, TestName = "Records_OtherDepartment_AddGovernmentSharedButNotAuthorised")]
    [TestCase("dev-admin", new[] { PublicEntry, SharedEntry, AuthorisedEntry }, TestName = "Records_CreditOffice_AreAll")]
    public async Task Records_ShowWhatTheCallerMaySee(string? key, string[] expected)
    {
        using var client = Api.CreateClient(key);

        using var response = await client.GetAsync($"/api/v1/subjects/{Person}/records");
        var text = await response.Content.ReadAsStringAsync();

        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(items.Select(i => i.GetProperty("catalogueCode").GetString()), Is.EquivalentTo(expected));
            foreach (var hidden in new[] { PublicEntry, SharedEntry, AuthorisedEntry }.Except(expected))
            {
                Assert.That(text, Does.Not.Contain(hidden), "nothing of a record the caller may not see");
            }

            Assert.That(text, Does.Not.Contain(Person), "never the clear ID number");
        });
    }

    [TestCase(null, 1, 0, TestName = "Profile_Anonymous_CountsPublicRecordsOnlyWithTheIdNumberMasked")]
    [TestCase("dev-clerk", 2, 0, TestName = "Profile_Clerk_CountsGovernmentSharedRecordsToo")]
    [TestCase("dev-admin", 2, 1, TestName = "Profile_CreditOffice_CountsAuthorisedRecordsToo")]
    public async Task Profile_CountsWhatTheCallerMaySee(string? key, int penalties, int insurance)
    {
        using var client = Api.CreateClient(key);

        using var response = await client.GetAsync($"/api/v1/subjects/{Person}");
        var text = await response.Content.ReadAsStringAsync();

        var body = JsonDocument.Parse(text).RootElement;
        var counts = body.GetProperty("recordCounts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo(Masked));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("刘晓梅"));
            Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("person"));
            Assert.That(counts.GetValueOrDefault("行政处罚"), Is.EqualTo(penalties));
            Assert.That(counts.GetValueOrDefault("社会保险缴纳及欠费"), Is.EqualTo(insurance));
            Assert.That(text, Does.Not.Contain(Person));
        });
    }

    [TestCase(false, new[] { PublicEntry, SharedEntry }, TestName = "Report_WithoutAuthorisation_HoldsPublicAndSharedRecords")]
    [TestCase(true, new[] { PublicEntry, SharedEntry, AuthorisedEntry }, TestName = "Report_WithTheSubjectsAuthorisation_HoldsAuthorisedRecordsToo")]
    public async Task Report_HoldsWhatItsRequestEntitles(bool authorised, string[] expected)
    {
        using var clerk = Api.CreateClient("dev-clerk");

        using var issued = await clerk.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = Person, purpose = "个人贷款申请", requester = new { name = "刘晓梅", idNumber = Person }, authorised,
        });
        var number = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportNumber").GetString();
        var text = await clerk.GetStringAsync($"/api/v1/reports/{number}");
        var html = await ReportTests.GetHtmlAsync(clerk, number!);

        var report = JsonDocument.Parse(text).RootElement;
        var entries = report.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("records").EnumerateArray()).Select(r => r.GetProperty("catalogueCode").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(entries, Is.EquivalentTo(expected));
            Assert.That(report.GetProperty("authorised").GetBoolean(), Is.EqualTo(authorised));
            Assert.That(report.GetProperty("subject").GetProperty("code").GetString(), Is.EqualTo(Masked));
            Assert.That(report.GetProperty("requester").GetProperty("idNumber").GetString(), Is.EqualTo(Masked));
            Assert.That(text, Does.Not.Contain(Person));
            Assert.That(html, Does.Contain(Masked).And.Not.Contain(Person));
            Assert.That(html.Contains("社会保险", StringComparison.Ordinal), Is.EqualTo(authorised), "the authorised record on the printed page");
        });
    }

    [Test]
    public async Task Report_Anonymous_CannotIssueOrReadOne()
    {
        using var anyone = Api.CreateClient();

        using var issue = await anyone.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = Person, purpose = "查询", requester = new { name = "某人" }, authorised = true,
        });
        using var read = await anyone.GetAsync("/api/v1/reports/KZXY-20261126-000001");

        await ProblemAssert.IsProblemAsync(issue, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
    }

    [TestCase(DemoSubjects.LiXiulan, TestName = "Profile_OfAPersonWithoutPublicRecords_IsNotFoundForThePublic")]
    public async Task Profile_OfAPersonWithoutPublicRecords_IsNotFoundForThePublicOnly(string person)
    {
        using var anyone = Api.CreateClient();
        using var clerk = Api.CreateClient("dev-clerk");

        using var forPublic = await anyone.GetAsync($"/api/v1/subjects/{person}");
        using var forClerk = await clerk.GetAsync($"/api/v1/subjects/{person}");
        var search = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects?q={person}");

        var problem = await ProblemAssert.IsProblemAsync(forPublic, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("5002**********").And.Not.Contain(person));
            Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo($"/api/v1/subjects/{person[..4]}**********{person[14..]}"));
            Assert.That(problem.ToString(), Does.Not.Contain(person), "the clear number nowhere in the answer");
            Assert.That(forClerk.StatusCode, Is.EqualTo(HttpStatusCode.OK), await forClerk.Content.ReadAsStringAsync());
            Assert.That(search.GetProperty("total").GetInt32(), Is.Zero, "not even its existence");
        });
    }

    [Test]
    public async Task Profile_OfAListedCompany_ShowsItsListsBlackFirstAndItsFormerNames()
    {
        using var anyone = Api.CreateClient();

        var hongtu = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{DemoSubjects.HongtuJianshe}");
        var xinyuan = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{DemoSubjects.XinyuanJianshe}");

        Assert.Multiple(() =>
        {
            Assert.That(hongtu.GetProperty("formerNames").EnumerateArray().Select(n => (n.GetProperty("name").GetString(), n.GetProperty("validFrom").GetString())),
                Is.EqualTo(new[] { ("重庆开州宏图建设工程有限公司", "2016-09-12") }));
            Assert.That(hongtu.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("colour").GetString()), Is.All.EqualTo("red").And.Not.Empty);
            Assert.That(hongtu.GetProperty("incentives").GetArrayLength(), Is.GreaterThan(0), "incentives of its red lists");
            Assert.That(xinyuan.GetProperty("lists").EnumerateArray().First().GetProperty("listCode").GetString(), Is.EqualTo(DemoLists.Sxbzxr));
            Assert.That(xinyuan.GetProperty("lists").EnumerateArray().First().GetProperty("colour").GetString(), Is.EqualTo("black"));
            Assert.That(xinyuan.GetProperty("incentives").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Records_OfAnExpiredListing_ShowOnlyWithIncludeInactiveOrAnEarlierAsOf()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        var path = $"/api/v1/subjects/{DemoSubjects.ShengchuanJianshe}/records";

        var now = await clerk.GetFromJsonAsync<JsonElement>(path);
        var all = await clerk.GetFromJsonAsync<JsonElement>(path + "?includeInactive=true");
        var then = await clerk.GetFromJsonAsync<JsonElement>(path + "?asOf=2025-06-01");

        static JsonElement? Listing(JsonElement body) => body.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("catalogueCode").GetString() == DemoCatalogue.JudgmentDefaulter).Cast<JsonElement?>().FirstOrDefault();
        Assert.Multiple(() =>
        {
            Assert.That(Listing(now), Is.Null);
            Assert.That(Listing(all)?.GetProperty("active").GetBoolean(), Is.False);
            Assert.That(Listing(then)?.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(all.GetProperty("items").EnumerateArray().Select(i => CategoryIndex(i.GetProperty("category").GetString())).ToList(),
                Is.Ordered, "by category");
        });
    }

    [Test]
    public async Task Profile_OfUnknownSubject_IsNotFoundInEnglishWhenAsked()
    {
        using var anyone = Api.CreateClient(null, "en");

        using var response = await anyone.GetAsync("/api/v1/subjects/91500154MA6Y9999XX");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("There is no credit subject with code 91500154MA6Y9999XX."));
    }

    [Test]
    public async Task AccessLog_ReadsBeyondThePublicLeaveEntries_PublicReadsNone()
    {
        using var anyone = Api.CreateClient();
        using var clerk = Api.CreateClient("dev-clerk");
        using var admin = Api.CreateClient("dev-admin");

        (await anyone.GetAsync($"/api/v1/subjects/{Person}?purpose=公众查询")).Dispose();
        (await anyone.GetAsync($"/api/v1/subjects/{Person}/records?purpose=公众查询")).Dispose();
        (await clerk.GetAsync($"/api/v1/subjects/{Person}?purpose=窗口核查")).Dispose();
        (await clerk.GetAsync($"/api/v1/subjects/{Person}/records?purpose=窗口核查")).Dispose();
        using var issued = await clerk.PostAsJsonAsync("/api/v1/reports", new
        {
            subjectCode = Person, purpose = "审计测试", requester = new { name = "刘晓梅" }, authorised = false,
        });
        var number = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportNumber").GetString();
        (await clerk.GetAsync($"/api/v1/reports/{number}")).Dispose();
        var records = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{Person}/records");
        var recordId = records.GetProperty("items")[0].GetProperty("id").GetString();
        (await clerk.GetAsync($"/api/v1/records/{recordId}")).Dispose();
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?subject={Person}&pageSize=200");
        var reads = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=report.read&pageSize=200");

        var entries = log.GetProperty("items").EnumerateArray().ToList();
        var mine = entries.Where(e => e.GetProperty("purpose").GetString() is "窗口核查" or "审计测试").ToList();
        var recordRead = entries.Where(e => e.GetProperty("action").GetString() == "record.read").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(e => e.GetProperty("purpose").GetString() == "公众查询"), Is.Empty, "public reads see public data only");
            Assert.That(mine.Select(e => e.GetProperty("action").GetString()), Is.EquivalentTo(new[] { "subject.profile", "subject.records", "report.issue", "report.read" }));
            Assert.That(mine.Select(e => e.GetProperty("role").GetString()), Is.All.EqualTo("clerk"));
            Assert.That(mine.Select(e => e.GetProperty("subjectDisplay").GetString()), Is.All.EqualTo($"{Masked} 刘晓梅"));
            Assert.That(mine.Single(e => e.GetProperty("action").GetString() == "report.issue").GetProperty("reference").GetString(), Is.EqualTo(number));
            Assert.That(reads.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reference").GetString()), Does.Contain(number));
            Assert.That(recordRead.Select(e => e.GetProperty("reference").GetString()), Is.EqualTo(new[] { recordId }), "reading one record by its id");
            Assert.That(recordRead.Select(e => e.GetProperty("subjectDisplay").GetString()), Is.All.EqualTo($"{Masked} 刘晓梅"));
            Assert.That(log.ToString(), Does.Not.Contain(Person));
        });
    }

    private static int CategoryIndex(string? category) => CreditKaizhou.Domain.Catalogue.CatalogueCategories.All.ToList().IndexOf(category!);
}
