using CreditKaizhou.Bench;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Tests.Bench;

/// <summary>The ingestion benchmark's count of log pages, read from the log index's header, agrees with SQLite's own.</summary>
[Category("Sqlite")]
public sealed class SqliteLogTests
{
    private string _dir = null!;
    private string _file = null!;
    private SqliteConnection _connection = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        _dir = Directory.CreateTempSubdirectory("ck-sqlite-log-").FullName;
        _file = Path.Combine(_dir, "t.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (v TEXT NOT NULL) STRICT;");
    }

    [TearDown]
    public async Task DeleteAsync()
    {
        await _connection.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The frames in the log as SQLite reports them (a passive checkpoint's second column), without restarting it.</summary>
    private async Task<long> SqliteFramesAsync() =>
        (await _connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(PASSIVE)")).Log;

    private Task WriteAsync(int rows) => _connection.ExecuteAsync(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Rows) INSERT INTO t SELECT hex(randomblob(400)) FROM n",
        new { Rows = rows });

    [Test]
    public async Task Written_BetweenTwoCommits_IsTheFramesTheSecondAdded()
    {
        var log = new SqliteLog(_file);
        await WriteAsync(100);
        var before = log.Read();
        await WriteAsync(1000);
        var after = log.Read();
        var sqliteFrames = await SqliteFramesAsync(); // only now: a log fully checkpointed starts again at the next commit

        Assert.Multiple(() =>
        {
            Assert.That(after.Frames, Is.EqualTo(sqliteFrames));
            Assert.That(after.Salts, Is.EqualTo(before.Salts), "the log did not start again");
            Assert.That(before.Frames, Is.GreaterThan(0));
            Assert.That(SqliteLog.Written(before, after), Is.EqualTo(after.Frames - before.Frames).And.GreaterThan(200),
                "1,000 rows of 800 characters fill some 200 pages of 4 KiB");
        });
    }

    [Test]
    public async Task Written_AcrossARestartOfTheLog_IsTheFramesSinceTheRestart()
    {
        var log = new SqliteLog(_file);
        await WriteAsync(2000);
        var before = log.Read();
        await _connection.ExecuteAsync("PRAGMA wal_checkpoint(RESTART)");
        await WriteAsync(10);
        var after = log.Read();

        Assert.Multiple(async () =>
        {
            Assert.That(after.Salts, Is.Not.EqualTo(before.Salts), "the log started again");
            Assert.That(after.Frames, Is.LessThan(before.Frames));
            Assert.That(SqliteLog.Written(before, after), Is.EqualTo(after.Frames).And.EqualTo(await SqliteFramesAsync()));
        });
    }
}
