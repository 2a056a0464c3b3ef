using System.Security.Cryptography;
using System.Text;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Tests.Domain.Records;

public sealed class RecordPayloadTests
{
    /// <summary>Stored records keep their hashes: the text hashed must never change form, dates included.</summary>
    [TestCase(2026, null, "2026-10-15\ngeneral\n0001-01-01\n")]
    [TestCase(9999, 31, "9999-10-15\ngeneral\n0001-01-01\n9999-12-31")]
    public void Hash_IsTheSha256OfThePartsJoinedByLineFeeds(int year, int? lastDay, string tail)
    {
        var subject = new SubjectIdentity("91500154MA0000010X", "91500154MA0000010X", "开州商贸", "legal");
        const string fields = """{"a":"开州","n":1.5}""";

        var hash = RecordPayload.Hash("KZ-SCJGJ-XZCF", subject, fields, new DateOnly(year, 10, 15), "general", new DateOnly(1, 1, 1),
            lastDay is { } d ? new DateOnly(year, 12, d) : null);

        var text = $"KZ-SCJGJ-XZCF\n91500154MA0000010X\n开州商贸\nlegal\n{fields}\n{tail}";
        Assert.That(hash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))));
    }
}
