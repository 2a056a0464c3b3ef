using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Checks;

/// <summary>
/// Two instances of the service on one PostgreSQL database: a record submitted through one bars the bidder in
/// the very next check through the other, although the other had already cached the lists in memory.
/// </summary>
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class TwoInstanceTests(Engine engine)
{
    [Test]
    public async Task RecordThroughInstanceA_BarsTheBidderInTheNextCheckThroughInstanceB()
    {
        await using var a = await ApiFactory.StartAsync(engine);
        await using var b = ApiFactory.StartOn(engine, a.ConnectionString);
        using var courtOnA = a.CreateClient("dev-dept-fy");
        using var biddingOnB = b.CreateClient("dev-bidding");

        var warm = await CheckScenarioTests.CheckAsync(biddingOnB, null, null);
        Assert.That(warm.GetProperty("results")[0].GetProperty("verdict").GetString(), Is.EqualTo("eligible"), "B has its lists in memory now");

        using var listed = await courtOnA.PostAsJsonAsync("/api/v1/records", CheckScenarioTests.DefaulterRecord());
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await listed.Content.ReadAsStringAsync());

        var next = await CheckScenarioTests.CheckAsync(biddingOnB, null, null);
        Assert.Multiple(() =>
        {
            Assert.That(next.GetProperty("results")[0].GetProperty("verdict").GetString(), Is.EqualTo("barred"));
            Assert.That(next.GetProperty("results")[1].GetProperty("verdict").GetString(), Is.EqualTo("barred"));
            Assert.That(next.GetProperty("dataVersion").GetInt64(), Is.GreaterThan(warm.GetProperty("dataVersion").GetInt64()));
        });

        // The receipts of both instances extend one tree: B's next check is leaf 2 after A's check and B's first.
        using var biddingOnA = a.CreateClient("dev-bidding");
        var onA = await CheckScenarioTests.CheckAsync(biddingOnA, null, null);
        var third = await CheckScenarioTests.CheckAsync(biddingOnB, null, null);
        Assert.Multiple(() =>
        {
            Assert.That(onA.GetProperty("receipt").GetProperty("leafIndex").GetInt64(), Is.EqualTo(2));
            Assert.That(third.GetProperty("receipt").GetProperty("leafIndex").GetInt64(), Is.EqualTo(3));
            Assert.That(third.GetProperty("receipt").GetProperty("treeSize").GetInt64(), Is.EqualTo(4));
        });
    }
}
