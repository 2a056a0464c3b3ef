using System.Net;
using System.Text;
using CreditKaizhou.Api.Features.Departments;
using CreditKaizhou.Domain.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Api;

/// <summary>Every way a request can go wrong answers RFC 9457 problem details, in Chinese unless English is asked for.</summary>
public sealed class ProblemDetailsTests
{
    private ApiFactory _api = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(settings: new Dictionary<string, string?> { ["Api:MaxRequestBodyBytes"] = "4096" });
        _admin = _api.CreateClient("dev-admin");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task Post_InvalidFields_Returns400WithErrorsByJsonPath()
    {
        using var response = await _admin.PostAsync("/api/v1/clients", Json("""{ "role": "auditor" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("请求数据未通过校验"));
            Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
            {
                ["$.name"] = ["'name' 不能为空。"],
                ["$.role"] = ["角色必须是 admin、department、clerk、bidding 之一，实际为 'auditor'。"],
            }));
        });
    }

    [Test]
    public async Task Post_InvalidFieldsInEnglish_Returns400WithEnglishMessages()
    {
        using var english = _api.CreateClient("dev-admin", "en");
        using var response = await english.PostAsync("/api/v1/clients", Json("""{ "name": "x", "role": "department" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("The request data failed validation"));
            Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
            {
                ["$.departmentCode"] = ["A department client must name its department code."],
            }));
        });
    }

    [Test]
    public async Task Post_MalformedJson_Returns400SayingWhere()
    {
        using var response = await _admin.PostAsync("/api/v1/clients", Json("{\n  \"name\": \"窗口\",\n  \"role\": clerk\n}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/malformed-json");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("请求体不是有效的 JSON"));
            Assert.That(problem.GetProperty("detail").GetString(),
                Is.EqualTo("请求体不是有效的 JSON，或与字段类型不符：第 3 行第 11 个字节附近，位置 $.role。"));
            Assert.That(ProblemAssert.Errors(problem).Keys, Is.EquivalentTo(new[] { "$.role" }));
        });
    }

    [Test]
    public async Task Post_WrongJsonType_Returns400NamingTheField()
    {
        using var response = await _admin.PostAsync("/api/v1/clients", Json("""{"name": 5, "role": "clerk"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/malformed-json");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求体不是有效的 JSON，或与字段类型不符：第 1 行第 11 个字节附近，位置 $.name。"));
    }

    [Test]
    public async Task Post_WrongContentType_Returns415()
    {
        using var response = await _admin.PostAsync("/api/v1/clients", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("不支持的媒体类型"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求体必须是 JSON（Content-Type: application/json）。"));
        });
    }

    [Test]
    public async Task Post_BodyOverTheCap_Returns413AndStoresNothing()
    {
        var name = new string('x', 5000);
        using var response = await _admin.PostAsync("/api/v1/clients", Json($$"""{"name": "{{name}}", "role": "clerk"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "/problems/body-too-large");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求体超过上限 4096 字节。"));
            Assert.That(problem.GetProperty("limitBytes").GetInt64(), Is.EqualTo(4096));
        });
        var clients = await _admin.GetStringAsync("/api/v1/clients?pageSize=200");
        Assert.That(clients, Does.Not.Contain(name[..100]));
    }

    [Test]
    public async Task Get_UnknownRoute_Returns404()
    {
        using var response = await _admin.GetAsync("/api/v1/nothing-here");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("资源不存在"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("找不到 /api/v1/nothing-here。"));
            Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo("/api/v1/nothing-here"));
        });
    }

    [Test]
    public async Task Delete_OnReadOnlyRoute_Returns405()
    {
        using var response = await _admin.DeleteAsync("/api/v1/departments");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("不允许的请求方法"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("/api/v1/departments 不支持 DELETE 方法。"));
        });
    }

    [Test]
    public async Task Get_UnparsableQueryValue_Returns400NamingTheParameter()
    {
        using var response = await _admin.GetAsync("/api/v1/departments?pageSize=many");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem), Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["pageSize"] = ["值 'many' 不是有效的 整数。"],
        }));
    }

    [Test]
    public async Task Post_MissingBody_Returns400()
    {
        using var response = await _admin.PostAsync("/api/v1/clients", null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/bad-request");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("缺少请求体。"));
    }

    [Test]
    public async Task Get_WhenSomethingUnexpectedFails_Returns500WithTraceIdAndNoInternals()
    {
        await using var failing = await ApiFactory.StartAsync(services: s => s.AddSingleton<IDepartmentRepository>(sp =>
            new ExplodingDepartments(ActivatorUtilities.CreateInstance<DepartmentRepository>(sp))));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/api/v1/departments");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "/problems/unexpected");
        var body = problem.GetRawText();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("服务器内部错误"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("处理请求时发生了意外错误。请将 traceId 提供给区信用办以便排查。"));
            Assert.That(body, Does.Not.Contain(ExplodingDepartments.Secret));
            Assert.That(body, Does.Not.Contain("InvalidOperationException"));
            Assert.That(body, Does.Not.Contain("ExplodingDepartments"));
        });
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Reads fail as a broken database would; writes (the seed's) go through.</summary>
    private sealed class ExplodingDepartments(IDepartmentRepository real) : IDepartmentRepository
    {
        public const string Secret = "connection to 10.0.0.7 refused for user sa";

        public Task<(IReadOnlyList<Department> Items, int Total)> ListAsync(int skip, int take, CancellationToken ct) =>
            throw new InvalidOperationException(Secret);

        public Task<Department?> GetAsync(string code, CancellationToken ct) => throw new InvalidOperationException(Secret);

        public Task<bool> AddAsync(Department department, DateTimeOffset at, CancellationToken ct) => real.AddAsync(department, at, ct);
    }
}
