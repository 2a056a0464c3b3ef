using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Api.Infrastructure.Privacy;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Seed;

public static class SeedExtensions
{
    public static IServiceCollection AddDevelopmentSeed(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton<DevelopmentSeed>();
        services.AddSingleton<DemoDataWriter>();
        return services;
    }

    /// <summary>
    /// Migrates the database (unless disabled) and, in Development only, loads the demo data and
    /// the six demo keys. Nothing here runs in any other environment.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Resolved now so that a missing privacy or receipt key stops the service at start, not at the first person record.
        app.Services.GetRequiredService<PersonalIdProtector>();
        app.Services.GetRequiredService<Features.Checks.Receipts.ReceiptKeys>();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        if (app.Environment.IsDevelopment())
        {
            await app.Services.GetRequiredService<DevelopmentSeed>().SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }
}

/// <summary>The <c>Seed</c> configuration section (Development only).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the whole generated 2014-entry catalogue (demo data), not only the 20 hand-written entries.</summary>
    public bool GeneratedCatalogue { get; set; } = true;
}
