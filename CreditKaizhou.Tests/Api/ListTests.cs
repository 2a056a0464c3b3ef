using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// Red and black lists through HTTP: the list types with today's counts, the entries active on a day, and who sees
/// which entries. Expected values are worked out here from the demo data, not by the service's membership rule.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class ListTests(Engine engine)
{
    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    /// <summary>The Beijing day now; the demo seed writes every record with an open publicity window.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

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
    public async Task ListTypes_AreTheEightDemoListsWithTheSubjectsActiveToday()
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists");

        var asOf = Date(body.GetProperty("asOf"));
        Assert.That(asOf, Is.EqualTo(Today).Or.EqualTo(Today.AddDays(-1)), "the Beijing day (the run may cross midnight)");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("code").GetString()), Is.EqualTo(DemoLists.All.Select(l => l.Code)), "in sort order");
        Assert.Multiple(() =>
        {
            foreach (var (item, list) in items.Zip(DemoLists.All))
            {
                Assert.That(item.GetProperty("name").GetString(), Is.EqualTo(list.Name));
                Assert.That(item.GetProperty("colour").GetString(), Is.EqualTo(list.Colour));
                Assert.That(item.GetProperty("description").GetString(), Is.EqualTo(list.Description));
                Assert.That(item.GetProperty("legalBasis").GetString(), Is.EqualTo(list.LegalBasis));
                Assert.That(item.GetProperty("removalRule").GetString(), Is.EqualTo(list.RemovalRule));
                var duration = item.GetProperty("defaultDurationMonths");
                Assert.That(duration.ValueKind == JsonValueKind.Null ? (int?)null : duration.GetInt32(), Is.EqualTo(list.DefaultDurationMonths), list.Code);
                Assert.That(item.GetProperty("activeCount").GetInt32(), Is.EqualTo(ActiveSubjects(list.Code, asOf).Count), list.Code);
            }
        });
    }

    [Test]
    public void DemoData_HasListsWithSeveralAndWithNoActiveSubjects()
    {
        // Guards the test above against demo data that would make it trivial.
        var counts = DemoLists.All.Select(l => ActiveSubjects(l.Code, DemoRecords.ReferenceDate).Count).ToList();

        Assert.That(counts, Has.Some.GreaterThan(1).And.Some.EqualTo(0));
    }

    [TestCase("2026-03-01", DemoSubjects.WanjiaJianshe, false, TestName = "Entries_TheDayBeforeAListingStarts_LeaveItOut")]
    [TestCase("2026-03-02", DemoSubjects.WanjiaJianshe, true, TestName = "Entries_OnTheDayAListingStarts_IncludeIt")]
    [TestCase("2025-09-11", DemoSubjects.ShengchuanJianshe, true, TestName = "Entries_OnTheLastDayOfAListing_IncludeIt")]
    [TestCase("2025-09-12", DemoSubjects.ShengchuanJianshe, false, TestName = "Entries_TheDayAfterAListingEnds_LeaveItOut")]
    public async Task Entries_OfSxbzxr_AreTheListingsActiveOnTheDay(string asOf, string subject, bool listed)
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/lists/SXBZXR/entries?asOf={asOf}&pageSize=200");

        var day = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expected = ListRecords(DemoLists.Sxbzxr).Where(r => IsActiveOn(r, day)).ToList();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(expected.Count));
            Assert.That(items.Select(Listing), Is.EquivalentTo(expected.Select(r => (DemoSubjects.Get(r.SubjectCode).Name, r.EffectiveFrom, r.EffectiveTo))));
            Assert.That(items.Any(i => i.GetProperty("subject").GetProperty("name").GetString() == DemoSubjects.Get(subject).Name), Is.EqualTo(listed));
            Assert.That(items.Select(i => i.GetProperty("catalogueCode").GetString()).Distinct(), Is.EqualTo(new[] { DemoCatalogue.JudgmentDefaulter }));
            Assert.That(items.Select(i => i.GetProperty("departmentCode").GetString()).Distinct(), Is.EqualTo(new[] { DemoDepartments.Fy }));
        });
    }

    [Test]
    public async Task Entries_WithoutAsOf_AreTodaysNewestFirstAndShowAPersonOnlyMasked()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/lists/SXBZXR/entries");
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();

        var expected = ListRecords(DemoLists.Sxbzxr).Where(r => IsActiveOn(r, Today)).OrderByDescending(r => r.EffectiveFrom).ToList();
        var person = items.Single(i => i.GetProperty("subject").GetProperty("type").GetString() == "person").GetProperty("subject");
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => Date(i.GetProperty("from"))), Is.EqualTo(expected.Select(r => r.EffectiveFrom)));
            Assert.That(items.Where(i => i.GetProperty("subject").GetProperty("type").GetString() == "legal")
                    .Select(i => i.GetProperty("subject").GetProperty("code").GetString()),
                Is.EqualTo(expected.Where(r => DemoSubjects.Get(r.SubjectCode).SubjectType == "legal").Select(r => r.SubjectCode)));
            Assert.That(person.GetProperty("name").GetString(), Is.EqualTo(DemoSubjects.Get(DemoSubjects.ChenZhiyuan).Name));
            Assert.That(person.GetProperty("code").GetString(), Is.EqualTo(DemoSubjects.ChenZhiyuan[..4] + "**********" + DemoSubjects.ChenZhiyuan[14..]));
            Assert.That(text, Does.Not.Contain(DemoSubjects.ChenZhiyuan), "never the clear ID number");
            Assert.That(items.Select(i => Guid.Parse(i.GetProperty("recordId").GetString()!)), Is.Unique);
        });
    }

    [Test]
    public async Task Entries_PagedOneByOne_GiveEachEntryOnce()
    {
        using var anyone = Api.CreateClient();
        var all = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists/NSXYA/entries");

        var ids = new List<string>();
        for (var page = 1; page <= all.GetProperty("total").GetInt32() + 1; page++)
        {
            var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/lists/NSXYA/entries?page={page}&pageSize=1");
            Assert.That((body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32()), Is.EqualTo((page, 1)));
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()!));
        }

        Assert.Multiple(() =>
        {
            Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(ListRecords(DemoLists.Nsxya).Count(r => IsActiveOn(r, Today))));
            Assert.That(ids, Is.EqualTo(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()!)));
        });
    }

    [Test]
    public async Task Entries_OfAnUnknownList_Return404()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/lists/NOPE/entries");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("没有代码为 NOPE 的名单。"));
    }

    [Test]
    public async Task Entries_WithAnAsOfThatIsNotADate_Return400()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/lists/SXBZXR/entries?asOf=yesterday");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["asOf"], Is.EqualTo(new[] { "值 'yesterday' 不是有效的 日期（YYYY-MM-DD）。" }));
    }

    [Test]
    public async Task Entries_OfSharedAndAuthorisedRecords_AreSeenOnlyByThoseEntitled()
    {
        // A database of its own: the records added here would change the counts the other tests expect.
        await using var api = await ApiFactory.StartAsync(engine);
        using var admin = api.CreateClient("dev-admin");
        using var court = api.CreateClient("dev-dept-fy");
        var shared = await AddListingAsync(admin, court, "KZ-FY-TEST-SHARED", "shared", "TEST-SHARED-1", DemoSubjects.PuliShipin);
        var authorised = await AddListingAsync(admin, court, "KZ-FY-TEST-AUTH", "authorised", "TEST-AUTH-1", DemoSubjects.LinjiangWuliu);
        var demo = ListRecords(DemoLists.Sxbzxr).Count(r => IsActiveOn(r, Today));

        var seen = new Dictionary<string, (int Total, bool Shared, bool Authorised)>();
        foreach (var key in new[] { "", "dev-clerk", "dev-bidding", "dev-dept-scjgj", "dev-dept-fy", "dev-admin" })
        {
            using var client = api.CreateClient(key.Length == 0 ? null : key);
            var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/lists/SXBZXR/entries?pageSize=200");
            var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()).ToList();
            seen[key] = (body.GetProperty("total").GetInt32(), ids.Contains(shared), ids.Contains(authorised));
        }

        using var anyone = api.CreateClient();
        var lists = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists");
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=list.entries&pageSize=200");
        var traced = log.GetProperty("items").EnumerateArray()
            .Select(e => (Role: e.GetProperty("role").GetString(), Reference: e.GetProperty("reference").GetString(), Size: e.GetProperty("resultSize").GetInt32()))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(traced.Select(t => t.Role), Is.EquivalentTo(new[] { "clerk", "bidding", "department", "department", "admin" }),
                "every page holding non-public listings leaves an entry; the public's page holds none");
            Assert.That(traced.Select(t => t.Reference), Is.All.EqualTo("SXBZXR"));
            Assert.That(traced.Single(t => t.Role == "clerk").Size, Is.EqualTo(demo + 1));
            Assert.That(seen[""], Is.EqualTo((demo, false, false)), "the public: 社会公开 only");
            Assert.That(seen["dev-clerk"], Is.EqualTo((demo + 1, true, false)), "a clerk: also 政务共享");
            Assert.That(seen["dev-bidding"], Is.EqualTo((demo + 1, true, false)), "a bidding system: also 政务共享");
            Assert.That(seen["dev-dept-scjgj"], Is.EqualTo((demo + 1, true, false)), "another department: also 政务共享");
            Assert.That(seen["dev-dept-fy"], Is.EqualTo((demo + 2, true, true)), "the providing department: everything it provided");
            Assert.That(seen["dev-admin"], Is.EqualTo((demo + 2, true, true)), "the credit office: everything");
            Assert.That(lists.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SXBZXR")
                .GetProperty("activeCount").GetInt32(), Is.EqualTo(demo + 2), "counts are statistics over every listing");
        });
    }

    [Test]
    public async Task Entries_AfterARevocation_EndTheDayBefore()
    {
        // A database of its own: the revocation would change the counts the other tests expect.
        await using var api = await ApiFactory.StartAsync(engine);
        using var anyone = api.CreateClient();
        using var court = api.CreateClient("dev-dept-fy");
        var before = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists/SXBZXR/entries");
        var wanjia = before.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("subject").GetProperty("code").GetString() == DemoSubjects.WanjiaJianshe);
        var id = wanjia.GetProperty("recordId").GetString();

        using var revoked = await court.PostAsJsonAsync($"/api/v1/records/{id}/revoke", new { reason = "已全部履行生效法律文书确定的义务" });
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());

        var today = Today;
        var now = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists/SXBZXR/entries");
        var yesterday = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/lists/SXBZXR/entries?asOf={today.AddDays(-1):yyyy-MM-dd}");
        var lists = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/lists");
        Assert.Multiple(() =>
        {
            Assert.That(now.GetProperty("total").GetInt32(), Is.EqualTo(before.GetProperty("total").GetInt32() - 1));
            Assert.That(RecordIds(now), Does.Not.Contain(id));
            Assert.That(lists.GetProperty("items")[0].GetProperty("activeCount").GetInt32(), Is.EqualTo(before.GetProperty("total").GetInt32() - 1));
            // The public no longer sees a revoked record at all; the credit office sees the listing up to the day before.
            Assert.That(RecordIds(yesterday), Does.Not.Contain(id));
        });

        using var admin = api.CreateClient("dev-admin");
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/lists/SXBZXR/entries?asOf={today.AddDays(-1):yyyy-MM-dd}");
        var entry = seenByAdmin.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("recordId").GetString() == id);
        Assert.Multiple(() =>
        {
            Assert.That(Date(entry.GetProperty("from")), Is.EqualTo(Date(wanjia.GetProperty("from"))));
            Assert.That(Date(entry.GetProperty("to")), Is.EqualTo(today.AddDays(-1)));
        });
    }

    /// <summary>Creates a catalogue entry of the court feeding SXBZXR and one active listing of it; returns the record id.</summary>
    private static async Task<string> AddListingAsync(HttpClient admin, HttpClient court, string code, string disclosure, string sourceRef,
        string subject)
    {
        using var entry = await admin.PostAsJsonAsync("/api/v1/catalogue", new
        {
            code,
            name = "失信被执行人信息（测试）",
            category = "严重失信主体名单",
            departmentCode = DemoDepartments.Fy,
            subjectTypes = new[] { "legal", "individual_business", "person" },
            disclosure,
            polarity = "negative",
            listCode = DemoLists.Sxbzxr,
            updateFrequency = "每日",
            legalBasis = "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）",
            fieldsSchema = new object[] { new { key = "caseNumber", name = "案号", type = "string", required = true, maxLength = 50 } },
        });
        Assert.That(entry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await entry.Content.ReadAsStringAsync());

        using var record = await court.PostAsJsonAsync("/api/v1/records", new
        {
            catalogueCode = code,
            subject = new { code = subject, name = DemoSubjects.Get(subject).Name },
            sourceRef,
            fields = new { caseNumber = "（2026）渝0154执9001号" },
            decisionDate = Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            severity = "serious",
        });
        var body = await record.Content.ReadAsStringAsync();
        Assert.That(record.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static IEnumerable<DemoRecord> ListRecords(string listCode) =>
        DemoRecords.All.Where(r => DemoCatalogue.Get(r.CatalogueCode).ListCode == listCode);

    private static bool IsActiveOn(DemoRecord r, DateOnly day) => r.EffectiveFrom <= day && (r.EffectiveTo is not { } to || day <= to);

    private static HashSet<string> ActiveSubjects(string listCode, DateOnly day) =>
        ListRecords(listCode).Where(r => IsActiveOn(r, day)).Select(r => r.SubjectCode).ToHashSet();

    private static (string Name, DateOnly From, DateOnly? To) Listing(JsonElement item)
    {
        var to = item.GetProperty("to");
        return (item.GetProperty("subject").GetProperty("name").GetString()!, Date(item.GetProperty("from")),
            to.ValueKind == JsonValueKind.Null ? null : Date(to));
    }

    private static List<string?> RecordIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()).ToList();

    private static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
