using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Tests.Domain.Identifiers;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// Subject search through HTTP: exact codes, two-character and longer fragments, the ranking (exact name, prefix,
/// substring; current before deregistered; then by name), who finds persons, and the gram index following renames.
/// Expected orders are worked out here from the demo subjects.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class SubjectSearchTests(Engine engine)
{
    private static readonly string ExactCode = IdentifierGen.BuildUscc("91500154", "MA6Y0001");
    private static readonly string PrefixCode = IdentifierGen.BuildUscc("91500154", "MA6Y0002");
    private static readonly string SubstringCode = IdentifierGen.BuildUscc("91500154", "MA6Y0003");
    private static readonly string RenamedCode = IdentifierGen.BuildUscc("91500154", "MA6Y0004");

    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine);
        using var admin = Api.CreateClient("dev-admin");
        await RecordTestCatalogue.CreateAsync(admin);
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        foreach (var (code, name, sourceRef) in new[]
                 {
                     (ExactCode, "鹏程远航", "search-1"), (PrefixCode, "鹏程远航商贸有限公司", "search-2"),
                     (SubstringCode, "重庆开州鹏程远航物流有限公司", "search-3"), (RenamedCode, "重庆市开州区旧称测试有限公司", "search-4"),
                 })
        {
            using var response = await scjgj.PostAsJsonAsync("/api/v1/records", RecordTestCatalogue.Record(sourceRef, subjectCode: code, subjectName: name));
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

    [Test]
    public async Task Search_ByCreditCode_FindsThatSubjectOnly()
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects?q={DemoSubjects.XinyuanJianshe}");

        var item = body.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(item.GetProperty("code").GetString(), Is.EqualTo(DemoSubjects.XinyuanJianshe));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo(DemoSubjects.Get(DemoSubjects.XinyuanJianshe).Name));
            Assert.That(item.GetProperty("type").GetString(), Is.EqualTo("legal"));
            Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(item.GetProperty("match").GetString(), Is.EqualTo("code"));
            Assert.That(item.GetProperty("black").GetBoolean(), Is.True, "失信被执行人");
            Assert.That(item.GetProperty("red").GetBoolean(), Is.False);
        });
    }

    [TestCase(null, TestName = "Search_ByIdNumber_Anonymously_FindsThePersonMasked")]
    [TestCase("dev-clerk", TestName = "Search_ByIdNumber_AsClerk_FindsThePersonMasked")]
    public async Task Search_ByIdNumber_FindsThePersonMasked(string? key)
    {
        using var client = Api.CreateClient(key);

        using var response = await client.GetAsync($"/api/v1/subjects?q={DemoSubjects.ChenZhiyuan.ToLowerInvariant()}");
        var text = await response.Content.ReadAsStringAsync();

        var item = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("code").GetString(), Is.EqualTo("5002**********2132"));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("陈志远"));
            Assert.That(item.GetProperty("type").GetString(), Is.EqualTo("person"));
            Assert.That(item.GetProperty("black").GetBoolean(), Is.True);
            Assert.That(text, Does.Not.Contain(DemoSubjects.ChenZhiyuan));
        });
    }

    [Test]
    public async Task Search_ByUnknownCode_FindsNothing()
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects?q={IdentifierGen.BuildUscc("91500154", "MA6Y9999")}");

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(body.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [TestCase("开州")]
    [TestCase("建设")]
    [TestCase("商贸")]
    [TestCase("开县")]
    public async Task Search_ByTwoCharacters_FindsEveryOrganisationContainingThemInRankingOrder(string fragment)
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/subjects?q={fragment}&pageSize=200");

        var expected = Ranked(DemoSubjects.All.Where(s => s.SubjectType != "person").Select(s => (s.Name, s.Status)), fragment);
        var items = body.GetProperty("items").EnumerateArray().Where(i => DemoSubjects.All.Any(s => s.Name == i.GetProperty("name").GetString())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.GreaterThan(3), "the demo data gives the fragment something to rank");
            Assert.That(items.Select(i => i.GetProperty("name").GetString()), Is.EqualTo(expected.Select(e => e.Name)));
            Assert.That(items.Select(i => i.GetProperty("match").GetString()), Is.EqualTo(expected.Select(e => e.Match)));
            Assert.That(body.GetProperty("totalExact").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Search_ByLongerFragment_RanksExactThenPrefixThenSubstring()
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=鹏程远航");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.GetProperty("name").GetString()),
                Is.EqualTo(new[] { "鹏程远航", "鹏程远航商贸有限公司", "重庆开州鹏程远航物流有限公司" }));
            Assert.That(items.Select(i => i.GetProperty("match").GetString()), Is.EqualTo(new[] { "exact", "prefix", "substring" }));
            Assert.That(items.Select(i => i.GetProperty("code").GetString()), Is.EqualTo(new[] { ExactCode, PrefixCode, SubstringCode }));
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Search_ByFragmentWhoseCharactersOccurApart_FindsNothing()
    {
        using var anyone = Api.CreateClient();

        // 鹏程 and 物流 both occur in one name, but not as 鹏程物流.
        var body = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=鹏程物流");

        Assert.That(body.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Search_Paged_ReturnsConsecutiveSlicesOfOneRanking()
    {
        using var anyone = Api.CreateClient();

        var all = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=开州&pageSize=200");
        var first = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=开州&page=1&pageSize=7");
        var second = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=开州&page=2&pageSize=7");

        var names = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
                .Select(i => i.GetProperty("name").GetString()), Is.EqualTo(names.Take(14)));
            Assert.That(second.GetProperty("total").GetInt32(), Is.EqualTo(names.Count));
            Assert.That(second.GetProperty("page").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("pageSize").GetInt32(), Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Search_ByPersonsName_FindsThePersonForAClerkOnly()
    {
        using var anyone = Api.CreateClient();
        using var clerk = Api.CreateClient("dev-clerk");

        var forPublic = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=志远");
        var forClerk = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=志远");

        var person = forClerk.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(forPublic.GetProperty("items").GetArrayLength(), Is.Zero, "the public never finds a person by name");
            Assert.That(forPublic.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(person.GetProperty("name").GetString(), Is.EqualTo("陈志远"));
            Assert.That(person.GetProperty("code").GetString(), Is.EqualTo("5002**********2132"));
            Assert.That(person.GetProperty("match").GetString(), Is.EqualTo("substring"));
        });
    }

    [Test]
    public async Task Search_AfterARename_FindsTheNewNameAndNotTheOld()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var anyone = Api.CreateClient();
        using var renamed = await scjgj.PostAsJsonAsync("/api/v1/records",
            RecordTestCatalogue.Record("search-5", subjectCode: RenamedCode, subjectName: "重庆市开州区新称测试有限公司"));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await renamed.Content.ReadAsStringAsync());

        var byOld = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=旧称测试");
        var byNew = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=新称测试");

        Assert.Multiple(() =>
        {
            Assert.That(byOld.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(byNew.GetProperty("items").EnumerateArray().Single().GetProperty("code").GetString(), Is.EqualTo(RenamedCode));
        });
    }

    [TestCase("", TestName = "Search_WithoutQuery_IsAValidationProblem")]
    [TestCase("开", TestName = "Search_WithOneCharacter_IsAValidationProblem")]
    [TestCase("%20%20开%20", TestName = "Search_WithOneCharacterAndSpaces_IsAValidationProblem")]
    public async Task Search_WithTooShortQuery_IsAValidationProblem(string q)
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync($"/api/v1/subjects?q={q}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["q"].Single(), Does.Contain("至少 2 个字"));
    }

    [Test]
    public async Task Search_BeyondTheReach_IsAValidationProblemInEnglishWhenAsked()
    {
        using var anyone = Api.CreateClient(null, "en");

        using var response = await anyone.GetAsync("/api/v1/subjects?q=开州&page=51&pageSize=200");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["page"].Single(), Does.Contain("first 10000 matches"));
    }

    [Test]
    public async Task Search_WithWildcardCharacters_TakesThemLiterally()
    {
        using var anyone = Api.CreateClient();

        var body = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/subjects?q=%25_%25");

        Assert.That(body.GetProperty("total").GetInt32(), Is.Zero);
    }

    [TestCase("/api/v1/subjects?q=开州&page=0", TestName = "BadInput_PageZero_IsABadRequestProblem")]
    [TestCase("/api/v1/subjects?q=开州&pageSize=0", TestName = "BadInput_PageSizeZero_IsABadRequestProblem")]
    [TestCase("/api/v1/subjects?q=开州&page=abc", TestName = "BadInput_PageNotANumber_IsABadRequestProblem")]
    [TestCase("/api/v1/subjects/91500154MA5UGH9W6J?asOf=2026-13-01", TestName = "BadInput_ProfileAsOfNotADate_IsABadRequestProblem")]
    [TestCase("/api/v1/subjects/91500154MA5UGH9W6J/records?includeInactive=maybe", TestName = "BadInput_IncludeInactiveNotABoolean_IsABadRequestProblem")]
    public async Task BadInput_IsABadRequestProblem(string path)
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task BadInput_QueryOfMoreThanAHundredCharacters_IsAValidationProblem()
    {
        using var anyone = Api.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/subjects?q=" + string.Concat(Enumerable.Repeat("开州", 51)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["q"].Single(), Does.Contain("最长 100 个字符"));
    }

    /// <summary>The ranking rule: tier (exact, prefix, substring), current before deregistered, then the name by code point.</summary>
    private static List<(string Name, string Match)> Ranked(IEnumerable<(string Name, string Status)> subjects, string fragment) =>
        subjects
            .Where(s => s.Name.Contains(fragment, StringComparison.Ordinal))
            .Select(s => (s.Name, s.Status, Tier: s.Name == fragment ? 0 : s.Name.StartsWith(fragment, StringComparison.Ordinal) ? 1 : 2))
            .OrderBy(s => s.Tier).ThenBy(s => s.Status == "deregistered" ? 1 : 0).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s.Name, s.Tier switch { 0 => "exact", 1 => "prefix", _ => "substring" }))
            .ToList();
}
