using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>The SM2 private key that signs tree heads: PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").</summary>
    public string? PrivateKeyPem { get; set; }
}

/// <summary>
/// The SM2 key pair of the receipts. The private key comes from <c>Receipts:PrivateKeyPem</c>.
/// In Development, when that is not set, a key is generated on first start and kept at
/// <c>data/receipt-key.pem</c> under the content root, so receipts stay verifiable across
/// restarts; in every other environment a missing key stops the service from starting, since
/// a key made up on the spot would sign receipts nobody can check later.
/// </summary>
public sealed class ReceiptKeys
{
    /// <summary>Where the Development key is kept, under the content root.</summary>
    public static readonly string DevelopmentKeyPath = Path.Combine("data", "receipt-key.pem");

    public ReceiptKeys(IOptions<ReceiptOptions> options, IHostEnvironment environment)
        : this(Load(options.Value, environment))
    {
    }

    private ReceiptKeys(ECPrivateKeyParameters privateKey)
    {
        PrivateKey = privateKey;
        PublicKey = Sm2.PublicKeyOf(privateKey);
        PublicKeyPem = Sm2.PublicKeyPem(PublicKey);
        KeyId = Sm2.KeyId(PublicKey);
    }

    /// <summary><c>SM2-with-SM3</c>: SM2 signatures (GM/T 0003) over SM3 (GM/T 0004), user ID per GM/T 0009.</summary>
    public string Algorithm => Sm2.Algorithm;

    /// <summary>The first 16 lowercase hex digits of SM3 of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    /// <summary>The public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"), to publish for verifiers.</summary>
    public string PublicKeyPem { get; }

    internal ECPrivateKeyParameters PrivateKey { get; }

    internal ECPublicKeyParameters PublicKey { get; }

    /// <exception cref="FormatException">The text is not a PKCS#8 PEM private key on the SM2 curve.</exception>
    public static ReceiptKeys FromPrivateKeyPem(string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        return new ReceiptKeys(Sm2.ReadPrivateKeyPem(privateKeyPem));
    }

    /// <summary>A new random key pair, for tests and tools.</summary>
    public static ReceiptKeys Generate() => new(Sm2.GeneratePrivateKey());

    /// <summary>
    /// A new SM2 private key as PKCS#8 PEM, fit for <c>Receipts:PrivateKeyPem</c>: the way to make
    /// a key where OpenSSL 3's <c>openssl genpkey -algorithm SM2</c> is not at hand.
    /// </summary>
    public static string GeneratePrivateKeyPem() => Sm2.PrivateKeyPem(Sm2.GeneratePrivateKey());

    private static ECPrivateKeyParameters Load(ReceiptOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            try
            {
                return Sm2.ReadPrivateKeyPem(options.PrivateKeyPem);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{ReceiptOptions.Section}:PrivateKeyPem is not usable: {e.Message}", e);
            }
        }

        if (environment.IsDevelopment())
        {
            return DevelopmentKey(Path.Combine(environment.ContentRootPath, DevelopmentKeyPath));
        }

        throw new InvalidOperationException(
            $"{ReceiptOptions.Section}:PrivateKeyPem is not configured, and receipts of checks cannot be signed without it. " +
            "Set it to an SM2 private key in PKCS#8 PEM (as the environment variable Receipts__PrivateKeyPem, for example), " +
            "made with OpenSSL 3: `openssl genpkey -algorithm SM2 -out receipt-key.pem` " +
            $"(or with {nameof(ReceiptKeys)}.{nameof(GeneratePrivateKeyPem)}()). " +
            "Keep the key secret and publish its public key (`openssl pkey -in receipt-key.pem -pubout`); " +
            "keep old public keys as long as their receipts may be checked.");
    }

    private static ECPrivateKeyParameters DevelopmentKey(string path)
    {
        if (!File.Exists(path))
        {
            Persist(path, Sm2.PrivateKeyPem(Sm2.GeneratePrivateKey()));
        }

        try
        {
            return Sm2.ReadPrivateKeyPem(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The Development receipt key {path} is not usable ({e.Message}); delete it to get a new one.", e);
        }
    }

    // Written to a temporary file and moved into place, so that a second process starting at the
    // same moment reads either no key or a whole one, and both end up with the same key.
    private static void Persist(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, options))
            {
                writer.Write(pem);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process stored its key first: use that one.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

public static class ReceiptExtensions
{
    /// <summary>
    /// Registers the receipt keys, signer and verifier. <see cref="ReceiptKeys"/> is built on first
    /// use: resolve it during start-up so that a missing key stops the service at once.
    /// </summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services)
    {
        services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.Section);
        services.AddSingleton<ReceiptKeys>();
        services.AddSingleton(sp => new ReceiptSigner(sp.GetRequiredService<ReceiptKeys>()));
        services.AddSingleton(sp => new ReceiptVerifier(sp.GetRequiredService<ReceiptKeys>().PublicKeyPem));
        return services;
    }
}
