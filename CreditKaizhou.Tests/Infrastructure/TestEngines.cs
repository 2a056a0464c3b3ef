using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditKaizhou.Tests.Infrastructure;

public enum Engine
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// Fresh, empty databases for engine-parametrised fixtures. An engine that cannot run here makes
/// the fixture skipped with the reason (<see cref="Assert.Ignore(string)"/>), never silently passed.
/// Everything created is removed by <see cref="CleanUpAsync"/> at the end of the run.
/// </summary>
public static class TestEngines
{
    /// <summary>Configuration key the service reads its engine from.</summary>
    public const string ProviderKey = "Database:Provider";
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";
    public const string SqlServerProvider = "SqlServer";

    public const string SqlServerVariable = "CREDITKAIZHOU_TEST_SQLSERVER";
    public const string SqlServerNotConfiguredReason =
        "SQL Server not configured: set CREDITKAIZHOU_TEST_SQLSERVER to a connection string to run these tests";

    private static readonly Lock Sync = new();
    private static readonly ConcurrentQueue<string> SqlServerDatabases = new();
    private static Lazy<Task<PostgresCluster>> _postgres = NewPostgres();
    private static string? _sqliteDirectory;

    /// <summary>The value of <c>Database:Provider</c> that selects <paramref name="engine"/>.</summary>
    public static string ProviderName(this Engine engine) => engine switch
    {
        Engine.Sqlite => SqliteProvider,
        Engine.Postgres => PostgresProvider,
        Engine.SqlServer => SqlServerProvider,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    /// <summary>
    /// Returns a connection string for a new empty database on <paramref name="engine"/>, or ends
    /// the current test or fixture as skipped when the engine is not available.
    /// </summary>
    /// <param name="name">Label for the database; defaults to the current test or fixture name.</param>
    public static Task<string> CreateDatabaseAsync(Engine engine, string? name = null, CancellationToken ct = default)
    {
        name ??= TestContext.CurrentContext.Test.Name;
        return engine switch
        {
            Engine.Sqlite => Task.FromResult(CreateSqliteDatabase()),
            Engine.Postgres => CreatePostgresDatabaseAsync(name, ct),
            Engine.SqlServer => CreateSqlServerDatabaseAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
        };
    }

    /// <summary>The provider's data source for a connection string from <see cref="CreateDatabaseAsync"/>.</summary>
    public static DbDataSource CreateDataSource(Engine engine, string connectionString) => engine switch
    {
        Engine.Sqlite => SqliteFactory.Instance.CreateDataSource(connectionString),
        Engine.Postgres => NpgsqlDataSource.Create(connectionString),
        Engine.SqlServer => SqlClientFactory.Instance.CreateDataSource(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    /// <summary>Stops the PostgreSQL cluster and removes every database created in this run.</summary>
    public static async Task CleanUpAsync()
    {
        Lazy<Task<PostgresCluster>> postgres;
        string? sqliteDirectory;
        lock (Sync)
        {
            postgres = _postgres;
            _postgres = NewPostgres();
            sqliteDirectory = _sqliteDirectory;
            _sqliteDirectory = null;
        }

        var failures = new List<Exception>();
        if (postgres.IsValueCreated && postgres.Value.IsCompletedSuccessfully)
        {
            await Collect(failures, () => postgres.Value.Result.StopAsync());
        }

        await Collect(failures, DropSqlServerDatabasesAsync);

        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            await Collect(failures, () =>
            {
                Directory.Delete(sqliteDirectory, recursive: true);
                return Task.CompletedTask;
            });
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Cleaning up test databases failed", failures);
        }
    }

    private static Lazy<Task<PostgresCluster>> NewPostgres() =>
        new(() => StartPostgresAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static async Task<PostgresCluster> StartPostgresAsync()
    {
        var cluster = await PostgresCluster.StartAsync();
        if (cluster.IsAvailable)
        {
            var where = cluster.IsExternal
                ? $"using {PostgresCluster.ServerVariable}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"started from {cluster.BinDirectory} in {cluster.StartupTime.TotalSeconds:0.00} s");
            await TestContext.Progress.WriteLineAsync($"PostgreSQL for tests: {where}");
        }

        return cluster;
    }

    private static string CreateSqliteDatabase()
    {
        string directory;
        lock (Sync)
        {
            _sqliteDirectory ??= Directory.CreateDirectory(Path.Combine(
                Path.GetTempPath(), "creditkaizhou-sqlite-" + Guid.NewGuid().ToString("N")[..12])).FullName;
            directory = _sqliteDirectory;
        }

        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db");
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString;
    }

    private static async Task<string> CreatePostgresDatabaseAsync(string name, CancellationToken ct)
    {
        Lazy<Task<PostgresCluster>> postgres;
        lock (Sync)
        {
            postgres = _postgres;
        }

        var cluster = await postgres.Value;
        if (!cluster.IsAvailable)
        {
            Assert.Ignore(cluster.UnavailableReason ?? "PostgreSQL not available");
        }

        return await cluster.CreateDatabaseAsync(name, ct);
    }

    private static async Task<string> CreateSqlServerDatabaseAsync(CancellationToken ct)
    {
        var server = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore(SqlServerNotConfiguredReason);
        }

        var database = "ck_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync(ct);
            // Identifiers cannot be parameters; the name is generated above.
            await using var command = new SqlCommand($"CREATE DATABASE [{database}]", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        SqlServerDatabases.Enqueue(database);
        return new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
    }

    private static async Task DropSqlServerDatabasesAsync()
    {
        if (SqlServerDatabases.IsEmpty)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        var server = Environment.GetEnvironmentVariable(SqlServerVariable)!;
        await using var connection = new SqlConnection(server);
        await connection.OpenAsync();
        while (SqlServerDatabases.TryDequeue(out var database))
        {
            // SINGLE_USER with ROLLBACK IMMEDIATE ends sessions a test left open so the drop succeeds.
            await using var command = new SqlCommand(
                $"""
                ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{database}];
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task Collect(List<Exception> failures, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }
}
