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

    // A record feeds the list its catalogue entry's current version names; the records are found by their subjects'
    // keys, text in every engine, through the subjects' unique key and the records' subject index.
    public static string Records(SqlDialect d) => $"""
        SELECT r.id, r.catalogue_code, r.department_code, v.list_code, v.disclosure,
               s.lookup_key, s.display_code, s.name AS subject_name, s.subject_type, c.decision_date, c.publicity_until
        FROM subjects s
        JOIN records r ON r.subject_id = s.id
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        JOIN record_revisions c ON c.record_id = r.id AND c.revision = r.current_revision
        WHERE s.lookup_key IN ({d.JsonArrayValues("@Keys")}) AND v.list_code IS NOT NULL
        """;

    /// <summary>Subjects per statement: a long list is read in a few statements of bounded size.</summary>
    public const int KeysPerStatement = 2000;
}

/// <summary>List types, and what a list's page shows of its records.</summary>
internal sealed class ListRepository(DbDataSource db, SqlDialect dialect) : IListRepository
{
    private readonly string _records = ListSql.Records(dialect);

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

    public async Task<IReadOnlyList<ListedRecord>> ListedRecordsAsync(IReadOnlyCollection<RecordHistory> histories, CancellationToken ct)
    {
        var wanted = histories.ToDictionary(h => h.RecordId);
        var result = new List<ListedRecord>(wanted.Count);
        await using var connection = await db.OpenConnectionAsync(ct);
        foreach (var keys in histories.Select(h => h.SubjectKey).Distinct(StringComparer.Ordinal).Chunk(ListSql.KeysPerStatement))
        {
            var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(_records,
                new { Keys = System.Text.Json.JsonSerializer.Serialize(keys) }, cancellationToken: ct));
            foreach (var r in rows)
            {
                if (wanted.TryGetValue(r.Id, out var history) && history.ListCode == r.ListCode)
                {
                    result.Add(new ListedRecord(history, r.CatalogueCode, r.DepartmentCode, DisclosureCodes.Parse(r.Disclosure),
                        new SubjectIdentity(r.LookupKey, r.DisplayCode, r.SubjectName, r.SubjectType), r.DecisionDate, r.PublicityUntil));
                }
            }
        }

        return result;
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
}
