namespace CreditKaizhou.Domain.Lists;

/// <summary>
/// Everything the database holds about one list-feeding record, as appended: its revisions (corrections) and its
/// events (revocation, repair …). Nothing in it is ever changed, only added to, which is what lets
/// <see cref="ListMembership.AsKnownAt"/> answer for any earlier instant.
/// </summary>
/// <param name="SubjectKey">The subject's key as the caller holds it (its code or internal id); passed through.</param>
/// <param name="ListCode">The list the record's catalogue entry feeds.</param>
public sealed record RecordHistory(
    Guid RecordId,
    string SubjectKey,
    string ListCode,
    IReadOnlyList<RevisionFact> Revisions,
    IReadOnlyList<EventFact> Events);

/// <summary>One revision of a record (table <c>record_revisions</c>): the first submission or a correction.</summary>
/// <param name="Revision">1, 2, 3 … in the order they were recorded.</param>
/// <param name="RecordedAt">When the platform stored it.</param>
/// <param name="EffectiveFrom">The first day of the listing.</param>
/// <param name="EffectiveTo">The last day of the listing, inclusive; null when open-ended.</param>
public sealed record RevisionFact(int Revision, DateTimeOffset RecordedAt, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>One event on a record (table <c>record_events</c>).</summary>
/// <param name="Kind">One of <see cref="RecordEventKinds"/>.</param>
/// <param name="RecordedAt">When the platform stored it.</param>
/// <param name="EffectiveOn">
/// For an ending event, the first day the subject is no longer listed; null means the day of
/// <paramref name="RecordedAt"/> in Beijing time.
/// </param>
/// <param name="NewEffectiveTo">For <see cref="RecordEventKinds.Extended"/>, the new last day of the listing.</param>
public sealed record EventFact(string Kind, DateTimeOffset RecordedAt, DateOnly? EffectiveOn, DateOnly? NewEffectiveTo);

/// <summary>The kinds of <see cref="EventFact"/> (column <c>record_events.kind</c>).</summary>
public static class RecordEventKinds
{
    /// <summary>撤销: the decision behind the record was revoked. Ends the listing.</summary>
    public const string Revoked = "revoked";

    /// <summary>撤回: the department withdrew the record (e.g. a changed penalty, withdrawn within 3 days). Ends the listing.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>信用修复: repair granted; the record stays on file for government sharing. Ends the listing.</summary>
    public const string Repaired = "repaired";

    /// <summary>履行: a 失信被执行人 performed the obligation and is deleted from the list. Ends the listing.</summary>
    public const string Performed = "performed";

    /// <summary>延长: the listing now ends on <see cref="EventFact.NewEffectiveTo"/> (失信被执行人: extendable 1–3 years).</summary>
    public const string Extended = "extended";

    /// <summary>异议: an objection was raised; it does not change the listing until a decision follows as an event of its own.</summary>
    public const string Objection = "objection";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Revoked, Withdrawn, Repaired, Performed, Extended, Objection];

    /// <summary>The kinds that end a listing.</summary>
    public static IReadOnlyList<string> Ending { get; } = [Revoked, Withdrawn, Repaired, Performed];

    /// <summary>Whether an event of <paramref name="kind"/> ends a listing.</summary>
    public static bool Ends(string? kind) => kind is not null && Ending.Contains(kind, StringComparer.Ordinal);
}
