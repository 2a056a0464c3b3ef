using System.Data.Common;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Runs one parameterised statement for many rows inside a transaction, as fast as the engine
/// allows: where the provider supports <see cref="DbBatch"/> (PostgreSQL, SQL Server) rows go to
/// the server many statements per round trip; SQLite, in-process, reuses one prepared command.
/// </summary>
public sealed class BulkCommand : IAsyncDisposable
{
    private const int StatementsPerBatch = 500;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _sql;
    private readonly string[] _parameters;
    private readonly DbCommand? _command;
    private DbBatch? _batch;

    public BulkCommand(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        _parameters = parameters;
        if (!connection.CanCreateBatch)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = name;
                _command.Parameters.Add(parameter);
            }
        }
    }

    public async Task AddAsync(CancellationToken ct, params object?[] values)
    {
        if (_command is not null)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            // In-process SQLite gains nothing from the async path but its overhead.
            ct.ThrowIfCancellationRequested();
            _command.ExecuteNonQuery();
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
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

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
