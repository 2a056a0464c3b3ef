using System.Text.Json;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>
/// A record as a department sends it, before validation. Dates arrive as text so that one bad
/// date makes one row invalid rather than the whole batch unreadable.
/// </summary>
public sealed record RecordInput(
    string? CatalogueCode,
    SubjectInput? Subject,
    string? SourceRef,
    Dictionary<string, JsonElement>? Fields,
    string? DecisionDate,
    string? Severity,
    string? EffectiveFrom,
    string? EffectiveTo)
{
    /// <summary>Field values read from CSV cells instead of JSON; set by the CSV reader only.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string?>? TextFields { get; init; }

    /// <summary>
    /// The <c>fields</c> object's values as read value by value instead of as <see cref="Fields"/>; set by the batch's
    /// JSON reader only (<see cref="RecordJsonReader"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, RawValue>? ReadFields { get; init; }
}

public sealed record SubjectInput(string? Code, string? Name, string? Type);

/// <summary>A correction: a new revision of the record's content. The subject and source reference do not change.</summary>
public sealed record CorrectRecordRequest(
    Dictionary<string, JsonElement>? Fields,
    string? DecisionDate,
    string? Severity,
    string? EffectiveFrom,
    string? EffectiveTo,
    string? Reason);

public sealed record RevokeRecordRequest(string? Reason);
