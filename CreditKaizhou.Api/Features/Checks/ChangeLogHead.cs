using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Api.Features.Checks;

/// <summary>
/// The change log's head (the highest data version committed), read so that a caller always gets a value
/// read after it asked — never one read before, which could miss a commit made in between — while callers
/// that ask at the same moment share one read: a read starts only once its callers have all arrived, and the
/// callers who arrive while it runs wait for the next one. Under load this turns one database round trip per
/// check into one per batch of concurrent checks. On SQLite the read is a statement prepared once on a
/// connection of its own, stepped through the native interface.
/// </summary>
public sealed class ChangeLogHead : IDisposable
{
    private readonly DbDataSource _db;
    private readonly string? _sqliteConnectionString;
    private readonly Lock _gate = new();
    private TaskCompletionSource<long>? _waiting;
    private bool _reading;
    private SqliteConnection? _sqlite;
    private SqliteNativeStatement? _statement;

    public ChangeLogHead(DbDataSource db, ConnectionSettings settings)
    {
        _db = db;
        _sqliteConnectionString = settings.SqliteFile is not null ? settings.ConnectionString : null;
    }

    public Task<long> ReadAsync(CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(ct);
        }

        TaskCompletionSource<long> waiting;
        var start = false;
        lock (_gate)
        {
            waiting = _waiting ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading)
            {
                _reading = start = true;
            }
        }

        if (start)
        {
            _ = ReadForWaitersAsync();
        }

        return waiting.Task.WaitAsync(ct);
    }

    private async Task ReadForWaitersAsync()
    {
        while (true)
        {
            TaskCompletionSource<long> waiters;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _reading = false;
                    return;
                }

                // Everyone sharing this read arrived before it starts.
                waiters = _waiting;
                _waiting = null;
            }

            try
            {
                waiters.SetResult(_sqliteConnectionString is not null ? ReadSqlite() : await ReadPooledAsync());
            }
            catch (Exception e)
            {
                ResetSqlite();
                waiters.SetException(e);
            }

            // The caller that started the reading has its value: later rounds continue on the thread pool, not in its request.
            await Task.Yield();
        }
    }

    private long ReadSqlite()
    {
        if (_statement is null)
        {
            _sqlite = new SqliteConnection(_sqliteConnectionString);
            _sqlite.Open();
            _statement = new SqliteNativeStatement(_sqlite, ListIndexSql.DataVersion, []);
        }

        return _statement.ReadInt64();
    }

    private async Task<long> ReadPooledAsync()
    {
        await using var connection = await _db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(ListIndexSql.DataVersion);
    }

    private void ResetSqlite()
    {
        _statement?.Dispose();
        _statement = null;
        _sqlite?.Dispose();
        _sqlite = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            ResetSqlite();
        }
    }
}
