using CreditKaizhou.Api.Infrastructure.Database;

namespace CreditKaizhou.Tests.Database;

public sealed class BulkIdsTests
{
    /// <summary>Across several draws of random bits: every id is an RFC 9562 version 7 GUID of the time it was made, and no two are equal.</summary>
    [Test]
    public void Next_AcrossSeveralDraws_GivesDistinctVersion7IdsOfTheirTime()
    {
        var ids = new BulkIds();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var made = Enumerable.Range(0, 3 * BulkIds.Draw + 5).Select(_ => ids.Next()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.That(made, Is.Unique);
        foreach (var id in made)
        {
            var bytes = id.ToByteArray(bigEndian: true);
            var milliseconds = bytes[..6].Aggregate(0L, (value, b) => (value << 8) | b);
            Assert.Multiple(() =>
            {
                Assert.That(id.Version, Is.EqualTo(7), id.ToString());
                Assert.That(bytes[8] & 0xC0, Is.EqualTo(0x80), $"variant of {id}");
                Assert.That(milliseconds, Is.InRange(before, after), id.ToString());
            });
        }
    }

    /// <summary>The random bits are not one draw repeated: the 74 random bits of the ids of one draw differ from the next draw's.</summary>
    [Test]
    public void Next_TheNextDraw_HasOtherRandomBits()
    {
        var ids = new BulkIds();
        static string RandomBits(Guid id) => Convert.ToHexString(id.ToByteArray(bigEndian: true)[6..]);
        var first = Enumerable.Range(0, BulkIds.Draw).Select(_ => RandomBits(ids.Next())).ToHashSet();
        var second = Enumerable.Range(0, BulkIds.Draw).Select(_ => RandomBits(ids.Next())).ToList();

        Assert.That(second.Where(first.Contains), Is.Empty);
    }
}
