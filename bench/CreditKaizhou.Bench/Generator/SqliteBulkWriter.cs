using Microsoft.Data.Sqlite;

namespace CreditKaizhou.Bench.Generator;

/// <summary>
/// Inserts generated rows with prepared Microsoft.Data.Sqlite commands, one transaction per chunk, on a connection
/// tuned for the load alone: WAL, no syncing, a 2 GiB page cache and temporary B-trees in memory. The same
/// columns the record store writes, in the same forms; foreign keys stay on, so every row is checked as it goes in.
/// </summary>
internal sealed class SqliteBulkWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _subject;
    private readonly SqliteCommand _subjectName;
    private readonly SqliteCommand _record;
    private readonly SqliteCommand _revision;
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _change;

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
        _subject = Prepare("""
            INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
            VALUES ($1, $2, $3, $3, $4, $5, $6, $7)
            """, 7);
        _subjectName = Prepare("""
            INSERT INTO subject_names (subject_id, seq, name, valid_from, recorded_by_record)
            VALUES ($1, 1, $2, $3, $4)
            """, 4);
        _record = Prepare("""
            INSERT INTO records (id, department_code, catalogue_code, subject_id, source_ref, current_revision, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, 1, $6, NULL)
            """, 6);
        _revision = Prepare("""
            INSERT INTO record_revisions (record_id, revision, entry_version, fields, decision_date, severity, effective_from,
                effective_to, publicity_until, payload_hash, recorded_at, recorded_by, reason)
            VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL)
            """, 10);
        _event = Prepare("""
            INSERT INTO record_events (id, record_id, kind, reason, effective_on, new_effective_to, recorded_at, recorded_by)
            VALUES ($1, $2, 'revoked', $3, $4, NULL, $5, NULL)
            """, 5);
        _change = Prepare("""
            INSERT INTO change_log (version, subject_id, record_id, kind, changed_at)
            VALUES ($1, $2, $3, $4, $5)
            """, 5);
    }

    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Write(Chunk chunk)
    {
        using var tx = _connection.BeginTransaction();
        Enlist(tx);
        foreach (var s in chunk.Subjects)
        {
            Run(_subject, s.Id, s.Type, s.Code, s.Name, s.Status, s.CreatedAt, s.UpdatedAt);
            Run(_subjectName, s.Id, s.Name, s.CreatedAt, s.RegistrationRecordId);
        }

        foreach (var r in chunk.Records)
        {
            Run(_record, r.Id, r.DepartmentCode, r.CatalogueCode, r.SubjectId, r.SourceRef, r.RecordedAt);
            Run(_revision, r.Id, r.EntryVersion, r.Fields, r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo, r.PublicityUntil,
                r.PayloadHash, r.RecordedAt);
        }

        foreach (var e in chunk.Events)
        {
            Run(_event, e.Id, e.RecordId, e.Reason, e.EffectiveOn, e.RecordedAt);
        }

        tx.Commit();
    }

    /// <summary>Appends the change log after <paramref name="lastVersion"/>, in the order given.</summary>
    public void WriteChanges(IReadOnlyList<ChangeRow> changes, long lastVersion)
    {
        using var tx = _connection.BeginTransaction();
        Enlist(tx);
        foreach (var c in changes)
        {
            Run(_change, ++lastVersion, c.SubjectId, c.RecordId, c.Kind, c.ChangedAt);
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
        foreach (var command in new[] { _subject, _subjectName, _record, _revision, _event, _change })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private void Enlist(SqliteTransaction tx)
    {
        foreach (var command in new[] { _subject, _subjectName, _record, _revision, _event, _change })
        {
            command.Transaction = tx;
        }
    }

    private static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
