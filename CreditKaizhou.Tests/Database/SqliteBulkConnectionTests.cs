using System.Data;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// Large record batches on SQLite share one kept connection, outside the pool, with a widened page cache, one batch at a
/// time; a batch that does not commit closes it, and so does a minute without batches.
/// </summary>
[Category("Sqlite")]
public sealed class SqliteBulkConnectionTests
{
    private const long Wide = -65536; // 64 MiB, in KiB

    private string _dir = null!;
    private SqliteDataSource _source = null!;
    private SqliteBulkConnection _bulk = null!;

    [SetUp]
    public void Create()
    {
        _dir = Directory.CreateTempSubdirectory("ck-bulk-connection-").FullName;
        _source = new SqliteDataSource(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "t.db"), Pooling = true }.ToString());
        _bulk = Bulk(SqliteBulkConnection.DefaultIdleTimeout);
    }

    [TearDown]
    public async Task DeleteAsync()
    {
        await _bulk.DisposeAsync();
        await _source.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private SqliteBulkConnection Bulk(TimeSpan idleTimeout) => new(_source, Options.Create(new DatabaseOptions { SqliteBatchCacheMegabytes = 64 }),
        TimeProvider.System, NullLogger<SqliteBulkConnection>.Instance, idleTimeout);

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
            Assert.That(second.Connection.State, Is.EqualTo(ConnectionState.Open));
            Assert.That(await second.Connection.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(Wide));
        });
    }

    [Test]
    public async Task Connection_IsOutsideThePool_AndConfiguredAsThePooledOnesAre()
    {
        await using var lease = await _bulk.TakeAsync(CancellationToken.None);
        await using var pooled = await _source.OpenConnectionAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(new SqliteConnectionStringBuilder(lease!.Connection.ConnectionString).Pooling, Is.False,
                "closed, it is gone with its cache; the pool never holds a widened one");
            Assert.That(await lease.Connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.Zero, "commits leave the log to the checkpointer");
            Assert.That(await pooled.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.Zero);
            Assert.That(await pooled.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(-2000), "SQLite's default: 2,000 KiB");
        });
    }

    [Test]
    public async Task Lease_ReturnedWithoutACommit_ClosesTheConnection_AndTheNextBatchOpensAFreshOne()
    {
        var first = await _bulk.TakeAsync(CancellationToken.None);
        await first!.DisposeAsync();
        var closed = first.Connection.State;

        await using var second = await _bulk.TakeAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(closed, Is.EqualTo(ConnectionState.Closed));
            Assert.That(second!.Connection, Is.Not.SameAs(first.Connection));
            Assert.That(second.Connection.State, Is.EqualTo(ConnectionState.Open));
            Assert.That(await second.Connection.ExecuteScalarAsync<long>("PRAGMA cache_size"), Is.EqualTo(Wide));
        });
    }

    [Test]
    public async Task Take_Cancelled_Throws_AndTheNextTakeStillGetsTheConnection()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await _bulk.TakeAsync(cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        await using var lease = await _bulk.TakeAsync(CancellationToken.None);
        Assert.That(lease?.Connection.State, Is.EqualTo(ConnectionState.Open));
    }

    [Test]
    public async Task Kept_WithoutABatchForItsIdleTimeout_IsClosed()
    {
        await using var bulk = Bulk(TimeSpan.FromMilliseconds(200));
        var lease = await bulk.TakeAsync(CancellationToken.None);
        lease!.Keep();
        await lease.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (lease.Connection.State != ConnectionState.Closed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await using var next = await bulk.TakeAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(lease.Connection.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(next!.Connection, Is.Not.SameAs(lease.Connection), "the next batch opens a fresh connection");
        });
    }

    [Test]
    public async Task Disposed_ClosesTheConnection_AndTakeGivesNull()
    {
        var lease = await _bulk.TakeAsync(CancellationToken.None);
        lease!.Keep();
        await lease.DisposeAsync();

        await _bulk.DisposeAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(lease.Connection.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(await _bulk.TakeAsync(CancellationToken.None), Is.Null, "a batch racing the host's stop uses a pooled connection");
        });
    }

    [Test]
    public async Task Lease_ReturnedAfterDisposal_ClosesTheConnection()
    {
        var lease = await _bulk.TakeAsync(CancellationToken.None);
        var disposal = _bulk.DisposeAsync().AsTask();
        lease!.Keep();
        await lease.DisposeAsync();
        await disposal;

        Assert.That(lease.Connection.State, Is.EqualTo(ConnectionState.Closed));
    }

    [Test]
    public async Task Take_OnAnotherEngine_GivesNull()
    {
        await using var postgres = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
        await using var bulk = new SqliteBulkConnection(postgres, Options.Create(new DatabaseOptions()), TimeProvider.System,
            NullLogger<SqliteBulkConnection>.Instance);

        Assert.That(await bulk.TakeAsync(CancellationToken.None), Is.Null);
    }
}
