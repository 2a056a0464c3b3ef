using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Records;
using Dapper;

namespace CreditKaizhou.Api.Features.Records;

[SqlQueries]
internal static class RecordChangeSql
{
    public const string Head = """
        SELECT r.id, r.department_code, r.catalogue_code, r.subject_id, r.current_revision,
               CASE WHEN EXISTS (SELECT 1 FROM record_events e WHERE e.record_id = r.id AND e.kind = 'revoked') THEN 1 ELSE 0 END AS revoked
        FROM records r
        WHERE r.id = @Id
        """;

    public const string CurrentHash = "SELECT payload_hash FROM record_revisions WHERE record_id = @Id AND revision = @Revision";

    /// <summary>The pointer to the newest revision; revisions themselves are never changed.</summary>
    public const string AdvanceRevision = "UPDATE records SET current_revision = @Revision WHERE id = @Id AND current_revision = @Expected";

    public const string InsertEvent = """
        INSERT INTO record_events (id, record_id, kind, reason, effective_on, new_effective_to, recorded_at, recorded_by)
        VALUES (@Id, @RecordId, @Kind, @Reason, @EffectiveOn, NULL, @At, @By)
        """;
}

/// <summary>Corrections and revocations: appended as a revision or an event, never an edit of what was stored.</summary>
internal sealed class RecordChanges(DbDataSource db, SqlDialect dialect) : IRecordChanges
{
    private readonly string? _lock = RecordStoreSql.Lock(dialect);

    public async Task<RecordHead?> GetHeadAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(RecordChangeSql.Head, new { Id = id }, cancellationToken: ct)))?.ToDomain();
    }

    public async Task<(RecordChangeOutcome Outcome, int Revision)> CorrectAsync(Guid id, string departmentCode, RevisionContent content, Guid? by,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await BeginAsync(connection, ct);
        var head = await HeadAsync(connection, tx, id, ct);
        if (Refusal(head, departmentCode) is { } refused)
        {
            return (refused, head?.CurrentRevision ?? 0);
        }

        var currentHash = await connection.ExecuteScalarAsync<string>(new CommandDefinition(RecordChangeSql.CurrentHash,
            new { Id = id, Revision = head!.CurrentRevision }, tx, cancellationToken: ct));
        if (currentHash == content.PayloadHash)
        {
            return (RecordChangeOutcome.Unchanged, head.CurrentRevision);
        }

        var revision = head.CurrentRevision + 1;
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.InsertRevision, new
        {
            RecordId = id, Revision = revision, content.EntryVersion, Fields = content.FieldsJson, content.DecisionDate, content.Severity,
            content.EffectiveFrom, content.EffectiveTo, content.PublicityUntil, content.PayloadHash, At = at, By = by, content.Reason,
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordChangeSql.AdvanceRevision,
            new { Id = id, Revision = revision, Expected = head.CurrentRevision }, tx, cancellationToken: ct));
        await AppendChangeAsync(connection, tx, head.SubjectId, id, ChangeKinds.RecordCorrected, at, ct);
        await tx.CommitAsync(ct);
        return (RecordChangeOutcome.Done, revision);
    }

    public async Task<RecordChangeOutcome> RevokeAsync(Guid id, string departmentCode, string reason, DateOnly effectiveOn, Guid? by,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await BeginAsync(connection, ct);
        var head = await HeadAsync(connection, tx, id, ct);
        if (Refusal(head, departmentCode) is { } refused)
        {
            return refused;
        }

        await connection.ExecuteAsync(new CommandDefinition(RecordChangeSql.InsertEvent, new
        {
            Id = Guid.CreateVersion7(), RecordId = id, Kind = "revoked", Reason = reason, EffectiveOn = effectiveOn, At = at, By = by,
        }, tx, cancellationToken: ct));
        await AppendChangeAsync(connection, tx, head!.SubjectId, id, ChangeKinds.RecordRevoked, at, ct);
        await tx.CommitAsync(ct);
        return RecordChangeOutcome.Done;
    }

    private static RecordChangeOutcome? Refusal(RecordHead? head, string departmentCode) => head switch
    {
        null => RecordChangeOutcome.NotFound,
        _ when head.DepartmentCode != departmentCode => RecordChangeOutcome.NotOwner,
        { Revoked: true } => RecordChangeOutcome.Revoked,
        _ => null,
    };

    private async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct);
        if (_lock is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(_lock, transaction: tx, cancellationToken: ct));
        }

        return tx;
    }

    private static async Task<RecordHead?> HeadAsync(DbConnection connection, DbTransaction tx, Guid id, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(RecordChangeSql.Head, new { Id = id }, tx, cancellationToken: ct)))?.ToDomain();

    private static async Task AppendChangeAsync(DbConnection connection, DbTransaction tx, Guid subjectId, Guid recordId, string kind,
        DateTimeOffset at, CancellationToken ct)
    {
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordStoreSql.MaxChangeVersion, transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.InsertChange,
            new { Version = version + 1, SubjectId = subjectId, RecordId = recordId, Kind = kind, At = at }, tx, cancellationToken: ct));
    }

    private sealed class HeadRow
    {
        public Guid Id { get; init; }
        public string DepartmentCode { get; init; } = "";
        public string CatalogueCode { get; init; } = "";
        public Guid SubjectId { get; init; }
        public long CurrentRevision { get; init; }
        public long Revoked { get; init; }

        public RecordHead ToDomain() => new(Id, DepartmentCode, CatalogueCode, SubjectId, (int)CurrentRevision, Revoked == 1);
    }
}
