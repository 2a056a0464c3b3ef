using CreditKaizhou.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreditKaizhou.Tests.Api;

/// <summary>The identifier checks through HTTP: the validation endpoint, the FluentValidation rule and the exception list.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class IdentifierEndpointTests(Engine engine)
{
    private ApiFactory? _api;
    private HttpClient? _admin;

    private ApiFactory Api => _api!;

    private HttpClient Admin => _admin!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine);
        _admin = _api.CreateClient("dev-admin");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _admin?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Validate_ValidCode_SaysValid()
    {
        var body = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/identifiers/validate?code=91110000600037341L");

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("valid").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("problems").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Validate_WrongCheckCharacter_SaysWhichAndWhatWasExpected()
    {
        using var anonymous = Api.CreateClient();
        var body = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/identifiers/validate?code=91110000600037341N");
        var problem = body.GetProperty("problems")[0];

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(problem.GetProperty("kind").GetString(), Is.EqualTo("CheckCharacter"));
            Assert.That(problem.GetProperty("position").GetInt32(), Is.EqualTo(18));
            Assert.That(problem.GetProperty("message").GetString(), Does.Contain("L").And.Contain("N"));
        });
    }

    [Test]
    public async Task Validate_ResidentIdWithImpossibleDate_NamesTheDateAndNeverEchoesTheNumber()
    {
        using var anonymous = Api.CreateClient(null, "en");
        var text = await anonymous.GetStringAsync("/api/v1/identifiers/validate?type=resident-id&code=360426199113010079");
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("problems")[0].GetProperty("kind").GetString(), Is.EqualTo("BirthDate"));
            Assert.That(body.GetProperty("problems")[0].GetProperty("message").GetString(), Does.Contain("19911301"));
            Assert.That(text, Does.Not.Contain("360426199113010079"));
        });
    }

    [Test]
    public async Task CreateDepartment_WithInvalidCreditCode_Returns400WithThePreciseProblem()
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/departments",
            new { code = "TJJ", name = "重庆市开州区统计局", creditCode = "91110000600037341N" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["$.creditCode"], Has.Length.EqualTo(1).And.Some.Contain("第18位"));
    }

    [Test]
    public async Task KnownException_OnceListed_IsAcceptedByTheRule()
    {
        const string PilotCode = "91350100M0001TGQXM";
        var before = await Admin.PostAsJsonAsync("/api/v1/departments", new { code = "SLJA", name = "试点单位甲", creditCode = PilotCode });
        await ProblemAssert.IsProblemAsync(before, HttpStatusCode.BadRequest, "/problems/validation");

        using var listed = await Admin.PostAsJsonAsync("/api/v1/identifiers/exceptions", new { code = PilotCode, reason = "早期试点代码，经登记机关核实" });
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await listed.Content.ReadAsStringAsync());

        using var after = await Admin.PostAsJsonAsync("/api/v1/departments", new { code = "SLJA", name = "试点单位甲", creditCode = PilotCode });
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Created), await after.Content.ReadAsStringAsync());
        var validation = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/identifiers/validate?code={PilotCode}");
        Assert.That(validation.GetProperty("acceptedAsKnownException").GetBoolean(), Is.True);

        using var removed = await Admin.DeleteAsync($"/api/v1/identifiers/exceptions/{PilotCode}");
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var later = await Admin.PostAsJsonAsync("/api/v1/departments", new { code = "SLJB", name = "试点单位乙", creditCode = PilotCode });
        await ProblemAssert.IsProblemAsync(later, HttpStatusCode.BadRequest, "/problems/validation");
    }

    [TestCase("91110000600037341L", "校验通过，无需列为例外")]
    [TestCase("9111000060003IOZSV", "不在统一社会信用代码字符集中")]
    public async Task AddException_ForACodeThatIsValidOrMalformed_Returns400(string code, string expected)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/identifiers/exceptions", new { code, reason = "x" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["$.code"], Has.Some.Contain(expected));
    }

    [Test]
    public async Task ExceptionList_ForClerk_Returns403()
    {
        using var clerk = Api.CreateClient("dev-clerk");
        using var response = await clerk.GetAsync("/api/v1/identifiers/exceptions");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
    }
}
