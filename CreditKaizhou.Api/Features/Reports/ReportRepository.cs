using System.Data.Common;
using System.Globalization;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Lists;
using Dapper;

namespace CreditKaizhou.Api.Features.Reports;

[SqlQueries]
internal static class ReportSql
{
    /// <summary>Takes the day's counter row lock for the rest of the transaction, so concurrent issuers queue here.</summary>
    public const string NextInCounter = "UPDATE report_counters SET last_value = last_value + 1 WHERE day = @Day";

    public const string StartCounter = "INSERT INTO report_counters (day, last_value) VALUES (@Day, 1)";

    public const string ReadCounter = "SELECT last_value FROM report_counters WHERE day = @Day";

    public const string Insert = """
        INSERT INTO reports (number, verification_hash, subject_id, subject_name, issued_at, issued_by, issuing_window, purpose,
            requester_name, requester_id_masked, authorised, content_json, content_hash)
        VALUES (@Number, @VerificationHash, @SubjectId, @SubjectName, @IssuedAt, @IssuedBy, @IssuingWindow, @Purpose,
            @RequesterName, @RequesterIdMasked, @Authorised, @ContentJson, @ContentHash)
        """;

    public const string Get = """
        SELECT r.number, r.verification_hash, r.subject_id, s.lookup_key AS subject_key, r.subject_name, r.issued_at, r.content_json, r.content_hash
        FROM reports r
        JOIN subjects s ON s.id = r.subject_id
        WHERE r.number = @Number
        """;
}

/// <summary>What is stored of an issued report; the content is produced once its number is known.</summary>
public sealed record ReportDraft(Guid SubjectId, string SubjectName, DateTimeOffset IssuedAt, Guid IssuedBy, string IssuingWindow, string Purpose,
    string RequesterName, string? RequesterIdMasked, bool Authorised, string VerificationHash);

/// <summary>
/// Issues report numbers <c>KZXY-YYYYMMDD-NNNNNN</c> (China day, sequence per day) and stores the reports. The day's
/// counter is incremented in the transaction that stores the report, so numbers are unique and gap-free across
/// instances sharing one database: the counter row's lock orders concurrent issuers, and two instances starting the
/// same day's counter at once collide on its key, the loser retrying. The access log's entry for the issue is
/// appended in the same transaction: a report never exists without it.
/// </summary>
public sealed class ReportRepository(DbDataSource db, AccessAuditChain audit)
{
    private const int Attempts = 5;

    public async Task<string> IssueAsync(ReportDraft draft, Func<string, (string Json, string Hash)> content, Func<string, AuditRecord> entry,
        CancellationToken ct)
    {
        var day = ListMembership.DayOf(draft.IssuedAt);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                var sequence = await NextAsync(connection, tx, day, ct);
                var number = string.Create(CultureInfo.InvariantCulture, $"KZXY-{day:yyyyMMdd}-{sequence:D6}");
                var (json, hash) = content(number);
                await connection.ExecuteAsync(new CommandDefinition(ReportSql.Insert, new
                {
                    Number = number, draft.VerificationHash, draft.SubjectId, draft.SubjectName, draft.IssuedAt, draft.IssuedBy, draft.IssuingWindow,
                    draft.Purpose, draft.RequesterName, draft.RequesterIdMasked, draft.Authorised, ContentJson = json, ContentHash = hash,
                }, tx, cancellationToken: ct));
                await audit.AppendAsync(connection, tx, [entry(number)], ct);
                await tx.CommitAsync(ct);
                return number;
            }
            catch (DbException e) when (attempt < Attempts && DbErrors.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    public async Task<StoredReport?> GetAsync(string number, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredReport>(new CommandDefinition(ReportSql.Get, new { Number = number }, cancellationToken: ct));
    }

    private static async Task<int> NextAsync(DbConnection connection, DbTransaction tx, DateOnly day, CancellationToken ct)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(ReportSql.NextInCounter, new { Day = day }, tx, cancellationToken: ct));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ReportSql.StartCounter, new { Day = day }, tx, cancellationToken: ct));
        }

        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(ReportSql.ReadCounter, new { Day = day }, tx, cancellationToken: ct));
    }
}

public sealed class StoredReport
{
    public string Number { get; init; } = "";
    public string VerificationHash { get; init; } = "";
    public Guid SubjectId { get; init; }
    public string SubjectKey { get; init; } = "";
    public string SubjectName { get; init; } = "";
    public DateTimeOffset IssuedAt { get; init; }
    public string ContentJson { get; init; } = "";
    public string ContentHash { get; init; } = "";
}
