using CreditKaizhou.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreditKaizhou.Tests.Api;

/// <summary>API keys and roles, through HTTP.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class AuthenticationTests(Engine engine)
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
    public async Task AdminEndpoint_WithoutKey_Returns401()
    {
        using var client = Api.CreateClient(apiKey: null);
        using var response = await client.GetAsync("/api/v1/clients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("此操作需要在 X-Api-Key 请求头中提供 API 密钥。"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("ApiKey header=\"X-Api-Key\""));
        });
    }

    [TestCase("/api/v1/clients")]
    [TestCase("/api/v1/departments")]
    public async Task AnyEndpoint_WithWrongKey_Returns401(string path)
    {
        using var client = Api.CreateClient("dev-not-a-key");
        using var response = await client.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("X-Api-Key 中的 API 密钥无效或已被吊销。"));
    }

    [TestCase("dev-clerk", "clerk")]
    [TestCase("dev-bidding", "bidding")]
    [TestCase("dev-dept-scjgj", "department")]
    public async Task AdminEndpoint_WithOtherRole_Returns403(string key, string role)
    {
        using var client = Api.CreateClient(key);
        using var response = await client.GetAsync("/api/v1/clients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"角色 {role} 无权执行此操作。"));
    }

    [TestCase("dev-admin", "admin", null)]
    [TestCase("dev-clerk", "clerk", null)]
    [TestCase("dev-bidding", "bidding", null)]
    [TestCase("dev-dept-scjgj", "department", "SCJGJ")]
    [TestCase("dev-dept-swj", "department", "SWJ")]
    [TestCase("dev-dept-fy", "department", "FY")]
    public async Task DemoKeys_InDevelopment_AuthenticateWithTheirRoles(string key, string role, string? department)
    {
        using var client = Api.CreateClient(key);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo(role));
            Assert.That(me.GetProperty("departmentCode").GetString(), Is.EqualTo(department));
        });
    }

    [Test]
    public async Task CreatedKey_IsShownOnceWorksAndStopsWorkingWhenRevoked()
    {
        using var admin = Api.CreateClient("dev-admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "区公共资源交易中心 二号系统", role = "bidding" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("apiKey").GetString()!;
        var id = body.GetProperty("client").GetProperty("id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(key, Does.StartWith("ck_").And.Length.EqualTo(46));
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/clients/{id}"));
        });

        var listed = await admin.GetStringAsync($"/api/v1/clients/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(listed, Does.Not.Contain(key), "the key is shown once only");
            Assert.That(listed, Does.Contain($"\"keyHint\":\"{key[^4..]}\""));
        });

        using var bidding = Api.CreateClient(key);
        var me = await bidding.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("bidding"));

        using var revoked = await admin.PostAsync($"/api/v1/clients/{id}/revoke", null);
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var after = await bidding.GetAsync("/api/v1/me");
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized, "/problems/unauthenticated");

        using var again = await admin.PostAsync($"/api/v1/clients/{id}/revoke", null);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "/problems/conflict");
    }

    [Test]
    public async Task DepartmentClient_ForUnknownDepartment_Returns400()
    {
        using var admin = Api.CreateClient("dev-admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "x", role = "department", departmentCode = "NOPE" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["$.departmentCode"], Is.EqualTo(new[] { "没有代码为 NOPE 的部门。" }));
    }

    [Test]
    public async Task DemoKeys_OutsideDevelopment_DoNotExist()
    {
        await using var production = await ApiFactory.StartAsync(engine, environment: "Production",
            settings: ApiFactory.ProductionSecrets());
        using var client = production.CreateClient("dev-admin");
        using var response = await client.GetAsync("/api/v1/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "/problems/unauthenticated");
    }
}
