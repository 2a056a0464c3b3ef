using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// A larger SQLite page cache on one connection for the length of one large write, given back when disposed. SQLite's
/// default of 2 MiB holds a fraction of the pages that a batch of 10,000 records changes in its tables and indexes, so
/// they are evicted mid-transaction, spilled to the log and read back (with room for all of them, the benchmark's direct
/// store rate rose in two alternating pairs of runs of three, bench/README.md). Pooled connections keep the default, so
/// the memory is held only while such a write runs: a cache shrunk back frees its pages. <see cref="SqliteBulkConnection"/>
/// keeps a connection of its own, outside the pool, widened for large record batches; this is for a batch that finds it
/// taken.
/// </summary>
public sealed class SqlitePageCache : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly long _previous;

    private SqlitePageCache(DbConnection connection, long previous)
    {
        _connection = connection;
        _previous = previous;
    }

    /// <summary>Null on other engines, which size their caches for the server as a whole. Call before the transaction begins.</summary>
    public static async Task<SqlitePageCache?> WidenAsync(DbConnection connection, int megabytes, CancellationToken ct)
    {
        if (connection is not SqliteConnection)
        {
            return null;
        }

        var previous = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SizeSql(megabytes), cancellationToken: ct));
        return new SqlitePageCache(connection, previous);
    }

    /// <summary>Sets a connection's page cache to this many MiB (a negative size is in KiB).</summary>
    internal static string SizeSql(int megabytes) => $"PRAGMA cache_size = {-1024L * megabytes}";

    /// <summary>Call after the transaction has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            await _connection.ExecuteAsync($"PRAGMA cache_size = {_previous}");
        }
    }
}
