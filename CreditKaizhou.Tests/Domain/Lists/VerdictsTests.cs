using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>A single company: boundary days, several reasons at once, their order, incentives beside reasons.</summary>
public class VerdictsTests
{
    [TestCase("2026-03-01", Verdict.Eligible, TestName = "Evaluate_DayBeforeFrom_IsEligible")]
    [TestCase("2026-03-02", Verdict.Barred, TestName = "Evaluate_OnFrom_IsBarred")]
    [TestCase("2027-06-15", Verdict.Barred, TestName = "Evaluate_InsideThePeriod_IsBarred")]
    [TestCase("2028-03-01", Verdict.Barred, TestName = "Evaluate_OnTo_IsBarred")]
    [TestCase("2028-03-02", Verdict.Eligible, TestName = "Evaluate_DayAfterTo_IsEligible")]
    public void Evaluate_BoundaryDaysOfAListing_CountFromAndToInclusive(string asOf, Verdict expected)
    {
        var result = Check(Company(Entry(DemoLists.Sxbzxr, from: "2026-03-02", to: "2028-03-01")), CheckContexts.Tendering, asOf);

        Assert.That(result.Verdict, Is.EqualTo(expected));
        Assert.That(result.Reasons, Has.Count.EqualTo(expected == Verdict.Barred ? 1 : 0));
    }

    [TestCase("2026-03-01", Verdict.Eligible)]
    [TestCase("2026-03-02", Verdict.Review)]
    [TestCase("2036-03-02", Verdict.Review)]
    [TestCase("9999-12-31", Verdict.Review)]
    public void Evaluate_OpenEndedListing_CountsFromFromWithoutEnd(string asOf, Verdict expected)
    {
        var result = Check(Company(Entry(DemoLists.Jyyc, from: "2026-03-02", to: null)), CheckContexts.Tendering, asOf);

        Assert.That(result.Verdict, Is.EqualTo(expected));
    }

    [TestCase("2026-07-14", Verdict.Eligible)]
    [TestCase("2026-07-15", Verdict.Barred)]
    [TestCase("2026-07-16", Verdict.Eligible)]
    public void Evaluate_OneDayListing_CountsOnThatDayOnly(string asOf, Verdict expected)
    {
        var result = Check(Company(Entry(DemoLists.Zfcgsx, from: "2026-07-15", to: "2026-07-15")), CheckContexts.Procurement, asOf);

        Assert.That(result.Verdict, Is.EqualTo(expected));
    }

    [TestCase("2026-03-01", "")]
    [TestCase("2026-03-02", "JL-JSJC,JL-LSTD,JL-RQSL")]
    [TestCase("2028-03-01", "JL-JSJC,JL-LSTD,JL-RQSL")]
    [TestCase("2028-03-02", "")]
    public void Evaluate_BoundaryDaysOfARedListing_GiveIncentivesFromFromThroughTo(string asOf, string incentives)
    {
        var result = Check(Company(Entry(DemoLists.Nsxya, from: "2026-03-02", to: "2028-03-01")), CheckContexts.Licensing, asOf);

        Assert.That(Codes(result.Incentives), Is.EqualTo(incentives));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Eligible));
    }

    [Test]
    public void Evaluate_NoEntries_IsEligibleWithNothingToReport()
    {
        var result = Check(Company(), CheckContexts.Tendering);

        Assert.That((result.BidderRef, result.Verdict, result.Reasons.Count, result.Incentives.Count),
            Is.EqualTo(("B1", Verdict.Eligible, 0, 0)));
    }

    [Test]
    public void Evaluate_NoMeasures_IsEligibleWhateverTheLists()
    {
        var result = Check(Company(Entry(DemoLists.Sxbzxr), Entry(DemoLists.Nsxya, 2)), CheckContexts.Tendering, measures: []);

        Assert.That((result.Verdict, result.Reasons.Count, result.Incentives.Count), Is.EqualTo((Verdict.Eligible, 0, 0)));
    }

    [Test]
    public void Evaluate_EntryOnAListTheCatalogueDoesNotKnow_IsIgnored()
    {
        var result = Check(Company(Entry("QTMD")), CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Eligible));
    }

    [Test]
    public void Evaluate_SubjectOnTwoBlackLists_GivesAReasonForEachInListOrder()
    {
        // Given in the reverse of the lists' sort order (SXBZXR 10, ZDSSWF 20).
        var result = Check(Company(Entry(DemoLists.Zdsswf, 2), Entry(DemoLists.Sxbzxr, 1)), CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Select(r => (r.ListCode, r.MeasureCode, r.RecordId)),
            Is.EqualTo(new[] { ("SXBZXR", "CJ-ZTB", Id(1)), ("ZDSSWF", "CJ-ZTB", Id(2)) }));
    }

    [Test]
    public void Evaluate_BarAndReviewListsTogether_IsBarredWithBarReasonsFirst()
    {
        var result = Check(
            Company(Entry(DemoLists.Jyyc, 3), Entry(DemoLists.Scjgyzsx, 2), Entry(DemoLists.Sxbzxr, 1)), CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Select(r => (r.ListCode, r.MeasureCode, r.Effect)), Is.EqualTo(new[]
        {
            ("SXBZXR", "CJ-ZTB", "bar"),
            ("SCJGYZSX", "CJ-SCJG-ZYKL", "review"),
            ("JYYC", "CJ-JYYC-SC", "review"),
        }));
    }

    [Test]
    public void Evaluate_OnlyReviewListsTogether_IsReviewWithAReasonForEach()
    {
        var result = Check(Company(Entry(DemoLists.Jyyc, 2), Entry(DemoLists.Scjgyzsx, 1)), CheckContexts.Procurement);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
        Assert.That(Codes(result.Reasons), Is.EqualTo("CJ-SCJG-ZYKL,CJ-JYYC-SC"));
    }

    [Test]
    public void Evaluate_ScjgyzsxInCommendation_IsBarredThoughItIsOnlyAReviewInTendering()
    {
        var entry = Entry(DemoLists.Scjgyzsx);

        Assert.That(Check(Company(entry), CheckContexts.Commendation).Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(Check(Company(entry), CheckContexts.Tendering).Verdict, Is.EqualTo(Verdict.Review));
    }

    [Test]
    public void Evaluate_TwoRecordsOnTheSameList_GiveAReasonEachOrderedByFrom()
    {
        var result = Check(
            Company(Entry(DemoLists.Sxbzxr, 1, from: "2026-06-01", to: null), Entry(DemoLists.Sxbzxr, 2, from: "2025-12-01", to: "2027-11-30")),
            CheckContexts.Tendering);

        // Record ids run the other way, so only From can give this order.
        Assert.That(result.Reasons.Select(r => (r.RecordId, r.From)),
            Is.EqualTo(new[] { (Id(2), D("2025-12-01")), (Id(1), D("2026-06-01")) }));
    }

    [Test]
    public void Evaluate_TwoMeasuresOnOneListing_AreOrderedByMeasureCode()
    {
        IReadOnlyList<Measure> measures =
        [
            Custom("M-B", MeasureKind.Punishment, MeasureEffects.Bar, CheckContexts.Land, listCodes: DemoLists.Zfcgsx),
            Custom("M-A", MeasureKind.Punishment, MeasureEffects.Bar, CheckContexts.Land, listCodes: DemoLists.Zfcgsx),
        ];

        var result = Check(Company(Entry(DemoLists.Zfcgsx)), CheckContexts.Land, measures: measures);

        Assert.That(Codes(result.Reasons), Is.EqualTo("M-A,M-B"));
    }

    [Test]
    public void Evaluate_MeasuresGivenInAnyOrder_GiveTheSameAnswer()
    {
        var bidder = Company(Entry(DemoLists.Jyyc, 3), Entry(DemoLists.Sxbzxr, 1), Entry(DemoLists.Zdsswf, 2), Entry(DemoLists.Nsxya, 4));

        foreach (var context in CheckContexts.All)
        {
            var forward = Check(bidder, context);
            var backward = Check(bidder, context, measures: [.. Measures.Reverse()]);

            Assert.That((forward.Verdict, forward.Reasons, forward.Incentives),
                Is.EqualTo((backward.Verdict, backward.Reasons, backward.Incentives)), context);
        }
    }

    [TestCase("suspend", TestName = "Evaluate_PunishmentWithAnUnknownEffect_IsReview")]
    [TestCase("", TestName = "Evaluate_PunishmentWithAnEmptyEffect_IsReview")]
    [TestCase("priority", TestName = "Evaluate_PunishmentWithAnIncentiveEffect_IsReview")]
    [TestCase("review", TestName = "Evaluate_PunishmentWithReviewEffect_IsReview")]
    public void Evaluate_PunishmentWhoseEffectIsNotBar_IsReadAsReview(string effect)
    {
        var measure = Custom("CJ-X", MeasureKind.Punishment, effect, CheckContexts.Land, listCodes: DemoLists.Zfcgsx);

        var result = Check(Company(Entry(DemoLists.Zfcgsx)), CheckContexts.Land, measures: [measure]);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
        Assert.That(result.Reasons.Select(r => (r.MeasureCode, r.Effect)), Is.EqualTo(new[] { ("CJ-X", "review") }));
    }

    [TestCase("bar")]
    [TestCase("BAR")]
    [TestCase(" Bar ")]
    public void Evaluate_PunishmentWithBarEffectInAnyCase_IsBarred(string effect)
    {
        var measure = Custom("CJ-X", MeasureKind.Punishment, effect, CheckContexts.Land, listCodes: DemoLists.Zfcgsx);

        var result = Check(Company(Entry(DemoLists.Zfcgsx)), CheckContexts.Land, measures: [measure]);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Single().Effect, Is.EqualTo("bar"));
    }

    [Test]
    public void Evaluate_PunishmentFollowingARedList_StillGivesAReason()
    {
        // Measures decide; a list's colour only limits incentives. Such a measure is a configuration the office chose.
        var measure = Custom("CJ-X", MeasureKind.Punishment, MeasureEffects.Bar, CheckContexts.Land, listCodes: DemoLists.Sxjl);

        var result = Check(Company(Entry(DemoLists.Sxjl)), CheckContexts.Land, measures: [measure]);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
    }

    [Test]
    public void Evaluate_IncentiveFollowingABlackList_GivesNoIncentive()
    {
        IReadOnlyList<Measure> measures =
        [
            .. Measures,
            Custom("JL-X", MeasureKind.Incentive, MeasureEffects.Priority, CheckContexts.Tendering, listCodes: DemoLists.Jyyc),
        ];

        var result = Check(Company(Entry(DemoLists.Jyyc)), CheckContexts.Tendering, measures: measures);

        Assert.That((result.Verdict, Codes(result.Reasons), result.Incentives.Count), Is.EqualTo((Verdict.Review, "CJ-JYYC-SC", 0)));
    }

    [Test]
    public void Evaluate_BarredSubjectOnARedList_KeepsTheBarAndReportsTheIncentive()
    {
        var result = Check(Company(Entry(DemoLists.Nsxya, 2), Entry(DemoLists.Sxbzxr, 1)), CheckContexts.Subsidy);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(Codes(result.Reasons), Is.EqualTo("CJ-CZBZ"));
        Assert.That(result.Incentives.Select(i => (i.ListCode, i.MeasureCode, i.Effect)),
            Is.EqualTo(new[] { ("NSXYA", "JL-ZJYX", "priority") }));
    }

    [Test]
    public void Evaluate_ScjgyzsxAndSxjlInCommendation_IsBarredWithTheIncentiveReported()
    {
        var result = Check(Company(Entry(DemoLists.Sxjl, 2), Entry(DemoLists.Scjgyzsx, 1)), CheckContexts.Commendation);

        // 守信激励对象 does not soften the bar from 评优评先.
        Assert.That((result.Verdict, Codes(result.Reasons), Codes(result.Incentives)), Is.EqualTo((Verdict.Barred, "CJ-PYPX", "JL-ZJYX")));
    }

    [Test]
    public void Evaluate_SubjectOnTwoRedLists_GetsEachIncentivePerListInListOrder()
    {
        var result = Check(Company(Entry(DemoLists.Hggjrz, 2), Entry(DemoLists.Nsxya, 1)), CheckContexts.Licensing);

        Assert.That(result.Incentives.Select(i => $"{i.ListCode}:{i.MeasureCode}"), Is.EqualTo(new[]
        {
            "NSXYA:JL-JSJC", "NSXYA:JL-LSTD", "NSXYA:JL-RQSL", "HGGJRZ:JL-JSJC", "HGGJRZ:JL-LSTD", "HGGJRZ:JL-RQSL",
        }));
        Assert.That(result.Incentives.Select(i => i.AppliesToWholeBidder), Is.All.True);
    }

    [Test]
    public void Evaluate_TwoActiveRecordsOnOneRedList_GiveEachIncentiveOnce()
    {
        var result = Check(
            Company(Entry(DemoLists.Nsxya, 1, from: "2025-04-01", to: "2026-12-31"), Entry(DemoLists.Nsxya, 2, from: "2026-04-01", to: "2027-03-31")),
            CheckContexts.Subsidy);

        Assert.That(Codes(result.Incentives), Is.EqualTo("JL-ZJYX"));
    }

    [Test]
    public void Evaluate_SameInputTwice_GivesEqualAnswers()
    {
        var bidder = Consortium(
            Member(CompanyA, Entry(DemoLists.Jyyc, 1), Entry(DemoLists.Nsxya, 2)),
            Member(CompanyB, Entry(DemoLists.Scjgyzsx, 3, subject: CompanyB)));

        var first = Check(bidder, CheckContexts.Procurement);
        var second = Check(bidder, CheckContexts.Procurement);

        Assert.That((first.BidderRef, first.Verdict, first.Reasons, first.Incentives),
            Is.EqualTo((second.BidderRef, second.Verdict, second.Reasons, second.Incentives)));
    }
}
