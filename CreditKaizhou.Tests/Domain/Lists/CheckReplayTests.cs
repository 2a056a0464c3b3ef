using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;
using CsCheck;
using static CreditKaizhou.Tests.Domain.Lists.ListMembershipTests;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>
/// A bidding check re-run "as known at" its original instant gives the original answer, whatever was recorded
/// afterwards: corrections, revocations, withdrawals, performance and late submissions.
/// </summary>
public class CheckReplayTests
{
    private const string CheckedAt = "2026-11-20T09:30:00+08:00";
    private const string Now = "2027-02-01T00:00:00+08:00";

    // Company A on 失信被执行人; later corrected to end before the check day, then revoked from its first day.
    private static readonly RevisionFact A1 = Rev(1, "2026-03-02T10:00:00+08:00", "2026-03-02", "2028-03-01");
    private static readonly RevisionFact A2 = Rev(2, "2026-12-01T10:00:00+08:00", "2026-03-02", "2026-10-31");
    private static readonly EventFact ARevoked = Ev("revoked", "2027-01-05T10:00:00+08:00", on: "2026-03-02");

    // Company B on 经营异常名录; later withdrawn from its first day.
    private static readonly RevisionFact B1 = Rev(1, "2026-05-10T10:00:00+08:00", "2026-05-10", null);
    private static readonly EventFact BWithdrawn = Ev("withdrawn", "2026-12-03T10:00:00+08:00", on: "2026-05-10");

    // Company B on 失信被执行人 since 2024, extended before the check; performed afterwards.
    private static readonly RevisionFact E1 = Rev(1, "2024-11-01T10:00:00+08:00", "2024-11-01", "2026-10-31");
    private static readonly EventFact EExtended = Ev("extended", "2026-10-20T10:00:00+08:00", newTo: "2027-10-31");
    private static readonly EventFact EPerformed = Ev("performed", "2026-12-20T10:00:00+08:00", on: "2026-12-18");

    // Company C on 重大税收违法失信主体 from 2026-10-01, but submitted late, after the check.
    private static readonly RevisionFact C1 = Rev(1, "2026-12-15T10:00:00+08:00", "2026-10-01", "2029-09-30");

    // What the database held when the check was made: written out, not filtered.
    private static readonly RecordHistory[] AtCheck =
    [
        Record(1, CompanyA, DemoLists.Sxbzxr, [A1]),
        Record(2, CompanyB, DemoLists.Jyyc, [B1]),
        Record(3, CompanyB, DemoLists.Sxbzxr, [E1], EExtended),
    ];

    // What it holds now: the same facts with the later ones appended.
    private static readonly RecordHistory[] Today =
    [
        Record(1, CompanyA, DemoLists.Sxbzxr, [A1, A2], ARevoked),
        Record(2, CompanyB, DemoLists.Jyyc, [B1], BWithdrawn),
        Record(3, CompanyB, DemoLists.Sxbzxr, [E1], EExtended, EPerformed),
        Record(4, CompanyC, DemoLists.Zdsswf, [C1]),
    ];

    // Random histories over four years: revisions and events of every kind at random instants, with random days.
    private static readonly Gen<DateOnly> Day = Gen.Int[0, 1500].Select(n => D("2024-01-01").AddDays(n));
    private static readonly Gen<DateTimeOffset> Instant = Gen.Long[0, 1500L * 24 * 3600].Select(s => T("2024-01-01T00:00:00+08:00").AddSeconds(s));
    private static readonly Gen<RecordHistory> Histories = Gen.Select(
            Gen.Select(Gen.Int[1, 5], Instant, Day, Gen.Int[-30, 1200].Nullable())
                .Select((n, at, from, length) => new RevisionFact(n, at, from, length is { } l ? from.AddDays(l) : null))
                .List[0, 4],
            Gen.Select(Gen.OneOf([.. RecordEventKinds.All]), Instant, Day.Nullable(), Day.Nullable())
                .Select((kind, at, on, newTo) => new EventFact(kind, at, on, newTo))
                .List[0, 5])
        .Select((revisions, events) => new RecordHistory(Id(1), CompanyA, DemoLists.Sxbzxr, revisions, events));

    [Test]
    public void Replay_AsKnownAtTheCheck_GivesTheOriginalAnswerDespiteLaterChanges()
    {
        var original = CheckAll(AtCheck, T(CheckedAt));
        var replayed = CheckAll(Today, T(CheckedAt));

        Assert.That(replayed.Select(Flatten), Is.EqualTo(original.Select(Flatten)));
    }

    [Test]
    public void Replay_AsKnownAtTheCheck_IsBarredForTheReasonsThenKnown()
    {
        var replayed = CheckAll(Today, T(CheckedAt));

        Assert.That(replayed.Select(v => (v.BidderRef, v.Verdict)), Is.EqualTo(new[] { ("B1", Verdict.Barred), ("B2", Verdict.Barred) }));
        Assert.That(replayed[0].Reasons.Select(r => (r.RecordId, r.From, r.To)),
            Is.EqualTo(new[] { (Id(1), D("2026-03-02"), (DateOnly?)D("2028-03-01")) }), "the correction and the revocation came later");
        Assert.That(replayed[1].Reasons.Select(r => (r.SubjectCode, r.ListCode, r.Effect, r.To)), Is.EqualTo(new[]
        {
            (CompanyB, "SXBZXR", "bar", (DateOnly?)D("2027-10-31")),
            (CompanyB, "JYYC", "review", (DateOnly?)null),
        }), "the extension was known; the withdrawal, the performance and company C's listing were not");
    }

    [Test]
    public void Check_AsKnownNow_SeesEveryLaterChange()
    {
        var now = CheckAll(Today, T(Now));

        Assert.That(now[0].Verdict, Is.EqualTo(Verdict.Eligible), "company A's listing was revoked from its first day");
        Assert.That(now[1].Reasons.Select(r => (r.SubjectCode, r.ListCode, r.To)), Is.EqualTo(new[]
        {
            (CompanyB, "SXBZXR", (DateOnly?)D("2026-12-17")),
            (CompanyC, "ZDSSWF", (DateOnly?)D("2029-09-30")),
        }));
    }

    [Test]
    public void AsKnownAt_FactsRecordedAfterKnownAt_NeverChangeTheAnswer()
    {
        Gen.Select(Histories, Instant).Sample((full, knownAt) =>
        {
            var stored = full with
            {
                Revisions = [.. full.Revisions.Where(r => r.RecordedAt <= knownAt)],
                Events = [.. full.Events.Where(e => e.RecordedAt <= knownAt)],
            };
            return Equals(ListMembership.AsKnownAt(full, knownAt), ListMembership.AsKnownAt(stored, knownAt));
        }, iter: 20_000);
    }

    [Test]
    public void AsKnownAt_AnyHistory_GivesNoEntryWithoutADay()
    {
        Gen.Select(Histories, Instant).Sample((history, knownAt) =>
        {
            var entry = ListMembership.AsKnownAt(history, knownAt);
            return entry is null || entry.To is not { } to || entry.From <= to;
        }, iter: 20_000);
    }

    private static RecordHistory Record(int id, string subject, string list, RevisionFact[] revisions, params EventFact[] events) =>
        new(Id(id), subject, list, revisions, events);

    /// <summary>Checks B1 (company A alone) and B2 (a consortium of B and C) in tendering on 2026-11-20.</summary>
    private static BidderVerdict[] CheckAll(IReadOnlyList<RecordHistory> histories, DateTimeOffset knownAt)
    {
        BidderMember Known(string subject) => new(subject,
            [.. histories.Where(h => h.SubjectKey == subject).Select(h => ListMembership.AsKnownAt(h, knownAt)).OfType<ListEntry>()]);

        return
        [
            Check(new Bidder("B1", [Known(CompanyA)]), CheckContexts.Tendering),
            Check(new Bidder("B2", [Known(CompanyB), Known(CompanyC)]), CheckContexts.Tendering),
        ];
    }

    private static string Flatten(BidderVerdict v) =>
        $"{v.BidderRef} {v.Verdict.Code()} | {string.Join("; ", v.Reasons)} | {string.Join("; ", v.Incentives)}";
}
