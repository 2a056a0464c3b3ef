namespace CreditKaizhou.Api.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "CreditKaizhou";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up (on by default; a deployment may run them separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long an instance waits for another instance's migration to finish.</summary>
    public TimeSpan MigrationLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one migration statement may run: filling an index over a million subjects takes minutes, far beyond
    /// the usual 30-second command timeout.
    /// </summary>
    public TimeSpan MigrationCommandTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the SQLite write-ahead log is copied into the database file (<see cref="SqliteCheckpointer"/>). Each copy
    /// ends with an fsync of the database file, and a commit whose own fsync meets it waits: copying every 250 ms made
    /// those waits set the p99 of large checks (bench/README.md). Longer also means more log to replay after a crash.
    /// </summary>
    public TimeSpan SqliteCheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MinCheckpointInterval = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxCheckpointInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The size of SQLite's write-ahead log, in MiB, beyond which the checkpointer restarts it (<see cref="SqliteCheckpointer"/>).
    /// Under sustained load the log grows by tens of MiB a second (the checks benchmark), and without a restart it would
    /// grow for as long as the load lasts. A restart holds writers until the database file is synced (a worst check
    /// of up to 119 ms on the 8 GB benchmark database, bench/README.md). So this is a bound, not a routine.
    /// </summary>
    public int SqliteLogRestartMegabytes { get; set; } = 1024;

    /// <summary>
    /// The SQLite page cache, in MiB, of the connection that stores record batches of 1,000 records or more
    /// (<see cref="SqliteBulkConnection"/>, kept from batch to batch and closed after a minute without one), or of a pooled
    /// connection while it stores one such batch when that one is taken (<see cref="SqlitePageCache"/>): room for every
    /// page a batch of 10,000 records changes. Other connections keep SQLite's default of 2 MiB.
    /// </summary>
    public int SqliteBatchCacheMegabytes { get; set; } = 64;

    public const int MinBatchCacheMegabytes = 2;

    public const int MaxBatchCacheMegabytes = 4096;

    public const int MinLogRestartMegabytes = 1;

    public const int MaxLogRestartMegabytes = 65_536;
}
