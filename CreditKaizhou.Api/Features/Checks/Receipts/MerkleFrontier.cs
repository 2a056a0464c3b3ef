namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// The right edge ("compact range") of an append-only RFC 6962 tree: one hash per set bit of the
/// size, each the root of a complete subtree. Appending a leaf costs O(1) hashes amortised
/// (O(log n) at worst) and the current root O(log n), with O(log n) memory, so the service can
/// keep the tree head of every check ever made without holding the leaves. Not thread-safe:
/// appends come from one writer, in the order the leaves take in the tree.
/// </summary>
public sealed class MerkleFrontier(ITreeHash hash)
{
    // _nodes[h] is the root of the complete subtree of 2^h leaves when bit h of Size is set.
    private readonly List<byte[]?> _nodes = [];

    public ITreeHash Hash { get; } = hash ?? throw new ArgumentNullException(nameof(hash));

    /// <summary>The number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// The roots of the complete subtrees that make up the tree, the leftmost (largest) first:
    /// what a verifier or a restart needs to continue the tree.
    /// </summary>
    public IReadOnlyList<byte[]> Nodes =>
        Enumerable.Range(0, _nodes.Count).Reverse().Where(h => IsSet(h)).Select(h => (byte[])_nodes[h]!.Clone()).ToList();

    /// <summary>
    /// Continues a tree from its size and <see cref="Nodes"/>, for example after a restart,
    /// without reading its leaves again.
    /// </summary>
    public static MerkleFrontier Restore(ITreeHash hash, long size, IReadOnlyList<byte[]> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(nodes);
        var frontier = new MerkleFrontier(hash) { Size = size };
        if (nodes.Count != long.PopCount(size) || nodes.Any(n => n is null || n.Length != frontier.Hash.HashSize))
        {
            throw new ArgumentException($"A tree of {size} leaves has {long.PopCount(size)} frontier hashes of {frontier.Hash.HashSize} bytes.", nameof(nodes));
        }

        var next = nodes.Count;
        for (var height = 0; height < 63 && size >> height != 0; height++)
        {
            frontier._nodes.Add(frontier.IsSet(height) ? (byte[])nodes[--next].Clone() : null);
        }

        return frontier;
    }

    /// <summary>Appends a leaf by its bytes and returns its leaf hash.</summary>
    public byte[] AppendLeaf(ReadOnlySpan<byte> leaf)
    {
        var leafHash = Hash.HashLeaf(leaf);
        AppendLeafHash(leafHash);
        return leafHash;
    }

    /// <summary>Appends a leaf by its leaf hash <c>H(0x00 || leaf)</c>; returns the leaf's index.</summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != Hash.HashSize)
        {
            throw new ArgumentException($"A leaf hash has {Hash.HashSize} bytes; this one has {leafHash.Length}.", nameof(leafHash));
        }

        // Like adding 1 in binary: equal complete subtrees merge while the carry runs.
        var carry = leafHash.ToArray();
        var height = 0;
        while (IsSet(height))
        {
            carry = Hash.HashChildren(_nodes[height]!, carry);
            _nodes[height] = null;
            height++;
        }

        if (height == _nodes.Count)
        {
            _nodes.Add(carry);
        }
        else
        {
            _nodes[height] = carry;
        }

        return Size++;
    }

    /// <summary>The root of the tree of all leaves appended so far (the empty root when none).</summary>
    public byte[] RootHash()
    {
        byte[]? root = null;
        for (var height = 0; height < _nodes.Count; height++)
        {
            if (IsSet(height))
            {
                root = root is null ? (byte[])_nodes[height]!.Clone() : Hash.HashChildren(_nodes[height]!, root);
            }
        }

        return root ?? Hash.EmptyRoot();
    }

    private bool IsSet(int height) => height < 63 && ((Size >> height) & 1) == 1;
}
