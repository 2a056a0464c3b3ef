namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// The few places where the three engines' SQL differs. Everything else is written once in
/// portable SQL next to the repository method that runs it.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Paging clause that follows an ORDER BY; binds <c>@Skip</c> and <c>@Take</c>.</summary>
    public abstract string Page { get; }

    /// <summary>
    /// The statement that serialises writers of records, subjects and the change log for the rest
    /// of the transaction (SQLite needs none: its write transactions are exclusive already).
    /// </summary>
    public abstract string? WriteLock { get; }

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string Page => "LIMIT @Take OFFSET @Skip";
        public override string? WriteLock => null;
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string Page => "LIMIT @Take OFFSET @Skip";
        public override string? WriteLock => "SELECT pg_advisory_xact_lock(4848483940127311942)";
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string Page => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string? WriteLock =>
            "EXEC sp_getapplock @Resource = N'creditkaizhou-writes', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000";
    }
}
