using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Checks;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Audit;

/// <summary>
/// The access log's chain on every engine: entries written through real checks and direct calls, then one entry
/// altered, removed or moved with plain SQL, and the verification (endpoint and command) names exactly that entry.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class AuditChainTests(Engine engine)
{
    private static readonly Guid ClerkId = Guid.Parse("0190f5c8-0000-7000-8000-00000000c1e4");

    [Test]
    public async Task Verify_UntouchedLog_IsValidWithEveryEntry()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await WriteSevenEntriesAsync(api);
        using var admin = api.CreateClient("dev-admin");

        var result = await VerifyAsync(admin);

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.True, result.GetRawText());
            Assert.That(result.GetProperty("entries").GetInt64(), Is.EqualTo(7));
            Assert.That(result.GetProperty("firstBroken").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(result.GetProperty("lastSequence").GetInt64(), Is.EqualTo(7));
            Assert.That(result.GetProperty("lastHash").GetString(), Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public async Task Verify_AfterOneEntryIsAltered_ReportsThatEntryAsAltered_AndTheCommandExitsWithOne()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await WriteSevenEntriesAsync(api);
        var before = await AuditDatabase.RunVerifyCommandAsync(api);
        await AuditDatabase.DisableGuardAsync(api);

        Assert.That(await AuditDatabase.AlterPurposeAsync(api, 4, "其他用途"), Is.EqualTo(1));

        using var admin = api.CreateClient("dev-admin");
        var result = await VerifyAsync(admin);
        var command = await AuditDatabase.RunVerifyCommandAsync(api);
        Assert.Multiple(() =>
        {
            Assert.That(before.ExitCode, Is.Zero, before.Error);
            Assert.That(before.Result.GetProperty("valid").GetBoolean(), Is.True);
            AssertBroken(result, 4, AuditProblems.Altered, entries: 7);
            Assert.That(command.ExitCode, Is.EqualTo(1), command.Error);
            AssertBroken(command.Result, 4, AuditProblems.Altered, entries: 7);
        });
    }

    [TestCase(3)]
    [TestCase(1)]
    public async Task Verify_AfterOneEntryIsDeleted_ReportsItsSequenceAsRemoved(long sequence)
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await WriteSevenEntriesAsync(api);
        await AuditDatabase.DisableGuardAsync(api);

        Assert.That(await AuditDatabase.DeleteAsync(api, sequence), Is.EqualTo(1));

        using var admin = api.CreateClient("dev-admin");
        AssertBroken(await VerifyAsync(admin), sequence, AuditProblems.Removed, entries: 6);
    }

    [Test]
    public async Task Verify_AfterTwoEntriesAreSwapped_ReportsTheFirstMovedEntryAsReordered()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await WriteSevenEntriesAsync(api);
        await AuditDatabase.DisableGuardAsync(api);

        await AuditDatabase.SwapAsync(api, 5, 6);

        using var admin = api.CreateClient("dev-admin");
        AssertBroken(await VerifyAsync(admin), 5, AuditProblems.Reordered, entries: 7);
    }

    [Test]
    public async Task Guard_RefusesUpdateAndDeleteOfEntries()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        await WriteSevenEntriesAsync(api);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await AuditDatabase.AlterPurposeAsync(api, 2, "x"), Throws.InstanceOf<System.Data.Common.DbException>());
            Assert.That(async () => await AuditDatabase.DeleteAsync(api, 2), Throws.InstanceOf<System.Data.Common.DbException>());
        });
    }

    [Test]
    public async Task WriteAsync_ManyConcurrentCallsAndChecksOnTwoInstances_LeaveOneUnbrokenChain()
    {
        await using var a = await ApiFactory.StartAsync(engine);
        await using var b = ApiFactory.StartOn(engine, a.ConnectionString);
        using var biddingOnA = a.CreateClient("dev-bidding");
        using var biddingOnB = b.CreateClient("dev-bidding");
        var caller = AuditDatabase.Caller(ClerkId, "窗口一", "clerk");

        var writes = Enumerable.Range(0, 400).Select(i => AuditDatabase.Writer(i % 2 == 0 ? a : b).WriteAsync(caller,
            new AccessEntry(AccessActions.SubjectProfile, $"91500154MA5U{i:D6}", $"主体 {i}", "窗口查询", i % 7, null), CancellationToken.None));
        var checks = Enumerable.Range(0, 20).Select(i => CheckScenarioTests.CheckAsync(i % 2 == 0 ? biddingOnA : biddingOnB, null, null));
        await Task.WhenAll([.. writes, .. checks]);

        using var admin = a.CreateClient("dev-admin");
        var result = await VerifyAsync(admin);
        Assert.Multiple(async () =>
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.True, result.GetRawText());
            Assert.That(result.GetProperty("entries").GetInt64(), Is.EqualTo(420));
            Assert.That(await AuditDatabase.SequencesAsync(a), Is.EqualTo(Enumerable.Range(1, 420).Select(i => (long)i)));
        });
    }

    /// <summary>Three checks and four direct entries, interleaved: sequences 1 to 7.</summary>
    private static async Task WriteSevenEntriesAsync(ApiFactory api)
    {
        using var bidding = api.CreateClient("dev-bidding");
        var writer = AuditDatabase.Writer(api);
        var clerk = AuditDatabase.Caller(ClerkId, "区行政服务中心窗口", "clerk");
        await CheckScenarioTests.CheckAsync(bidding, null, null);
        await writer.WriteAsync(clerk, new AccessEntry(AccessActions.SubjectProfile, CheckScenarioTests.CompanyX, "重庆开州普利食品有限公司",
            "办理招投标资格审查", 1, null), CancellationToken.None);
        await writer.WriteAsync(clerk, new AccessEntry(AccessActions.SubjectRecords, CheckScenarioTests.CompanyX, "重庆开州普利食品有限公司",
            "办理招投标资格审查", 12, null), CancellationToken.None);
        await CheckScenarioTests.CheckAsync(bidding, null, null);
        await writer.WriteAsync(clerk, new AccessEntry(AccessActions.ReportIssue, CheckScenarioTests.CompanyX, "重庆开州普利食品有限公司",
            "银行贷款", 14, "KZXY-20261126-000001"), CancellationToken.None);
        await writer.WriteAsync(clerk, new AccessEntry(AccessActions.ReportRead, null, null, null, 0, "KZXY-20261126-000001"), CancellationToken.None);
        await CheckScenarioTests.CheckAsync(bidding, null, null);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/v1/audit/verify");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static void AssertBroken(JsonElement result, long sequence, string problem, long entries)
    {
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.False, result.GetRawText());
        Assert.That(result.GetProperty("entries").GetInt64(), Is.EqualTo(entries), result.GetRawText());
        var broken = result.GetProperty("firstBroken");
        Assert.That(broken.GetProperty("sequence").GetInt64(), Is.EqualTo(sequence), result.GetRawText());
        Assert.That(broken.GetProperty("problem").GetString(), Is.EqualTo(problem), result.GetRawText());
    }
}
