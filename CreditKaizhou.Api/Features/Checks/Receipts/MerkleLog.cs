using System.Diagnostics;

namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// An append-only RFC 6962 tree that keeps the hash of every complete subtree (about 2n hashes:
/// 64 MB for 10^6 SM3 leaves), so that the root at any earlier size costs O(log n) hashes and an
/// inclusion or consistency proof O(log² n), where <see cref="MerkleTree"/> needs O(n) from the
/// leaf hashes alone. It gives the same roots and proofs as <see cref="MerkleTree"/>. Not
/// thread-safe: one writer appends, and readers must not run during an append.
/// </summary>
public sealed class MerkleLog(ITreeHash hash)
{
    // _levels[h] holds, in order, the roots of the complete subtrees of 2^h leaves; level 0 is the leaves.
    private readonly List<HashList> _levels = [];

    public ITreeHash Hash { get; } = hash ?? throw new ArgumentNullException(nameof(hash));

    /// <summary>The number of leaves appended.</summary>
    public long Size { get; private set; }

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

        Level(0).Add(leafHash);
        // Each time a node completes a pair, their parent completes a subtree one level up.
        var index = Size;
        for (var height = 0; (index & 1) == 1; height++, index >>= 1)
        {
            var level = _levels[height];
            var parent = Hash.HashChildren(level[index - 1], level[index]);
            Level(height + 1).Add(parent);
        }

        return Size++;
    }

    /// <summary>The leaf hash of leaf number <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _levels[0][index].ToArray();
    }

    /// <summary>The root of the whole tree.</summary>
    public byte[] RootHash() => RootHash(Size);

    /// <summary>The root the tree had when it held <paramref name="size"/> leaves.</summary>
    public byte[] RootHash(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return size == 0 ? Hash.EmptyRoot() : SubtreeRoot(0, size);
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return MerkleProofs.Inclusion(index, size, SubtreeRoot);
    }

    /// <summary>The consistency proof from the tree of <paramref name="oldSize"/> leaves to the one of <paramref name="newSize"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, Size);
        return MerkleProofs.Consistency(oldSize, newSize, SubtreeRoot);
    }

    // MTH(D[start:start+size]) for the subtrees that RFC 6962's recursion visits: their start is
    // a multiple of the largest power of two in their size, so they split into complete subtrees
    // of decreasing size, combined from the right.
    private byte[] SubtreeRoot(long start, long size)
    {
        Span<long> starts = stackalloc long[64];
        Span<int> heights = stackalloc int[64];
        var parts = 0;
        for (long position = start, rest = size; rest != 0; parts++)
        {
            var height = 63 - (int)long.LeadingZeroCount(rest);
            starts[parts] = position;
            heights[parts] = height;
            position += 1L << height;
            rest -= 1L << height;
        }

        var root = Node(heights[parts - 1], starts[parts - 1]).ToArray();
        for (var i = parts - 2; i >= 0; i--)
        {
            root = Hash.HashChildren(Node(heights[i], starts[i]), root);
        }

        return root;
    }

    private ReadOnlySpan<byte> Node(int height, long start)
    {
        Debug.Assert(start % (1L << height) == 0, "RFC 6962 subtrees start on a multiple of their largest complete part.");
        return _levels[height][start >> height];
    }

    private HashList Level(int height)
    {
        if (height == _levels.Count)
        {
            _levels.Add(new HashList(Hash.HashSize));
        }

        return _levels[height];
    }

    // Fixed-size hashes stored back to back in chunks of 1 MB or so: no per-hash object, and
    // growth never copies what is already stored.
    private sealed class HashList(int hashSize)
    {
        private const int ChunkBits = 15;
        private const int ChunkHashes = 1 << ChunkBits;
        private readonly List<byte[]> _chunks = [];
        private long _count;

        public ReadOnlySpan<byte> this[long index] =>
            _chunks[(int)(index >> ChunkBits)].AsSpan((int)(index & (ChunkHashes - 1)) * hashSize, hashSize);

        public void Add(ReadOnlySpan<byte> value)
        {
            if ((_count & (ChunkHashes - 1)) == 0)
            {
                _chunks.Add(new byte[ChunkHashes * hashSize]);
            }

            value.CopyTo(_chunks[^1].AsSpan((int)(_count & (ChunkHashes - 1)) * hashSize));
            _count++;
        }
    }
}
