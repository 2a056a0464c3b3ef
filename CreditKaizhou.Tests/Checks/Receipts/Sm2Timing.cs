using System.Diagnostics;
using CreditKaizhou.Api.Features.Checks.Receipts;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace CreditKaizhou.Tests.Checks.Receipts;

/// <summary>
/// Prints what SM2 and the SM3 tree cost on this machine, for the design notes. Timings are
/// printed, never asserted: they depend on the machine and on what else runs. To see them:
/// <c>dotnet test --filter FullyQualifiedName~Sm2Timing --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class Sm2Timing
{
    [Test]
    public void PrintCosts()
    {
        var keys = ReceiptKeys.Generate();
        var signer = new ReceiptSigner(keys);
        var verifier = new ReceiptVerifier(keys.PublicKeyPem);
        var head = new TreeHead(1_000_000, Sm3TreeHash.Hash("root"u8), DateTimeOffset.UtcNow);
        var signed = signer.Sign(head);

        var sign = Microseconds(200, () => signer.Sign(head));
        var verify = Microseconds(200, () => verifier.Verify(signed));
        var custom = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.GetByName("sm2p256v1"));
        var generic = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByName("sm2p256v1"));
        var (freshSign, freshVerify) = FreshSignerCosts(keys, custom, 200);
        var (gmSign, gmVerify) = FreshSignerCosts(keys, generic, 30);

        var leaves = 1 << 17;
        var frontier = new MerkleFrontier(Sm3TreeHash.Instance);
        var log = new MerkleLog(Sm3TreeHash.Instance);
        var append = Microseconds(leaves, () =>
        {
            var leafHash = frontier.AppendLeaf("a check's canonical JSON, a few hundred bytes long in practice"u8);
            log.AppendLeafHash(leafHash);
        });
        var index = 0L;
        var proof = Microseconds(1000, () => log.InclusionProof(index++ * 97 % leaves, leaves));

        TestContext.Out.WriteLine($"ReceiptSigner.Sign (CustomNamedCurves, signer reused): {sign,7:F0} µs");
        TestContext.Out.WriteLine($"ReceiptVerifier.Verify (CustomNamedCurves):            {verify,7:F0} µs");
        TestContext.Out.WriteLine($"SM2 sign, new SM2Signer + Init each time (Custom):     {freshSign,7:F0} µs");
        TestContext.Out.WriteLine($"SM2 verify, new SM2Signer + Init each time (Custom):   {freshVerify,7:F0} µs");
        TestContext.Out.WriteLine($"SM2 sign, new SM2Signer + Init each time (GMNamed):    {gmSign,7:F0} µs");
        TestContext.Out.WriteLine($"SM2 verify, new SM2Signer + Init each time (GMNamed):  {gmVerify,7:F0} µs");
        TestContext.Out.WriteLine($"SM3 leaf hash + frontier and node-store append: {append:F2} µs a leaf");
        TestContext.Out.WriteLine($"inclusion proof from the node store, {leaves} leaves: {proof:F1} µs");
        Assert.That(verifier.Verify(signed), Is.True);
    }

    private static (double Sign, double Verify) FreshSignerCosts(ReceiptKeys keys, ECDomainParameters domain, int iterations)
    {
        var privateKey = new ECPrivateKeyParameters(keys.PrivateKey.D, domain);
        var publicKey = new ECPublicKeyParameters(domain.Curve.DecodePoint(keys.PublicKey.Q.GetEncoded(false)), domain);
        var id = "1234567812345678"u8.ToArray();
        var message = "creditkaizhou-tree-head/v1"u8.ToArray();
        byte[] signature = [];

        var sign = Microseconds(iterations, () =>
        {
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), id));
            signer.BlockUpdate(message, 0, message.Length);
            signature = signer.GenerateSignature();
        });
        var verify = Microseconds(iterations, () =>
        {
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(false, new ParametersWithID(publicKey, id));
            signer.BlockUpdate(message, 0, message.Length);
            signer.VerifySignature(signature);
        });
        return (sign, verify);
    }

    /// <summary>
    /// Microseconds per call: the best average of five batches after a warm-up, so that other
    /// work on a busy machine inflates the figure less.
    /// </summary>
    private static double Microseconds(int iterations, Action action)
    {
        for (var i = 0; i < Math.Max(1, iterations / 10); i++)
        {
            action();
        }

        var batch = Math.Max(1, iterations / 5);
        var best = double.MaxValue;
        for (var b = 0; b < 5; b++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < batch; i++)
            {
                action();
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / batch);
        }

        return best;
    }
}
