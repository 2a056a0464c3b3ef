using System.Buffers;
using System.Buffers.Binary;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CreditKaizhou.Api.Infrastructure.Auth;

namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>
/// An access-log entry as it is chained and stored: the caller's identity and the moment resolved, the rest as the
/// <see cref="AccessEntry"/> said. Its place in the log (sequence) and its hashes are assigned when it is appended.
/// </summary>
public sealed record AuditRecord(
    DateTimeOffset RecordedAt,
    Guid? ClientId,
    string? ClientName,
    string? Role,
    string Action,
    string? SubjectKey,
    string? SubjectDisplay,
    string? Purpose,
    int ResultSize,
    string? Reference)
{
    /// <summary>The entry of <paramref name="caller"/> at <paramref name="at"/> (kept to the microsecond, as PostgreSQL does).</summary>
    public static AuditRecord Of(ClaimsPrincipal caller, AccessEntry entry, DateTimeOffset at)
    {
        var record = new AuditRecord(new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero),
            caller.ClientId(), caller.FindFirstValue(ClaimTypes.Name), caller.FindFirstValue(ClaimTypes.Role),
            entry.Action, entry.SubjectKey, entry.SubjectDisplay, entry.Purpose, entry.ResultSize, entry.Reference);
        record.EnsureStorable();
        return record;
    }

    /// <summary>Refuses an entry the table would refuse, before it can fail a whole group of other callers' entries.</summary>
    private void EnsureStorable()
    {
        Limit(nameof(Action), Action, 32);
        Limit(nameof(ClientName), ClientName, 100);
        Limit(nameof(Role), Role, 16);
        Limit(nameof(SubjectKey), SubjectKey, 64);
        Limit(nameof(SubjectDisplay), SubjectDisplay, 300);
        Limit(nameof(Purpose), Purpose, 500);
        Limit(nameof(Reference), Reference, 64);
        if (Action.Length == 0)
        {
            throw new ArgumentException("An access-log entry needs an action.", nameof(Action));
        }

        if (ResultSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ResultSize), ResultSize, "An access-log entry's result size cannot be negative.");
        }
    }

    private static void Limit(string name, string? value, int maximum)
    {
        if (value is { Length: var length } && length > maximum)
        {
            throw new ArgumentException($"An access-log entry's {name} holds {length} characters; at most {maximum} are stored.", name);
        }
    }
}

/// <summary>
/// The chain's hash: <c>hash = SHA-256(tag || recordedAt || clientId || clientName || role || action || subjectKey ||
/// subjectDisplay || purpose || resultSize || reference || previousHash)</c>, where the tag is the ASCII text
/// <c>creditkaizhou-access-audit/v1</c> and a 0x00 byte; an instant is 8 bytes big-endian of microseconds since
/// 1970-01-01T00:00:00Z; a text (the client id as 36 lowercase characters) is 0x00 when absent, else 0x01, its UTF-8
/// length as 4 bytes big-endian, and its UTF-8 bytes; the result size is 4 bytes big-endian; the previous hash is its
/// 32 bytes, all zero for the first entry. Every field has a fixed size or a length prefix, so no two different
/// entries encode alike. The sequence number is not hashed: an entry's place is fixed by the link to the one before,
/// which is what lets verification tell a moved entry from an altered one.
/// </summary>
public static class AuditHash
{
    public const int Size = 32;

    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("creditkaizhou-access-audit/v1\0");

    /// <summary>The previous hash of the first entry (a fresh copy each time).</summary>
    public static byte[] Genesis => new byte[Size];

    public static byte[] Compute(AuditRecord record, ReadOnlySpan<byte> previousHash)
    {
        if (previousHash.Length != Size)
        {
            throw new ArgumentException($"A previous hash has {Size} bytes.", nameof(previousHash));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Tag);
        Int64(buffer, (record.RecordedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        Text(buffer, record.ClientId?.ToString("D"));
        Text(buffer, record.ClientName);
        Text(buffer, record.Role);
        Text(buffer, record.Action);
        Text(buffer, record.SubjectKey);
        Text(buffer, record.SubjectDisplay);
        Text(buffer, record.Purpose);
        Int32(buffer, record.ResultSize);
        Text(buffer, record.Reference);
        buffer.Write(previousHash);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void Int64(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void Int32(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void Text(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write([(byte)0]);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write([(byte)1]);
        Int32(buffer, bytes.Length);
        buffer.Write(bytes);
    }
}
