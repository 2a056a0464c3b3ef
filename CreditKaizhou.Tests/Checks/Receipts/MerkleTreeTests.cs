using CreditKaizhou.Api.Features.Checks.Receipts;
using static CreditKaizhou.Tests.Checks.Receipts.MerkleTestData;

namespace CreditKaizhou.Tests.Checks.Receipts;

public sealed class MerkleTreeTests
{
    public static IEnumerable<ITreeHash> Hashes => MerkleTestData.Hashes;

    [Test]
    public void RootHash_SizesUpTo20_EqualsTheRecursiveDefinition(
        [ValueSource(nameof(Hashes))] ITreeHash hash, [Range(0, 20)] int size)
    {
        var leaves = TestLeaves(size);
        var expected = Convert.ToHexStringLower(ReferenceRoot(RawHash(hash), leaves));

        AssertAllRoots(hash, leaves, size, expected);
    }

    [Test]
    public void InclusionProof_EveryLeafOfSizes1To64_VerifiesAndFailsWhenAnyByteChanges([ValueSource(nameof(Hashes))] ITreeHash hash)
    {
        var tree = new MerkleTree(hash);
        var leafHashes = TestLeaves(64).Select(l => tree.HashLeaf(l)).ToList();
        var log = new MerkleLog(hash);
        leafHashes.ForEach(h => log.AppendLeafHash(h));
        var failures = new List<string>();

        for (var size = 1; size <= 64; size++)
        {
            var root = tree.RootHash(leafHashes, size);
            for (var index = 0; index < size; index++)
            {
                var leaf = leafHashes[index];
                var path = tree.InclusionProof(leafHashes, index, size);
                if (!path.Select(Convert.ToHexStringLower).SequenceEqual(log.InclusionProof(index, size).Select(Convert.ToHexStringLower)))
                {
                    failures.Add($"{index}/{size}: the node store's path differs");
                }

                if (!tree.VerifyInclusion(leaf, index, size, path, root))
                {
                    failures.Add($"{index}/{size}: a valid proof was rejected");
                }

                foreach (var changed in EveryByteChanged(leaf))
                {
                    Reject(tree.VerifyInclusion(changed, index, size, path, root), $"{index}/{size}: changed leaf");
                }

                foreach (var changed in EveryByteChanged(root))
                {
                    Reject(tree.VerifyInclusion(leaf, index, size, path, changed), $"{index}/{size}: changed root");
                }

                for (var p = 0; p < path.Count; p++)
                {
                    foreach (var changed in EveryByteChanged(path[p]))
                    {
                        Reject(tree.VerifyInclusion(leaf, index, size, [.. path.Take(p), changed, .. path.Skip(p + 1)], root),
                            $"{index}/{size}: changed path[{p}]");
                    }
                }

                Reject(tree.VerifyInclusion(leaf, index, size, [.. path, root], root), $"{index}/{size}: extra path element");
                if (path.Count > 0)
                {
                    Reject(tree.VerifyInclusion(leaf, index, size, [.. path.SkipLast(1)], root), $"{index}/{size}: shortened path");
                }

                if ((index ^ 1) < size)
                {
                    Reject(tree.VerifyInclusion(leaf, index ^ 1, size, path, root), $"{index}/{size}: sibling's index");
                }
            }
        }

        Assert.That(failures, Is.Empty);

        void Reject(bool verified, string what)
        {
            if (verified)
            {
                failures.Add(what + " was accepted");
            }
        }
    }

    [Test]
    public void ConsistencyProof_AllSizesUpTo32_VerifiesAndFailsWhenAnyByteChanges([ValueSource(nameof(Hashes))] ITreeHash hash)
    {
        var tree = new MerkleTree(hash);
        var leafHashes = TestLeaves(32).Select(l => tree.HashLeaf(l)).ToList();
        var log = new MerkleLog(hash);
        leafHashes.ForEach(h => log.AppendLeafHash(h));
        var failures = new List<string>();

        for (var newSize = 0; newSize <= 32; newSize++)
        {
            var newRoot = tree.RootHash(leafHashes, newSize);
            for (var oldSize = 0; oldSize <= newSize; oldSize++)
            {
                var oldRoot = tree.RootHash(leafHashes, oldSize);
                var proof = tree.ConsistencyProof(leafHashes, oldSize, newSize);
                var sizes = $"{oldSize}→{newSize}";
                if (!proof.Select(Convert.ToHexStringLower).SequenceEqual(log.ConsistencyProof(oldSize, newSize).Select(Convert.ToHexStringLower)))
                {
                    failures.Add($"{sizes}: the node store's proof differs");
                }

                if (!tree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof))
                {
                    failures.Add($"{sizes}: a valid proof was rejected");
                }

                if (oldSize == 0 || oldSize == newSize)
                {
                    Reject(proof.Count != 0, $"{sizes}: a non-empty proof");
                    continue;
                }

                foreach (var changed in EveryByteChanged(oldRoot))
                {
                    Reject(tree.VerifyConsistency(oldSize, newSize, changed, newRoot, proof), $"{sizes}: changed old root");
                }

                foreach (var changed in EveryByteChanged(newRoot))
                {
                    Reject(tree.VerifyConsistency(oldSize, newSize, oldRoot, changed, proof), $"{sizes}: changed new root");
                }

                for (var p = 0; p < proof.Count; p++)
                {
                    foreach (var changed in EveryByteChanged(proof[p]))
                    {
                        Reject(tree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [.. proof.Take(p), changed, .. proof.Skip(p + 1)]),
                            $"{sizes}: changed proof[{p}]");
                    }
                }

                Reject(tree.VerifyConsistency(oldSize, newSize, newRoot, oldRoot, proof), $"{sizes}: swapped roots");
                Reject(tree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [.. proof.SkipLast(1)]), $"{sizes}: shortened proof");
                Reject(tree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [.. proof, newRoot]), $"{sizes}: extra element");
                Reject(tree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [oldRoot, .. proof]), $"{sizes}: old root in front");
            }
        }

        Assert.That(failures, Is.Empty);

        void Reject(bool verified, string what)
        {
            if (verified)
            {
                failures.Add(what + " was accepted");
            }
        }
    }

    [Test]
    public void VerifyConsistency_TrivialAndImpossibleSizes()
    {
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var empty = tree.Hash.EmptyRoot();
        var a = tree.HashLeaf([1]);
        var b = tree.HashLeaf([2]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.VerifyConsistency(0, 0, empty, empty, []), Is.True, "empty to empty");
            Assert.That(tree.VerifyConsistency(0, 5, empty, a, []), Is.True, "the empty tree is a prefix of every tree");
            Assert.That(tree.VerifyConsistency(0, 5, a, b, []), Is.False, "size 0 with a root that is not the empty root");
            Assert.That(tree.VerifyConsistency(3, 3, a, a, []), Is.True, "same size, same root");
            Assert.That(tree.VerifyConsistency(3, 3, a, b, []), Is.False, "same size, different roots");
            Assert.That(tree.VerifyConsistency(3, 3, a, a, [b]), Is.False, "same size with a non-empty proof");
            Assert.That(tree.VerifyConsistency(4, 3, a, b, [a]), Is.False, "a tree that shrank");
            Assert.That(tree.VerifyConsistency(1, 2, a, b, []), Is.False, "an empty proof between different sizes");
            Assert.That(tree.VerifyConsistency(1, 2, a, b, [[1, 2, 3]]), Is.False, "a proof element of the wrong length");
        }
    }

    [Test]
    public void VerifyInclusion_MalformedInput_IsRejectedWithoutThrowing()
    {
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var leaf = tree.HashLeaf("data"u8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.VerifyInclusion(leaf, 0, 1, [], leaf), Is.True, "a one-leaf tree's root is its leaf hash");
            Assert.That(tree.VerifyInclusion(leaf, 0, 0, [], leaf), Is.False, "the empty tree");
            Assert.That(tree.VerifyInclusion(leaf, 1, 1, [], leaf), Is.False, "index past the end");
            Assert.That(tree.VerifyInclusion(leaf, -1, 1, [], leaf), Is.False, "negative index");
            Assert.That(tree.VerifyInclusion([], 0, 1, [], []), Is.False, "empty hashes");
            Assert.That(tree.VerifyInclusion(leaf, 0, 2, [[1, 2]], leaf), Is.False, "short path element");
        }
    }

    [Test]
    public void Proofs_ArgumentsOutsideTheTree_Throw()
    {
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var leafHashes = TestLeaves(4).Select(l => tree.HashLeaf(l)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => tree.RootHash(leafHashes, 5), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => tree.InclusionProof(leafHashes, 4, 4), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => tree.InclusionProof(leafHashes, 0, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => tree.ConsistencyProof(leafHashes, 3, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new MerkleFrontier(tree.Hash).AppendLeafHash(new byte[31]), Throws.ArgumentException);
        }
    }

    [Test]
    public void MerkleFrontier_RestoredFromItsNodes_ContinuesTheSameTree([Values(0, 1, 6, 8, 13, 32, 63)] int size)
    {
        var hash = Sm3TreeHash.Instance;
        var leaves = TestLeaves(size + 9);
        var frontier = new MerkleFrontier(hash);
        leaves.Take(size).ToList().ForEach(l => frontier.AppendLeaf(l));

        var restored = MerkleFrontier.Restore(hash, frontier.Size, frontier.Nodes);
        leaves.Skip(size).ToList().ForEach(l => restored.AppendLeaf(l));

        Assert.That(frontier.Nodes, Has.Count.EqualTo(long.PopCount(size)));
        Assert.That(Convert.ToHexStringLower(restored.RootHash()),
            Is.EqualTo(Convert.ToHexStringLower(ReferenceRoot(RawHash(hash), leaves))));
    }

    [Test]
    public void LargeTree_AMillionLeaves_AllStructuresAgree()
    {
        const int size = 1_000_003;
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var leafHashes = new List<byte[]>(size);
        var frontier = new MerkleFrontier(tree.Hash);
        var log = new MerkleLog(tree.Hash);
        for (var i = 0; i < size; i++)
        {
            leafHashes.Add(tree.HashLeaf(BitConverter.GetBytes(i)));
            frontier.AppendLeafHash(leafHashes[i]);
            log.AppendLeafHash(leafHashes[i]);
        }

        var root = tree.RootHash(leafHashes, size);
        Assert.That(frontier.RootHash(), Is.EqualTo(root));
        Assert.That(log.RootHash(), Is.EqualTo(root));
        foreach (var index in new[] { 0, 524_287, 524_288, size - 1 })
        {
            var path = log.InclusionProof(index, size);
            Assert.That(tree.VerifyInclusion(leafHashes[index], index, size, path, root), Is.True, $"leaf {index}");
        }

        // The O(n) construction once, to compare: the node store must give the very same path.
        Assert.That(log.InclusionProof(524_288, size), Is.EqualTo(tree.InclusionProof(leafHashes, 524_288, size)));

        var consistency = log.ConsistencyProof(999_999, size);
        Assert.That(tree.VerifyConsistency(999_999, size, log.RootHash(999_999), root, consistency), Is.True);
    }
}
