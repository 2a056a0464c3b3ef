using Org.BouncyCastle.Crypto.Digests;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>The tree hash of the service's receipts: SM3 (GM/T 0004-2012), 32 bytes.</summary>
public sealed class Sm3TreeHash : ITreeHash
{
    public static Sm3TreeHash Instance { get; } = new();

    // The digest keeps state between calls, so each thread gets its own.
    [ThreadStatic]
    private static SM3Digest? t_digest;

    private Sm3TreeHash()
    {
    }

    public string Name => "SM3";

    public int HashSize => 32;

    public byte[] EmptyRoot() => Hash(ReadOnlySpan<byte>.Empty);

    public override string ToString() => Name;

    public byte[] HashLeaf(ReadOnlySpan<byte> leaf) => Hash([0x00], leaf);

    public byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Hash([0x01], left, right);

    /// <summary>SM3 of the concatenation of the parts.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default)
    {
        var digest = t_digest ??= new SM3Digest();
        digest.BlockUpdate(first);
        digest.BlockUpdate(second);
        digest.BlockUpdate(third);
        var result = new byte[32];
        digest.DoFinal(result);
        return result;
    }
}
