using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>What is wrong at the first broken place of the chain.</summary>
public static class AuditProblems
{
    /// <summary>The entry's hash does not match its content: a field was changed after it was written.</summary>
    public const string Altered = "altered";

    /// <summary>The sequence has a gap: the entry with this number is missing.</summary>
    public const string Removed = "removed";

    /// <summary>The entry is intact but does not link to the entry before it: moved, swapped or spliced in.</summary>
    public const string Reordered = "reordered";
}

/// <param name="Sequence">The sequence number of the first entry found broken (for a removal: the missing number).</param>
/// <param name="Problem"><see cref="AuditProblems"/>: <c>altered</c>, <c>removed</c> or <c>reordered</c>.</param>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>
/// The result of walking the chain. <see cref="LastSequence"/> and <see cref="LastHash"/> are the head: kept outside
/// the database, they also reveal entries cut off the end later, which the chain alone cannot show.
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, AuditBreak? FirstBroken, long? LastSequence, string? LastHash);

/// <summary>Walks the whole access log in order, recomputing each entry's hash and its link to the entry before.</summary>
public sealed class AccessAuditVerifier(DbDataSource db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var expected = 1L;
        var previous = Convert.ToHexStringLower(AuditHash.Genesis);
        AuditBreak? broken = null;
        AuditRow? last = null;
        var entries = 0L;
        // Unbuffered: the log grows with every check, and one entry at a time is all the walk needs.
        await foreach (var row in connection.QueryUnbufferedAsync<AuditRow>(AccessAuditSql.All).WithCancellation(ct))
        {
            broken ??= Problem(row, expected, previous);
            expected = row.Sequence + 1;
            previous = row.Hash;
            last = row;
            entries++;
        }

        return new AuditVerification(broken is null, entries, broken, last?.Sequence, last?.Hash);
    }

    private static AuditBreak? Problem(AuditRow row, long expected, string previous)
    {
        if (row.Sequence != expected)
        {
            return new AuditBreak(expected, AuditProblems.Removed);
        }

        if (!TryHash(row, out var hash) || !string.Equals(hash, row.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Sequence, AuditProblems.Altered);
        }

        return string.Equals(row.PreviousHash, previous, StringComparison.Ordinal) ? null : new AuditBreak(row.Sequence, AuditProblems.Reordered);
    }

    private static bool TryHash(AuditRow row, out string hash)
    {
        hash = "";
        var previous = new byte[AuditHash.Size];
        if (row.PreviousHash.Length != AuditHash.Size * 2
            || Convert.FromHexString(row.PreviousHash, previous, out _, out _) != System.Buffers.OperationStatus.Done
            || row.ResultSize is < 0 or > int.MaxValue)
        {
            return false;
        }

        hash = Convert.ToHexStringLower(AuditHash.Compute(row.ToRecord(), previous));
        return true;
    }
}

/// <summary>An access-log entry as stored.</summary>
public sealed class AuditRow
{
    public long Sequence { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Guid? ClientId { get; init; }
    public string? ClientName { get; init; }
    public string? Role { get; init; }
    public string Action { get; init; } = "";
    public string? SubjectKey { get; init; }
    public string? SubjectDisplay { get; init; }
    public string? Purpose { get; init; }
    public long ResultSize { get; init; }
    public string? Reference { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";

    public AuditRecord ToRecord() => new(RecordedAt, ClientId, ClientName, Role, Action, SubjectKey, SubjectDisplay, Purpose, (int)ResultSize,
        Reference);
}
