using System.Globalization;

namespace CreditKaizhou.Bench.Generator;

// Rows as the tables store them: every value already in the text form SQLite's CHECK constraints demand (the fields
// JSON as its UTF-8 bytes, ready to bind).

internal sealed record SubjectRow(string Id, string Type, string Code, string Name, string Status, string CreatedAt, string UpdatedAt,
    string RegistrationRecordId);

internal sealed record RecordRow(string Id, string DepartmentCode, string CatalogueCode, string SubjectId, string SourceRef, string RecordedAt,
    int EntryVersion, byte[] Fields, string DecisionDate, string? Severity, string EffectiveFrom, string? EffectiveTo, string? PublicityUntil,
    string PayloadHash);

internal sealed record EventRow(string Id, string RecordId, string Reason, string EffectiveOn, string RecordedAt);

/// <summary>The rows written in one transaction.</summary>
internal sealed class Chunk
{
    public List<SubjectRow> Subjects { get; } = [];
    public List<RecordRow> Records { get; } = [];
    public List<EventRow> Events { get; } = [];

    public int Rows => 2 * Subjects.Count + 2 * Records.Count + Events.Count;
}

/// <summary>A change-log entry, written at the end in time order.</summary>
internal readonly record struct ChangeRow(long Ticks, string SubjectId, string? RecordId, string Kind, string ChangedAt);

/// <summary>Text forms of ids, instants and dates, as Microsoft.Data.Sqlite writes a Guid, a DateTimeOffset and a DateOnly.</summary>
internal static class SqliteText
{
    // The 48-bit timestamp of every generated id: 2026-11-26T00:00:00Z, the demo data's reference day.
    private const long IdTimestamp = 1_795_651_200_000;

    /// <summary>
    /// A deterministic UUIDv7-shaped id in Microsoft.Data.Sqlite's form (UPPERCASE 'D'): the fixed timestamp, the
    /// table in the 12 random-a bits and the sequence number in the 62 random-b bits, so ids grow in insertion order.
    /// </summary>
    public static string Id(int table, long sequence) => string.Create(36, (table, sequence), static (span, state) =>
    {
        var (table, sequence) = state;
        Hex(span[..8], (ulong)(IdTimestamp >> 16), 8);
        span[8] = '-';
        Hex(span.Slice(9, 4), (ulong)(IdTimestamp & 0xFFFF), 4);
        span[13] = '-';
        Hex(span.Slice(14, 4), 0x7000UL | (uint)(table & 0xFFF), 4);
        span[18] = '-';
        Hex(span.Slice(19, 4), 0x8000UL | (((ulong)sequence >> 48) & 0x3FFF), 4);
        span[23] = '-';
        Hex(span.Slice(24, 12), (ulong)sequence & 0xFFFF_FFFF_FFFF, 12);
    });

    /// <summary>'2026-11-26 05:11:40.123+00:00': Microsoft.Data.Sqlite's format for a DateTimeOffset.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value is { } day ? Date(day) : null;

    private static void Hex(Span<char> target, ulong value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            target[i] = "0123456789ABCDEF"[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
