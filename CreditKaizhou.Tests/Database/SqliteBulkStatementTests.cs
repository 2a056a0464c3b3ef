using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// The native bulk path must store every value exactly as Microsoft.Data.Sqlite stores it through a
/// parameter, since the schema's CHECK constraints and every read depend on those forms.
/// </summary>
[Category("Sqlite")]
public sealed class SqliteBulkStatementTests
{
    private static readonly object?[][] Values =
    [
        [Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")],
        [new DateTimeOffset(2026, 11, 26, 5, 11, 40, TimeSpan.Zero).AddTicks(1_234_500)],
        [new DateTimeOffset(2026, 11, 26, 5, 11, 40, TimeSpan.Zero)],
        [new DateTimeOffset(2026, 11, 26, 13, 11, 40, TimeSpan.FromHours(8))],
        [new DateOnly(2026, 2, 28)],
        [42],
        [-9_007_199_254_740_993L],
        [true],
        [false],
        [0.1 + 0.2],
        ["重庆市开州区𠀀商贸有限公司 \"quoted\" 'x'"],
        [""],
        [null],
        [new byte[] { 0, 1, 2, 255 }],
    ];

    [TestCaseSource(nameof(Values))]
    public async Task Execute_Value_StoredAsMicrosoftDataSqliteStoresIt(object? value)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (k INTEGER NOT NULL, v ANY) STRICT");
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO t (k, v) VALUES (1, @V)", new { V = value }, tx);
        await using (var bulk = new BulkCommand(connection, tx, "INSERT INTO t (k, v) VALUES (@K, @V)", "K", "V"))
        {
            await bulk.AddAsync(default, 2, value);
        }

        await tx.CommitAsync();
        var rows = (await connection.QueryAsync<(string Type, string? Text)>("SELECT typeof(v), CAST(v AS TEXT) FROM t ORDER BY k")).ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[1], Is.EqualTo(rows[0]), $"stored through the parameter: {rows[0]}");
    }

    /// <summary>Text is encoded into one buffer the statement reuses: a longer row grows it, a shorter one after it keeps nothing of it.</summary>
    [Test]
    public async Task Execute_TextRowsOfEveryLength_EachStoredExactly()
    {
        string[] texts = [new string('信', 3000) + "尾", "短", "", "𠀀" + new string('x', 600), "a"];
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (k INTEGER NOT NULL, v ANY) STRICT");
        await using var tx = await connection.BeginTransactionAsync();
        await using (var bulk = new BulkCommand(connection, tx, "INSERT INTO t (k, v) VALUES (@K, @V)", "K", "V"))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                await bulk.AddAsync(default, i, texts[i]);
            }
        }

        await tx.CommitAsync();
        var stored = (await connection.QueryAsync<(string Type, string Text)>("SELECT typeof(v), v FROM t ORDER BY k")).ToList();
        Assert.That(stored, Is.EqualTo(texts.Select(t => ("text", t))));
    }

    [Test]
    public async Task Execute_ConstraintViolation_ThrowsSqliteExceptionAndStatementStaysUsable()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (k INTEGER NOT NULL PRIMARY KEY) STRICT");
        await using var tx = await connection.BeginTransactionAsync();
        await using (var bulk = new BulkCommand(connection, tx, "INSERT INTO t (k) VALUES (@K)", "K"))
        {
            await bulk.AddAsync(default, 1);
            var error = Assert.ThrowsAsync<SqliteException>(() => bulk.AddAsync(default, 1));
            Assert.That(error!.SqliteExtendedErrorCode, Is.EqualTo(1555), error.Message); // SQLITE_CONSTRAINT_PRIMARYKEY
            await bulk.AddAsync(default, 2);
        }

        await tx.CommitAsync();
        Assert.That(await connection.QueryAsync<long>("SELECT k FROM t ORDER BY k"), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task Execute_UnsupportedType_IsRefusedBeforeAnythingIsStored()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (v ANY) STRICT");
        await using var tx = await connection.BeginTransactionAsync();
        await using var bulk = new BulkCommand(connection, tx, "INSERT INTO t (v) VALUES (@V)", "V");
        Assert.ThrowsAsync<NotSupportedException>(() => bulk.AddAsync(default, 1.5m));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM t", transaction: tx), Is.Zero);
    }

    [Test]
    public async Task Constructor_UnknownParameter_IsRefused()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (v ANY) STRICT");
        await using var tx = await connection.BeginTransactionAsync();
        var error = Assert.Throws<ArgumentException>(() => _ = new BulkCommand(connection, tx, "INSERT INTO t (v) VALUES (@V)", "W"));
        Assert.That(error!.Message, Does.StartWith("The statement has no parameter @W."));
    }
}
