using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Tests.Database;

/// <summary>A record batch's connection has a larger page cache while it writes, and gives it back to the pool at SQLite's default.</summary>
[Category("Sqlite")]
public sealed class SqlitePageCacheTests
{
    [Test]
    public async Task Widened_HoldsTheGivenSize_AndDisposedGoesBackToWhatItWas()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var before = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");

        long during;
        await using (await SqlitePageCache.WidenAsync(connection, 64, CancellationToken.None))
        {
            during = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        }

        var after = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(-2000), "SQLite's default: 2,000 KiB");
            Assert.That(during, Is.EqualTo(-65536), "64 MiB, in KiB");
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Widen_OnAnotherEngine_DoesNothing()
    {
        await using var connection = new Npgsql.NpgsqlConnection("Host=127.0.0.1;Port=1");

        Assert.That(await SqlitePageCache.WidenAsync(connection, 64, CancellationToken.None), Is.Null);
    }
}
