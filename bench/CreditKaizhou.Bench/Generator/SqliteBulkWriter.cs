using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CreditKaizhou.Bench.Generator;

/// <summary>
/// Inserts generated rows on a Microsoft.Data.Sqlite connection, one transaction per chunk, tuned for the load
/// alone: WAL, no syncing, a 2 GiB page cache and temporary B-trees in memory. The same columns the record store
/// writes, in the same forms; foreign keys stay on, so every row is checked as it goes in.
/// </summary>
/// <remarks>
/// The statements are prepared once on the connection's own SQLite handle and bound by position, the fields JSON
/// as the UTF-8 bytes the producer already has: a <see cref="SqliteCommand"/> looks each parameter up by name and
/// re-encodes each string on every execution, which made the inserts a fifth slower, on the one thread that
/// bounds the whole run.
/// </remarks>
internal sealed class SqliteBulkWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Statement _subject;
    private readonly Statement _subjectName;
    private readonly Statement _record;
    private readonly Statement _revision;
    private readonly Statement _event;
    private readonly Statement _change;

    public SqliteBulkWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, ForeignKeys = true, Mode = SqliteOpenMode.ReadWrite,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL");
        Execute("PRAGMA synchronous=OFF");
        Execute("PRAGMA cache_size=-2097152");
        Execute("PRAGMA temp_store=MEMORY");
        Execute("PRAGMA wal_autocheckpoint=100000");
        var db = _connection.Handle!;
        _subject = new Statement(db, """
            INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7)
            """);
        _subjectName = new Statement(db, """
            INSERT INTO subject_names (subject_id, seq, name, valid_from, recorded_by_record)
            VALUES (?1, 1, ?2, ?3, ?4)
            """);
        _record = new Statement(db, """
            INSERT INTO records (id, department_code, catalogue_code, subject_id, source_ref, current_revision, created_at, created_by)
            VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, NULL)
            """);
        _revision = new Statement(db, """
            INSERT INTO record_revisions (record_id, revision, entry_version, fields, decision_date, severity, effective_from,
                effective_to, publicity_until, payload_hash, recorded_at, recorded_by, reason)
            VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, NULL)
            """);
        _event = new Statement(db, """
            INSERT INTO record_events (id, record_id, kind, reason, effective_on, new_effective_to, recorded_at, recorded_by)
            VALUES (?1, ?2, 'revoked', ?3, ?4, NULL, ?5, NULL)
            """);
        _change = new Statement(db, """
            INSERT INTO change_log (version, subject_id, record_id, kind, changed_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            """);
    }

    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Write(Chunk chunk)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var s in chunk.Subjects)
        {
            _subject.Text(1, s.Id).Text(2, s.Type).Text(3, s.Code).Text(4, s.Name).Text(5, s.Status).Text(6, s.CreatedAt).Text(7, s.UpdatedAt).Run();
            _subjectName.Text(1, s.Id).Text(2, s.Name).Text(3, s.CreatedAt).Text(4, s.RegistrationRecordId).Run();
        }

        foreach (var r in chunk.Records)
        {
            _record.Text(1, r.Id).Text(2, r.DepartmentCode).Text(3, r.CatalogueCode).Text(4, r.SubjectId).Text(5, r.SourceRef).Text(6, r.RecordedAt).Run();
            _revision.Text(1, r.Id).Integer(2, r.EntryVersion).Utf8(3, r.Fields).Text(4, r.DecisionDate).Text(5, r.Severity)
                .Text(6, r.EffectiveFrom).Text(7, r.EffectiveTo).Text(8, r.PublicityUntil).Text(9, r.PayloadHash).Text(10, r.RecordedAt).Run();
        }

        foreach (var e in chunk.Events)
        {
            _event.Text(1, e.Id).Text(2, e.RecordId).Text(3, e.Reason).Text(4, e.EffectiveOn).Text(5, e.RecordedAt).Run();
        }

        tx.Commit();
    }

    /// <summary>Appends the change log after <paramref name="lastVersion"/>, in the order given.</summary>
    public void WriteChanges(IReadOnlyList<ChangeRow> changes, long lastVersion)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var c in changes)
        {
            _change.Integer(1, ++lastVersion).Text(2, c.SubjectId).Text(3, c.RecordId).Text(4, c.Kind).Text(5, c.ChangedAt).Run();
        }

        tx.Commit();
    }

    /// <summary>Back to the service's durability (synchronous=FULL) and the WAL folded into the database file.</summary>
    public void Finish()
    {
        Execute("PRAGMA synchronous=FULL");
        Execute("PRAGMA wal_autocheckpoint=1000");
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _subject, _subjectName, _record, _revision, _event, _change })
        {
            statement.Dispose();
        }

        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared statement with numbered parameters (?1, ?2 …), bound and stepped once per row.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private byte[] _utf8 = new byte[4096];

        public Statement(sqlite3 db, string sql)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        }

        public Statement Text(int index, string? value)
        {
            if (value is null)
            {
                Check(raw.sqlite3_bind_null(_statement, index));
                return this;
            }

            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > _utf8.Length)
            {
                _utf8 = new byte[max];
            }

            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again once bound.
            return Utf8(index, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
        }

        public Statement Utf8(int index, ReadOnlySpan<byte> value)
        {
            Check(raw.sqlite3_bind_text(_statement, index, value));
            return this;
        }

        public Statement Integer(int index, long value)
        {
            Check(raw.sqlite3_bind_int64(_statement, index, value));
            return this;
        }

        public void Run()
        {
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                throw Failure(rc);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw Failure(rc);
            }
        }

        private SqliteException Failure(int rc) =>
            new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }
}
