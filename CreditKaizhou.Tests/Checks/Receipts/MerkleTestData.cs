using System.Security.Cryptography;
using CreditKaizhou.Api.Features.Checks.Receipts;
using Org.BouncyCastle.Crypto.Digests;

namespace CreditKaizhou.Tests.Checks.Receipts;

/// <summary>Leaves, a reference tree and helpers shared by the Merkle tree tests.</summary>
internal static class MerkleTestData
{
    public static IEnumerable<ITreeHash> Hashes => [Sha256TreeHash.Instance, Sm3TreeHash.Instance];

    // The Certificate Transparency reference leaves (RFC 6962 test data, as published with
    // transparency-dev/merkle).
    public static readonly byte[][] CtLeaves =
    [
        .. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString),
    ];

    public static void AssertAllRoots(ITreeHash hash, byte[][] leaves, int size, string expected)
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

    public static byte[][] TestLeaves(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Enumerable.Range(0, i % 7).Select(j => (byte)(i * 31 + j)).ToArray())];

    /// <summary>The tree of RFC 6962 §2.1 written as the RFC states it, over the raw hash function.</summary>
    public static byte[] ReferenceRoot(Func<byte[], byte[]> h, byte[][] leaves)
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

    public static Func<byte[], byte[]> RawHash(ITreeHash hash) => hash.Name switch
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

    public static IEnumerable<byte[]> EveryByteChanged(byte[] value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var changed = (byte[])value.Clone();
            changed[i] ^= (byte)(1 << (i % 8));
            yield return changed;
        }
    }
}
