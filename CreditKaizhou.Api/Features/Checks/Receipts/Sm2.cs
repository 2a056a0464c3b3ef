using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// SM2 (GM/T 0003-2012) signatures over SM3 with BouncyCastle, and the key formats the
/// service reads and writes: PKCS#8 PEM for the private key and SubjectPublicKeyInfo PEM for
/// the public key, both with the algorithm id-ecPublicKey and the named curve sm2p256v1
/// (1.2.156.10197.1.301), as <c>openssl genpkey -algorithm SM2</c> writes them.
/// </summary>
internal static class Sm2
{
    public const string Algorithm = "SM2-with-SM3";

    /// <summary>The curve with BouncyCastle's specialised field arithmetic (about 5× faster than GMNamedCurves).</summary>
    public static ECNamedDomainParameters Domain { get; } =
        new(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.GetByName("sm2p256v1"));

    /// <summary>The default signer identity of GM/T 0009-2012 (BouncyCastle's default too; OpenSSL 3 must be given it).</summary>
    public static byte[] DefaultUserId => "1234567812345678"u8.ToArray();

    public static ECPrivateKeyParameters GeneratePrivateKey()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, new SecureRandom()));
        while (true)
        {
            var key = (ECPrivateKeyParameters)generator.GenerateKeyPair().Private;
            // SM2 signing inverts 1 + d, so d = n - 1 is not a usable key (chance 2^-256).
            if (IsUsable(key.D))
            {
                return key;
            }
        }
    }

    public static ECPublicKeyParameters PublicKeyOf(ECPrivateKeyParameters privateKey) =>
        new(new FixedPointCombMultiplier().Multiply(Domain.G, privateKey.D).Normalize(), Domain);

    /// <summary>
    /// An SM2 signer ready to sign with the key, reusable for one message after another (not at
    /// the same time): BouncyCastle derives the public key on every Init, a point multiplication
    /// that costs as much as the signature itself, so signers are made once per key.
    /// </summary>
    public static SM2Signer CreateSigner(ECPrivateKeyParameters privateKey)
    {
        var signer = new SM2Signer(StandardDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), DefaultUserId));
        return signer;
    }

    /// <summary>The DER signature (SEQUENCE of r and s) of the message; the signer is ready again afterwards.</summary>
    public static byte[] Sign(SM2Signer signer, ReadOnlySpan<byte> message)
    {
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Whether a DER signature (SEQUENCE of r and s) is valid; false for anything malformed.</summary>
    public static bool Verify(ECPublicKeyParameters publicKey, ReadOnlySpan<byte> message, byte[] signature)
    {
        var signer = new SM2Signer(StandardDsaEncoding.Instance, new SM3Digest());
        signer.Init(false, new ParametersWithID(publicKey, DefaultUserId));
        signer.BlockUpdate(message);
        // BouncyCastle answers false, without throwing, for signatures that are not strict DER.
        return signer.VerifySignature(signature);
    }

    public static byte[] SubjectPublicKeyInfo(ECPublicKeyParameters publicKey) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded();

    public static string PublicKeyPem(ECPublicKeyParameters publicKey) =>
        new string(PemEncoding.Write("PUBLIC KEY", SubjectPublicKeyInfo(publicKey))) + "\n";

    public static string PrivateKeyPem(ECPrivateKeyParameters privateKey) =>
        new string(PemEncoding.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded())) + "\n";

    /// <summary>The first 16 hex digits (lowercase) of SM3 of the DER SubjectPublicKeyInfo.</summary>
    public static string KeyId(ECPublicKeyParameters publicKey) =>
        Convert.ToHexStringLower(Sm3TreeHash.Hash(SubjectPublicKeyInfo(publicKey)))[..16];

    /// <exception cref="FormatException">The text is not a PKCS#8 PEM private key on the SM2 curve.</exception>
    public static ECPrivateKeyParameters ReadPrivateKeyPem(string pem)
    {
        var der = ReadPem(pem, "PRIVATE KEY");
        try
        {
            var info = PrivateKeyInfo.GetInstance(der);
            RequireSm2Curve(info.PrivateKeyAlgorithm);
            var d = ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey()).GetKey();
            if (!IsUsable(d))
            {
                throw new FormatException("The SM2 private key is out of range.");
            }

            return new ECPrivateKeyParameters(d, Domain);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception)
        {
            throw new FormatException("The PEM is not a valid PKCS#8 SM2 private key.", e);
        }
    }

    /// <exception cref="FormatException">The text is not a SubjectPublicKeyInfo PEM on the SM2 curve.</exception>
    public static ECPublicKeyParameters ReadPublicKeyPem(string pem)
    {
        var der = ReadPem(pem, "PUBLIC KEY");
        try
        {
            var info = Org.BouncyCastle.Asn1.X509.SubjectPublicKeyInfo.GetInstance(der);
            RequireSm2Curve(info.Algorithm);
            // Decoding on the fast curve also checks that the point lies on it.
            return new ECPublicKeyParameters(Domain.Curve.DecodePoint(info.PublicKey.GetOctets()), Domain);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception)
        {
            throw new FormatException("The PEM is not a valid SM2 public key (SubjectPublicKeyInfo).", e);
        }
    }

    private static bool IsUsable(BigInteger d) => d.SignValue > 0 && d.CompareTo(Domain.N.Subtract(BigInteger.One)) < 0;

    private static byte[] ReadPem(string pem, string label)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != label)
        {
            throw new FormatException($"Expected a PEM block \"-----BEGIN {label}-----\".");
        }

        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    private static void RequireSm2Curve(AlgorithmIdentifier algorithm)
    {
        var curve = algorithm.Parameters is DerObjectIdentifier oid ? oid : null;
        if (!algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey) || !GMObjectIdentifiers.sm2p256v1.Equals(curve))
        {
            throw new FormatException(
                $"The key is not on the SM2 curve: algorithm {algorithm.Algorithm}, parameters {algorithm.Parameters}; " +
                $"expected {X9ObjectIdentifiers.IdECPublicKey} with the named curve {GMObjectIdentifiers.sm2p256v1} (sm2p256v1).");
        }
    }
}
