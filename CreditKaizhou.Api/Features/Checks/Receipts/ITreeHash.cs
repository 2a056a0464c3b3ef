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
