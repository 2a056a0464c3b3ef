using System.Security.Cryptography;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// SHA-256, the hash of RFC 6962 and RFC 9162 (Certificate Transparency): it lets the tree code be
/// checked against their published test vectors.
/// </summary>
public sealed class Sha256TreeHash : ITreeHash
{
    public static Sha256TreeHash Instance { get; } = new();

    private Sha256TreeHash()
    {
    }

    public string Name => "SHA-256";

    public int HashSize => SHA256.HashSizeInBytes;

    public byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public override string ToString() => Name;

    public byte[] HashLeaf(ReadOnlySpan<byte> leaf) => Hash(0x00, leaf, ReadOnlySpan<byte>.Empty);

    public byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Hash(0x01, left, right);

    private static byte[] Hash(byte prefix, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        // One-shot hashing of a stack buffer: tree nodes are 65 bytes and most leaves are short.
        var length = 1 + first.Length + second.Length;
        Span<byte> buffer = length <= 256 ? stackalloc byte[256] : new byte[length];
        buffer = buffer[..length];
        buffer[0] = prefix;
        first.CopyTo(buffer[1..]);
        second.CopyTo(buffer[(1 + first.Length)..]);
        return SHA256.HashData(buffer);
    }
}
