using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Features.Subjects;

[SqlQueries]
internal static class SubjectSql
{
    private const string SubjectColumns = "s.id, s.subject_type, s.lookup_key, s.display_code, s.name, s.status";

    public const string ByLookupKey = $"SELECT {SubjectColumns} FROM subjects s WHERE s.lookup_key = @Key";

    public const string Names = "SELECT name, valid_from FROM subject_names WHERE subject_id = @SubjectId ORDER BY seq";

    /// <summary>Every record of the subject as it stands now: its current revision and its entry's current version.</summary>
    public const string Records = """
        SELECT r.id, r.catalogue_code, v.name AS catalogue_name, v.category, v.polarity, v.disclosure, v.list_code,
               r.department_code, d.name AS department_name, c.revision, c.fields, c.decision_date, c.severity,
               c.effective_from, c.effective_to, c.publicity_until, c.recorded_at
        FROM records r
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        JOIN departments d ON d.code = r.department_code
        JOIN record_revisions c ON c.record_id = r.id AND c.revision = r.current_revision
        WHERE r.subject_id = @SubjectId
        """;

    public const string Events = """
        SELECT x.record_id, x.kind, x.recorded_at, x.effective_on, x.new_effective_to
        FROM record_events x
        JOIN records r ON r.id = x.record_id
        WHERE r.subject_id = @SubjectId
        """;
}

/// <summary>Reads a subject with everything its profile, its record list and its credit report are made from.</summary>
public sealed class SubjectRepository(DbDataSource db)
{
    public async Task<SubjectRow?> FindAsync(string lookupKey, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SubjectRow>(new CommandDefinition(SubjectSql.ByLookupKey, new { Key = lookupKey }, cancellationToken: ct));
    }

    /// <summary>The subject's names in order (the last is the current one) and its records with their events.</summary>
    public async Task<SubjectFile> ReadFileAsync(SubjectRow subject, CancellationToken ct)
    {
        var parameters = new { SubjectId = subject.Id };
        await using var connection = await db.OpenConnectionAsync(ct);
        var names = await connection.QueryAsync<NameRow>(new CommandDefinition(SubjectSql.Names, parameters, cancellationToken: ct));
        var records = await connection.QueryAsync<SubjectRecordRow>(new CommandDefinition(SubjectSql.Records, parameters, cancellationToken: ct));
        var events = await connection.QueryAsync<SubjectEventRow>(new CommandDefinition(SubjectSql.Events, parameters, cancellationToken: ct));
        return new SubjectFile(subject, names.ToList(), records.ToList(), events.ToLookup(e => e.RecordId));
    }
}

public sealed record SubjectFile(SubjectRow Subject, IReadOnlyList<NameRow> Names, IReadOnlyList<SubjectRecordRow> Records,
    ILookup<Guid, SubjectEventRow> Events);

public class SubjectRow
{
    public Guid Id { get; init; }
    public string SubjectType { get; init; } = "";
    public string LookupKey { get; init; } = "";
    public string DisplayCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";

    public bool IsPerson => SubjectType == "person";
}

public sealed class NameRow
{
    public string Name { get; init; } = "";
    public DateTimeOffset ValidFrom { get; init; }
}

public sealed class SubjectRecordRow
{
    public Guid Id { get; init; }
    public string CatalogueCode { get; init; } = "";
    public string CatalogueName { get; init; } = "";
    public string Category { get; init; } = "";
    public string Polarity { get; init; } = "";
    public string Disclosure { get; init; } = "";
    public string? ListCode { get; init; }
    public string DepartmentCode { get; init; } = "";
    public string DepartmentName { get; init; } = "";
    public long Revision { get; init; }
    public string Fields { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
    public string? Severity { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public DateOnly? PublicityUntil { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

public sealed class SubjectEventRow
{
    public Guid RecordId { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? NewEffectiveTo { get; init; }
}
