using System.Security.Cryptography;
using CreditKaizhou.Api.Features.Checks.Receipts;
using Org.BouncyCastle.Crypto.Digests;

namespace CreditKaizhou.Tests.Checks.Receipts;

public sealed class MerkleTreeTests
{
    public static IEnumerable<ITreeHash> Hashes => [Sha256TreeHash.Instance, Sm3TreeHash.Instance];

    // The Certificate Transparency reference leaves (RFC 6962 test data, as published with
    // transparency-dev/merkle) and the SHA-256 roots of their first 1..8 leaves.
    private static readonly byte[][] CtLeaves =
    [
        .. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString),
    ];

    [Test]
    public void RootHash_EmptyTree_IsSha256OfTheEmptyString()
    {
        var root = new MerkleTree(Sha256TreeHash.Instance).RootHash([], 0);

        Assert.That(Convert.ToHexStringLower(root), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [TestCase(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [TestCase(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [TestCase(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [TestCase(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [TestCase(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [TestCase(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [TestCase(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [TestCase(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void RootHash_CertificateTransparencyLeaves_MatchesPublishedSha256Roots(int size, string expected)
    {
        AssertAllRoots(Sha256TreeHash.Instance, CtLeaves, size, expected);
    }

    // The same leaves with SM3, computed independently (Python's hashlib on OpenSSL's SM3, the
    // RFC 6962 recursion written out): the vectors an outside verifier of our receipts can use.
    [TestCase(0, "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")]
    [TestCase(1, "2daef60e7a0b8f5e024c81cd2ab3109f2b4f155cf83adeb2ae5532f74a157fdf")]
    [TestCase(2, "0b990fe0c7ad70f1bf1a1262f2c7908ea48146b14253a6db99f2917ab1f5cc4d")]
    [TestCase(3, "209ec96a210d662a964772680e8544d18cab7b88ffec3e00962220349b56ea56")]
    [TestCase(4, "28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377")]
    [TestCase(5, "bb10c996aeebbcdc69be3715fc847344de77442d37a5ab8213da9f41785b103b")]
    [TestCase(6, "8723c1ab1f82ddfba4a3733ac0c80d936d9f4c208c7dbc8cc81ca9fff8584f66")]
    [TestCase(7, "bd36c22a1ac6ff4308e0c3cc1a85bf0ffa30538ec60a55c70413ab15d45db4d2")]
    [TestCase(8, "bc48ba7a709184b5f2a631e1adeb8dc2a0d4c018c1d6cc89b5664fe154c93b38")]
    public void RootHash_CertificateTransparencyLeavesWithSm3_MatchesOpenSslComputedRoots(int size, string expected)
    {
        AssertAllRoots(Sm3TreeHash.Instance, CtLeaves, size, expected);
    }

    [TestCase("", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")]
    [TestCase("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    public void Sm3_KnownAnswers(string text, string expected)
    {
        Assert.That(Convert.ToHexStringLower(Sm3TreeHash.Hash(System.Text.Encoding.ASCII.GetBytes(text))), Is.EqualTo(expected));
    }

    [Test]
    public void RootHash_SizesUpTo20_EqualsTheRecursiveDefinition(
        [ValueSource(nameof(Hashes))] ITreeHash hash, [Range(0, 20)] int size)
    {
        var leaves = TestLeaves(size);
        var expected = Convert.ToHexStringLower(ReferenceRoot(RawHash(hash), leaves));

        AssertAllRoots(hash, leaves, size, expected);
    }

    // transparency-dev/merkle proof/verify_test.go (its leaf numbers start at 1, ours at 0).
    [TestCase(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [TestCase(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [TestCase(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [TestCase(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    public void InclusionProof_PublishedVectors_AreProducedAndVerify(int index, int size, params string[] expected)
    {
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var leafHashes = CtLeaves.Select(l => tree.HashLeaf(l)).ToList();

        var proof = tree.InclusionProof(leafHashes, index, size);

        Assert.That(proof.Select(Convert.ToHexStringLower), Is.EqualTo(expected));
        Assert.That(tree.VerifyInclusion(leafHashes[index], index, size, proof, tree.RootHash(leafHashes, size)), Is.True);
    }

    [TestCase(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [TestCase(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [TestCase(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    [TestCase(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    public void ConsistencyProof_PublishedVectors_AreProducedAndVerify(int oldSize, int newSize, params string[] expected)
    {
        var tree = new MerkleTree(Sha256TreeHash.Instance);
        var leafHashes = CtLeaves.Select(l => tree.HashLeaf(l)).ToList();

        var proof = tree.ConsistencyProof(leafHashes, oldSize, newSize);

        Assert.That(proof.Select(Convert.ToHexStringLower), Is.EqualTo(expected));
        Assert.That(tree.VerifyConsistency(oldSize, newSize,
            tree.RootHash(leafHashes, oldSize), tree.RootHash(leafHashes, newSize), proof), Is.True);
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

    private static void AssertAllRoots(ITreeHash hash, byte[][] leaves, int size, string expected)
    {
        var tree = new MerkleTree(hash);
        var leafHashes = leaves.Select(l => tree.HashLeaf(l)).ToList();
        var frontier = new MerkleFrontier(hash);
        var log = new MerkleLog(hash);
        foreach (var leaf in leaves.Take(size))
        {
            frontier.AppendLeaf(leaf);
            log.AppendLeaf(leaf);
        }

        foreach (var leaf in leaves.Skip(size))
        {
            log.AppendLeaf(leaf);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Convert.ToHexStringLower(tree.RootHash(leafHashes, size)), Is.EqualTo(expected), "from leaf hashes");
            Assert.That(Convert.ToHexStringLower(frontier.RootHash()), Is.EqualTo(expected), "frontier");
            Assert.That(Convert.ToHexStringLower(log.RootHash(size)), Is.EqualTo(expected), "node store, earlier size");
        }
    }

    private static byte[][] TestLeaves(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Enumerable.Range(0, i % 7).Select(j => (byte)(i * 31 + j)).ToArray())];

    /// <summary>The tree of RFC 6962 §2.1 written as the RFC states it, over the raw hash function.</summary>
    private static byte[] ReferenceRoot(Func<byte[], byte[]> h, byte[][] leaves)
    {
        if (leaves.Length == 0)
        {
            return h([]);
        }

        if (leaves.Length == 1)
        {
            return h([0x00, .. leaves[0]]);
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return h([0x01, .. ReferenceRoot(h, leaves[..k]), .. ReferenceRoot(h, leaves[k..])]);
    }

    private static Func<byte[], byte[]> RawHash(ITreeHash hash) => hash.Name switch
    {
        "SHA-256" => SHA256.HashData,
        "SM3" => data =>
        {
            var digest = new SM3Digest();
            digest.BlockUpdate(data, 0, data.Length);
            var result = new byte[digest.GetDigestSize()];
            digest.DoFinal(result, 0);
            return result;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash.Name, null),
    };

    private static IEnumerable<byte[]> EveryByteChanged(byte[] value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var changed = (byte[])value.Clone();
            changed[i] ^= (byte)(1 << (i % 8));
            yield return changed;
        }
    }
}
