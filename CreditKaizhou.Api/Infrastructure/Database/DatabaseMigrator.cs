using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Applies the numbered SQL scripts of the configured engine (embedded from <c>db/&lt;engine&gt;/</c>)
/// with DbUp, all in one transaction, while holding a lock that keeps a second instance starting
/// at the same moment from migrating too. Refuses to run against a database that has scripts
/// this build does not know: that database belongs to a newer version of the service.
/// </summary>
public sealed class DatabaseMigrator(ConnectionSettings settings, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public static string ScriptFolder(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
        DatabaseProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public async Task<MigrationResult> MigrateAsync(CancellationToken ct = default)
    {
        await using var migrationLock = await MigrationLock.AcquireAsync(settings, options.Value.MigrationLockTimeout, ct);
        var engine = BuildEngine();

        var known = engine.GetDiscoveredScripts().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = engine.GetExecutedScripts().Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseNewerThanCodeException(unknown);
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration failed in script {result.ErrorScript?.Name ?? "(unknown)"}; nothing was applied.",
                result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToList();
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s) to the {Provider} database: {Scripts}",
                applied.Count, settings.Provider, string.Join(", ", applied));
        }

        await AfterMigrationAsync(ct);
        return new MigrationResult(applied, known.Count);
    }

    private UpgradeEngine BuildEngine()
    {
        var prefix = $"{typeof(DatabaseMigrator).Assembly.GetName().Name}.db.{ScriptFolder(settings.Provider)}.";
        UpgradeEngineBuilder builder = settings.Provider switch
        {
            DatabaseProvider.Sqlite => DeployChanges.To.SqliteDatabase(settings.ConnectionString),
            DatabaseProvider.Postgres => DeployChanges.To.PostgresqlDatabase(settings.ConnectionString),
            DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, null),
        };
        return builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransaction()
            .WithExecutionTimeout(options.Value.MigrationCommandTimeout)
            .LogTo(new DbUpLog(logger))
            .Build();
    }

    private async Task AfterMigrationAsync(CancellationToken ct)
    {
        if (settings.SqliteFile is null)
        {
            return;
        }

        // WAL lets readers go on while a batch is being written; it is a property of the file,
        // so setting it once here is enough.
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Message}", Format(format, args));
        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Message}", Format(format, args));
        public void LogInformation(string format, params object[] args) => logger.LogDebug("{Message}", Format(format, args));
        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Message}", Format(format, args));
        public void LogError(string format, params object[] args) => logger.LogError("{Message}", Format(format, args));
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Message}", Format(format, args));

        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}

public sealed record MigrationResult(IReadOnlyList<string> Applied, int KnownScripts);

public sealed class DatabaseNewerThanCodeException(IReadOnlyList<string> unknownScripts) : Exception(
    "The database has migrations this build of CreditKaizhou does not know (" + string.Join(", ", unknownScripts) +
    "): it was migrated by a newer version of the service. Refusing to start; deploy that version or newer.")
{
    public IReadOnlyList<string> UnknownScripts { get; } = unknownScripts;
}

/// <summary>A cross-process lock held while migrating; its kind depends on the engine.</summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private const string LockName = "creditkaizhou-migrations";
    private const long PostgresLockKey = 0x434B_4D49_4752; // "CKMIGR"

    private readonly IAsyncDisposable _resource;

    private MigrationLock(IAsyncDisposable resource) => _resource = resource;

    public static async Task<MigrationLock> AcquireAsync(ConnectionSettings settings, TimeSpan timeout, CancellationToken ct) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => new MigrationLock(await FileLock.AcquireAsync(settings.SqliteFile, timeout, ct)),
            DatabaseProvider.Postgres => new MigrationLock(await PostgresAdvisoryLockAsync(settings.ConnectionString, timeout, ct)),
            DatabaseProvider.SqlServer => new MigrationLock(await SqlServerAppLockAsync(settings.ConnectionString, timeout, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, null),
        };

    public ValueTask DisposeAsync() => _resource.DisposeAsync();

    private static async Task<IAsyncDisposable> PostgresAdvisoryLockAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        // A session-level advisory lock on its own unpooled connection: closing it ends the session
        // and so releases the lock (a pooled connection would keep the session, and the lock, alive).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand($"SET lock_timeout = {(int)timeout.TotalMilliseconds}; SELECT pg_advisory_lock(@key);", connection))
        {
            command.Parameters.AddWithValue("key", PostgresLockKey);
            await command.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    private static async Task<IAsyncDisposable> SqlServerAppLockAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new SqlCommand(
            "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @timeout; SELECT @r;",
            connection);
        command.Parameters.AddWithValue("name", LockName);
        command.Parameters.AddWithValue("timeout", (int)timeout.TotalMilliseconds);
        var result = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (result < 0)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"Another instance held the migration lock for longer than {timeout}.");
        }

        return connection;
    }

    /// <summary>SQLite lives in one file on one machine, so an exclusive lock file beside it is enough.</summary>
    private sealed class FileLock(FileStream? stream) : IAsyncDisposable
    {
        public static async Task<FileLock> AcquireAsync(string? databaseFile, TimeSpan timeout, CancellationToken ct)
        {
            if (databaseFile is null)
            {
                return new FileLock(null);
            }

            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(databaseFile + ".migration-lock", FileMode.OpenOrCreate,
                        FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50, ct);
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            stream?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
