using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreditKaizhou.Tests.Api;

public sealed class HealthTests
{
    [Test]
    public async Task Ready_WithMigratedDatabase_Returns200()
    {
        await using var api = await ApiFactory.StartAsync();
        using var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks")[0].GetProperty("name").GetString(), Is.EqualTo("database"));
        });
    }

    [Test]
    public async Task Ready_WhenTheDatabaseIsNotThere_Returns503WhileLiveStays200()
    {
        // Migrations off and an empty database: the service runs but cannot serve data.
        var settings = ApiFactory.ProductionSecrets();
        settings["Database:MigrateOnStartup"] = "false";
        await using var api = await ApiFactory.StartAsync(environment: "Production", settings: settings);
        using var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(body.GetProperty("checks")[0].GetProperty("description").GetString(), Does.StartWith("database unavailable"));
        });
    }
}
