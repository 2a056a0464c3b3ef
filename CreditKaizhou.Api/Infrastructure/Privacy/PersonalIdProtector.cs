using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Infrastructure.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Base64 of at least 32 random bytes: the key of the lookup hash of resident ID numbers.</summary>
    public string? IdNumberKey { get; set; }
}

/// <summary>
/// Resident ID numbers are never stored in clear (个人信息保护法): the database keeps a keyed
/// hash (HMAC-SHA256) to find a person by number, and the masked form for display. A leaked
/// table without the key does not reveal the numbers, and the key is not in the database.
/// In Development the key is generated on first start and kept beside the SQLite file; in every
/// other environment it must be configured (<c>Privacy:IdNumberKey</c>) or the service refuses to start.
/// </summary>
public sealed class PersonalIdProtector
{
    private readonly byte[] _key;

    public PersonalIdProtector(IOptions<PrivacyOptions> options, IHostEnvironment environment)
    {
        _key = options.Value.IdNumberKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : environment.IsDevelopment()
                ? DevelopmentKey(environment.ContentRootPath)
                : throw new InvalidOperationException(
                    $"{PrivacyOptions.Section}:IdNumberKey is not configured. Set it to the Base64 of 32 random bytes " +
                    "(for example: openssl rand -base64 32); keep it outside the database and never change it once data exists.");
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{PrivacyOptions.Section}:IdNumberKey must hold at least 32 bytes; it holds {_key.Length}.");
        }
    }

    /// <summary>The lookup key stored for a person: lowercase hex HMAC-SHA256 of the normalised number.</summary>
    public string LookupKey(string normalisedIdNumber) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(normalisedIdNumber)));

    private static byte[] DevelopmentKey(string contentRoot)
    {
        var path = Path.Combine(contentRoot, "data", "id-number.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}

public static class PrivacyExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddSingleton<PersonalIdProtector>();
        return services;
    }
}
