namespace CreditKaizhou.Api.Features.Checks.Receipts;

/// <summary>
/// The Merkle tree of RFC 6962 §2.1 (Certificate Transparency; the same tree in RFC 9162 §2.1):
/// the root of the first <c>n</c> leaves, audit paths (inclusion proofs), consistency proofs
/// and their verification. The hash is a parameter: the service uses SM3
/// (<see cref="Sm3"/>), the tests also use SHA-256 to compare with the RFCs.
/// </summary>
/// <remarks>
/// The functions here work from a list of leaf hashes and cost O(n) hashes for a tree of n
/// leaves (a second or more for 10^6 SM3 leaves). To append leaves and read the current root in
/// O(log n) use <see cref="MerkleFrontier"/>; to answer proofs for a large tree in O(log² n) use
/// <see cref="MerkleLog"/>. Verification never throws for malformed proofs: it returns false.
/// </remarks>
public sealed class MerkleTree(ITreeHash hash)
{
    /// <summary>The tree of the service's receipts: RFC 6962 with SM3.</summary>
    public static MerkleTree Sm3 { get; } = new(Sm3TreeHash.Instance);

    public ITreeHash Hash { get; } = hash ?? throw new ArgumentNullException(nameof(hash));

    /// <summary>The leaf hash <c>H(0x00 || leaf)</c> of a leaf's bytes.</summary>
    public byte[] HashLeaf(ReadOnlySpan<byte> leaf) => Hash.HashLeaf(leaf);

    /// <summary>MTH(D[0:size]): the root of the tree made of the first <paramref name="size"/> leaves.</summary>
    public byte[] RootHash(IReadOnlyList<byte[]> leafHashes, int size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        return size == 0 ? Hash.EmptyRoot() : SubtreeRoot(leafHashes, 0, size);
    }

    /// <summary>
    /// PATH(index, D[0:size]) of RFC 6962 §2.1.1: the sibling hashes from the leaf up to the root,
    /// the one next to the leaf first.
    /// </summary>
    public IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, int index, int size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        return MerkleProofs.Inclusion(index, size, (start, count) => SubtreeRoot(leafHashes, start, count));
    }

    /// <summary>
    /// PROOF(oldSize, D[0:newSize]) of RFC 6962 §2.1.2: the hashes that prove the tree of
    /// <paramref name="newSize"/> leaves extends the tree of <paramref name="oldSize"/> leaves.
    /// Empty when <paramref name="oldSize"/> is 0 or equals <paramref name="newSize"/>.
    /// </summary>
    public IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, int oldSize, int newSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, leafHashes.Count);
        return MerkleProofs.Consistency(oldSize, newSize, (start, count) => SubtreeRoot(leafHashes, start, count));
    }

    /// <summary>
    /// Whether <paramref name="path"/> proves that <paramref name="leafHash"/> is leaf number
    /// <paramref name="index"/> (from 0) of the tree of <paramref name="treeSize"/> leaves whose
    /// root is <paramref name="root"/> (RFC 9162 §2.1.3.2).
    /// </summary>
    public bool VerifyInclusion(byte[] leafHash, long index, long treeSize, IReadOnlyList<byte[]> path, byte[] root)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        if (index < 0 || index >= treeSize || !IsHash(leafHash) || !IsHash(root) || !path.All(IsHash))
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Hash.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Hash.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="newSize"/> leaves
    /// with root <paramref name="newRoot"/> is an append-only extension of the tree of
    /// <paramref name="oldSize"/> leaves with root <paramref name="oldRoot"/> (RFC 9162 §2.1.4.2).
    /// Equal sizes need an empty proof and equal roots; size 0 needs an empty proof and the root
    /// of the empty tree.
    /// </summary>
    public bool VerifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(oldRoot);
        ArgumentNullException.ThrowIfNull(newRoot);
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || newSize < oldSize || !IsHash(oldRoot) || !IsHash(newRoot) || !proof.All(IsHash))
        {
            return false;
        }

        if (oldSize == 0)
        {
            return proof.Count == 0 && oldRoot.AsSpan().SequenceEqual(Hash.EmptyRoot());
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.AsSpan().SequenceEqual(newRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // A complete old tree is itself a node of the new one, so the proof leaves it out.
        IReadOnlyList<byte[]> path = long.IsPow2(oldSize) ? [oldRoot, .. proof] : proof;
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Hash.HashChildren(c, fr);
                sr = Hash.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = Hash.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    private bool IsHash(byte[] value) => value is not null && value.Length == Hash.HashSize;

    private byte[] SubtreeRoot(IReadOnlyList<byte[]> leafHashes, long start, long size)
    {
        if (size == 1)
        {
            return (byte[])leafHashes[(int)start].Clone();
        }

        var k = MerkleProofs.LargestPowerOfTwoBelow(size);
        return Hash.HashChildren(SubtreeRoot(leafHashes, start, k), SubtreeRoot(leafHashes, start + k, size - k));
    }
}

/// <summary>
/// The proof constructions of RFC 6962 §2.1.1–2.1.2, written once over a function that gives the
/// root of a subtree (<c>MTH(D[start:start+size])</c>), so that a plain list of leaf hashes and a
/// store of interior nodes share them.
/// </summary>
internal static class MerkleProofs
{
    public delegate byte[] SubtreeRoot(long start, long size);

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2).</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    public static List<byte[]> Inclusion(long index, long size, SubtreeRoot root)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<byte[]>(64 - (int)long.LeadingZeroCount(size));
        AddPath(index, 0, size, root, path);
        return path;
    }

    public static List<byte[]> Consistency(long oldSize, long newSize, SubtreeRoot root)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<byte[]>();
        if (oldSize > 0)
        {
            AddSubproof(oldSize, 0, newSize, complete: true, root, proof);
        }

        return proof;
    }

    // PATH(m, D[start:start+n]).
    private static void AddPath(long m, long start, long n, SubtreeRoot root, List<byte[]> path)
    {
        if (n <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            AddPath(m, start, k, root, path);
            path.Add(root(start + k, n - k));
        }
        else
        {
            AddPath(m - k, start + k, n - k, root, path);
            path.Add(root(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], complete): "complete" is the b of the RFC, true while the
    // old tree's root is also a node of the new tree on the path followed so far.
    private static void AddSubproof(long m, long start, long n, bool complete, SubtreeRoot root, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(root(start, n));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            AddSubproof(m, start, k, complete, root, proof);
            proof.Add(root(start + k, n - k));
        }
        else
        {
            AddSubproof(m - k, start + k, n - k, complete: false, root, proof);
            proof.Add(root(start, k));
        }
    }
}
