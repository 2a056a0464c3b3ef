using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Records;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Features.Records;

[SqlQueries]
internal static class RecordStoreSql
{
    public static string? Lock(SqlDialect d) => d.WriteLock;

    public static string FindBySourceRefs(SqlDialect d) => $"""
        SELECT r.source_ref, r.id, r.current_revision, v.payload_hash
        FROM records r
        JOIN record_revisions v ON v.record_id = r.id
        WHERE r.department_code = @Department AND r.source_ref IN ({d.JsonArrayValues("@Refs")})
        """;

    public static string FindSubjects(SqlDialect d) => $"""
        SELECT id, lookup_key, name
        FROM subjects
        WHERE lookup_key IN ({d.JsonArrayValues("@Keys")})
        """;

    /// <summary>
    /// PostgreSQL only (internal: not among the queries checked as T-SQL). PostgreSQL plans by its statistics, and a table
    /// nobody has analysed yet has none: it then answers the lookups of a batch's source references by scanning all
    /// records, slower with every batch, until autovacuum analyses the table.
    /// </summary>
    internal static string? NeverAnalysed(SqlDialect d) => d.Provider == DatabaseProvider.Postgres
        ? """
          SELECT COUNT(*) > 0 FROM pg_stat_user_tables
          WHERE relid IN ('records'::regclass, 'record_revisions'::regclass, 'subjects'::regclass)
            AND last_analyze IS NULL AND last_autoanalyze IS NULL
          """
        : null;

    internal const string Analyse = "ANALYZE records, record_revisions, subjects";

    public const string MaxChangeVersion = "SELECT COALESCE(MAX(version), 0) FROM change_log";

    public const string MaxNameSeq = "SELECT COALESCE(MAX(seq), 0) FROM subject_names WHERE subject_id = @SubjectId";

    public const string InsertSubject = """
        INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
        VALUES (@Id, @SubjectType, @LookupKey, @DisplayCode, @Name, 'active', @At, @At)
        """;

    public const string RenameSubject = "UPDATE subjects SET name = @Name, updated_at = @At WHERE id = @Id";

    public const string InsertSubjectName = """
        INSERT INTO subject_names (subject_id, seq, name, valid_from, recorded_by_record)
        VALUES (@SubjectId, @Seq, @Name, @ValidFrom, @RecordId)
        """;

    public const string InsertRecord = """
        INSERT INTO records (id, department_code, catalogue_code, subject_id, source_ref, current_revision, created_at, created_by)
        VALUES (@Id, @DepartmentCode, @CatalogueCode, @SubjectId, @SourceRef, 1, @At, @By)
        """;

    public const string InsertRevision = """
        INSERT INTO record_revisions (record_id, revision, entry_version, fields, decision_date, severity, effective_from,
            effective_to, publicity_until, payload_hash, recorded_at, recorded_by, reason)
        VALUES (@RecordId, @Revision, @EntryVersion, @Fields, @DecisionDate, @Severity, @EffectiveFrom,
            @EffectiveTo, @PublicityUntil, @PayloadHash, @At, @By, @Reason)
        """;

    public const string InsertChange = """
        INSERT INTO change_log (version, subject_id, record_id, kind, changed_at)
        VALUES (@Version, @SubjectId, @RecordId, @Kind, @At)
        """;
}

/// <summary>
/// Writes records, their first revisions, their subjects and the change log. One transaction per
/// batch, serialised against other writers, so a batch is stored whole or not at all and the
/// change log's versions stay gap-free and ordered. A batch may come in parts (<see cref="Begin"/>):
/// each part is written as it comes, while the caller validates the next.
/// </summary>
internal sealed class RecordStore(DbDataSource db, SqlDialect dialect, IOptions<DatabaseOptions> options, SqliteBulkConnection bulk,
    ILogger<RecordStore> logger) : IRecordStore
{
    private readonly DbDataSource _db = db;
    private readonly SqliteBulkConnection _bulk = bulk;
    private readonly int _cacheMegabytes = options.Value.SqliteBatchCacheMegabytes;
    private readonly string? _neverAnalysed = RecordStoreSql.NeverAnalysed(dialect);

    /// <summary>
    /// A batch storing this many records is a bulk load: when its first part is this large, it is written on SQLite's
    /// <see cref="SqliteBulkConnection"/> (or, when another batch has that, on a pooled connection with the same page cache
    /// for its length); afterwards PostgreSQL tables never analysed are analysed.
    /// </summary>
    internal const int BulkLoadRecords = 1000;

    private readonly ILogger<RecordStore> _logger = logger;
    private readonly string? _lock = RecordStoreSql.Lock(dialect);
    private readonly string _findBySourceRefs = RecordStoreSql.FindBySourceRefs(dialect);
    private readonly string _findSubjects = RecordStoreSql.FindSubjects(dialect);

    public async Task<IReadOnlyList<RecordWriteResult>> WriteAsync(IReadOnlyList<RecordSubmission> records, Guid? by, DateTimeOffset at,
        CancellationToken ct)
    {
        await using var batch = Begin(by, at);
        var results = await batch.AddAsync(records, ct);
        await batch.CommitAsync(ct);
        return results;
    }

    public IRecordBatchWriter Begin(Guid? by, DateTimeOffset at) => new BatchWriter(this, by, at);

    /// <summary>
    /// One batch's transaction, opened by its first record. Across parts it keeps what it has learnt: the source
    /// references already stored (a repeat later in the batch is a duplicate of the first), the subjects found or
    /// created, and each subject's last record (the subjects whose records changed).
    /// </summary>
    private sealed class BatchWriter(RecordStore store, Guid? by, DateTimeOffset at) : IRecordBatchWriter
    {
        private readonly Dictionary<(string Department, string SourceRef), StoredRecord> _stored = [];
        private readonly Dictionary<string, SubjectState> _subjects = new(StringComparer.Ordinal);
        /// <summary>Each subject with records stored by the batch, in the order of its first one, and its last record.</summary>
        private readonly OrderedDictionary<string, (SubjectIdentity Subject, Guid RecordId)> _named = new(StringComparer.Ordinal);
        private readonly BulkIds _ids = new();
        private int _storedRecords;
        private bool _disposed;
        private DbConnection? _connection;
        private SqliteBulkConnection.Lease? _lease;
        private SqlitePageCache? _cache;
        private DbTransaction? _tx;
        private BulkCommand? _insertSubject;
        private BulkCommand? _insertRecord;
        private BulkCommand? _insertRevision;

        public async Task<IReadOnlyList<RecordWriteResult>> AddAsync(IReadOnlyList<RecordSubmission> records, CancellationToken ct)
        {
            if (records.Count == 0)
            {
                return [];
            }

            var (connection, tx) = await OpenAsync(records.Count, ct);
            var results = new RecordWriteResult[records.Count];
            var fresh = await ClassifyAsync(connection, tx, records, results, ct);
            if (fresh.Count > 0)
            {
                await EnsureSubjectsAsync(connection, tx, records, fresh, results, ct);
                await InsertRecordsAsync(records, fresh, results, ct);
            }

            return results;
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            if (_connection is null || _tx is null)
            {
                return;
            }

            await NameSubjectsAsync(_connection, _tx, ct);
            await InsertChangesAsync(_connection, _tx, ct);
            await _tx.CommitAsync(ct);
            _lease?.Keep();
            if (store._neverAnalysed is not null && _storedRecords >= BulkLoadRecords)
            {
                await AnalyseIfNeverAnalysedAsync(_connection);
            }
        }

        /// <summary>After the commit: the batch is stored whatever happens here, so a failure is logged, not thrown.</summary>
        private async Task AnalyseIfNeverAnalysedAsync(DbConnection connection)
        {
            try
            {
                if (await connection.ExecuteScalarAsync<bool>(store._neverAnalysed!))
                {
                    await connection.ExecuteAsync(RecordStoreSql.Analyse);
                }
            }
            catch (DbException e)
            {
                store._logger.LogWarning(e, "Analysing the record tables after a bulk load failed; autovacuum will analyse them later");
            }
        }

        private async Task<(DbConnection, DbTransaction)> OpenAsync(int firstPart, CancellationToken ct)
        {
            if (_connection is not null && _tx is not null)
            {
                return (_connection, _tx);
            }

            if (_connection is not null)
            {
                // A first part that failed while beginning the transaction: its connection is returned at disposal.
                throw new InvalidOperationException("The batch's transaction could not begin; the batch cannot go on.");
            }

            var bulkLoad = firstPart >= BulkLoadRecords;
            _lease = bulkLoad ? await store._bulk.TakeAsync(ct) : null;
            _connection = _lease?.Connection ?? await store._db.OpenConnectionAsync(ct);
            if (bulkLoad && _lease is null)
            {
                _cache = await SqlitePageCache.WidenAsync(_connection, store._cacheMegabytes, ct);
            }

            _tx = await _connection.BeginTransactionAsync(ct);
            if (store._lock is not null)
            {
                await _connection.ExecuteAsync(new CommandDefinition(store._lock, transaction: _tx, cancellationToken: ct));
            }

            _insertSubject = new BulkCommand(_connection, _tx, RecordStoreSql.InsertSubject,
                "Id", "SubjectType", "LookupKey", "DisplayCode", "Name", "At");
            _insertRecord = new BulkCommand(_connection, _tx, RecordStoreSql.InsertRecord,
                "Id", "DepartmentCode", "CatalogueCode", "SubjectId", "SourceRef", "At", "By");
            _insertRevision = new BulkCommand(_connection, _tx, RecordStoreSql.InsertRevision,
                "RecordId", "Revision", "EntryVersion", "Fields", "DecisionDate", "Severity", "EffectiveFrom", "EffectiveTo", "PublicityUntil",
                "PayloadHash", "At", "By", "Reason");
            return (_connection, _tx);
        }

        /// <summary>Fills in duplicates and conflicts; returns the indexes of the records to store.</summary>
        private async Task<List<int>> ClassifyAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<RecordSubmission> records,
            RecordWriteResult[] results, CancellationToken ct)
        {
            foreach (var department in records.Select(r => r.DepartmentCode).Distinct())
            {
                var unseen = records.Where(r => r.DepartmentCode == department && !_stored.ContainsKey((department, r.SourceRef)))
                    .Select(r => r.SourceRef).Distinct().ToList();
                if (unseen.Count == 0)
                {
                    continue;
                }

                var rows = await connection.QueryAsync<StoredRow>(new CommandDefinition(store._findBySourceRefs,
                    new { Department = department, Refs = JsonSerializer.Serialize(unseen) }, tx, cancellationToken: ct));
                foreach (var row in rows)
                {
                    var key = (department, row.SourceRef);
                    _stored[key] = _stored.TryGetValue(key, out var entry)
                        ? entry.WithHash(row.PayloadHash)
                        : new StoredRecord(row.Id, (int)row.CurrentRevision, row.PayloadHash, null);
                }
            }

            var fresh = new List<int>();
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var key = (record.DepartmentCode, record.SourceRef);
                if (_stored.TryGetValue(key, out var existing))
                {
                    results[i] = new RecordWriteResult(
                        existing.Has(record.PayloadHash) ? RecordOutcome.Duplicate : RecordOutcome.Conflict, existing.Id, existing.Revision);
                    continue;
                }

                // The first occurrence in this batch is stored; a repeat of it later in the batch is a duplicate of it.
                var id = _ids.Next();
                _stored[key] = new StoredRecord(id, 1, record.PayloadHash, null);
                results[i] = new RecordWriteResult(RecordOutcome.Stored, id, 1);
                fresh.Add(i);
            }

            return fresh;
        }

        /// <summary>
        /// Finds or creates the subject of every record to store. A subject created here takes the name of its last record
        /// so far; its name history, and any rename of a stored subject, wait for the commit, when the batch's last record
        /// of each subject is known.
        /// </summary>
        private async Task EnsureSubjectsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<RecordSubmission> records,
            List<int> fresh, RecordWriteResult[] results, CancellationToken ct)
        {
            foreach (var i in fresh)
            {
                _named[records[i].Subject.LookupKey] = (records[i].Subject, results[i].RecordId); // the last record names the subject
            }

            var unresolved = fresh.Select(i => records[i].Subject.LookupKey).Where(k => !_subjects.ContainsKey(k)).Distinct().ToList();
            if (unresolved.Count == 0)
            {
                return;
            }

            foreach (var row in await connection.QueryAsync<SubjectRow>(new CommandDefinition(
                         store._findSubjects, new { Keys = JsonSerializer.Serialize(unresolved) }, tx, cancellationToken: ct)))
            {
                _subjects[row.LookupKey] = new SubjectState(row.Id, row.Name, Created: false);
            }

            foreach (var key in unresolved.Where(k => !_subjects.ContainsKey(k)))
            {
                var subject = _named[key].Subject;
                var id = _ids.Next();
                _subjects[key] = new SubjectState(id, subject.Name, Created: true);
                await _insertSubject!.AddAsync(ct, id, subject.Type, subject.LookupKey, subject.DisplayCode, subject.Name, at);
            }

            await _insertSubject!.FlushAsync(ct);
        }

        private async Task InsertRecordsAsync(IReadOnlyList<RecordSubmission> records, List<int> fresh, RecordWriteResult[] results,
            CancellationToken ct)
        {
            foreach (var i in fresh)
            {
                var r = records[i];
                var id = results[i].RecordId;
                var subjectId = _subjects[r.Subject.LookupKey].Id;
                await _insertRecord!.AddAsync(ct, id, r.DepartmentCode, r.CatalogueCode, subjectId, r.SourceRef, at, by);
                await _insertRevision!.AddAsync(ct, id, 1, r.EntryVersion, r.FieldsJson, r.DecisionDate, r.Severity, r.EffectiveFrom,
                    r.EffectiveTo, r.PublicityUntil, r.PayloadHash, at, by, null);
                _storedRecords++;
            }

            await _insertRecord!.FlushAsync(ct);
            await _insertRevision!.FlushAsync(ct);
        }

        /// <summary>Each subject of the batch carries the name of its last record; a changed name is kept as history.</summary>
        private async Task NameSubjectsAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
        {
            await using var insertName = new BulkCommand(connection, tx, RecordStoreSql.InsertSubjectName,
                "SubjectId", "Seq", "Name", "ValidFrom", "RecordId");
            foreach (var (key, (subject, recordId)) in _named)
            {
                var state = _subjects[key];
                if (state.Created)
                {
                    if (state.Name != subject.Name)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.RenameSubject,
                            new { state.Id, subject.Name, At = at }, tx, cancellationToken: ct));
                    }

                    await insertName.AddAsync(ct, state.Id, 1, subject.Name, at, recordId);
                }
                else if (state.Name != subject.Name)
                {
                    await RenameAsync(connection, tx, state.Id, subject.Name, recordId, at, ct);
                }
            }

            await insertName.FlushAsync(ct);
        }

        /// <summary>The change feed tells which subjects changed, not every record: one entry per subject per batch.</summary>
        private async Task InsertChangesAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
        {
            var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordStoreSql.MaxChangeVersion, transaction: tx,
                cancellationToken: ct));
            await using var insertChange = new BulkCommand(connection, tx, RecordStoreSql.InsertChange,
                "Version", "SubjectId", "RecordId", "Kind", "At");
            foreach (var key in _named.Keys)
            {
                await insertChange.AddAsync(ct, ++version, _subjects[key].Id, null, ChangeKinds.RecordsAdded, at);
            }

            await insertChange.FlushAsync(ct);
        }

        /// <summary>
        /// Ends the transaction (rolling it back unless committed), gives back the page cache, and returns the connection: to
        /// the pool, or to <see cref="SqliteBulkConnection"/>, which keeps it only after a commit. Every step runs even if one
        /// before it fails, and a failure is logged rather than thrown over the caller's own exception; the connection is
        /// returned whatever happened before.
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                foreach (var step in new IAsyncDisposable?[] { _insertSubject, _insertRecord, _insertRevision, _tx, _cache })
                {
                    await DisposeLoggedAsync(step);
                }
            }
            finally
            {
                await DisposeLoggedAsync(_lease is null ? _connection : _lease);
            }
        }

        private async Task DisposeLoggedAsync(IAsyncDisposable? step)
        {
            try
            {
                if (step is not null)
                {
                    await step.DisposeAsync();
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                store._logger.LogWarning(e, "Ending a record batch's transaction: disposing {Step} failed", step!.GetType().Name);
            }
        }
    }

    /// <summary>
    /// A record the batch found stored or stored itself, under its source reference: its id, its current revision and the
    /// payload hashes of its revisions. Nearly always one hash: a set only for a record already corrected, so that a batch
    /// of 10,000 new records does not keep 10,000 sets alive until its commit.
    /// </summary>
    private readonly record struct StoredRecord(Guid Id, int Revision, string Hash, HashSet<string>? MoreHashes)
    {
        public bool Has(string hash) => hash == Hash || MoreHashes?.Contains(hash) == true;

        public StoredRecord WithHash(string hash) => Has(hash) ? this
            : this with { MoreHashes = new HashSet<string>(MoreHashes ?? [], StringComparer.Ordinal) { hash } };
    }

    /// <summary>A subject of the batch: its id and its name as stored (when found) or as created in this batch.</summary>
    private sealed record SubjectState(Guid Id, string Name, bool Created);

    private static async Task RenameAsync(DbConnection connection, DbTransaction tx, Guid subjectId, string name, Guid recordId,
        DateTimeOffset at, CancellationToken ct)
    {
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordStoreSql.MaxNameSeq, new { SubjectId = subjectId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.RenameSubject, new { Id = subjectId, Name = name, At = at }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.InsertSubjectName,
            new { SubjectId = subjectId, Seq = seq + 1, Name = name, ValidFrom = at, RecordId = recordId }, tx, cancellationToken: ct));
    }

    private sealed class StoredRow
    {
        public string SourceRef { get; init; } = "";
        public Guid Id { get; init; }
        public long CurrentRevision { get; init; }
        public string PayloadHash { get; init; } = "";
    }

    private sealed class SubjectRow
    {
        public Guid Id { get; init; }
        public string LookupKey { get; init; } = "";
        public string Name { get; init; } = "";
    }
}

public static class ChangeKinds
{
    public const string RecordsAdded = "records-added";
    public const string RecordCorrected = "record-corrected";
    public const string RecordRevoked = "record-revoked";
}
