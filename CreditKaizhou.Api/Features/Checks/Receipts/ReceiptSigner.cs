using Org.BouncyCastle.Crypto.Signers;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// Signs tree heads with the receipt key: SM2 over SM3 with the default user ID
/// <c>1234567812345678</c> (GM/T 0009), the signature DER-encoded and then Base64. SM2 costs
/// about half a millisecond a signature, so heads are signed once per interval, not per check.
/// Thread-safe.
/// </summary>
public sealed class ReceiptSigner
{
    private readonly ReceiptKeys _keys;
    private readonly SM2Signer _signer;
    private readonly Lock _gate = new();

    public ReceiptSigner(ReceiptKeys keys)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _signer = Sm2.CreateSigner(keys.PrivateKey);
    }

    public string Algorithm => _keys.Algorithm;

    public string KeyId => _keys.KeyId;

    /// <summary>Signs <see cref="TreeHead.ToSignedBytes"/> of <paramref name="head"/>.</summary>
    public SignedTreeHead Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var message = head.ToSignedBytes();
        byte[] signature;
        lock (_gate)
        {
            signature = Sm2.Sign(_signer, message);
        }

        return new SignedTreeHead(head, Algorithm, KeyId, Convert.ToBase64String(signature));
    }
}
