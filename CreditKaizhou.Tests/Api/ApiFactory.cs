using System.Net;
using System.Net.Http.Headers;
using CreditKaizhou.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// The service in-process on a fresh database of the given engine, in the Development
/// environment (so the demo seed and its six keys exist) unless told otherwise.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Engine _engine;
    private readonly string _connectionString;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ApiFactory(Engine engine, string connectionString, string environment, Action<IServiceCollection>? services,
        IReadOnlyDictionary<string, string?>? settings)
    {
        _engine = engine;
        _connectionString = connectionString;
        _environment = environment;
        _services = services;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The secrets every environment but Development must be given.</summary>
    public static Dictionary<string, string?> ProductionSecrets() => new()
    {
        ["Privacy:IdNumberKey"] = Convert.ToBase64String(new byte[32]),
        ["Receipts:PrivateKeyPem"] = CreditKaizhou.Api.Features.Checks.Receipts.ReceiptKeys.GeneratePrivateKeyPem(),
    };

    public Engine Engine => _engine;

    public string ConnectionString => _connectionString;

    public static async Task<ApiFactory> StartAsync(Engine engine = Engine.Sqlite, string environment = "Development",
        Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connectionString = await TestEngines.CreateDatabaseAsync(engine);
        return StartOn(engine, connectionString, environment, services, settings);
    }

    /// <summary>Another instance of the service on an existing database, as behind a load balancer.</summary>
    public static ApiFactory StartOn(Engine engine, string connectionString, string environment = "Development",
        Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ApiFactory(engine, connectionString, environment, services, settings);
        _ = factory.Server; // starts the host: migrations and seed run now
        return factory;
    }

    /// <summary>
    /// The service on Kestrel at a free port of 127.0.0.1, for clients outside the process such as a
    /// browser; <see cref="Address"/> is where it listens.
    /// </summary>
    public static async Task<ApiFactory> StartOnLoopbackAsync(Engine engine = Engine.Sqlite, string environment = "Development")
    {
        var factory = new ApiFactory(engine, await TestEngines.CreateDatabaseAsync(engine), environment, null, null);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    /// <summary>The address a service started by <see cref="StartOnLoopbackAsync"/> listens on.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient CreateClient(string? apiKey, string? language = null)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting(TestEngines.ProviderKey, _engine.ProviderName());
        builder.UseSetting("ConnectionStrings:CreditKaizhou", _connectionString);
        // The hand-written demo entries are enough for most tests; the catalogue tests import the generated ones.
        builder.UseSetting("Seed:GeneratedCatalogue", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
