using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// Large record batches on SQLite share one kept connection with a widened page cache, one batch at a time; a batch that
/// does not commit closes it, and the pool never gets back a widened cache.
/// </summary>
[Category("Sqlite")]
public sealed class SqliteBulkConnectionTests
{
    private const long Wide = -65536; // 64 MiB, in KiB
    private const long SqliteDefault = -2000; // SQLite's default: 2,000 KiB

    private string _dir = null!;
    private SqliteDataSource _source = null!;
    private SqliteBulkConnection _bulk = null!;

    [SetUp]
    public void Create()
    {
        _dir = Directory.CreateTempSubdirectory("ck-bulk-connection-").FullName;
        _source = new SqliteDataSource(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "t.db"), Pooling = true }.ToString());
        _bulk = new SqliteBulkConnection(_source, Options.Create(new DatabaseOptions { SqliteBatchCacheMegabytes = 64 }));
    }

    [TearDown]
    public async Task DeleteAsync()
    {
        await _bulk.DisposeAsync();
        await _source.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Take_WhileTaken_GivesNull_AndAfterACommittedBatch_GivesTheSameConnectionWithItsCache()
    {
        var first = await _bulk.TakeAsync(CancellationToken.None);
        Assert.That(first, Is.Not.Null);
        var whileTaken = await _bulk.TakeAsync(CancellationToken.None);
        var cacheOfFirst = await first!.Connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        first.Keep();
        await first.DisposeAsync();

        await using var second = await _bulk.TakeAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(whileTaken, Is.Null, "a second batch at the same time takes a pooled connection instead");
            Assert.That(cacheOfFirst, Is.EqualTo(Wide));
            Assert.That(second!.Connection, Is.SameAs(first.Connection));
            Assert.That(second.Connection.State, Is.EqualTo(System.Data.ConnectionState.Open));
            Assert.That(await second.Connection.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(Wide));
        });
    }

    [Test]
    public async Task Lease_ReturnedWithoutACommit_ClosesTheConnection_AndThePoolGetsItBackWithTheDefaultCache()
    {
        var first = await _bulk.TakeAsync(CancellationToken.None);
        await first!.DisposeAsync();
        var closed = first.Connection.State;

        await using (var pooled = await _source.OpenConnectionAsync())
        {
            Assert.That(await pooled.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(SqliteDefault));
        }

        await using var second = await _bulk.TakeAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(closed, Is.EqualTo(System.Data.ConnectionState.Closed));
            Assert.That(second!.Connection, Is.Not.SameAs(first.Connection), "the next batch opens a fresh connection");
            Assert.That(await second.Connection.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(Wide));
        });
    }

    [Test]
    public async Task Disposed_ClosesTheConnection_AndTakesNoMore()
    {
        var lease = await _bulk.TakeAsync(CancellationToken.None);
        lease!.Keep();
        await lease.DisposeAsync();

        await _bulk.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(lease.Connection.State, Is.EqualTo(System.Data.ConnectionState.Closed));
            Assert.ThrowsAsync<ObjectDisposedException>(() => _bulk.TakeAsync(CancellationToken.None));
        });
    }

    [Test]
    public async Task Take_OnAnotherEngine_GivesNull()
    {
        await using var postgres = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
        await using var bulk = new SqliteBulkConnection(postgres, Options.Create(new DatabaseOptions()));

        Assert.That(await bulk.TakeAsync(CancellationToken.None), Is.Null);
    }
}
