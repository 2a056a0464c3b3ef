using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Lists;
using Dapper;

namespace CreditKaizhou.Api.Features.Lists;

[SqlQueries]
internal static class MeasureSql
{
    private const string Columns = "v.measure_code, v.version, v.name, v.kind, v.effect, v.contexts, v.legal_basis, v.implementing_department";

    // contexts holds the codes joined with commas; a code matches whole, first, last or in between.
    public const string List = $"""
        SELECT {Columns}
        FROM measures m
        JOIN measure_versions v ON v.measure_code = m.code AND v.version = m.current_version
        WHERE (@Context IS NULL OR v.contexts = @Context OR v.contexts LIKE @ContextFirst ESCAPE '\'
               OR v.contexts LIKE @ContextLast ESCAPE '\' OR v.contexts LIKE @ContextWithin ESCAPE '\')
          AND (@ListCode IS NULL OR EXISTS (
               SELECT 1 FROM measure_list_types f WHERE f.measure_code = v.measure_code AND f.version = v.version AND f.list_code = @ListCode))
        """;

    /// <summary>The lists each current version follows, in the lists' order.</summary>
    public const string CurrentListCodes = """
        SELECT l.measure_code, l.list_code
        FROM measures m
        JOIN measure_list_types l ON l.measure_code = m.code AND l.version = m.current_version
        JOIN list_types t ON t.code = l.list_code
        ORDER BY t.sort_order, l.list_code
        """;

    public const string GetCurrent = $"""
        SELECT {Columns}
        FROM measures m
        JOIN measure_versions v ON v.measure_code = m.code AND v.version = m.current_version
        WHERE m.code = @Code
        """;

    public const string GetVersion = $"""
        SELECT {Columns}
        FROM measure_versions v
        WHERE v.measure_code = @Code AND v.version = @Version
        """;

    public const string ListCodesOf = """
        SELECT l.list_code
        FROM measure_list_types l
        JOIN list_types t ON t.code = l.list_code
        WHERE l.measure_code = @Code AND l.version = @Version
        ORDER BY t.sort_order, l.list_code
        """;

    public const string InsertMeasure = "INSERT INTO measures (code, current_version, created_at) VALUES (@Code, 1, @At)";

    public const string InsertVersion = """
        INSERT INTO measure_versions (measure_code, version, name, kind, effect, contexts, legal_basis, implementing_department, created_at, created_by)
        VALUES (@Code, @Version, @Name, @Kind, @Effect, @Contexts, @LegalBasis, @ImplementingDepartment, @At, @By)
        """;

    public const string InsertListCode = "INSERT INTO measure_list_types (measure_code, version, list_code) VALUES (@Code, @Version, @ListCode)";

    /// <summary>Moves the pointer only from the version the caller read: the optimistic-concurrency check.</summary>
    public const string AdvanceVersion = "UPDATE measures SET current_version = @Version WHERE code = @Code AND current_version = @Expected";

    public const string Exists = "SELECT COUNT(*) FROM measures WHERE code = @Code";
}

/// <summary>Joint punishment and incentive measures; every change is a new version, the old ones stay.</summary>
internal sealed class MeasureRepository(DbDataSource db) : IMeasureRepository
{
    public async Task<IReadOnlyList<Measure>> ListAsync(MeasureFilter filter, CancellationToken ct)
    {
        var context = filter.Context is { } c ? EscapeLike(c) : null;
        var parameters = new
        {
            filter.Context,
            ContextFirst = context is null ? null : context + ",%",
            ContextLast = context is null ? null : "%," + context,
            ContextWithin = context is null ? null : "%," + context + ",%",
            filter.ListCode,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<MeasureRow>(new CommandDefinition(MeasureSql.List, parameters, cancellationToken: ct));
        var lists = (await connection.QueryAsync<ListCodeRow>(new CommandDefinition(MeasureSql.CurrentListCodes, cancellationToken: ct)))
            .ToLookup(l => l.MeasureCode, l => l.ListCode, StringComparer.Ordinal);
        // Ordered here: the engines' collations disagree on where a hyphen sorts.
        return rows.OrderBy(r => r.MeasureCode, StringComparer.Ordinal).Select(r => r.ToDomain(lists[r.MeasureCode].ToList())).ToList();
    }

    public async Task<Measure?> GetAsync(string code, int? version, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<MeasureRow>(new CommandDefinition(
            version is null ? MeasureSql.GetCurrent : MeasureSql.GetVersion, new { Code = code, Version = version }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var lists = await connection.QueryAsync<string>(new CommandDefinition(MeasureSql.ListCodesOf,
            new { Code = row.MeasureCode, Version = (int)row.Version }, cancellationToken: ct));
        return row.ToDomain(lists.ToList());
    }

    public async Task<bool> AddAsync(Measure measure, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(MeasureSql.InsertMeasure, new { measure.Code, At = at }, tx, cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }

        await InsertVersionAsync(connection, tx, measure with { Version = 1 }, by, at, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<MeasureVersionOutcome> AddVersionAsync(Measure measure, int expectedVersion, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        var next = measure with { Version = expectedVersion + 1 };
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var moved = await connection.ExecuteAsync(new CommandDefinition(MeasureSql.AdvanceVersion,
            new { measure.Code, next.Version, Expected = expectedVersion }, tx, cancellationToken: ct));
        if (moved == 0)
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(MeasureSql.Exists, new { measure.Code }, tx, cancellationToken: ct));
            return exists == 0 ? MeasureVersionOutcome.NotFound : MeasureVersionOutcome.Stale;
        }

        await InsertVersionAsync(connection, tx, next, by, at, ct);
        await tx.CommitAsync(ct);
        return MeasureVersionOutcome.Added;
    }

    private static async Task InsertVersionAsync(DbConnection connection, DbTransaction tx, Measure m, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(MeasureSql.InsertVersion, new
        {
            m.Code,
            m.Version,
            m.Name,
            Kind = m.Kind.Code(),
            m.Effect,
            Contexts = string.Join(',', m.Contexts),
            m.LegalBasis,
            m.ImplementingDepartment,
            At = at,
            By = by,
        }, tx, cancellationToken: ct));
        foreach (var listCode in m.ListCodes)
        {
            await connection.ExecuteAsync(new CommandDefinition(MeasureSql.InsertListCode, new { m.Code, m.Version, ListCode = listCode }, tx,
                cancellationToken: ct));
        }
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed class MeasureRow
    {
        public string MeasureCode { get; init; } = "";
        public long Version { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Effect { get; init; } = "";
        public string Contexts { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public string ImplementingDepartment { get; init; } = "";

        public Measure ToDomain(IReadOnlyList<string> listCodes) => new(MeasureCode, (int)Version, Name, MeasureKindCodes.Parse(Kind), Effect,
            Contexts.Split(',', StringSplitOptions.RemoveEmptyEntries), listCodes, LegalBasis, ImplementingDepartment);
    }

    private sealed class ListCodeRow
    {
        public string MeasureCode { get; init; } = "";
        public string ListCode { get; init; } = "";
    }
}
