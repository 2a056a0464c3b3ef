using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Runs one parameterised statement for many rows inside a transaction, as fast as the engine
/// allows: where the provider supports <see cref="DbBatch"/> (PostgreSQL, SQL Server) rows go to
/// the server many statements per round trip; SQLite, in-process, runs one prepared statement per
/// row through its native interface (<see cref="SqliteNativeStatement"/>).
/// </summary>
public sealed class BulkCommand : IAsyncDisposable
{
    private const int StatementsPerBatch = 500;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _sql;
    private readonly string[] _parameters;
    private readonly SqliteNativeStatement? _sqlite;
    private DbBatch? _batch;

    public BulkCommand(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        _parameters = parameters;
        if (connection is SqliteConnection sqlite)
        {
            _sqlite = new SqliteNativeStatement(sqlite, sql, parameters);
        }
        else if (!connection.CanCreateBatch)
        {
            throw new NotSupportedException($"{connection.GetType().Name} supports neither batches nor native statements.");
        }
    }

    public async Task AddAsync(CancellationToken ct, params object?[] values)
    {
        if (_sqlite is not null)
        {
            // In-process SQLite gains nothing from the async path but its overhead.
            ct.ThrowIfCancellationRequested();
            _sqlite.Execute(values);
            return;
        }

        _batch ??= NewBatch();
        var command = _batch.CreateBatchCommand();
        command.CommandText = _sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = _parameters[i];
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= StatementsPerBatch)
        {
            await FlushAsync(ct);
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            await _batch.ExecuteNonQueryAsync(ct);
            await _batch.DisposeAsync();
            _batch = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();

        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }

    private DbBatch NewBatch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        return batch;
    }
}
