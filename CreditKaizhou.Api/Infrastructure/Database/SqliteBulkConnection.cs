using System.Data.Common;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// One SQLite connection kept open, with a page cache of <see cref="DatabaseOptions.SqliteBatchCacheMegabytes"/>, for large
/// record batches, one batch at a time. SQLite keeps a connection's cached pages from one transaction to the next unless
/// another connection has committed in between (it compares the write-ahead log's header when a transaction begins, and
/// drops the whole cache when it changed). So a batch that follows another, as a department's import sent in parts does,
/// finds cached the index pages that it changes too. On a connection whose cache is widened for one batch and shrunk
/// afterwards, every batch reads those pages back and allocates the cache's memory anew.
/// The memory held is bounded: one connection's cache, freed by SQLite itself whenever another connection's commit makes it
/// stale. A batch that finds the connection taken returns null from <see cref="TakeAsync"/> and uses a pooled connection
/// (with <see cref="SqlitePageCache"/>). A batch that ends without committing closes the connection, so the next batch opens
/// a fresh one. Other engines have no such connection: their servers cache pages for all connections.
/// </summary>
public sealed class SqliteBulkConnection(DbDataSource db, IOptions<DatabaseOptions> options) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _free = new(1, 1);
    private readonly int _megabytes = options.Value.SqliteBatchCacheMegabytes;
    private DbConnection? _connection;
    private SqlitePageCache? _cache;
    private bool _disposed;

    /// <summary>The connection, open, for one batch; null when another batch has it, or on another engine.</summary>
    public async Task<Lease?> TakeAsync(CancellationToken ct)
    {
        if (db is not SqliteDataSource || !_free.Wait(0))
        {
            return null;
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                var connection = await db.OpenConnectionAsync(ct);
                try
                {
                    _cache = await SqlitePageCache.WidenAsync(connection, _megabytes, ct);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }

                _connection = connection;
            }

            return new Lease(this, _connection);
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    /// <summary>Closes the connection, its cache given back first, so that the pool never holds a widened cache.</summary>
    private async Task CloseAsync()
    {
        var (connection, cache) = (_connection, _cache);
        (_connection, _cache) = (null, null);
        try
        {
            if (cache is not null)
            {
                await cache.DisposeAsync();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>At the host's stop, after requests have drained: waits for a batch still holding the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _free.WaitAsync();
        try
        {
            _disposed = true;
            await CloseAsync();
        }
        finally
        {
            _free.Release();
        }
    }

    /// <summary>For a container disposed synchronously: SQLite's calls complete synchronously underneath.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The connection for one batch. Disposed, it is kept for the next batch after <see cref="Keep"/>, else closed.</summary>
    public sealed class Lease(SqliteBulkConnection owner, DbConnection connection) : IAsyncDisposable
    {
        private bool _keep;
        private bool _returned;

        public DbConnection Connection { get; } = connection;

        /// <summary>Call after the batch's transaction has committed.</summary>
        public void Keep() => _keep = true;

        public async ValueTask DisposeAsync()
        {
            if (_returned)
            {
                return;
            }

            _returned = true;
            try
            {
                if (!_keep)
                {
                    await owner.CloseAsync();
                }
            }
            finally
            {
                owner._free.Release();
            }
        }
    }
}
