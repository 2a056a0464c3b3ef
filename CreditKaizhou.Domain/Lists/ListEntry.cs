namespace CreditKaizhou.Domain.Lists;

/// <summary>A subject's membership of a list, from one record, as the platform knew it at some instant.</summary>
/// <param name="From">The first listed day.</param>
/// <param name="To">The last listed day, inclusive; null when there is no end.</param>
public sealed record ListEntry(Guid RecordId, string SubjectKey, string ListCode, DateOnly From, DateOnly? To)
{
    /// <summary>Whether the subject is listed on <paramref name="day"/>: <c>From ≤ day</c> and, when there is an end, <c>day ≤ To</c>.</summary>
    public bool IsActiveOn(DateOnly day) => From <= day && (To is not { } to || day <= to);
}
