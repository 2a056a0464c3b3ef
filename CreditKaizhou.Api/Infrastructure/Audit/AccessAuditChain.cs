using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Infrastructure.Audit;

[SqlQueries]
internal static class AccessAuditSql
{
    private const string Columns = """
        sequence, recorded_at, client_id, client_name, role, action, subject_key, subject_display, purpose, result_size, reference,
        previous_hash, hash
        """;

    public const string Insert = """
        INSERT INTO access_audit (sequence, recorded_at, client_id, client_name, role, action, subject_key, subject_display, purpose,
            result_size, reference, previous_hash, hash)
        VALUES (@Sequence, @RecordedAt, @ClientId, @ClientName, @Role, @Action, @SubjectKey, @SubjectDisplay, @Purpose,
            @ResultSize, @Reference, @PreviousHash, @Hash)
        """;

    public const string All = $"SELECT {Columns} FROM access_audit ORDER BY sequence";

    public static string Head(SqlDialect d) => $"SELECT sequence, hash FROM access_audit ORDER BY sequence DESC {d.Page}";

    /// <summary>
    /// Serialises appenders of the chain, of this and every other instance, to the end of the transaction. A lock of
    /// its own, not <see cref="SqlDialect.WriteLock"/>: a long record batch must not hold up the log of a clerk's read.
    /// SQLite needs none: its write transactions are exclusive already.
    /// </summary>
    public static string? Lock(SqlDialect d) => d.Provider switch
    {
        DatabaseProvider.Postgres => "SELECT pg_advisory_xact_lock(4848483940127311943)",
        DatabaseProvider.SqlServer =>
            "EXEC sp_getapplock @Resource = N'creditkaizhou-access-audit', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000",
        _ => null,
    };
}

/// <summary>
/// Appends entries to the hash chain inside a caller's transaction: takes the chain's lock, reads the head (the last
/// entry) and numbers and hashes the new entries after it. Under the lock no other appender can read the same head,
/// so sequences stay gapless and every link points at the entry that really comes before.
/// </summary>
public sealed class AccessAuditChain(SqlDialect dialect)
{
    private static readonly string[] Parameters =
    [
        "Sequence", "RecordedAt", "ClientId", "ClientName", "Role", "Action", "SubjectKey", "SubjectDisplay", "Purpose", "ResultSize",
        "Reference", "PreviousHash", "Hash",
    ];

    private readonly string? _lock = AccessAuditSql.Lock(dialect);
    private readonly string _head = AccessAuditSql.Head(dialect);

    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        if (_lock is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(_lock, transaction: transaction, cancellationToken: ct));
        }

        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(_head, new { Skip = 0, Take = 1 }, transaction,
            cancellationToken: ct));
        var sequence = head?.Sequence ?? 0;
        var previous = head is null ? AuditHash.Genesis : Convert.FromHexString(head.Hash);
        await using var insert = new BulkCommand(connection, transaction, AccessAuditSql.Insert, Parameters);
        foreach (var r in records)
        {
            var hash = AuditHash.Compute(r, previous);
            sequence++;
            await insert.AddAsync(ct, sequence, r.RecordedAt, r.ClientId, r.ClientName, r.Role, r.Action, r.SubjectKey, r.SubjectDisplay,
                r.Purpose, r.ResultSize, r.Reference, Convert.ToHexStringLower(previous), Convert.ToHexStringLower(hash));
            previous = hash;
        }

        await insert.FlushAsync(ct);
    }

    private sealed class HeadRow
    {
        public long Sequence { get; init; }
        public string Hash { get; init; } = "";
    }
}
