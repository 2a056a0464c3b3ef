using System.Security.Cryptography;
using System.Text;

namespace CreditKaizhou.Api.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The window printed on every report as its issuer (出具窗口).</summary>
    public string IssuingWindow { get; set; } = "开州区行政服务中心信用服务窗口";

    /// <summary>
    /// Scheme and host the QR code's verification link starts with (e.g. https://xy.kaizhou.gov.cn), as the public
    /// reaches the service; when unset, the scheme and host of the request that printed the report.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Verification codes (验证码): 12 characters of an alphabet without look-alikes (no 0/O, 1/I), 60 random bits,
/// printed in groups of four. Only the SHA-256 of the normalised code is stored.
/// </summary>
public static class VerificationCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Create()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>The stored form: SHA-256 of the code upper-cased, without spaces and dashes.</summary>
    public static string Hash(string code)
    {
        var normalised = new string(code.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>Whether <paramref name="code"/> is the one whose hash was stored, compared in constant time.</summary>
    public static bool Matches(string? code, string storedHash) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(storedHash));
}
