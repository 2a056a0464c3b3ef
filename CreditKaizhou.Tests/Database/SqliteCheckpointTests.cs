using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>Commits never copy the write-ahead log into the database file; the background checkpointer does.</summary>
[Category("Sqlite")]
public sealed class SqliteCheckpointTests
{
    private string _dir = null!;
    private string _file = null!;
    private ConnectionSettings _settings = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        _dir = Directory.CreateTempSubdirectory("ck-checkpoint-").FullName;
        _file = Path.Combine(_dir, "t.db");
        _settings = new ConnectionSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        await using var connection = new SqliteConnection(_settings.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; CREATE TABLE t (v TEXT NOT NULL) STRICT;");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Commit_LargeTransaction_LeavesTheLogForTheCheckpointer()
    {
        // An open connection keeps SQLite from checkpointing when the writer's connection closes, as in a running service.
        await using var holder = new SqliteConnection(_settings.ConnectionString);
        await holder.OpenAsync();
        await holder.ExecuteScalarAsync<long>("SELECT count(*) FROM t");
        await using (var source = new SqliteDataSource(_settings.ConnectionString))
        {
            await WriteAsync(source, megabytes: 8);
        }

        var beforeCheckpoint = new FileInfo(_file).Length;
        Assert.That(new FileInfo(_file + "-wal").Length, Is.GreaterThan(8_000_000), "the commit went to the log");
        Assert.That(beforeCheckpoint, Is.LessThan(1_000_000), "the committing connection did not copy the log into the database");

        using var checkpointer = new SqliteCheckpointer(_settings,
            Options.Create(new DatabaseOptions { SqliteCheckpointInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(default);
        await Task.Delay(checkpointer.Interval * 4);
        await checkpointer.StopAsync(default);

        Assert.That(new FileInfo(_file).Length, Is.GreaterThan(8_000_000), "the checkpointer copied the log into the database");
    }

    [Test]
    public async Task Connection_WaitsForALockInsideSqlite_UpToItsTimeout()
    {
        // Without a busy timeout, Microsoft.Data.Sqlite retries a locked database itself, sleeping 150 ms between attempts.
        await using var source = new SqliteDataSource(_settings.ConnectionString);
        await using var connection = await source.OpenConnectionAsync();

        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(30_000));
    }

    [Test]
    public async Task SustainedCommits_TheLogStartsAgainFromItsBeginning()
    {
        // Commits and reads from several connections without a pause, as under load: a passive checkpoint alone never
        // catches up, so the log keeps every page written (62 MB with the restart switched off). About 40 MB of rows are
        // written; with a restart above 4 MiB the log stays under half of that (8.6–13 MB). The writers and readers run on threads
        // of their own and the checkpointer's rounds run here, so no thread pool timing decides the outcome.
        await using var holder = new SqliteConnection(_settings.ConnectionString); // keeps the last close from checkpointing
        await holder.OpenAsync();
        await using var source = new SqliteDataSource(_settings.ConnectionString);
        using var checkpointer = new SqliteCheckpointer(_settings,
            Options.Create(new DatabaseOptions { SqliteLogRestartMegabytes = 4 }), NullLogger<SqliteCheckpointer>.Instance);
        using var stop = new CancellationTokenSource();
        long maxLog = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = source.OpenConnection();
                connection.ExecuteScalar<long>("SELECT count(*) FROM t");
            }
        }, TaskCreationOptions.LongRunning)).ToList();
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 1_250 && !stop.IsCancellationRequested; i++)
            {
                using var connection = source.OpenConnection();
                using var tx = connection.BeginTransaction();
                connection.Execute("INSERT INTO t (v) VALUES (@V)", new { V = new string('x', 16_000) }, tx);
                tx.Commit();
                InterlockedMax(ref maxLog, new FileInfo(_file + "-wal").Length);
            }
        }, TaskCreationOptions.LongRunning)).ToList();
        try
        {
            while (!writers.All(w => w.IsCompleted))
            {
                await checkpointer.CheckpointOnceAsync(default);
                await Task.Delay(100);
            }

            await Task.WhenAll(writers);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }

        await checkpointer.CheckpointOnceAsync(default);
        TestContext.Out.WriteLine($"largest log: {maxLog:N0} bytes");
        Assert.Multiple(() =>
        {
            Assert.That(holder.ExecuteScalar<long>("SELECT count(*) FROM t"), Is.EqualTo(2_500), "every commit is there");
            Assert.That(new FileInfo(_file).Length, Is.GreaterThan(40_000_000), "the checkpointer copied the log into the database");
            Assert.That(maxLog, Is.LessThan(30_000_000), "the log started again from its beginning");
        });
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [TestCase("00:00:00")]
    [TestCase("-00:00:01")]
    [TestCase("-00:00:00.001")]
    [TestCase("01:00:00")]
    public void CheckpointInterval_OutsideItsRange_StopsTheServiceFromStarting(string interval) =>
        Assert.That(StartFailure("Database:SqliteCheckpointInterval", interval),
            Does.StartWith("Database:SqliteCheckpointInterval must lie between 00:00:00.0100000 and 00:10:00"));

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("65537")]
    public void LogRestartSize_OutsideItsRange_StopsTheServiceFromStarting(string megabytes) =>
        Assert.That(StartFailure("Database:SqliteLogRestartMegabytes", megabytes),
            Is.EqualTo("Database:SqliteLogRestartMegabytes must lie between 1 and 65536."));

    [TestCase("1")]
    [TestCase("4097")]
    public void BatchCacheSize_OutsideItsRange_StopsTheServiceFromStarting(string megabytes) =>
        Assert.That(StartFailure("Database:SqliteBatchCacheMegabytes", megabytes),
            Is.EqualTo("Database:SqliteBatchCacheMegabytes must lie between 2 and 4096."));

    /// <summary>The validation message that stops the service from starting with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    private static string StartFailure(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddDatabase().BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        return thrown!.Message;
    }

    [Test]
    public void CheckpointInterval_ByDefault_IsFiveSeconds_TheLogRestartsAbove1GiB_AndABatchHas64MiBOfCache()
    {
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddDatabase().BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.SqliteCheckpointInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.SqliteLogRestartMegabytes, Is.EqualTo(1024));
            Assert.That(options.SqliteBatchCacheMegabytes, Is.EqualTo(64));
        });
    }

    [Test]
    public async Task Commit_PlainConnection_CheckpointsByItself()
    {
        // The behaviour the data source turns off, shown on a connection of SQLite's defaults.
        await using (var connection = new SqliteConnection(_settings.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@V)", Enumerable.Range(0, 2000).Select(_ => new { V = new string('x', 4000) }), tx);
            await tx.CommitAsync();
            Assert.That(new FileInfo(_file).Length, Is.GreaterThan(8_000_000));
        }
    }

    private static async Task WriteAsync(SqliteDataSource source, int megabytes)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@V)",
            Enumerable.Range(0, megabytes * 250).Select(_ => new { V = new string('x', 4000) }), tx);
        await tx.CommitAsync();
    }
}
