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

    /// <summary>At most <paramref name="take"/> rows; follows an ORDER BY (which SQL Server requires for it).</summary>
    public abstract string Limit(string take);

    /// <summary>
    /// The statement that serialises writers of records, subjects and the change log for the rest
    /// of the transaction (SQLite needs none: its write transactions are exclusive already).
    /// </summary>
    public abstract string? WriteLock { get; }

    /// <summary>
    /// A subquery yielding the strings of a JSON array bound to <paramref name="parameter"/>: one parameter for
    /// any number of keys, so a lookup of 10,000 source references is one statement with one SQL text.
    /// </summary>
    public abstract string JsonArrayValues(string parameter);

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string Page => "LIMIT @Take OFFSET @Skip";
        public override string Limit(string take) => $"LIMIT {take}";
        public override string? WriteLock => null;
        public override string JsonArrayValues(string parameter) => $"SELECT value FROM json_each({parameter})";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string Page => "LIMIT @Take OFFSET @Skip";
        public override string Limit(string take) => $"LIMIT {take}";
        public override string? WriteLock => "SELECT pg_advisory_xact_lock(4848483940127311942)";
        public override string JsonArrayValues(string parameter) => $"SELECT json_array_elements_text(CAST({parameter} AS json))";
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string Page => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string Limit(string take) => $"OFFSET 0 ROWS FETCH NEXT {take} ROWS ONLY";
        public override string? WriteLock =>
            "EXEC sp_getapplock @Resource = N'creditkaizhou-writes', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000";
        public override string JsonArrayValues(string parameter) => $"SELECT value FROM OPENJSON({parameter})";
    }
}
