using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Features.Records;

[SqlQueries]
internal static class RecordQuerySql
{
    public const string Record = """
        SELECT r.id, r.department_code, r.catalogue_code, r.source_ref, r.created_at, r.current_revision,
               v.name AS catalogue_name, v.disclosure, s.id AS subject_id, s.display_code, s.name AS subject_name, s.subject_type, s.lookup_key
        FROM records r
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        JOIN subjects s ON s.id = r.subject_id
        WHERE r.id = @Id
        """;

    public const string Revisions = """
        SELECT revision, entry_version, fields, decision_date, severity, effective_from, effective_to, publicity_until, recorded_at, reason
        FROM record_revisions
        WHERE record_id = @Id
        ORDER BY revision
        """;

    public const string Events = """
        SELECT kind, reason, effective_on, recorded_at
        FROM record_events
        WHERE record_id = @Id
        ORDER BY recorded_at, id
        """;
}

/// <summary>Reads one record with all its revisions and events.</summary>
public sealed class RecordQueries(DbDataSource db)
{
    public async Task<RecordView?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var head = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(RecordQuerySql.Record, new { Id = id }, cancellationToken: ct));
        if (head is null)
        {
            return null;
        }

        var revisions = await connection.QueryAsync<RevisionRow>(new CommandDefinition(RecordQuerySql.Revisions, new { Id = id }, cancellationToken: ct));
        var events = await connection.QueryAsync<EventRow>(new CommandDefinition(RecordQuerySql.Events, new { Id = id }, cancellationToken: ct));
        return new RecordView(head, revisions.ToList(), events.ToList());
    }
}

public sealed record RecordView(RecordRow Head, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<EventRow> Events)
{
    public RevisionRow Current => Revisions[^1];

    public bool Revoked => Events.Any(e => e.Kind == "revoked");
}

public sealed class RecordRow
{
    public Guid Id { get; init; }
    public string DepartmentCode { get; init; } = "";
    public string CatalogueCode { get; init; } = "";
    public string SourceRef { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public long CurrentRevision { get; init; }
    public string CatalogueName { get; init; } = "";
    public string Disclosure { get; init; } = "";
    public Guid SubjectId { get; init; }
    public string DisplayCode { get; init; } = "";
    public string SubjectName { get; init; } = "";
    public string SubjectType { get; init; } = "";
    public string LookupKey { get; init; } = "";
}

public sealed class RevisionRow
{
    public long Revision { get; init; }
    public long EntryVersion { get; init; }
    public string Fields { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
    public string? Severity { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public DateOnly? PublicityUntil { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string? Reason { get; init; }
}

public sealed class EventRow
{
    public string Kind { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateOnly? EffectiveOn { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
