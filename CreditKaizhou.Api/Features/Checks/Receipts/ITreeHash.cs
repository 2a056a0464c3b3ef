using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// The hashing of an RFC 6962 Merkle tree: a leaf is hashed as <c>H(0x00 || leaf)</c> and an
/// interior node as <c>H(0x01 || left || right)</c>; the different prefixes keep a leaf from
/// being passed off as a node (second-preimage attacks). The root of the empty tree is
/// <c>H("")</c>. Implementations are thread-safe and return a new array from every call.
/// </summary>
public interface ITreeHash
{
    /// <summary>The hash function's name, for example <c>SM3</c>.</summary>
    string Name { get; }

    /// <summary>The length of a hash in bytes.</summary>
    int HashSize { get; }

    /// <summary><c>H("")</c>: the root of the tree with no leaves.</summary>
    byte[] EmptyRoot();

    /// <summary><c>H(0x00 || leaf)</c>.</summary>
    byte[] HashLeaf(ReadOnlySpan<byte> leaf);

    /// <summary><c>H(0x01 || left || right)</c>.</summary>
    byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right);
}

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
