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
/// A connection that finds the database locked (by another writer, or by the checkpointer restarting the log) waits
/// inside SQLite, which tries again within milliseconds, up to the connection's timeout; left to Microsoft.Data.Sqlite,
/// it would sleep 150 ms between attempts.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += Configure;
        return connection;
    }

    /// <summary>A connection of its own, outside the pool, configured as the pooled ones are: closed, it is gone, cache and all.</summary>
    public SqliteConnection CreateUnpooledConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.StateChange += Configure;
        return connection;
    }

    private static void Configure(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Open && sender is SqliteConnection { Handle: { } handle } connection)
        {
            raw.sqlite3_wal_autocheckpoint(handle, 0);
            raw.sqlite3_busy_timeout(handle, connection.DefaultTimeout * 1000);
        }
    }
}

/// <summary>
/// Copies the SQLite write-ahead log into the database file every <see cref="DatabaseOptions.SqliteCheckpointInterval"/>,
/// on a connection of its own, without blocking writers or readers (a passive checkpoint).
/// Under sustained load a passive checkpoint never catches up with the writers, and the log starts again from its
/// beginning only once all of it is copied, so it would grow for as long as the load lasts, each commit appending to
/// new blocks of the file. When the log is larger than <see cref="DatabaseOptions.SqliteLogRestartMegabytes"/>, more
/// passive checkpoints copy what was committed during the previous one (at most four, until fewer than 1,000 pages
/// came in), and then a restarting checkpoint holds new writers while it copies the last pages and syncs the database
/// file, waiting up to <see cref="RestartWait"/> for each lock it needs (the write lock, then readers of the log to
/// finish); the next commit then writes the log from its start, over blocks that already exist. Writers wait for that
/// copy, sync and those waits: this is why it is a bound and not a routine.
/// </summary>
public sealed class SqliteCheckpointer(ConnectionSettings settings, IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    /// <summary>The longest a restarting checkpoint waits for one lock; it gives up and tries at the next interval.</summary>
    public static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(50);

    private const int CatchUpRounds = 4;
    private const int CatchUpFrames = 1000;

    private readonly long _restartBytes = options.Value.SqliteLogRestartMegabytes * 1024L * 1024L;

    /// <summary>The log's size when it was last restarted: until the next commit SQLite still reports that size.</summary>
    private long _restartedFrames = -1;

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
                await CheckpointOnceAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                // The database not yet created or migrated, or busy with another instance's checkpoint: try again later.
                logger.LogDebug(e, "SQLite checkpoint skipped");
            }
        }
    }

    /// <summary>One round of the checkpointer's work: a passive checkpoint, and a restart of the log when it is over the bound.</summary>
    public async Task CheckpointOnceAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        var (_, logFrames) = await CheckpointAsync(connection, "PASSIVE", ct);
        if (logFrames == _restartedFrames || logFrames * await PageSizeAsync(connection, ct) <= _restartBytes)
        {
            return;
        }

        // The copy of a large log takes long enough for many commits to follow it: copy those too, without
        // holding anyone, until what is left for the restart is a moment's worth.
        for (var round = 0; round < CatchUpRounds; round++)
        {
            var before = logFrames;
            (_, logFrames) = await CheckpointAsync(connection, "PASSIVE", ct);
            if (logFrames - before < CatchUpFrames)
            {
                break;
            }
        }

        // The connection may go back to the pool: its usual timeout is restored.
        raw.sqlite3_busy_timeout(connection.Handle, (int)RestartWait.TotalMilliseconds);
        try
        {
            var (busy, restarted) = await CheckpointAsync(connection, "RESTART", ct);
            if (busy)
            {
                logger.LogInformation("The SQLite write-ahead log ({Pages} pages) was not restarted: a writer or reader held it longer "
                    + "than {Wait} ms. Trying again at the next interval.", restarted, RestartWait.TotalMilliseconds);
            }
            else
            {
                _restartedFrames = restarted;
            }
        }
        finally
        {
            raw.sqlite3_busy_timeout(connection.Handle, connection.DefaultTimeout * 1000);
        }
    }

    private static async Task<long> PageSizeAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Runs one checkpoint; returns whether it gave up on a lock, and the number of pages in the log (-1 when the database
    /// is not in WAL mode).
    /// </summary>
    private static async Task<(bool Busy, long LogFrames)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0) != 0, reader.GetInt64(1)) : (false, -1);
    }
}
