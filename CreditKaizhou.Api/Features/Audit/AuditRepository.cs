using System.Data.Common;
using System.Text;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Features.Audit;

[SqlQueries]
internal static class AuditQuerySql
{
    /// <summary>The listing with every filter; the filters a request leaves out are left out of its text.</summary>
    public static string Filtered(SqlDialect d) => Compose(d, AuditFilters.All);

    internal static string Compose(SqlDialect d, AuditFilters filters)
    {
        var sql = new StringBuilder("""
            SELECT sequence, recorded_at, client_id, client_name, role, action, subject_key, subject_display, purpose, result_size,
                reference, previous_hash, hash
            FROM access_audit
            WHERE 1 = 1
            """);
        // Fixed fragments chosen by which filters are present, never by their values: at most 64 texts, each planned for its filters.
        Add(filters, AuditFilters.ClientId, "client_id = @ClientId");
        Add(filters, AuditFilters.Action, "action = @Action");
        Add(filters, AuditFilters.Subject, "subject_key = @SubjectKey");
        Add(filters, AuditFilters.From, "recorded_at >= @From");
        Add(filters, AuditFilters.To, "recorded_at < @To");
        Add(filters, AuditFilters.After, "sequence < @After");
        sql.Append('\n').Append("ORDER BY sequence DESC ").Append(d.Page);
        return sql.ToString();

        void Add(AuditFilters present, AuditFilters filter, string condition)
        {
            if (present.HasFlag(filter))
            {
                sql.Append("\n    AND ").Append(condition);
            }
        }
    }
}

[Flags]
internal enum AuditFilters
{
    None = 0,
    ClientId = 1,
    Action = 2,
    Subject = 4,
    From = 8,
    To = 16,
    After = 32,
    All = ClientId | Action | Subject | From | To | After,
}

/// <summary>Reads the access log for the credit office.</summary>
public sealed class AuditRepository(DbDataSource db, SqlDialect dialect)
{
    /// <summary>Up to <paramref name="take"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<Infrastructure.Audit.AuditRow>> ListAsync(Guid? clientId, string? action, string? subjectKey,
        DateTimeOffset? from, DateTimeOffset? to, long? after, int take, CancellationToken ct)
    {
        var filters = (clientId is null ? 0 : AuditFilters.ClientId) | (action is null ? 0 : AuditFilters.Action)
            | (subjectKey is null ? 0 : AuditFilters.Subject) | (from is null ? 0 : AuditFilters.From) | (to is null ? 0 : AuditFilters.To)
            | (after is null ? 0 : AuditFilters.After);
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Infrastructure.Audit.AuditRow>(new CommandDefinition(AuditQuerySql.Compose(dialect, filters),
            new { ClientId = clientId, Action = action, SubjectKey = subjectKey, From = from?.ToUniversalTime(), To = to?.ToUniversalTime(), After = after, Skip = 0, Take = take },
            cancellationToken: ct));
        return rows.AsList();
    }
}
