using System.Security.Cryptography;
using System.Text;
using CreditKaizhou.Api.Infrastructure.Audit;

namespace CreditKaizhou.Tests.Audit;

/// <summary>The chain's hash follows its documented encoding byte for byte, and no two different entries encode alike.</summary>
public sealed class AuditHashTests
{
    private static readonly AuditRecord Entry = new(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero).AddTicks(1234560),
        Guid.Parse("0190f5c8-1234-7abc-8def-0123456789ab"), "区行政服务中心窗口", "clerk", "subject.profile", "91500154MA5UY8B35C",
        "重庆开州普利食品有限公司", "办理招投标资格审查", 12, null);

    [Test]
    public void Compute_FollowsTheDocumentedEncoding()
    {
        var previous = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var expected = new List<byte>();
        expected.AddRange("creditkaizhou-access-audit/v1\0"u8.ToArray());
        expected.AddRange(BigEndian(1_795_681_800_123_456L)); // 2026-11-26T08:30:00.123456Z in microseconds since 1970
        foreach (var text in new[] { "0190f5c8-1234-7abc-8def-0123456789ab", "区行政服务中心窗口", "clerk", "subject.profile",
                     "91500154MA5UY8B35C", "重庆开州普利食品有限公司", "办理招投标资格审查" })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            expected.Add(1);
            expected.AddRange(BigEndian(bytes.Length));
            expected.AddRange(bytes);
        }

        expected.AddRange(BigEndian(12));
        expected.Add(0); // no reference
        expected.AddRange(previous);

        Assert.That(Convert.ToHexStringLower(AuditHash.Compute(Entry, previous)),
            Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(expected.ToArray()))));
    }

    [Test]
    public void Compute_TellsApartFieldsThatWouldConcatenateAlike()
    {
        var genesis = AuditHash.Genesis;
        var shifted = Entry with { ClientName = Entry.ClientName + "c", Role = "lerk" };
        var empty = Entry with { Reference = "" };
        var moved = Entry with { Purpose = null, Reference = Entry.Purpose };

        var hashes = new[] { Entry, shifted, empty, moved }.Select(e => Convert.ToHexStringLower(AuditHash.Compute(e, genesis))).ToList();

        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void Compute_ChangesWithThePreviousHash()
    {
        var other = new byte[32];
        other[31] = 1;

        Assert.That(AuditHash.Compute(Entry, other), Is.Not.EqualTo(AuditHash.Compute(Entry, AuditHash.Genesis)));
    }

    [Test]
    public void Genesis_IsThirtyTwoZeroBytes() => Assert.That(AuditHash.Genesis, Is.EqualTo(new byte[32]));

    private static byte[] BigEndian(long value) => [.. BitConverter.GetBytes(value).Reverse()];

    private static byte[] BigEndian(int value) => [.. BitConverter.GetBytes(value).Reverse()];
}
