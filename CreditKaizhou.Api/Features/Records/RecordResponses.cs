using System.Text.Json;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Api.Features.Records;

public sealed record RecordSubmitted(Guid Id, int Revision, string Outcome)
{
    public static RecordSubmitted From(RecordWriteResult r) => new(r.RecordId, r.Revision, r.Outcome.ToString().ToLowerInvariant());
}

public sealed record BatchRejection(int Row, int? Line, string? SourceRef, IReadOnlyDictionary<string, string[]> Errors);

public sealed record BatchDuplicate(int Row, int? Line, string SourceRef, Guid RecordId);

/// <summary>What became of a batch: counts, every rejected row with its reasons, and the rows that were already stored.</summary>
public sealed record BatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchRejection> Rejections,
    IReadOnlyList<BatchDuplicate> DuplicateRecords);

public sealed record RecordSubjectResponse(string Code, string Name, string Type);

public sealed record RecordRevisionResponse(int Revision, int EntryVersion, JsonElement Fields, DateOnly DecisionDate, string? Severity,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, DateOnly? PublicityUntil, DateTimeOffset RecordedAt, string? Reason)
{
    public static RecordRevisionResponse From(RevisionRow r) => new((int)r.Revision, (int)r.EntryVersion,
        JsonDocument.Parse(r.Fields).RootElement.Clone(), r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo, r.PublicityUntil, r.RecordedAt,
        r.Reason);
}

public sealed record RecordEventResponse(string Kind, string Reason, DateOnly? EffectiveOn, DateTimeOffset RecordedAt);

/// <summary>A record as the caller may see it: the public gets the current revision only; government users the whole history.</summary>
public sealed record RecordResponse(Guid Id, string CatalogueCode, string CatalogueName, string DepartmentCode, string SourceRef,
    RecordSubjectResponse Subject, string Status, bool PublicToday, RecordRevisionResponse Current,
    IReadOnlyList<RecordRevisionResponse>? Revisions, IReadOnlyList<RecordEventResponse>? Events, DateTimeOffset CreatedAt);
