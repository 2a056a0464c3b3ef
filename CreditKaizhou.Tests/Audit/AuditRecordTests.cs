using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Audit;

namespace CreditKaizhou.Tests.Audit;

/// <summary>An entry takes who from the caller's claims and refuses what the table would refuse, before it joins a group.</summary>
public sealed class AuditRecordTests
{
    private static readonly AccessEntry Profile = new(AccessActions.SubjectProfile, "91500154MA5UY8B35C", "重庆开州普利食品有限公司", "窗口查询", 1, null);

    [Test]
    public void Of_TakesClientNameAndRoleFromTheCaller_AndKeepsMicroseconds()
    {
        var id = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        var record = AuditRecord.Of(AuditDatabase.Caller(id, "区行政服务中心窗口", "clerk"), Profile, at);

        Assert.Multiple(() =>
        {
            Assert.That(record.ClientId, Is.EqualTo(id));
            Assert.That(record.ClientName, Is.EqualTo("区行政服务中心窗口"));
            Assert.That(record.Role, Is.EqualTo("clerk"));
            Assert.That(record.RecordedAt, Is.EqualTo(at.AddTicks(-7)));
            Assert.That(record.RecordedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(record.Purpose, Is.EqualTo("窗口查询"));
        });
    }

    [Test]
    public void Of_AnAnonymousCaller_HasNoClient()
    {
        var record = AuditRecord.Of(new ClaimsPrincipal(new ClaimsIdentity()), Profile, DateTimeOffset.UnixEpoch);

        Assert.That(new[] { record.ClientId?.ToString(), record.ClientName, record.Role }, Is.All.Null);
    }

    [Test]
    public void Of_AnOverlongPurposeOrANegativeSize_Throws()
    {
        var caller = AuditDatabase.Caller(Guid.CreateVersion7(), "窗口", "clerk");

        Assert.Multiple(() =>
        {
            Assert.That(() => AuditRecord.Of(caller, Profile with { Purpose = new string('查', 501) }, DateTimeOffset.UnixEpoch),
                Throws.ArgumentException.With.Message.Contains("Purpose"));
            Assert.That(() => AuditRecord.Of(caller, Profile with { ResultSize = -1 }, DateTimeOffset.UnixEpoch),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => AuditRecord.Of(caller, Profile with { Action = "" }, DateTimeOffset.UnixEpoch), Throws.ArgumentException);
        });
    }
}
