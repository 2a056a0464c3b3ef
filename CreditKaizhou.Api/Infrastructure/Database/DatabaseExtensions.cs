using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditKaizhou.Api.Infrastructure.Database;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the one <see cref="DbDataSource"/> of the process for the configured engine, the
    /// engine's <see cref="SqlDialect"/> and the migrator. With no configuration the service uses
    /// a SQLite file under the working folder, so <c>dotnet run</c> needs nothing else.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.SqliteCheckpointInterval >= DatabaseOptions.MinCheckpointInterval && o.SqliteCheckpointInterval <= DatabaseOptions.MaxCheckpointInterval,
                $"Database:SqliteCheckpointInterval must lie between {DatabaseOptions.MinCheckpointInterval} and {DatabaseOptions.MaxCheckpointInterval}: "
                + "commits never copy the write-ahead log themselves, so without the checkpointer it would grow without end.")
            .Validate(o => o.SqliteLogRestartMegabytes is >= DatabaseOptions.MinLogRestartMegabytes and <= DatabaseOptions.MaxLogRestartMegabytes,
                $"Database:SqliteLogRestartMegabytes must lie between {DatabaseOptions.MinLogRestartMegabytes} and {DatabaseOptions.MaxLogRestartMegabytes}.")
            .Validate(o => o.SqliteBatchCacheMegabytes is >= DatabaseOptions.MinBatchCacheMegabytes and <= DatabaseOptions.MaxBatchCacheMegabytes,
                $"Database:SqliteBatchCacheMegabytes must lie between {DatabaseOptions.MinBatchCacheMegabytes} and {DatabaseOptions.MaxBatchCacheMegabytes}.")
            .ValidateOnStart();
        services.AddSingleton(sp => ConnectionSettings.Resolve(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(sp => SqlDialect.For(sp.GetRequiredService<ConnectionSettings>().Provider));
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<ConnectionSettings>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqliteBulkConnection>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    public static DbDataSource CreateDataSource(ConnectionSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDataSource(settings.ConnectionString),
        DatabaseProvider.Postgres => NpgsqlDataSource.Create(settings.ConnectionString),
        DatabaseProvider.SqlServer => SqlClientFactory.Instance.CreateDataSource(settings.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, null),
    };
}

/// <summary>The engine and the effective connection string, after defaults are applied.</summary>
public sealed record ConnectionSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static ConnectionSettings Resolve(DatabaseOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new(options.Provider, Sqlite(configured, environment.ContentRootPath)),
            _ when string.IsNullOrWhiteSpace(configured) => throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set."),
            _ => new(options.Provider, configured),
        };
    }

    private static string Sqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=data/creditkaizhou.db"
            : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>For SQLite, the database file; null for the server engines and in-memory databases.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        && new SqliteConnectionStringBuilder(ConnectionString).DataSource is var file && file != ":memory:"
            ? file
            : null;
}
