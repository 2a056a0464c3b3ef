namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// Signs tree heads with the receipt key: SM2 over SM3 with the default user ID
/// <c>1234567812345678</c> (GM/T 0009), the signature DER-encoded and then Base64. SM2 costs
/// about half a millisecond a signature, so heads are signed once per interval, not per check.
/// Thread-safe.
/// </summary>
public sealed class ReceiptSigner(ReceiptKeys keys)
{
    private readonly ReceiptKeys _keys = keys ?? throw new ArgumentNullException(nameof(keys));

    public string Algorithm => _keys.Algorithm;

    public string KeyId => _keys.KeyId;

    /// <summary>Signs <see cref="TreeHead.ToSignedBytes"/> of <paramref name="head"/>.</summary>
    public SignedTreeHead Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var signature = Sm2.Sign(_keys.PrivateKey, head.ToSignedBytes());
        return new SignedTreeHead(head, Algorithm, KeyId, Convert.ToBase64String(signature));
    }
}
