namespace CreditKaizhou.Domain.Lists;

/// <summary>
/// List membership replayed from a record's append-only history. A bidding check stores the instant it was made;
/// re-running it "as known at" that instant sees exactly the revisions and events stored by then, so corrections,
/// revocations and late submissions that came afterwards cannot change the answer given.
/// </summary>
public static class ListMembership
{
    /// <summary>Beijing time, which decides the calendar day of an event recorded without an effective day.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// The listing that <paramref name="record"/> gave its subject as the platform knew it at
    /// <paramref name="knownAt"/>; null when there was none.
    /// <list type="number">
    /// <item>Only revisions and events with <c>RecordedAt ≤ knownAt</c> count. Without such a revision the record did
    /// not exist yet: null.</item>
    /// <item>The known revision with the highest number gives <c>From</c> and <c>To</c>.</item>
    /// <item>The known <c>extended</c> event recorded last (the later one in the list on a tie) replaces <c>To</c>
    /// with its <c>NewEffectiveTo</c>, whether it was recorded before or after that revision: an extension is a
    /// decision of its own (the court's), and a department's later correction of the record's content must not
    /// silently undo it; only another extension changes it. An extension without a new end is ignored.</item>
    /// <item>Each known ending event (revoked, withdrawn, repaired, performed) ends the listing on the day before its
    /// <c>EffectiveOn</c> (or before the Beijing day of its <c>RecordedAt</c> when that is null); the earliest end
    /// wins, and no extension reaches past it.</item>
    /// <item>A revocation or withdrawal effective on or before <c>From</c> means the listing never applied: null. So
    /// does any other listing left without a single day (a repair or performance effective on or before <c>From</c>,
    /// or a revision whose <c>To</c> is before its <c>From</c>): a membership of no day is no membership, and callers
    /// need not tell an empty period from none.</item>
    /// <item>Objections and unknown event kinds change nothing.</item>
    /// </list>
    /// </summary>
    public static ListEntry? AsKnownAt(RecordHistory record, DateTimeOffset knownAt)
    {
        ArgumentNullException.ThrowIfNull(record);

        RevisionFact? revision = null;
        foreach (var candidate in record.Revisions)
        {
            if (candidate.RecordedAt <= knownAt && (revision is null || candidate.Revision > revision.Revision))
            {
                revision = candidate;
            }
        }

        if (revision is null)
        {
            return null;
        }

        var from = revision.EffectiveFrom;
        var to = revision.EffectiveTo;
        EventFact? extension = null;
        DateOnly? firstDayOff = null;
        foreach (var e in record.Events.Where(e => e.RecordedAt <= knownAt))
        {
            if (e.Kind == RecordEventKinds.Extended && e.NewEffectiveTo is not null
                && (extension is null || e.RecordedAt >= extension.RecordedAt))
            {
                extension = e;
            }
            else if (RecordEventKinds.Ends(e.Kind))
            {
                var dayOff = e.EffectiveOn ?? DayOf(e.RecordedAt);
                firstDayOff = firstDayOff is { } earlier && earlier <= dayOff ? earlier : dayOff;
            }
        }

        if (extension is not null)
        {
            to = extension.NewEffectiveTo;
        }

        if (firstDayOff is { } off)
        {
            if (off <= from)
            {
                // Revoked or withdrawn from the start: it never applied. Repaired or performed from the start: no day left.
                return null;
            }

            if (to is not { } end || off <= end)
            {
                to = off.AddDays(-1);
            }
        }

        return to is { } last && last < from ? null : new ListEntry(record.RecordId, record.SubjectKey, record.ListCode, from, to);
    }

    /// <summary>The calendar day of <paramref name="instant"/> in Beijing time.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);
}
