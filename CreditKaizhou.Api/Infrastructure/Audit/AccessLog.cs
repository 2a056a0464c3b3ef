using System.Data.Common;
using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Database;

namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>
/// The access log's writer. Entries written at about the same time go into the chain in one transaction (group
/// commit), so a busy service hall costs one commit per group rather than per read; <see cref="WriteAsync"/> returns
/// only once its entry is committed, so an answer is never sent before its trace is durable.
/// </summary>
public sealed class AccessLog : IAccessAudit, IAsyncDisposable
{
    private const int MaxGroup = 1000;

    private readonly DbDataSource _db;
    private readonly AccessAuditChain _chain;
    private readonly TimeProvider _clock;
    private readonly GroupCommit<AuditRecord> _groups;

    public AccessLog(DbDataSource db, AccessAuditChain chain, TimeProvider clock)
    {
        _db = db;
        _chain = chain;
        _clock = clock;
        _groups = new GroupCommit<AuditRecord>(CommitAsync, MaxGroup);
    }

    public async Task WriteAsync(ClaimsPrincipal caller, AccessEntry entry, CancellationToken ct) =>
        await _groups.SubmitAsync(AuditRecord.Of(caller, entry, _clock.GetUtcNow()), ct);

    private async Task CommitAsync(IReadOnlyList<AuditRecord> records)
    {
        await using var connection = await _db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await _chain.AppendAsync(connection, tx, records, default);
        await tx.CommitAsync();
    }

    public ValueTask DisposeAsync() => _groups.DisposeAsync();
}
