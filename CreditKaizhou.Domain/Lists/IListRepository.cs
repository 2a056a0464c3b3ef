using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Domain.Lists;

/// <summary>A list type with what its public page says about it (table <c>list_types</c>).</summary>
/// <param name="DefaultDurationMonths">How long a listing lasts unless its record says otherwise; null when open-ended.</param>
/// <param name="RemovalRule">When and how a subject leaves the list (移出规则).</param>
public sealed record ListTypeDetails(ListType Type, string Description, int? DefaultDurationMonths, string RemovalRule);

/// <summary>
/// A record whose catalogue entry (its current version) feeds a list: its history, replayed with
/// <see cref="ListMembership.AsKnownAt"/>, and what a list's page shows of it and who may see it.
/// </summary>
/// <param name="History">Its <see cref="RecordHistory.SubjectKey"/> is the subject's lookup key.</param>
/// <param name="DepartmentCode">The providing department.</param>
/// <param name="Disclosure">The disclosure of the catalogue entry's current version.</param>
/// <param name="Subject">Never a clear ID number: persons carry the masked form as their display code.</param>
/// <param name="DecisionDate">The current revision's decision date: the first public day.</param>
/// <param name="PublicityUntil">The current revision's last public day; null when there is no end.</param>
public sealed record ListedRecord(
    RecordHistory History,
    string CatalogueCode,
    string DepartmentCode,
    Disclosure Disclosure,
    SubjectIdentity Subject,
    DateOnly DecisionDate,
    DateOnly? PublicityUntil)
{
    /// <summary>Whether the decision behind the record was revoked (at any time).</summary>
    public bool Revoked => History.Events.Any(e => e.Kind == RecordEventKinds.Revoked);

    /// <summary>Whether the record is inside its publicity window on <paramref name="day"/>.</summary>
    public bool IsPublicOn(DateOnly day) => Publicity.IsPublicOn(DecisionDate, PublicityUntil, day);
}

public interface IListRepository
{
    /// <summary>Every list type, in sort order.</summary>
    Task<IReadOnlyList<ListTypeDetails>> ListTypesAsync(CancellationToken ct);

    Task<ListTypeDetails?> GetTypeAsync(string code, CancellationToken ct);

    /// <summary>
    /// What a list's page shows of the given list-feeding records, whose histories the caller already holds (the list
    /// index keeps every one in memory): one read by the records' subjects, however long the list. A record the
    /// database no longer has as list-feeding (its entry changed lists meanwhile) is left out.
    /// </summary>
    Task<IReadOnlyList<ListedRecord>> ListedRecordsAsync(IReadOnlyCollection<RecordHistory> histories, CancellationToken ct);
}
