using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CreditKaizhou.Domain.Records;

/// <summary>
/// What makes two submissions "the same record": everything but the source reference. Every writer of records uses it
/// (the intake, the development seed), so a record resubmitted as it was stored is recognised as a duplicate.
/// </summary>
public static class RecordPayload
{
    /// <summary>
    /// The SHA-256 (lower-case hex) of the parts' UTF-8 joined by line feeds: catalogue code, subject lookup key, name and
    /// type, the canonical fields JSON, decision date, severity code, effective from and to; hashed without building the
    /// joined text.
    /// </summary>
    public static string Hash(string catalogueCode, SubjectIdentity subject, string fieldsJson, DateOnly decisionDate, string? severity,
        DateOnly effectiveFrom, DateOnly? effectiveTo) => Sha256Hex(catalogueCode, subject.LookupKey, subject.Name, subject.Type, fieldsJson,
        Day(decisionDate), severity ?? "", Day(effectiveFrom), effectiveTo is { } to ? Day(to) : "");

    /// <summary>YYYY-MM-DD ("O" for a date, which formats without reading a pattern).</summary>
    private static string Day(DateOnly day) => day.ToString("O", CultureInfo.InvariantCulture);

    private static string Sha256Hex(params ReadOnlySpan<string> parts)
    {
        var length = parts.Length;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetMaxByteCount(part.Length);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)'\n';
                }

                written += Encoding.UTF8.GetBytes(parts[i], buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
