using Org.BouncyCastle.Crypto.Parameters;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// Checks signed tree heads with nothing but the public key, as a bidding system or a court
/// expert would: SM2 over SM3, user ID <c>1234567812345678</c>, over
/// <see cref="TreeHead.ToSignedBytes"/>. Thread-safe.
/// </summary>
/// <remarks>
/// The same check with OpenSSL 3, which does not assume that user ID (it must be given):
/// <c>openssl dgst -sm3 -verify receipt-public.pem -sigopt distid:1234567812345678 -signature head.sig head.txt</c>,
/// where head.sig is the Base64-decoded signature and head.txt the signed bytes.
/// </remarks>
public sealed class ReceiptVerifier
{
    private readonly ECPublicKeyParameters _publicKey;

    /// <param name="publicKeyPem">The SM2 public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").</param>
    /// <exception cref="FormatException">The text is not an SM2 public key.</exception>
    public ReceiptVerifier(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        _publicKey = Sm2.ReadPublicKeyPem(publicKeyPem);
        KeyId = Sm2.KeyId(_publicKey);
    }

    public string Algorithm => Sm2.Algorithm;

    /// <summary>The key id of the public key, as the signer reports it.</summary>
    public string KeyId { get; }

    /// <summary>
    /// Whether the head was signed with this key under the algorithm and key id it names.
    /// False, never an exception, for a signature that is not Base64 or not DER.
    /// </summary>
    public bool Verify(SignedTreeHead signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return signed.Algorithm == Algorithm && signed.KeyId == KeyId && Verify(signed.Head, signed.Signature);
    }

    /// <summary>Whether <paramref name="signature"/> (Base64 of DER) signs <paramref name="head"/> with this key.</summary>
    public bool Verify(TreeHead head, string signature)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(signature);
        if (head.TreeSize < 0 || head.RootHash is not { Length: 32 })
        {
            return false;
        }

        var der = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, der, out var length)
            && Sm2.Verify(_publicKey, head.ToSignedBytes(), der[..length]);
    }
}
