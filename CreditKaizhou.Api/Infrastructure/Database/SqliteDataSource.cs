using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// The SQLite data source of the service. Its connections never checkpoint the write-ahead log themselves:
/// SQLite's default makes the connection whose commit crosses 1,000 log pages copy the log into the database
/// file and sync it before its caller gets the answer — tens to hundreds of milliseconds on a large database,
/// paid by whichever request happened to commit. <see cref="SqliteCheckpointer"/> does that work in the
/// background instead. Durability is unchanged: a commit is synced to the log (synchronous=FULL) before it
/// returns, and a log not yet copied is replayed on the next open.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += DisableAutomaticCheckpoints;
        return connection;
    }

    private static void DisableAutomaticCheckpoints(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Open && sender is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_wal_autocheckpoint(handle, 0);
        }
    }
}

/// <summary>
/// Copies the SQLite write-ahead log into the database file every <see cref="DatabaseOptions.SqliteCheckpointInterval"/>,
/// on a connection of its own, without blocking writers or readers (a passive checkpoint), so no request waits for it.
/// </summary>
public sealed class SqliteCheckpointer(ConnectionSettings settings, IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public TimeSpan Interval { get; } = options.Value.SqliteCheckpointInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SqliteFile is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                // The database not yet created or migrated, or busy with another instance's checkpoint: try again later.
                logger.LogDebug(e, "SQLite checkpoint skipped");
            }
        }
    }
}
