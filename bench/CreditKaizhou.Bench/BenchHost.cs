using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Api.Infrastructure.Hosting;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditKaizhou.Bench;

/// <summary>
/// The service's own database wiring, in-process and without HTTP: migrations, repositories and the
/// Development seed, exactly as the service runs them on first start.
/// </summary>
public static class BenchHost
{
    /// <summary>Builds the host on the given database, migrates it and loads the Development seed.</summary>
    /// <param name="generatedCatalogue">Seed the whole generated 2014-entry catalogue, not only the 20 hand-written entries.</param>
    public static async Task<WebApplication> StartAsync(string provider, string connectionString, string contentRoot,
        TimeProvider clock, bool generatedCatalogue)
    {
        var builder = WebApplication.CreateBuilder(ServiceHost.Options([], "Development", contentRoot));
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:CreditKaizhou"] = connectionString;
        builder.Configuration["Seed:GeneratedCatalogue"] = generatedCatalogue ? "true" : "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(clock);
        builder.Services.AddDatabase().AddRepositories().AddAccessAudit().AddPrivacy().AddDevelopmentSeed();
        var app = builder.Build();
        try
        {
            await app.PrepareDatabaseAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
