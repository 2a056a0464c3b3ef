using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Features.Checks;

[SqlQueries]
internal static class CheckSql
{
    public const string Get = """
        SELECT id, client_id, request_json, results_json, leaf_index, leaf_hash
        FROM checks
        WHERE id = @Id
        """;

    public const string InsertFeedback = """
        INSERT INTO check_feedback (id, check_id, bidder_ref, action, note, recorded_at, client_id)
        VALUES (@Id, @CheckId, @BidderRef, @Action, @Note, @At, @ClientId)
        """;

    public static string Changes(SqlDialect d) => $"""
        SELECT c.version, c.changed_at, c.kind, s.display_code, s.name
        FROM change_log c
        JOIN subjects s ON s.id = c.subject_id
        WHERE c.version > @Since
          AND EXISTS (SELECT 1 FROM records r
                      JOIN catalogue_entries e ON e.code = r.catalogue_code
                      JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
                      WHERE r.subject_id = c.subject_id AND v.list_code IS NOT NULL)
        ORDER BY c.version
        {d.Page}
        """;

    public const string DataVersion = "SELECT COALESCE(MAX(version), 0) FROM change_log";
}

/// <summary>Stored checks, their feedback, and the change feed.</summary>
public sealed class CheckRepository(DbDataSource db, SqlDialect dialect)
{
    private readonly string _changes = CheckSql.Changes(dialect);

    public async Task<StoredCheck?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredCheck>(new CommandDefinition(CheckSql.Get, new { Id = id }, cancellationToken: ct));
    }

    public async Task AddFeedbackAsync(Guid checkId, Guid clientId, IEnumerable<(string BidderRef, string Action, string? Note)> items,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (bidderRef, action, note) in items)
        {
            await connection.ExecuteAsync(new CommandDefinition(CheckSql.InsertFeedback, new
            {
                Id = Guid.CreateVersion7(), CheckId = checkId, BidderRef = bidderRef, Action = action, Note = note, At = at, ClientId = clientId,
            }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    public async Task<(long DataVersion, IReadOnlyList<ChangeRow> Items)> ChangesAsync(long since, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CheckSql.DataVersion, cancellationToken: ct));
        var rows = await connection.QueryAsync<ChangeRow>(new CommandDefinition(_changes, new { Since = since, Skip = 0, Take = take }, cancellationToken: ct));
        return (version, rows.ToList());
    }
}

public sealed class StoredCheck
{
    public Guid Id { get; init; }
    public Guid ClientId { get; init; }
    public string RequestJson { get; init; } = "";
    public string ResultsJson { get; init; } = "";
    public long LeafIndex { get; init; }
    public string LeafHash { get; init; } = "";
}

public sealed class ChangeRow
{
    public long Version { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string Kind { get; init; } = "";
    public string DisplayCode { get; init; } = "";
    public string Name { get; init; } = "";
}
