using System.Globalization;
using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>Membership replayed from the append-only history, as known at an instant.</summary>
public class ListMembershipTests
{
    private const string Listed = "2026-02-27T10:00:00+08:00";
    private const string Later = "2026-10-08T09:00:00+08:00";
    private const string KnownAt = "2026-12-01T00:00:00+08:00";

    private static readonly RevisionFact First = Rev(1, Listed, "2026-03-02", "2028-03-01");

    [Test]
    public void AsKnownAt_OneRevision_GivesItsPeriodAndTheRecordsKeys()
    {
        var entry = ListMembership.AsKnownAt(History([First]), T(KnownAt));

        Assert.That(entry, Is.EqualTo(new ListEntry(Id(42), CompanyA, "SXBZXR", D("2026-03-02"), D("2028-03-01"))));
    }

    [Test]
    public void AsKnownAt_NoRevisions_IsNull()
    {
        Assert.That(ListMembership.AsKnownAt(History([]), T(KnownAt)), Is.Null);
    }

    [TestCase("2026-02-27T09:59:59+08:00", "none", TestName = "AsKnownAt_RecordFirstRecordedAfterKnownAt_DoesNotExist")]
    [TestCase("2026-02-27T10:00:00+08:00", "2026-03-02..2028-03-01", TestName = "AsKnownAt_RevisionRecordedExactlyAtKnownAt_Counts")]
    [TestCase("2026-02-27T02:00:00+00:00", "2026-03-02..2028-03-01", TestName = "AsKnownAt_SameInstantInAnotherOffset_Counts")]
    [TestCase("2026-02-27T01:59:59+00:00", "none", TestName = "AsKnownAt_OneSecondBeforeInAnotherOffset_DoesNotExist")]
    public void AsKnownAt_RevisionRecordingTime_DecidesWhetherTheRecordExists(string knownAt, string expected)
    {
        Assert.That(Show(ListMembership.AsKnownAt(History([First]), T(knownAt))), Is.EqualTo(expected));
    }

    [TestCase("2026-11-20T09:30:00+08:00", "2026-03-02..2028-03-01", TestName = "AsKnownAt_CorrectionRecordedAfterKnownAt_IsIgnored")]
    [TestCase("2026-11-25T12:00:00+08:00", "2026-04-01..2026-06-30", TestName = "AsKnownAt_CorrectionRecordedAtKnownAt_GivesThePeriod")]
    [TestCase("2027-01-01T00:00:00+08:00", "2026-04-01..2026-06-30", TestName = "AsKnownAt_CorrectionRecordedBeforeKnownAt_GivesThePeriod")]
    public void AsKnownAt_Correction_CountsOnlyOnceRecorded(string knownAt, string expected)
    {
        var correction = Rev(2, "2026-11-25T12:00:00+08:00", "2026-04-01", "2026-06-30");

        Assert.That(Show(ListMembership.AsKnownAt(History([First, correction]), T(knownAt))), Is.EqualTo(expected));
    }

    [Test]
    public void AsKnownAt_RevisionsInAnyOrder_TakesTheHighestKnownRevision()
    {
        var second = Rev(2, "2026-05-01T09:00:00+08:00", "2026-03-02", "2027-03-01");
        var third = Rev(3, "2026-06-01T09:00:00+08:00", "2026-03-02", null);

        Assert.That(Show(ListMembership.AsKnownAt(History([third, First, second]), T(KnownAt))), Is.EqualTo("2026-03-02..open"));
        Assert.That(Show(ListMembership.AsKnownAt(History([third, First, second]), T("2026-05-15T00:00:00+08:00"))),
            Is.EqualTo("2026-03-02..2027-03-01"));
    }

    [Test]
    public void AsKnownAt_RevisionEndingBeforeItStarts_IsNull()
    {
        Assert.That(ListMembership.AsKnownAt(History([Rev(1, Listed, "2026-03-02", "2026-03-01")]), T(KnownAt)), Is.Null);
    }

    // Ending events recorded on 2026-10-08, known at 2026-12-01, on a listing of 2026-03-02..2028-03-01.
    [TestCase("revoked", "2026-03-01", "none", TestName = "AsKnownAt_RevokedBeforeFrom_NeverApplied")]
    [TestCase("revoked", "2026-03-02", "none", TestName = "AsKnownAt_RevokedOnFrom_NeverApplied")]
    [TestCase("revoked", "2026-03-03", "2026-03-02..2026-03-02", TestName = "AsKnownAt_RevokedTheDayAfterFrom_LeavesOneDay")]
    [TestCase("revoked", "2026-09-30", "2026-03-02..2026-09-29", TestName = "AsKnownAt_RevokedInsideThePeriod_EndsTheDayBefore")]
    [TestCase("revoked", "2028-03-01", "2026-03-02..2028-02-29", TestName = "AsKnownAt_RevokedOnTo_EndsTheDayBefore")]
    [TestCase("revoked", "2028-03-02", "2026-03-02..2028-03-01", TestName = "AsKnownAt_RevokedAfterTo_ChangesNothing")]
    [TestCase("withdrawn", "2026-01-15", "none", TestName = "AsKnownAt_WithdrawnBeforeFrom_NeverApplied")]
    [TestCase("withdrawn", "2026-03-02", "none", TestName = "AsKnownAt_WithdrawnOnFrom_NeverApplied")]
    [TestCase("withdrawn", "2026-09-30", "2026-03-02..2026-09-29", TestName = "AsKnownAt_WithdrawnInsideThePeriod_EndsTheDayBefore")]
    [TestCase("repaired", "2026-09-30", "2026-03-02..2026-09-29", TestName = "AsKnownAt_RepairedInsideThePeriod_EndsTheDayBefore")]
    [TestCase("repaired", "2026-03-02", "none", TestName = "AsKnownAt_RepairedOnFrom_LeavesNoDay")]
    [TestCase("repaired", "2029-01-01", "2026-03-02..2028-03-01", TestName = "AsKnownAt_RepairedAfterTo_ChangesNothing")]
    [TestCase("performed", "2026-09-30", "2026-03-02..2026-09-29", TestName = "AsKnownAt_PerformedInsideThePeriod_EndsTheDayBefore")]
    [TestCase("performed", "2026-03-03", "2026-03-02..2026-03-02", TestName = "AsKnownAt_PerformedTheDayAfterFrom_LeavesOneDay")]
    [TestCase("performed", "2026-03-02", "none", TestName = "AsKnownAt_PerformedOnFrom_LeavesNoDay")]
    [TestCase("objection", "2026-09-30", "2026-03-02..2028-03-01", TestName = "AsKnownAt_Objection_ChangesNothing")]
    [TestCase("deleted", "2026-09-30", "2026-03-02..2028-03-01", TestName = "AsKnownAt_UnknownEventKind_ChangesNothing")]
    public void AsKnownAt_EndingEvent_EndsTheListingTheDayBeforeItTakesEffect(string kind, string effectiveOn, string expected)
    {
        var history = History([First], Ev(kind, Later, on: effectiveOn));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo(expected));
    }

    [TestCase("revoked")]
    [TestCase("withdrawn")]
    [TestCase("repaired")]
    [TestCase("performed")]
    public void AsKnownAt_EndingEventRecordedAfterKnownAt_IsIgnored(string kind)
    {
        var history = History([First], Ev(kind, "2026-12-05T09:00:00+08:00", on: "2026-03-02"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2028-03-01"));
        Assert.That(ListMembership.AsKnownAt(history, T("2026-12-05T09:00:00+08:00")), Is.Null);
    }

    [Test]
    public void AsKnownAt_OpenEndedListingPerformed_GetsAnEnd()
    {
        var history = History([Rev(1, Listed, "2026-03-02", null)], Ev("performed", Later, on: "2026-10-08"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2026-10-07"));
    }

    // Without an effective day the listing ends on the Beijing (UTC+8) day of the recording.
    [TestCase("2026-09-30T15:59:59+00:00", "2026-03-02..2026-09-29", TestName = "AsKnownAt_EndingWithoutDayAt2359Beijing_EndsTheDayBefore")]
    [TestCase("2026-09-30T16:00:00+00:00", "2026-03-02..2026-09-30", TestName = "AsKnownAt_EndingWithoutDayAtMidnightBeijing_IsTheNextBeijingDay")]
    [TestCase("2026-10-01T01:30:00+08:00", "2026-03-02..2026-09-30", TestName = "AsKnownAt_EndingWithoutDayInBeijingTime_UsesThatDay")]
    [TestCase("2026-09-30T23:30:00-05:00", "2026-03-02..2026-09-30", TestName = "AsKnownAt_EndingWithoutDayInAnotherOffset_UsesTheBeijingDay")]
    [TestCase("2026-03-01T16:30:00+00:00", "none", TestName = "AsKnownAt_RevokedWithoutDayOnFromInBeijing_NeverApplied")]
    public void AsKnownAt_EndingEventWithoutEffectiveDay_UsesTheBeijingDayOfRecording(string recordedAt, string expected)
    {
        var history = History([First], Ev("revoked", recordedAt));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo(expected));
    }

    [Test]
    public void AsKnownAt_SeveralEndingEvents_TheEarliestEndWins()
    {
        var performed = Ev("performed", "2026-10-08T09:00:00+08:00", on: "2026-09-30");
        var repaired = Ev("repaired", "2026-10-09T09:00:00+08:00", on: "2026-07-01");

        Assert.That(Show(ListMembership.AsKnownAt(History([First], performed, repaired), T(KnownAt))), Is.EqualTo("2026-03-02..2026-06-30"));
        Assert.That(Show(ListMembership.AsKnownAt(History([First], repaired, performed), T(KnownAt))), Is.EqualTo("2026-03-02..2026-06-30"));
        Assert.That(Show(ListMembership.AsKnownAt(History([First], performed, repaired), T("2026-10-08T12:00:00+08:00"))),
            Is.EqualTo("2026-03-02..2026-09-29"));
    }

    [TestCase("2026-10-07T00:00:00+08:00", "2026-03-02..2028-03-01", TestName = "AsKnownAt_ExtensionRecordedAfterKnownAt_IsIgnored")]
    [TestCase("2026-10-08T09:00:00+08:00", "2026-03-02..2029-03-01", TestName = "AsKnownAt_ExtensionRecordedAtKnownAt_Applies")]
    [TestCase(KnownAt, "2026-03-02..2029-03-01", TestName = "AsKnownAt_ExtensionRecordedBeforeKnownAt_Applies")]
    public void AsKnownAt_Extension_ReplacesToOnceRecorded(string knownAt, string expected)
    {
        var history = History([First], Ev("extended", Later, newTo: "2029-03-01"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(knownAt))), Is.EqualTo(expected));
    }

    [Test]
    public void AsKnownAt_TwoExtensions_TheLatestRecordedWins()
    {
        var first = Ev("extended", "2026-10-08T09:00:00+08:00", newTo: "2029-03-01");
        var second = Ev("extended", "2027-01-10T09:00:00+08:00", newTo: "2030-03-01");

        Assert.That(Show(ListMembership.AsKnownAt(History([First], first, second), T(KnownAt))), Is.EqualTo("2026-03-02..2029-03-01"));
        Assert.That(Show(ListMembership.AsKnownAt(History([First], first, second), T("2027-02-01T00:00:00+08:00"))),
            Is.EqualTo("2026-03-02..2030-03-01"));
        Assert.That(Show(ListMembership.AsKnownAt(History([First], second, first), T("2027-02-01T00:00:00+08:00"))),
            Is.EqualTo("2026-03-02..2030-03-01"));
    }

    [Test]
    public void AsKnownAt_LaterExtensionToAnEarlierDay_StillReplacesTo()
    {
        var history = History([First], Ev("extended", Later, newTo: "2029-03-01"), Ev("extended", "2026-11-01T09:00:00+08:00", newTo: "2028-09-01"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2028-09-01"));
    }

    [Test]
    public void AsKnownAt_CorrectionAfterAnExtension_KeepsTheExtendedEnd()
    {
        // The department corrects the record's content and resubmits its own end; the court's extension stands.
        var history = History([First, Rev(2, "2026-11-01T09:00:00+08:00", "2026-03-02", "2028-03-01")],
            Ev("extended", Later, newTo: "2029-03-01"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2029-03-01"));
    }

    [Test]
    public void AsKnownAt_ExtensionOfAnOpenEndedListing_GivesItAnEnd()
    {
        var history = History([Rev(1, Listed, "2026-03-02", null)], Ev("extended", Later, newTo: "2029-03-01"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2029-03-01"));
    }

    [Test]
    public void AsKnownAt_ExtensionWithoutNewEnd_IsIgnored()
    {
        var history = History([First], Ev("extended", Later));

        Assert.That(Show(ListMembership.AsKnownAt(history, T(KnownAt))), Is.EqualTo("2026-03-02..2028-03-01"));
    }

    [TestCase("2026-09-01T09:00:00+08:00", "2027-01-10T09:00:00+08:00", TestName = "AsKnownAt_ExtensionAfterPerformance_DoesNotReachPastTheEnd")]
    [TestCase("2027-01-10T09:00:00+08:00", "2026-09-01T09:00:00+08:00", TestName = "AsKnownAt_PerformanceAfterExtension_EndsTheListing")]
    public void AsKnownAt_ExtensionAndEndingEvent_TheEndingWins(string performedAt, string extendedAt)
    {
        var history = History([First], Ev("performed", performedAt, on: "2026-08-31"), Ev("extended", extendedAt, newTo: "2029-03-01"));

        Assert.That(Show(ListMembership.AsKnownAt(history, T("2027-02-01T00:00:00+08:00"))), Is.EqualTo("2026-03-02..2026-08-30"));
    }

    [Test]
    public void DayOf_Instant_IsTheBeijingCalendarDay()
    {
        Assert.That(ListMembership.DayOf(T("2026-12-31T16:00:00+00:00")), Is.EqualTo(D("2027-01-01")));
        Assert.That(ListMembership.DayOf(T("2026-12-31T15:59:59.9999999+00:00")), Is.EqualTo(D("2026-12-31")));
    }

    internal static RecordHistory History(IReadOnlyList<RevisionFact> revisions, params EventFact[] events) =>
        new(Id(42), CompanyA, "SXBZXR", revisions, events);

    internal static RevisionFact Rev(int revision, string recordedAt, string from, string? to) =>
        new(revision, T(recordedAt), D(from), to is null ? null : D(to));

    internal static EventFact Ev(string kind, string recordedAt, string? on = null, string? newTo = null) =>
        new(kind, T(recordedAt), on is null ? null : D(on), newTo is null ? null : D(newTo));

    internal static string Show(ListEntry? entry) => entry is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{entry.From:yyyy-MM-dd}..{(entry.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}");
}
