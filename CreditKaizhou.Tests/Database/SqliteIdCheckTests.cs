using System.Text.RegularExpressions;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// SQLite keeps ids as text, held by CHECK constraints to the one form Microsoft.Data.Sqlite binds a Guid in (36 characters,
/// upper-case hex digits in pairs, hyphens): 0007_replace_id_checks gave them a cheaper form of the same rule.
/// </summary>
[Category("Sqlite")]
public sealed class SqliteIdCheckTests
{
    private const string Valid = "0191A2B3-C4D5-7E6F-8091-A2B3C4D5E6F7";
    private const string At = "2026-11-26 05:11:40.1+00:00";

    private static async Task<SqliteConnection> MigratedAsync()
    {
        var settings = new ConnectionSettings(DatabaseProvider.Sqlite, await TestEngines.CreateDatabaseAsync(Engine.Sqlite));
        await new DatabaseMigrator(settings, Options.Create(new DatabaseOptions { Provider = settings.Provider }),
            NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static Task<int> InsertSubjectAsync(SqliteConnection connection, string id, string key) => connection.ExecuteAsync("""
        INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
        VALUES (@Id, 'legal', @Key, 'c', '名称', 'active', @At, @At)
        """, new { Id = id, Key = key, At });

    [TestCase(Valid, true)]
    [TestCase("0191a2b3-c4d5-7e6f-8091-a2b3c4d5e6f7", false, TestName = "{m}(lower case)")]
    [TestCase("0191A2B3-C4D5-7E6F-8091-A2B3C4D5E6FG", false, TestName = "{m}(not a hex digit)")]
    [TestCase("0191A2B3-C4D5-7E6F-8091-A2B3C4D5E6F", false, TestName = "{m}(35 characters)")]
    [TestCase("0191A2B3-C4D5-7E6F-8091-A2B3C4D5E6F70", false, TestName = "{m}(37 characters)")]
    [TestCase(" 191A2B3-C4D5-7E6F-8091-A2B3C4D5E6F7", false, TestName = "{m}(a space)")]
    [TestCase("0191A2B-3C4D5-7E6F-8091-A2B3C4D5E6F7", false, TestName = "{m}(digits not in pairs)")]
    public async Task Insert_SubjectId_IsCheckedForTheGuidForm(string id, bool accepted)
    {
        await using var connection = await MigratedAsync();

        if (accepted)
        {
            Assert.That(await InsertSubjectAsync(connection, id, "k"), Is.EqualTo(1));
        }
        else
        {
            var e = Assert.ThrowsAsync<SqliteException>(() => InsertSubjectAsync(connection, id, "k"));
            Assert.That(e!.Message, Does.Contain("CHECK constraint failed: ck_subjects_id"));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM subjects"), Is.Zero);
        }
    }

    [Test]
    public async Task Insert_NullableIdColumn_TakesNullAndRefusesAMalformedId()
    {
        await using var connection = await MigratedAsync();
        const string insert = "INSERT INTO code_exceptions (code, reason, created_at, created_by) VALUES (@Code, '理由', @At, @By)";

        await connection.ExecuteAsync(insert, new { Code = "A", At, By = (string?)null });
        await connection.ExecuteAsync(insert, new { Code = "B", At, By = Valid });
        var e = Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(insert, new { Code = "C", At, By = "not-a-guid" }));

        Assert.That(e!.Message, Does.Contain("CHECK constraint failed: ck_code_exceptions_created_by"));
        Assert.That(await connection.QueryAsync<string>("SELECT code FROM code_exceptions ORDER BY code"), Is.EqualTo(new[] { "A", "B" }));
    }

    /// <summary>
    /// Every id check of 0001 and 0004 (found there by its GLOB form) is, after the migration, in its table under the same
    /// name, on the same column, in the new form; and no GLOB form of an id check is left.
    /// </summary>
    [Test]
    public async Task Migrate_Fresh_EveryIdCheckHasTheNewFormUnderItsName()
    {
        var expected = new List<(string Table, string Name, string Column)>();
        foreach (var file in MigrationFiles.In("sqlite").Take(6))
        {
            string? table = null;
            foreach (var line in File.ReadLines(MigrationFiles.FullPath(file)))
            {
                if (Regex.Match(line, @"^CREATE TABLE (\w+)") is { Success: true } created)
                {
                    table = created.Groups[1].Value;
                }

                if (Regex.Match(line, @"CONSTRAINT (\w+) CHECK \(length\((\w+)\) = 36 AND \2 NOT GLOB '\*\[\^0-9A-F-\]\*'\)")
                    is { Success: true } check)
                {
                    expected.Add((table!, check.Groups[1].Value, check.Groups[2].Value));
                }
            }
        }

        await using var connection = await MigratedAsync();
        var tables = (await connection.QueryAsync<(string Name, string Sql)>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'"))
            .ToDictionary(t => t.Name, t => t.Sql);

        Assert.That(expected, Has.Count.EqualTo(20), "the id checks of 0001 and 0004");
        Assert.That(tables.Values.Where(sql => sql.Contains("NOT GLOB '*[^0-9A-F-]*'", StringComparison.Ordinal)), Is.Empty);
        foreach (var (table, name, column) in expected)
        {
            var check = $"CONSTRAINT {name} CHECK ({column} IS NULL OR (length({column}) = 36 AND unhex({column}, '-') IS NOT NULL AND upper({column}) = {column}))";
            Assert.That(tables[table].Split(check).Length - 1, Is.EqualTo(1), $"{table}: {check}");
        }
    }

    /// <summary>
    /// On a database with rows, the script keeps the rows and the checks hold them; a row the old check let through and the
    /// new one does not (hex digits not in pairs) makes the script fail, naming the rule, and nothing of it is applied. The
    /// script runs as one command, as DbUp runs it.
    /// </summary>
    [Test]
    public async Task Script_OnADatabaseWithRows_KeepsThemOrFailsWhole()
    {
        var scripts = MigrationFiles.In("sqlite").Select(f => File.ReadAllText(MigrationFiles.FullPath(f))).ToList();
        Assert.That(MigrationFiles.In("sqlite")[6], Is.EqualTo("sqlite/0007_replace_id_checks.sql"));

        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        foreach (var script in scripts.Take(6))
        {
            await connection.ExecuteAsync(script);
        }

        await InsertSubjectAsync(connection, Valid, "k1");
        await InsertSubjectAsync(connection, "0191A2B-3C4D5-7E6F-8091-A2B3C4D5E6F7", "k2");

        await using (var tx = await connection.BeginTransactionAsync())
        {
            var e = Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(scripts[6], transaction: tx));
            Assert.That(e!.Message, Does.Contain("CHECK constraint failed: every_stored_id_is_an_upper_case_guid_with_its_digits_in_pairs"));
        }

        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_schema WHERE name = 'subjects'"),
            Does.Contain("NOT GLOB"), "the guard refused before any check was dropped");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM temp.sqlite_schema"), Is.Zero,
            "the guard's table went with the rollback");

        await connection.ExecuteAsync("DELETE FROM subjects WHERE lookup_key = 'k2'");
        await connection.ExecuteAsync(scripts[6]);

        Assert.That(await connection.QueryAsync<string>("SELECT id FROM subjects"), Is.EqualTo(new[] { Valid }));
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }
}
