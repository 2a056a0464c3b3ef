using System.Globalization;
using System.Text;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// The head of the receipts' Merkle tree (RFC 6962 with SM3) at one moment: how many leaves
/// it had and its root. Signing the head once covers every check in the tree, which an SM2
/// signature per check could not afford.
/// </summary>
/// <param name="TreeSize">The number of leaves, 0 or more.</param>
/// <param name="RootHash">The SM3 root of the tree of <paramref name="TreeSize"/> leaves (32 bytes).</param>
/// <param name="Timestamp">When the head was made; signed to the tick (100 ns) in UTC.</param>
public sealed record TreeHead(long TreeSize, byte[] RootHash, DateTimeOffset Timestamp)
{
    /// <summary>The first line of the signed text; a new layout gets a new version.</summary>
    public const string FormatTag = "creditkaizhou-tree-head/v1";

    /// <summary>
    /// The bytes that are signed: the UTF-8 (all ASCII) of four lines joined by a line feed
    /// (0x0A), with no line feed after the last, no spaces and no byte-order mark:
    /// <code>
    /// creditkaizhou-tree-head/v1
    /// {TreeSize}
    /// {RootHash}
    /// {Timestamp}
    /// </code>
    /// <list type="bullet">
    /// <item><c>TreeSize</c>: decimal digits, no sign, no leading zeros (<c>0</c> for the empty tree).</item>
    /// <item><c>RootHash</c>: the 32 bytes as 64 lowercase hexadecimal digits.</item>
    /// <item><c>Timestamp</c>: converted to UTC, <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c> — always
    /// 7 fraction digits, trailing zeros kept, and the letter <c>Z</c>.</item>
    /// </list>
    /// For example (125 bytes):
    /// <code>
    /// creditkaizhou-tree-head/v1
    /// 1024
    /// 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    /// 2026-11-20T01:02:03.4500000Z
    /// </code>
    /// A verifier outside the service rebuilds these bytes from the head it received and checks
    /// the SM2 signature over them with SM3 and the default user ID <c>1234567812345678</c>
    /// (OpenSSL 3 needs it spelled out: <c>-sigopt distid:1234567812345678</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The size is negative or the root is not 32 bytes.</exception>
    public byte[] ToSignedBytes() => Encoding.UTF8.GetBytes(ToSignedText());

    /// <summary>The text of <see cref="ToSignedBytes"/>.</summary>
    public string ToSignedText()
    {
        if (TreeSize < 0)
        {
            throw new ArgumentException($"A tree size is 0 or more; this one is {TreeSize}.", nameof(TreeSize));
        }

        if (RootHash is not { Length: 32 })
        {
            throw new ArgumentException($"A root hash has 32 bytes; this one has {RootHash?.Length ?? 0}.", nameof(RootHash));
        }

        return string.Join('\n',
            FormatTag,
            TreeSize.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(RootHash),
            Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// A tree head with its signature: what a receipt carries besides the check's leaf hash and
/// inclusion path. <see cref="Signature"/> is the Base64 of the DER signature
/// (SEQUENCE { r INTEGER, s INTEGER }) over <see cref="TreeHead.ToSignedBytes"/>.
/// </summary>
public sealed record SignedTreeHead(TreeHead Head, string Algorithm, string KeyId, string Signature);
