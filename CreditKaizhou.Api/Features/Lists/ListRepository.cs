using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Lists;
using CreditKaizhou.Domain.Records;
using Dapper;

namespace CreditKaizhou.Api.Features.Lists;

[SqlQueries]
internal static class ListSql
{
    private const string TypeColumns = "code, name, colour, description, legal_basis, default_duration_months, removal_rule, sort_order";

    public const string ListTypes = $"SELECT {TypeColumns} FROM list_types ORDER BY sort_order, code";

    public const string GetListType = $"SELECT {TypeColumns} FROM list_types WHERE code = @Code";

    // A record feeds the list its catalogue entry's current version names.
    private const string Feeding = """
        FROM records r
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        """;

    private const string Filter = "WHERE v.list_code IS NOT NULL AND (@ListCode IS NULL OR v.list_code = @ListCode)";

    public const string Records = $"""
        SELECT r.id, r.catalogue_code, r.department_code, v.list_code, v.disclosure,
               s.lookup_key, s.display_code, s.name AS subject_name, s.subject_type, c.decision_date, c.publicity_until
        {Feeding}
        JOIN subjects s ON s.id = r.subject_id
        JOIN record_revisions c ON c.record_id = r.id AND c.revision = r.current_revision
        {Filter}
        """;

    public const string Revisions = $"""
        SELECT rv.record_id, rv.revision, rv.recorded_at, rv.effective_from, rv.effective_to
        {Feeding}
        JOIN record_revisions rv ON rv.record_id = r.id
        {Filter}
        """;

    public const string Events = $"""
        SELECT ev.record_id, ev.kind, ev.recorded_at, ev.effective_on, ev.new_effective_to
        {Feeding}
        JOIN record_events ev ON ev.record_id = r.id
        {Filter}
        """;
}

/// <summary>List types, and the list-feeding records with their append-only histories for replaying membership.</summary>
internal sealed class ListRepository(DbDataSource db) : IListRepository
{
    public async Task<IReadOnlyList<ListTypeDetails>> ListTypesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TypeRow>(new CommandDefinition(ListSql.ListTypes, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<ListTypeDetails?> GetTypeAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TypeRow>(new CommandDefinition(ListSql.GetListType, new { Code = code }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<ListedRecord>> ListedRecordsAsync(string? listCode, CancellationToken ct)
    {
        var parameters = new { ListCode = listCode };
        await using var connection = await db.OpenConnectionAsync(ct);
        var records = await connection.QueryAsync<RecordRow>(new CommandDefinition(ListSql.Records, parameters, cancellationToken: ct));
        var revisions = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(ListSql.Revisions, parameters, cancellationToken: ct)))
            .ToLookup(r => r.RecordId, r => new RevisionFact((int)r.Revision, r.RecordedAt, r.EffectiveFrom, r.EffectiveTo));
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(ListSql.Events, parameters, cancellationToken: ct)))
            .ToLookup(e => e.RecordId, e => new EventFact(e.Kind, e.RecordedAt, e.EffectiveOn, e.NewEffectiveTo));

        // The statements run one after another, so a record stored meanwhile may be seen in part: revisions without
        // their head are left out, and a head without revisions gives no membership. It shows in full from the next read.
        return records.Select(r => new ListedRecord(
                new RecordHistory(r.Id, r.LookupKey, r.ListCode, revisions[r.Id].ToList(), events[r.Id].ToList()),
                r.CatalogueCode, r.DepartmentCode, DisclosureCodes.Parse(r.Disclosure),
                new SubjectIdentity(r.LookupKey, r.DisplayCode, r.SubjectName, r.SubjectType), r.DecisionDate, r.PublicityUntil))
            .ToList();
    }

    private sealed class TypeRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Colour { get; init; } = "";
        public string Description { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public long? DefaultDurationMonths { get; init; }
        public string RemovalRule { get; init; } = "";
        public long SortOrder { get; init; }

        public ListTypeDetails ToDomain() => new(
            new ListType(Code, Name, ListColourCodes.Parse(Colour), (int)SortOrder, LegalBasis),
            Description, (int?)DefaultDurationMonths, RemovalRule);
    }

    private sealed class RecordRow
    {
        public Guid Id { get; init; }
        public string CatalogueCode { get; init; } = "";
        public string DepartmentCode { get; init; } = "";
        public string ListCode { get; init; } = "";
        public string Disclosure { get; init; } = "";
        public string LookupKey { get; init; } = "";
        public string DisplayCode { get; init; } = "";
        public string SubjectName { get; init; } = "";
        public string SubjectType { get; init; } = "";
        public DateOnly DecisionDate { get; init; }
        public DateOnly? PublicityUntil { get; init; }
    }

    private sealed class RevisionRow
    {
        public Guid RecordId { get; init; }
        public long Revision { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
    }

    private sealed class EventRow
    {
        public Guid RecordId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
        public DateOnly? EffectiveOn { get; init; }
        public DateOnly? NewEffectiveTo { get; init; }
    }
}
