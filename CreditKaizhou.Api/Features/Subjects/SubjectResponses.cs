using System.Text.Json;

namespace CreditKaizhou.Api.Features.Subjects;

/// <summary>
/// One search result. <c>code</c> of a person is the masked ID number; <c>match</c> is <c>code</c>, <c>exact</c>,
/// <c>prefix</c> or <c>substring</c>; <c>black</c> and <c>red</c> say whether the subject is on a black or red list today
/// (as far as the caller may see).
/// </summary>
public sealed record SubjectSearchItem(string Code, string Name, string Type, string Status, string Match, bool Black, bool Red);

/// <summary>
/// A page of search results. <c>total</c> is exact for a two-character fragment; a longer fragment's matches are counted
/// up to <see cref="SubjectSearch.Reach"/>, and when more match, <c>total</c> is that limit and <c>totalExact</c> false
/// (refine the query). Pages reach the first <see cref="SubjectSearch.Reach"/> results.
/// </summary>
public sealed record SubjectSearchResponse(IReadOnlyList<SubjectSearchItem> Items, int Page, int PageSize, int Total, bool TotalExact);

public sealed record FormerNameResponse(string Name, DateOnly ValidFrom);

/// <summary>An active list membership: black lists first, then red; <c>to</c> is null when open-ended.</summary>
public sealed record SubjectListResponse(string ListCode, string ListName, string Colour, DateOnly From, DateOnly? To, Guid RecordId);

public sealed record RecordCountResponse(string Category, int Count);

public sealed record SubjectIncentiveResponse(string MeasureCode, string Measure, string Effect, string LegalBasis);

/// <summary>A subject's profile on <c>asOf</c>: identity, active list memberships, counts of its active records by category, incentives.</summary>
public sealed record SubjectProfileResponse(string Code, string Name, string Type, string Status, DateOnly AsOf,
    IReadOnlyList<FormerNameResponse> FormerNames, IReadOnlyList<SubjectListResponse> Lists, IReadOnlyList<RecordCountResponse> RecordCounts,
    IReadOnlyList<SubjectIncentiveResponse> Incentives);

/// <summary>
/// One record of a subject as it stands now (its current revision). <c>active</c>: in force on <c>asOf</c> (inside its
/// effective period and not ended by a revocation, repair or performance); <c>revoked</c>: its decision was revoked.
/// </summary>
public sealed record SubjectRecordResponse(Guid Id, string CatalogueCode, string CatalogueName, string Category, string Polarity,
    string Disclosure, string DepartmentCode, string DepartmentName, DateOnly DecisionDate, string? Severity, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, DateOnly? PublicityUntil, bool Active, bool Revoked, int Revision, JsonElement Fields);
