using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>The migrator on every engine: applies the scripts once, under a lock, and refuses a database newer than the code.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class MigrationTests(Engine engine)
{
    private static readonly string[] CoreTables =
    [
        "departments", "code_exceptions", "api_clients", "catalogue_entries", "catalogue_entry_versions", "subjects",
        "subject_names", "records", "record_revisions", "record_events", "list_types", "measures", "measure_versions",
        "measure_list_types", "change_log", "checks", "check_feedback", "tree_heads", "reports", "report_counters", "audit_log",
    ];

    private static DatabaseProvider Provider(Engine engine) => Enum.Parse<DatabaseProvider>(engine.ProviderName());

    private async Task<ConnectionSettings> FreshDatabaseAsync() =>
        new(Provider(engine), await TestEngines.CreateDatabaseAsync(engine));

    private static DatabaseMigrator Migrator(ConnectionSettings settings) =>
        new(settings, Options.Create(new DatabaseOptions { Provider = settings.Provider }), NullLogger<DatabaseMigrator>.Instance);

    [Test]
    public async Task Migrate_FreshDatabase_CreatesTheWholeModelAndIsIdempotent()
    {
        var settings = await FreshDatabaseAsync();

        var first = await Migrator(settings).MigrateAsync();
        var second = await Migrator(settings).MigrateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Applied, Has.Count.EqualTo(first.KnownScripts).And.Count.GreaterThan(0));
            Assert.That(first.Applied[0], Does.EndWith("0001_create_schema.sql"));
            Assert.That(second.Applied, Is.Empty);
        });
        await using var db = DatabaseExtensions.CreateDataSource(settings);
        await using var connection = await db.OpenConnectionAsync();
        foreach (var table in CoreTables)
        {
            // Every table exists and is empty: a query on it must succeed.
            Assert.That(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), Is.Zero, table);
        }
    }

    [Test]
    public async Task Migrate_TwoInstancesAtOnce_AppliesEachScriptOnce()
    {
        var settings = await FreshDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Migrator(settings).MigrateAsync())));

        Assert.Multiple(() =>
        {
            Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(results[0].KnownScripts), "each script applied by exactly one instance");
            Assert.That(results.Count(r => r.Applied.Count > 0), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Migrate_DatabaseNewerThanCode_RefusesWithClearMessage()
    {
        var settings = await FreshDatabaseAsync();
        await Migrator(settings).MigrateAsync();
        await using (var db = DatabaseExtensions.CreateDataSource(settings))
        await using (var connection = await db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(JournalInsert(settings.Provider),
                new { Name = "CreditKaizhou.Api.db.future.9999_add_tomorrow.sql", Applied = DateTime.UtcNow });
        }

        var refusal = Assert.ThrowsAsync<DatabaseNewerThanCodeException>(() => Migrator(settings).MigrateAsync());

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.UnknownScripts, Is.EqualTo(new[] { "CreditKaizhou.Api.db.future.9999_add_tomorrow.sql" }));
            Assert.That(refusal.Message, Does.Contain("newer version of the service").And.Contain("9999_add_tomorrow.sql"));
        });
    }

    private static string JournalInsert(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => "INSERT INTO schemaversions (scriptname, applied) VALUES (@Name, @Applied)",
        _ => "INSERT INTO SchemaVersions (ScriptName, Applied) VALUES (@Name, @Applied)",
    };
}
