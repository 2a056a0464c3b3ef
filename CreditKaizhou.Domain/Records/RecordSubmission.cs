namespace CreditKaizhou.Domain.Records;

/// <summary>
/// Who a record is about, as stored: organisations by their 统一社会信用代码 in clear, persons by a
/// keyed hash of their ID number (<see cref="LookupKey"/>) and its masked form (<see cref="DisplayCode"/>).
/// </summary>
public sealed record SubjectIdentity(string LookupKey, string DisplayCode, string Name, string Type);

/// <summary>A record that passed validation, normalised and ready to store.</summary>
public sealed record RecordSubmission(
    string DepartmentCode,
    string CatalogueCode,
    int EntryVersion,
    SubjectIdentity Subject,
    string SourceRef,
    string FieldsJson,
    DateOnly DecisionDate,
    string? Severity,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    DateOnly? PublicityUntil,
    string PayloadHash);

public enum RecordOutcome
{
    /// <summary>Stored as a new record.</summary>
    Stored,

    /// <summary>The same record (same source reference and payload) was already stored: nothing changed.</summary>
    Duplicate,

    /// <summary>The source reference is taken by a record with a different payload: a correction is needed instead.</summary>
    Conflict,
}

public sealed record RecordWriteResult(RecordOutcome Outcome, Guid RecordId, int Revision);

public interface IRecordStore
{
    /// <summary>
    /// Stores the new records of a batch in one transaction, in order: a record whose source
    /// reference (per department) is already stored is reported as a duplicate or a conflict and
    /// changes nothing. Either every new record of the batch is stored or none is.
    /// </summary>
    Task<IReadOnlyList<RecordWriteResult>> WriteAsync(IReadOnlyList<RecordSubmission> records, Guid? by, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// A batch stored in parts, so that the next part can be validated while this one is written: the same rules and the
    /// same single transaction as <see cref="WriteAsync"/>, over every part added. Nothing is stored unless
    /// <see cref="IRecordBatchWriter.CommitAsync"/> is reached; disposing the writer before that stores nothing.
    /// </summary>
    IRecordBatchWriter Begin(Guid? by, DateTimeOffset at);
}

/// <summary>One batch being stored part by part (<see cref="IRecordStore.Begin"/>).</summary>
public interface IRecordBatchWriter : IAsyncDisposable
{
    /// <summary>Writes the next part; a record repeating one of an earlier part is reported as its duplicate or conflict.</summary>
    Task<IReadOnlyList<RecordWriteResult>> AddAsync(IReadOnlyList<RecordSubmission> records, CancellationToken ct);

    /// <summary>Completes the batch: names its subjects after their last record, logs the changes, and commits.</summary>
    Task CommitAsync(CancellationToken ct);
}

/// <summary>The content of a correction: everything a revision holds.</summary>
public sealed record RevisionContent(
    int EntryVersion,
    string FieldsJson,
    DateOnly DecisionDate,
    string? Severity,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    DateOnly? PublicityUntil,
    string PayloadHash,
    string Reason);

public enum RecordChangeOutcome
{
    Done,
    NotFound,

    /// <summary>The record belongs to another department.</summary>
    NotOwner,

    /// <summary>The record is revoked: nothing more can happen to it.</summary>
    Revoked,

    /// <summary>A correction that changes nothing.</summary>
    Unchanged,
}

/// <summary>Who owns a stored record and where it stands, for the checks before a change.</summary>
public sealed record RecordHead(Guid Id, string DepartmentCode, string CatalogueCode, Guid SubjectId, int CurrentRevision, bool Revoked);

public interface IRecordChanges
{
    Task<RecordHead?> GetHeadAsync(Guid id, CancellationToken ct);

    /// <summary>Adds a revision; only the owning department may, and only while the record is not revoked.</summary>
    Task<(RecordChangeOutcome Outcome, int Revision)> CorrectAsync(Guid id, string departmentCode, RevisionContent content, Guid? by,
        DateTimeOffset at, CancellationToken ct);

    /// <summary>Records the revocation as an event; the record stops counting from that moment.</summary>
    Task<RecordChangeOutcome> RevokeAsync(Guid id, string departmentCode, string reason, DateOnly effectiveOn, Guid? by, DateTimeOffset at,
        CancellationToken ct);
}
