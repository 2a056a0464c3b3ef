using CreditKaizhou.Api.Features.Checks.Receipts;
using static CreditKaizhou.Tests.Checks.Receipts.MerkleTestData;

namespace CreditKaizhou.Tests.Checks.Receipts;

/// <summary>The tree against published RFC 6962 vectors (SHA-256) and independently computed SM3 ones.</summary>
public sealed class MerkleVectorTests
{
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
}
