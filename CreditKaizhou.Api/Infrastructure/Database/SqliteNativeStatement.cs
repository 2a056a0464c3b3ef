using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// One SQLite statement prepared once and run many times through the native interface: parameters
/// bound by position, no reader, no per-row name lookup. Microsoft.Data.Sqlite spends about three
/// quarters of a row insert's time finding parameters by name and setting up a reader; here the
/// engine's own work is what remains. Values are written in exactly the forms Microsoft.Data.Sqlite
/// writes (the schema's CHECK constraints and every read depend on them): GUIDs as upper-case 'D'
/// text, instants as 'yyyy-MM-dd HH:mm:ss.FFFFFFFzzz', dates as 'yyyy-MM-dd'.
/// </summary>
internal sealed class SqliteNativeStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _positions;
    private (DateTimeOffset Value, byte[] Text)? _instant;
    private byte[] _text = new byte[1024];

    public SqliteNativeStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement, out var tail);
        SqliteException.ThrowExceptionForRC(rc, _db);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("A bulk statement must be a single SQL statement.", nameof(sql));
        }

        _positions = new int[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var name = parameters[i].StartsWith('@') ? parameters[i] : "@" + parameters[i];
            _positions[i] = raw.sqlite3_bind_parameter_index(_statement, name);
            if (_positions[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {name}.", nameof(parameters));
            }
        }
    }

    public void Execute(ReadOnlySpan<object?> values)
    {
        if (values.Length != _positions.Length)
        {
            throw new ArgumentException($"Expected {_positions.Length} values, got {values.Length}.", nameof(values));
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(Bind(_positions[i], values[i]), _db);
            }

            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a parameterless query whose first row's first column is an integer.</summary>
    public long ReadInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                throw new InvalidOperationException("The query returned no row.");
            }

            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_column_int64(_statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private int Bind(int position, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, position),
        string s => BindText(position, s),
        Guid g => BindGuid(position, g),
        DateTimeOffset t => raw.sqlite3_bind_text(_statement, position, Instant(t)),
        DateOnly d => BindDate(position, d),
        int n => raw.sqlite3_bind_int64(_statement, position, n),
        long n => raw.sqlite3_bind_int64(_statement, position, n),
        bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
        double x => raw.sqlite3_bind_double(_statement, position, x),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
        _ => throw new NotSupportedException($"A bulk statement cannot bind a value of type {value.GetType().Name}."),
    };

    /// <summary>
    /// Text encoded into the statement's own buffer, reused row after row (SQLite copies bound text): binding a string
    /// the provider's way allocates its UTF-8 anew on every row, kilobytes for a record's fields. The empty string goes the
    /// provider's way, as an empty span would bind NULL.
    /// </summary>
    private int BindText(int position, string value)
    {
        if (value.Length == 0)
        {
            return raw.sqlite3_bind_text(_statement, position, value);
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _text.Length)
        {
            _text = new byte[Math.Max(most, 2 * _text.Length)];
        }

        return raw.sqlite3_bind_text(_statement, position, _text.AsSpan(0, Encoding.UTF8.GetBytes(value, _text)));
    }

    /// <summary>Upper-case 'D' text, formatted as UTF-8 on the stack (SQLite copies bound text).</summary>
    private int BindGuid(int position, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
        return raw.sqlite3_bind_text(_statement, position, text);
    }

    /// <summary>YYYY-MM-DD: "O" for a date, which formats without reading a pattern.</summary>
    private int BindDate(int position, DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(_statement, position, text);
    }

    /// <summary>A batch binds the same instant on every row: it is formatted (as UTF-8) once.</summary>
    private ReadOnlySpan<byte> Instant(DateTimeOffset value)
    {
        if (_instant is not { } last || last.Value != value || last.Value.Offset != value.Offset)
        {
            _instant = last = (value, Encoding.UTF8.GetBytes(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)));
        }

        return last.Text;
    }
}
