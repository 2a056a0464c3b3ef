using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CreditKaizhou.Api.Features.Checks.Receipts;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;

namespace CreditKaizhou.Tests.Checks.Receipts;

public sealed class ReceiptSigningTests
{
    // A throwaway key made with `openssl genpkey -algorithm SM2` (OpenSSL 3.0.19), its
    // `openssl pkey -pubout`, and a signature of HeadSignedByOpenSsl made with
    // `openssl dgst -sm3 -sign key.pem -sigopt distid:1234567812345678`.
    private const string OpenSslPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgckE8O+ufc6JW2K2n
        oJLs6yjnDfbSLHBIhY+Uv9NyUSyhRANCAATzrXE9tXFrmtLUXOcKNe9t39dK5J3e
        es0iKxuTAazFvJbDvEU72ePTWrth3DLnoyka/pWZhA0z20Rl8IomO/cK
        -----END PRIVATE KEY-----

        """;

    private const string OpenSslPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE861xPbVxa5rS1FznCjXvbd/XSuSd
        3nrNIisbkwGsxbyWw7xFO9nj01q7Ydwy56MpGv6VmYQNM9tEZfCKJjv3Cg==
        -----END PUBLIC KEY-----

        """;

    // `openssl pkey -pubin -in pub.pem -outform DER | openssl dgst -sm3`, first 16 digits.
    private const string OpenSslKeyId = "7832e32c06aec988";

    private const string OpenSslSignature = "MEQCIBM1PbzR0LNJ3mk/KOe6JqukZ0yPY3xRwMOH4+kFZb3wAiAOzbr3AUy5OLrjk8bGAlUdehwNiHLfdZ7YUK37jE42eQ==";

    private static readonly TreeHead HeadSignedByOpenSsl = new(
        8,
        Convert.FromHexString("bc48ba7a709184b5f2a631e1adeb8dc2a0d4c018c1d6cc89b5664fe154c93b38"),
        new DateTimeOffset(2026, 11, 20, 1, 2, 3, 450, TimeSpan.Zero));

    private static readonly ReceiptKeys Keys = ReceiptKeys.Generate();

    [Test]
    public void ToSignedText_IsTheDocumentedLayout()
    {
        var head = new TreeHead(1024, Convert.FromHexString(string.Concat(Enumerable.Repeat("0123456789abcdef", 4))),
            new DateTimeOffset(2026, 11, 20, 9, 2, 3, 450, TimeSpan.FromHours(8)));

        var bytes = head.ToSignedBytes();

        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo(
            "creditkaizhou-tree-head/v1\n1024\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n2026-11-20T01:02:03.4500000Z"));
        Assert.That(bytes, Has.Length.EqualTo(125));
    }

    [Test]
    public void ToSignedText_EmptyTreeAndWholeSecond_KeepsSevenFractionDigits()
    {
        var head = new TreeHead(0, Sm3TreeHash.Instance.EmptyRoot(), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.That(head.ToSignedText(), Is.EqualTo(
            "creditkaizhou-tree-head/v1\n0\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b\n2026-01-02T03:04:05.0000000Z"));
    }

    [Test]
    public void ToSignedBytes_InvalidHead_Throws()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new TreeHead(-1, new byte[32], DateTimeOffset.UnixEpoch).ToSignedBytes(), Throws.ArgumentException);
            Assert.That(() => new TreeHead(1, new byte[31], DateTimeOffset.UnixEpoch).ToSignedBytes(), Throws.ArgumentException);
        }
    }

    [Test]
    public void Sign_ThenVerifyWithThePublicKeyPem_RoundTrips()
    {
        var signed = new ReceiptSigner(Keys).Sign(SomeHead());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signed.Algorithm, Is.EqualTo("SM2-with-SM3"));
            Assert.That(signed.KeyId, Is.EqualTo(Keys.KeyId).And.Match("^[0-9a-f]{16}$"));
            Assert.That(new ReceiptVerifier(Keys.PublicKeyPem).Verify(signed), Is.True);
        }
    }

    [Test]
    public void OneSigner_SignsManyHeadsFromManyThreads()
    {
        var signer = new ReceiptSigner(Keys);
        var verifier = new ReceiptVerifier(Keys.PublicKeyPem);
        var heads = Enumerable.Range(0, 40).Select(i => SomeHead() with { TreeSize = i }).ToArray();

        var signed = heads.AsParallel().Select(signer.Sign).ToArray();

        Assert.That(signed.Where(s => !verifier.Verify(s)).Select(s => s.Head.TreeSize), Is.Empty);
        Assert.That(signed.Select(s => s.Signature).Distinct().Count(), Is.EqualTo(heads.Length));
    }

    [Test]
    public void Signature_VerifiesWithIndependentBouncyCastleCode()
    {
        var head = SomeHead();
        var signed = new ReceiptSigner(Keys).Sign(head);
        // The signed text rebuilt here from the documented layout, not by TreeHead.
        var text = $"creditkaizhou-tree-head/v1\n{head.TreeSize}\n{Convert.ToHexStringLower(head.RootHash)}\n" +
            head.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var der = Convert.FromBase64String(signed.Signature);

        var sequence = (Asn1Sequence)Asn1Object.FromByteArray(der);
        Assert.That(sequence.Cast<Asn1Encodable>().Select(e => e.GetType()), Is.EqualTo(new[] { typeof(DerInteger), typeof(DerInteger) }));
        Assert.That(IndependentlyVerified(Keys.PublicKeyPem, Encoding.UTF8.GetBytes(text), der), Is.True);
    }

    [Test]
    public void ChangingAnyByteOfTheSignedHead_FailsVerification()
    {
        var head = SomeHead();
        var signed = new ReceiptSigner(Keys).Sign(head);
        var message = head.ToSignedBytes();
        var der = Convert.FromBase64String(signed.Signature);
        var accepted = new List<int>();

        for (var i = 0; i < message.Length; i++)
        {
            var changed = (byte[])message.Clone();
            changed[i] ^= 0x01;
            if (IndependentlyVerified(Keys.PublicKeyPem, changed, der))
            {
                accepted.Add(i);
            }
        }

        Assert.That(IndependentlyVerified(Keys.PublicKeyPem, message, der), Is.True);
        Assert.That(accepted, Is.Empty, "positions whose change went unnoticed");
    }

    [Test]
    public void ChangingAnyFieldOfTheHead_FailsVerification()
    {
        var head = SomeHead();
        var signed = new ReceiptSigner(Keys).Sign(head);
        var verifier = new ReceiptVerifier(Keys.PublicKeyPem);
        var changedHeads = new List<TreeHead>
        {
            head with { TreeSize = head.TreeSize + 1 },
            head with { TreeSize = head.TreeSize - 1 },
            head with { Timestamp = head.Timestamp.AddTicks(1) },
        };
        for (var i = 0; i < head.RootHash.Length; i++)
        {
            var root = (byte[])head.RootHash.Clone();
            root[i] ^= 0x80;
            changedHeads.Add(head with { RootHash = root });
        }

        Assert.That(verifier.Verify(head, signed.Signature), Is.True);
        Assert.That(changedHeads.Where(h => verifier.Verify(h, signed.Signature)).Select(h => h.ToSignedText()), Is.Empty);
    }

    [Test]
    public void ChangingAnyByteOfTheSignature_FailsVerification()
    {
        var head = SomeHead();
        var signed = new ReceiptSigner(Keys).Sign(head);
        var verifier = new ReceiptVerifier(Keys.PublicKeyPem);
        var der = Convert.FromBase64String(signed.Signature);
        var accepted = new List<int>();

        for (var i = 0; i < der.Length; i++)
        {
            var changed = (byte[])der.Clone();
            changed[i] ^= 0x01;
            if (verifier.Verify(head, Convert.ToBase64String(changed)))
            {
                accepted.Add(i);
            }
        }

        Assert.That(accepted, Is.Empty);
    }

    [Test]
    public void Verify_WrongKeyAlgorithmOrEncoding_IsFalse()
    {
        var signed = new ReceiptSigner(Keys).Sign(SomeHead());
        var verifier = new ReceiptVerifier(Keys.PublicKeyPem);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new ReceiptVerifier(ReceiptKeys.Generate().PublicKeyPem).Verify(signed.Head, signed.Signature), Is.False, "another key");
            Assert.That(verifier.Verify(signed with { KeyId = "0000000000000000" }), Is.False, "another key id");
            Assert.That(verifier.Verify(signed with { Algorithm = "SM2" }), Is.False, "another algorithm");
            Assert.That(verifier.Verify(signed.Head, "not base64!"), Is.False, "not Base64");
            Assert.That(verifier.Verify(signed.Head, Convert.ToBase64String([0x30, 0x03, 0x02, 0x01, 0x01])), Is.False, "not a signature");
            Assert.That(verifier.Verify(signed.Head, ""), Is.False, "empty");
            Assert.That(verifier.Verify(signed.Head with { RootHash = [1, 2, 3] }, signed.Signature), Is.False, "a short root");
        }
    }

    [Test]
    public void KeyId_IsTheStartOfSm3OfTheSubjectPublicKeyInfo()
    {
        var pem = Keys.PublicKeyPem;
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));
        var digest = new SM3Digest();
        digest.BlockUpdate(der, 0, der.Length);
        var sm3 = new byte[32];
        digest.DoFinal(sm3, 0);

        Assert.That(Keys.KeyId, Is.EqualTo(Convert.ToHexStringLower(sm3)[..16]));
        Assert.That(new ReceiptVerifier(pem).KeyId, Is.EqualTo(Keys.KeyId));
    }

    [Test]
    public void OpenSslKey_LoadsWithTheSamePublicKeyAndKeyId()
    {
        var keys = ReceiptKeys.FromPrivateKeyPem(OpenSslPrivateKey);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.PublicKeyPem, Is.EqualTo(OpenSslPublicKey));
            Assert.That(keys.KeyId, Is.EqualTo(OpenSslKeyId));
            Assert.That(new ReceiptVerifier(OpenSslPublicKey).Verify(new ReceiptSigner(keys).Sign(SomeHead())), Is.True);
        }
    }

    [Test]
    public void OpenSslSignature_Verifies()
    {
        var verifier = new ReceiptVerifier(OpenSslPublicKey);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(HeadSignedByOpenSsl.ToSignedBytes(), Has.Length.EqualTo(122));
            Assert.That(verifier.Verify(HeadSignedByOpenSsl, OpenSslSignature), Is.True);
            Assert.That(verifier.Verify(HeadSignedByOpenSsl with { TreeSize = 9 }, OpenSslSignature), Is.False);
        }
    }

    [Test]
    public void Keys_UseTheSpecialisedCurveAndRoundTripThroughPem()
    {
        var pem = ReceiptKeys.GeneratePrivateKeyPem();
        var keys = ReceiptKeys.FromPrivateKeyPem(pem);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pem, Does.StartWith("-----BEGIN PRIVATE KEY-----\n"));
            // BouncyCastle's specialised (internal) curve class, not the generic FpCurve of GMNamedCurves.
            Assert.That(keys.PrivateKey.Parameters.Curve.GetType().Name, Is.EqualTo("SM2P256V1Curve"));
            Assert.That(keys.PublicKey.Parameters.Curve.GetType().Name, Is.EqualTo("SM2P256V1Curve"));
            Assert.That(ReceiptKeys.FromPrivateKeyPem(OpenSslPrivateKey).PrivateKey.Parameters.Curve.GetType().Name, Is.EqualTo("SM2P256V1Curve"));
            Assert.That(ReceiptKeys.FromPrivateKeyPem(pem).KeyId, Is.EqualTo(keys.KeyId));
        }
    }

    [Test]
    public void KeysOnOtherCurves_AreRefusedWithTheReason()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ReceiptKeys.FromPrivateKeyPem(p256.ExportPkcs8PrivateKeyPem()),
                Throws.InstanceOf<FormatException>().With.Message.Contains("SM2 curve"));
            Assert.That(() => new ReceiptVerifier(p256.ExportSubjectPublicKeyInfoPem()),
                Throws.InstanceOf<FormatException>().With.Message.Contains("SM2 curve"));
            Assert.That(() => ReceiptKeys.FromPrivateKeyPem(OpenSslPublicKey),
                Throws.InstanceOf<FormatException>().With.Message.Contains("BEGIN PRIVATE KEY"));
        }
    }

    private static TreeHead SomeHead() =>
        new(1_234_567, Sm3TreeHash.Hash("some root"u8), new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567));

    /// <summary>SM2 verification written directly against BouncyCastle, from the PEM alone.</summary>
    private static bool IndependentlyVerified(string publicKeyPem, byte[] message, byte[] der)
    {
        using var reader = new StringReader(publicKeyPem);
        var publicKey = (ECPublicKeyParameters)new PemReader(reader).ReadObject();
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(publicKey, Encoding.ASCII.GetBytes("1234567812345678")));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(der);
    }
}
