using System.Security.Cryptography;
using System.Text;

namespace CreditKaizhou.Api.Infrastructure.Auth;

/// <summary>
/// API keys are 256 random bits, shown once when issued. The database holds only their SHA-256:
/// the keys are random enough that a plain hash cannot be reversed, and a fast hash keeps the
/// per-request lookup cheap.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "ck_";

    public static string NewKey() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Hint(string key) => key.Length <= 4 ? key : key[^4..];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
