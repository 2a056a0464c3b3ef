using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Catalogue;
using Dapper;

namespace CreditKaizhou.Api.Features.Catalogue;

[SqlQueries]
internal static class CatalogueSql
{
    public const int CodesChunk = 50;

    private const string Columns = """
        v.entry_code, v.version, v.name, v.category, v.department_code, v.subject_types, v.disclosure, v.polarity, v.list_code,
        v.update_frequency, v.publicity_rule, v.legal_basis, v.fields_schema, e.is_demo, v.created_at
        """;

    private const string Filter = """
        WHERE (@Department IS NULL OR v.department_code = @Department)
          AND (@Category IS NULL OR v.category = @Category)
          AND (@Disclosure IS NULL OR v.disclosure = @Disclosure)
          AND (@Query IS NULL OR v.name LIKE @Query ESCAPE '\' OR v.entry_code = @Code)
        """;

    public const string Count = $"""
        SELECT COUNT(*)
        FROM catalogue_entries e
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        {Filter}
        """;

    public static string List(SqlDialect d) => $"""
        SELECT {Columns}
        FROM catalogue_entries e
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        {Filter}
        ORDER BY v.department_code, v.entry_code
        {d.Page}
        """;

    public const string GetCurrent = $"""
        SELECT {Columns}
        FROM catalogue_entries e
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        WHERE e.code = @Code
        """;

    public const string GetVersion = $"""
        SELECT {Columns}
        FROM catalogue_entries e
        JOIN catalogue_entry_versions v ON v.entry_code = e.code
        WHERE e.code = @Code AND v.version = @Version
        """;

    public static readonly string GetCurrentMany = $"""
        SELECT {Columns}
        FROM catalogue_entries e
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        WHERE e.code IN ({string.Join(", ", Enumerable.Range(0, CodesChunk).Select(i => $"@C{i}"))})
        """;

    public const string InsertEntry = """
        INSERT INTO catalogue_entries (code, current_version, department_code, is_demo, created_at)
        VALUES (@Code, @Version, @DepartmentCode, @IsDemo, @At)
        """;

    public const string InsertVersion = """
        INSERT INTO catalogue_entry_versions (entry_code, version, name, category, department_code, subject_types, disclosure,
            polarity, list_code, update_frequency, publicity_rule, legal_basis, fields_schema, created_at, created_by)
        VALUES (@Code, @Version, @Name, @Category, @DepartmentCode, @SubjectTypes, @Disclosure,
            @Polarity, @ListCode, @UpdateFrequency, @PublicityRule, @LegalBasis, @FieldsSchema, @At, @By)
        """;

    /// <summary>Moves the pointer only from the version the caller read: the optimistic-concurrency check.</summary>
    public const string AdvanceVersion = """
        UPDATE catalogue_entries SET current_version = @Version, department_code = @DepartmentCode
        WHERE code = @Code AND current_version = @Expected
        """;

    public const string Exists = "SELECT COUNT(*) FROM catalogue_entries WHERE code = @Code";

    public const string ListCodes = "SELECT code FROM list_types";
}

internal sealed class CatalogueRepository(DbDataSource db, SqlDialect dialect) : ICatalogueRepository
{
    private readonly string _list = CatalogueSql.List(dialect);

    public async Task<(IReadOnlyList<CatalogueEntry> Items, int Total)> ListAsync(CatalogueFilter filter, int skip, int take, CancellationToken ct)
    {
        var parameters = new
        {
            Department = filter.DepartmentCode,
            filter.Category,
            Disclosure = filter.Disclosure?.Code(),
            Query = filter.Query is { Length: > 0 } q ? "%" + EscapeLike(q) + "%" : null,
            Code = filter.Query,
            Skip = skip,
            Take = take,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CatalogueSql.Count, parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(_list, parameters, cancellationToken: ct));
        return (rows.Select(r => r.ToDomain()).ToList(), total);
    }

    public async Task<CatalogueEntry?> GetAsync(string code, int? version, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            version is null ? CatalogueSql.GetCurrent : CatalogueSql.GetVersion, new { Code = code, Version = version }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyDictionary<string, CatalogueEntry>> GetCurrentAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        await using var connection = await db.OpenConnectionAsync(ct);
        foreach (var chunk in codes.Distinct().Chunk(CatalogueSql.CodesChunk))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < CatalogueSql.CodesChunk; i++)
            {
                parameters.Add("C" + i, i < chunk.Length ? chunk[i] : null);
            }

            foreach (var row in await connection.QueryAsync<EntryRow>(new CommandDefinition(CatalogueSql.GetCurrentMany, parameters, cancellationToken: ct)))
            {
                result[row.EntryCode] = row.ToDomain();
            }
        }

        return result;
    }

    public async Task<bool> AddAsync(CatalogueEntry entry, Guid? by, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertEntry,
                new { entry.Code, Version = 1, entry.DepartmentCode, entry.IsDemo, At = entry.CreatedAt }, tx, cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertVersion, VersionParameters(entry with { Version = 1 }, by), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<CatalogueVersionOutcome> AddVersionAsync(CatalogueEntry entry, int expectedVersion, Guid? by, CancellationToken ct)
    {
        var next = entry with { Version = expectedVersion + 1 };
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var moved = await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.AdvanceVersion,
            new { entry.Code, next.Version, entry.DepartmentCode, Expected = expectedVersion }, tx, cancellationToken: ct));
        if (moved == 0)
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CatalogueSql.Exists, new { entry.Code }, tx, cancellationToken: ct));
            return exists == 0 ? CatalogueVersionOutcome.NotFound : CatalogueVersionOutcome.Stale;
        }

        await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertVersion, VersionParameters(next, by), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return CatalogueVersionOutcome.Added;
    }

    public async Task<IReadOnlyList<CatalogueImportOutcome>> ImportAsync(IReadOnlyList<CatalogueEntry> entries, Guid? by, CancellationToken ct)
    {
        var outcomes = new List<CatalogueImportOutcome>(entries.Count);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var entry in entries)
        {
            var current = await connection.QuerySingleOrDefaultAsync<EntryRow>(
                new CommandDefinition(CatalogueSql.GetCurrent, new { entry.Code }, tx, cancellationToken: ct));
            if (current is null)
            {
                await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertEntry,
                    new { entry.Code, Version = 1, entry.DepartmentCode, entry.IsDemo, At = entry.CreatedAt }, tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertVersion, VersionParameters(entry with { Version = 1 }, by), tx, cancellationToken: ct));
                outcomes.Add(CatalogueImportOutcome.Created);
            }
            else if (SameContent(current.ToDomain(), entry))
            {
                outcomes.Add(CatalogueImportOutcome.Unchanged);
            }
            else
            {
                var next = entry with { Version = (int)current.Version + 1 };
                await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.AdvanceVersion,
                    new { entry.Code, next.Version, entry.DepartmentCode, Expected = current.Version }, tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(CatalogueSql.InsertVersion, VersionParameters(next, by), tx, cancellationToken: ct));
                outcomes.Add(CatalogueImportOutcome.Updated);
            }
        }

        await tx.CommitAsync(ct);
        return outcomes;
    }

    public async Task<IReadOnlySet<string>> ListCodesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(CatalogueSql.ListCodes, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether two versions say the same thing (version number, time and demo flag aside).</summary>
    public static bool SameContent(CatalogueEntry a, CatalogueEntry b) =>
        Content(a) == Content(b);

    private static string Content(CatalogueEntry e) => string.Join('\u001f', e.Name, e.Category, e.DepartmentCode,
        string.Join(',', e.SubjectTypes.Select(t => t.Code())), e.Disclosure.Code(), e.Polarity.Code(), e.ListCode ?? "", e.UpdateFrequency,
        CatalogueJson.SerializeRule(e.PublicityRule), e.LegalBasis, CatalogueJson.SerializeSchema(e.Fields));

    private static object VersionParameters(CatalogueEntry e, Guid? by) => new
    {
        e.Code,
        e.Version,
        e.Name,
        e.Category,
        e.DepartmentCode,
        SubjectTypes = string.Join(',', e.SubjectTypes.Select(t => t.Code())),
        Disclosure = e.Disclosure.Code(),
        Polarity = e.Polarity.Code(),
        e.ListCode,
        e.UpdateFrequency,
        PublicityRule = CatalogueJson.SerializeRule(e.PublicityRule),
        e.LegalBasis,
        FieldsSchema = CatalogueJson.SerializeSchema(e.Fields),
        At = e.CreatedAt,
        By = by,
    };

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed class EntryRow
    {
        public string EntryCode { get; init; } = "";
        public long Version { get; init; }
        public string Name { get; init; } = "";
        public string Category { get; init; } = "";
        public string DepartmentCode { get; init; } = "";
        public string SubjectTypes { get; init; } = "";
        public string Disclosure { get; init; } = "";
        public string Polarity { get; init; } = "";
        public string? ListCode { get; init; }
        public string UpdateFrequency { get; init; } = "";
        public string PublicityRule { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public string FieldsSchema { get; init; } = "";
        public bool IsDemo { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public CatalogueEntry ToDomain() => new(
            EntryCode, (int)Version, Name, Category, DepartmentCode,
            SubjectTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(SubjectTypeCodes.Parse).ToList(),
            DisclosureCodes.Parse(Disclosure), PolarityCodes.Parse(Polarity), ListCode, UpdateFrequency,
            CatalogueJson.DeserializeRule(PublicityRule), LegalBasis, CatalogueJson.DeserializeSchema(FieldsSchema), IsDemo, CreatedAt);
    }
}
