using CreditKaizhou.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// openapi.yaml is the contract integrators code against. It must be exactly what the service
/// serves. To regenerate it after a deliberate change:
/// <c>CREDITKAIZHOU_WRITE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests</c>
/// </summary>
public sealed class OpenApiContractTests
{
    private const string WriteVariable = "CREDITKAIZHOU_WRITE_OPENAPI";
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await ApiFactory.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task ServedDocument_EqualsCommittedOpenApiYaml()
    {
        using var client = _api.CreateClient();
        var served = await client.GetStringAsync("/openapi/v1.yaml");
        var committedPath = RepositoryRoot.Combine("openapi.yaml");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }

        var committed = File.Exists(committedPath) ? await File.ReadAllTextAsync(committedPath) : "";
        Assert.That(Lines(served), Is.EqualTo(Lines(committed)),
            $"openapi.yaml differs from the served document; after a deliberate change run: {WriteVariable}=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests");
    }

    [Test]
    public async Task ServedJsonDocument_IsOpenApi31()
    {
        using var client = _api.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(json, Does.Contain("\"openapi\": \"3.1"));
    }

    [Test]
    public async Task SwaggerUi_IsServed()
    {
        using var client = _api.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");

        Assert.Multiple(async () =>
        {
            Assert.That(response.IsSuccessStatusCode, Is.True);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
        });
    }

    [Test]
    public void EveryEndpoint_IsInOpenApiYaml()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryRoot.Combine("openapi.yaml")))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        var documented = paths.Children.SelectMany(path => ((YamlMappingNode)path.Value).Children.Keys
                .Select(method => $"{((YamlScalarNode)method).Value!.ToUpperInvariant()} {((YamlScalarNode)path.Key).Value}"))
            .ToHashSet();

        var exposed = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.That(exposed, Is.Not.Empty);
        Assert.That(exposed.Where(e => !documented.Contains(e)), Is.Empty, "endpoints missing from openapi.yaml");
    }

    /// <summary>Route templates as OpenAPI writes them: leading slash, no trailing slash, no constraints.</summary>
    private static string Normalise(string template)
    {
        var path = "/" + template.Trim('/');
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:?]+)(:[^}]*)?\??\}", "{$1}");
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd().Split('\n');
}
