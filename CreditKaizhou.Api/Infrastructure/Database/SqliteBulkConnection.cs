using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// One SQLite connection kept open, with a page cache of <see cref="DatabaseOptions.SqliteBatchCacheMegabytes"/>, for large
/// record batches, one batch at a time. SQLite keeps a connection's cached pages from one transaction to the next unless
/// another connection has committed in between (when a transaction begins, it compares the write-ahead log's header with
/// the one it saw last, and drops the whole cache if it changed). So a batch that follows another, as a department's import
/// sent in parts does, finds cached the index pages that it changes too. On a connection whose cache was widened for one
/// batch and shrunk afterwards, every batch read those pages back and allocated the cache's memory anew.
/// <list type="bullet">
/// <item>The connection is outside the pool, configured as the pooled ones are: closing it frees its cache, and the pool
/// never holds a widened one.</item>
/// <item>It is closed after <see cref="IdleTimeout"/> without a batch, so its cache's memory (up to the configured size)
/// is held only while batches come; and after a batch that did not commit, so that the next one opens a fresh
/// connection.</item>
/// <item>A batch that finds it taken gets null from <see cref="TakeAsync"/> and uses a pooled connection, widened for
/// its length (<see cref="SqlitePageCache"/>).</item>
/// <item>Other engines have no such connection: their servers cache pages for all connections.</item>
/// </list>
/// </summary>
public sealed class SqliteBulkConnection : IAsyncDisposable, IDisposable
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The longest disposal waits for a batch still holding the connection; that batch's lease then closes it.</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _free = new(1, 1);
    private readonly SqliteDataSource? _db;
    private readonly int _megabytes;
    private readonly TimeProvider _clock;
    private readonly ITimer _idle;
    private readonly ILogger<SqliteBulkConnection> _logger;
    private DbConnection? _connection;
    private long _returnedAt;
    private volatile bool _disposed;

    public SqliteBulkConnection(DbDataSource db, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<SqliteBulkConnection> logger)
        : this(db, options, clock, logger, DefaultIdleTimeout)
    {
    }

    internal SqliteBulkConnection(DbDataSource db, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<SqliteBulkConnection> logger,
        TimeSpan idleTimeout)
    {
        _db = db as SqliteDataSource;
        _megabytes = options.Value.SqliteBatchCacheMegabytes;
        _clock = clock;
        _logger = logger;
        IdleTimeout = idleTimeout;
        _idle = clock.CreateTimer(_ => _ = CloseIfIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan IdleTimeout { get; }

    /// <summary>The connection, open, for one batch; null when another batch has it, after disposal, or on another engine.</summary>
    public async Task<Lease?> TakeAsync(CancellationToken ct)
    {
        if (_db is null || _disposed || !_free.Wait(0))
        {
            return null;
        }

        var taken = false;
        try
        {
            if (_disposed)
            {
                return null;
            }

            _connection ??= await OpenAsync(_db, ct);
            taken = true;
            return new Lease(this, _connection);
        }
        finally
        {
            if (!taken)
            {
                _free.Release();
            }
        }
    }

    private async Task<DbConnection> OpenAsync(SqliteDataSource db, CancellationToken ct)
    {
        var connection = db.CreateUnpooledConnection();
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(SqlitePageCache.SizeSql(_megabytes), cancellationToken: ct));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Called while holding the connection (or at disposal): closing it frees its cache.</summary>
    private async Task CloseAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The idle timer's work: closes the connection unless a batch has it or had it within the timeout. A timer may fire a
    /// little early by the clock it is compared with: it is then set again for the rest.
    /// </summary>
    private async Task CloseIfIdleAsync()
    {
        if (!_free.Wait(0))
        {
            return; // a batch has it; returning it starts the timer again
        }

        try
        {
            var idle = _clock.GetElapsedTime(_returnedAt);
            if (_connection is null || _disposed)
            {
                return;
            }

            if (idle >= IdleTimeout)
            {
                await CloseAsync();
            }
            else
            {
                _idle.Change(IdleTimeout - idle, Timeout.InfiniteTimeSpan);
            }
        }
        catch (DbException e)
        {
            _logger.LogWarning(e, "Closing the idle SQLite bulk connection failed");
        }
        finally
        {
            _free.Release();
        }
    }

    /// <summary>At the host's stop, after requests have drained.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _idle.DisposeAsync();
        if (!await _free.WaitAsync(DisposeWait))
        {
            _logger.LogWarning("A record batch still held the SQLite bulk connection after {Wait}; it closes the connection when it ends", DisposeWait);
            return;
        }

        try
        {
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
                if (!_keep || owner._disposed)
                {
                    await owner.CloseAsync();
                }
                else
                {
                    owner._returnedAt = owner._clock.GetTimestamp();
                    owner._idle.Change(owner.IdleTimeout, Timeout.InfiniteTimeSpan);
                }
            }
            finally
            {
                owner._free.Release();
            }
        }
    }
}
