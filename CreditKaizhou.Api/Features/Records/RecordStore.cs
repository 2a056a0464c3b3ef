using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Records;
using System.Text.Json;
using Dapper;

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
/// call, serialised against other writers, so a batch is stored whole or not at all and the
/// change log's versions stay gap-free and ordered.
/// </summary>
internal sealed class RecordStore(DbDataSource db, SqlDialect dialect) : IRecordStore
{
    private readonly string? _lock = RecordStoreSql.Lock(dialect);
    private readonly string _findBySourceRefs = RecordStoreSql.FindBySourceRefs(dialect);
    private readonly string _findSubjects = RecordStoreSql.FindSubjects(dialect);

    public async Task<IReadOnlyList<RecordWriteResult>> WriteAsync(IReadOnlyList<RecordSubmission> records, Guid? by, DateTimeOffset at,
        CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (_lock is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(_lock, transaction: tx, cancellationToken: ct));
        }

        var results = new RecordWriteResult[records.Count];
        var fresh = await ClassifyAsync(connection, tx, records, results, ct);
        if (fresh.Count > 0)
        {
            var subjects = await EnsureSubjectsAsync(connection, tx, fresh.Select(i => (records[i], results[i].RecordId)).ToList(), at, ct);
            await InsertRecordsAsync(connection, tx, records, fresh, results, subjects, by, at, ct);
        }

        await tx.CommitAsync(ct);
        return results;
    }

    /// <summary>Fills in duplicates and conflicts; returns the indexes of the records to store.</summary>
    private async Task<List<int>> ClassifyAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<RecordSubmission> records,
        RecordWriteResult[] results, CancellationToken ct)
    {
        var stored = new Dictionary<(string Department, string SourceRef), (Guid Id, int Revision, HashSet<string> Hashes)>();
        foreach (var department in records.Select(r => r.DepartmentCode).Distinct())
        {
            var refs = JsonSerializer.Serialize(records.Where(r => r.DepartmentCode == department).Select(r => r.SourceRef).Distinct());
            var rows = await connection.QueryAsync<StoredRow>(
                new CommandDefinition(_findBySourceRefs, new { Department = department, Refs = refs }, tx, cancellationToken: ct));
            foreach (var row in rows)
            {
                var key = (department, row.SourceRef);
                if (!stored.TryGetValue(key, out var entry))
                {
                    stored[key] = entry = (row.Id, (int)row.CurrentRevision, new HashSet<string>(StringComparer.Ordinal));
                }

                entry.Hashes.Add(row.PayloadHash);
            }
        }

        var fresh = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var key = (record.DepartmentCode, record.SourceRef);
            if (stored.TryGetValue(key, out var existing))
            {
                results[i] = new RecordWriteResult(
                    existing.Hashes.Contains(record.PayloadHash) ? RecordOutcome.Duplicate : RecordOutcome.Conflict, existing.Id, existing.Revision);
                continue;
            }

            // The first occurrence in this batch is stored; a repeat of it later in the batch is a duplicate of it.
            var id = Guid.CreateVersion7();
            stored[key] = (id, 1, new HashSet<string>(StringComparer.Ordinal) { record.PayloadHash });
            results[i] = new RecordWriteResult(RecordOutcome.Stored, id, 1);
            fresh.Add(i);
        }

        return fresh;
    }

    /// <summary>Finds or creates the subject of every record to store; a changed name is kept as history.</summary>
    private async Task<Dictionary<string, Guid>> EnsureSubjectsAsync(DbConnection connection, DbTransaction tx,
        IReadOnlyList<(RecordSubmission Record, Guid RecordId)> fresh, DateTimeOffset at, CancellationToken ct)
    {
        var wanted = new Dictionary<string, (SubjectIdentity Subject, Guid RecordId)>(StringComparer.Ordinal);
        foreach (var (record, recordId) in fresh)
        {
            wanted[record.Subject.LookupKey] = (record.Subject, recordId); // the last record of the batch names the subject
        }

        var known = new Dictionary<string, (Guid Id, string Name)>(StringComparer.Ordinal);
        foreach (var row in await connection.QueryAsync<SubjectRow>(new CommandDefinition(
                     _findSubjects, new { Keys = JsonSerializer.Serialize(wanted.Keys) }, tx, cancellationToken: ct)))
        {
            known[row.LookupKey] = (row.Id, row.Name);
        }

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var insertSubject = new BulkCommand(connection, tx, RecordStoreSql.InsertSubject,
            "Id", "SubjectType", "LookupKey", "DisplayCode", "Name", "At");
        await using var insertName = new BulkCommand(connection, tx, RecordStoreSql.InsertSubjectName,
            "SubjectId", "Seq", "Name", "ValidFrom", "RecordId");
        foreach (var (key, (subject, recordId)) in wanted)
        {
            if (known.TryGetValue(key, out var existing))
            {
                ids[key] = existing.Id;
                if (existing.Name != subject.Name)
                {
                    await RenameAsync(connection, tx, existing.Id, subject.Name, recordId, at, ct);
                }

                continue;
            }

            var id = Guid.CreateVersion7();
            ids[key] = id;
            await insertSubject.AddAsync(ct, id, subject.Type, subject.LookupKey, subject.DisplayCode, subject.Name, at);
            await insertName.AddAsync(ct, id, 1, subject.Name, at, recordId);
        }

        await insertSubject.FlushAsync(ct);
        await insertName.FlushAsync(ct);
        return ids;
    }

    private static async Task RenameAsync(DbConnection connection, DbTransaction tx, Guid subjectId, string name, Guid recordId,
        DateTimeOffset at, CancellationToken ct)
    {
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordStoreSql.MaxNameSeq, new { SubjectId = subjectId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.RenameSubject, new { Id = subjectId, Name = name, At = at }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RecordStoreSql.InsertSubjectName,
            new { SubjectId = subjectId, Seq = seq + 1, Name = name, ValidFrom = at, RecordId = recordId }, tx, cancellationToken: ct));
    }

    private static async Task InsertRecordsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<RecordSubmission> records,
        List<int> fresh, RecordWriteResult[] results, Dictionary<string, Guid> subjects, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordStoreSql.MaxChangeVersion, transaction: tx, cancellationToken: ct));
        await using var insertRecord = new BulkCommand(connection, tx, RecordStoreSql.InsertRecord,
            "Id", "DepartmentCode", "CatalogueCode", "SubjectId", "SourceRef", "At", "By");
        await using var insertRevision = new BulkCommand(connection, tx, RecordStoreSql.InsertRevision,
            "RecordId", "Revision", "EntryVersion", "Fields", "DecisionDate", "Severity", "EffectiveFrom", "EffectiveTo", "PublicityUntil",
            "PayloadHash", "At", "By", "Reason");
        await using var insertChange = new BulkCommand(connection, tx, RecordStoreSql.InsertChange,
            "Version", "SubjectId", "RecordId", "Kind", "At");
        foreach (var i in fresh)
        {
            var r = records[i];
            var id = results[i].RecordId;
            var subjectId = subjects[r.Subject.LookupKey];
            await insertRecord.AddAsync(ct, id, r.DepartmentCode, r.CatalogueCode, subjectId, r.SourceRef, at, by);
            await insertRevision.AddAsync(ct, id, 1, r.EntryVersion, r.FieldsJson, r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo,
                r.PublicityUntil, r.PayloadHash, at, by, null);
        }

        // The change feed tells which subjects changed, not every record: one entry per subject per batch.
        foreach (var subjectId in fresh.Select(i => subjects[records[i].Subject.LookupKey]).Distinct())
        {
            await insertChange.AddAsync(ct, ++version, subjectId, null, ChangeKinds.RecordsAdded, at);
        }

        await insertRecord.FlushAsync(ct);
        await insertRevision.FlushAsync(ct);
        await insertChange.FlushAsync(ct);
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
