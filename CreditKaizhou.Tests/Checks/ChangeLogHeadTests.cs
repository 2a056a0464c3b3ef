using System.Data.Common;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Checks;

/// <summary>
/// The change log's head as checks read it: shared between concurrent callers, yet never a value read
/// before the caller asked, so a check never misses a commit that came before it.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class ChangeLogHeadTests(Engine engine)
{
    private static readonly Guid SubjectId = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 5, 30, 0, TimeSpan.Zero);
    private DbDataSource? _db;
    private ConnectionSettings _settings = null!;

    [SetUp]
    public async Task MigrateAsync()
    {
        _settings = new ConnectionSettings(Enum.Parse<DatabaseProvider>(engine.ProviderName()), await TestEngines.CreateDatabaseAsync(engine));
        await new DatabaseMigrator(_settings, Options.Create(new DatabaseOptions()), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        _db = DatabaseExtensions.CreateDataSource(_settings);
        await using var connection = await _db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
            VALUES (@Id, 'legal', '91500154MA5U00011A', '91500154MA5U00011A', '重庆市开州区测试有限公司', 'active', @At, @At)
            """, new { Id = SubjectId, At });
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public async Task ReadAsync_EmptyLogThenCommits_FollowsTheHead()
    {
        using var head = new ChangeLogHead(_db!, _settings);
        Assert.That(await head.ReadAsync(default), Is.Zero);

        await CommitAsync(1);
        await CommitAsync(2);

        Assert.That(await head.ReadAsync(default), Is.EqualTo(2));
    }

    [Test]
    public async Task ReadAsync_ConcurrentReadersWhileCommitting_NeverReturnAVersionOlderThanTheLastCommitBeforeTheCall()
    {
        using var head = new ChangeLogHead(_db!, _settings);
        const int Versions = 150;
        long committed = 0;
        var stale = new List<string>();
        var reads = 0;
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var v = 1; v <= Versions; v++)
            {
                await CommitAsync(v);
                Volatile.Write(ref committed, v);
                // Let the readers overlap every commit, however the machine schedules them.
                var seen = Volatile.Read(ref reads);
                while (Volatile.Read(ref reads) < seen + 3)
                {
                    await Task.Delay(1);
                }
            }

            await done.CancelAsync();
        });
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var before = Volatile.Read(ref committed);
                var read = await head.ReadAsync(default);
                Interlocked.Increment(ref reads);
                if (read < before)
                {
                    lock (stale)
                    {
                        stale.Add($"read {read} after {before} was committed");
                    }
                }
            }
        })).ToList();

        await writer;
        await Task.WhenAll(readers);

        Assert.Multiple(async () =>
        {
            Assert.That(stale, Is.Empty);
            Assert.That(reads, Is.GreaterThan(Versions), "the readers ran while the versions were committed");
            Assert.That(await head.ReadAsync(default), Is.EqualTo(Versions));
        });
    }

    [Test]
    public async Task ReadAsync_CancelledCaller_DoesNotDisturbTheOthers()
    {
        using var head = new ChangeLogHead(_db!, _settings);
        await CommitAsync(1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var cancelledRead = head.ReadAsync(cancelled.Token);
        var read = head.ReadAsync(default);

        Assert.That(() => cancelledRead, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await read, Is.EqualTo(1));
    }

    private async Task CommitAsync(long version)
    {
        await using var connection = await _db!.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO change_log (version, subject_id, record_id, kind, changed_at) VALUES (@Version, @SubjectId, NULL, 'records-added', @At)
            """, new { Version = version, SubjectId, At });
    }
}
