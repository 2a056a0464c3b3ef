using System.Net;
using System.Text.RegularExpressions;
using CreditKaizhou.Api.Infrastructure.ClerkPage;

namespace CreditKaizhou.Tests.Api;

/// <summary>The clerk's page is served from the service with its security headers, and only it carries them.</summary>
public sealed partial class ClerkPageHeaderTests
{
    private ApiFactory? _api;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await ApiFactory.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Root_ServesThePage_WithStrictSecurityHeaders()
    {
        using var client = _api!.CreateClient();
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(html, Does.Contain("窗口工作人员登录"));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo(ClerkPageExtensions.PagePolicy));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
        });
    }

    [Test]
    public void PagePolicy_AllowsOnlyTheServiceItself()
    {
        var directives = ClerkPageExtensions.PagePolicy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sources = directives.SelectMany(d => d.Split(' ').Skip(1)).Distinct().ToList();

        Assert.That(sources, Is.SubsetOf(new[] { "'self'", "'none'" }), "no inline code, no data: or other origin");
    }

    [TestCase("/index.html")]
    [TestCase("/report-frame.html")]
    public async Task Pages_HaveNoInlineScriptOrStyle(string path)
    {
        using var client = _api!.CreateClient();
        var html = await client.GetStringAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(ScriptTag().Matches(html).Select(m => m.Value), Has.All.Contains("src="), "scripts come from files");
            Assert.That(html, Does.Not.Contain("<style"));
            Assert.That(InlineHandlerOrStyle().IsMatch(html), Is.False, "no on…= handlers, no style= attributes");
        });
    }

    [Test]
    public async Task ReportFrame_AdmitsTheReportsInlineStylesAndNoScript()
    {
        using var client = _api!.CreateClient();
        using var response = await client.GetAsync("/report-frame.html");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo(ClerkPageExtensions.ReportFramePolicy));
            Assert.That(ClerkPageExtensions.ReportFramePolicy, Does.StartWith("default-src 'none';").And.Not.Contain("script-src"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("SAMEORIGIN"));
        });
    }

    [TestCase("/swagger/index.html", null)]
    [TestCase("/api/v1/me", "dev-clerk")]
    [TestCase("/openapi/v1.json", null)]
    public async Task OtherResponses_CarryNoPagePolicy(string path, string? key)
    {
        using var client = _api!.CreateClient(key);
        using var response = await client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the page's files do not shadow the API or Swagger UI");
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.False);
        });
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\s(on[a-z]+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}
