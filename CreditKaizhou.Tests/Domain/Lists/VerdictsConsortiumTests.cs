using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>Consortia (联合体): the worst member decides; reasons and incentives per member, in member order.</summary>
public class VerdictsConsortiumTests
{
    // Three members, each on the named list ("" = on no list); the consortium takes the worst member verdict.
    [TestCase("", "", "", Verdict.Eligible)]
    [TestCase("NSXYA", "HGGJRZ", "SXJL", Verdict.Eligible)]
    [TestCase("JYYC", "", "", Verdict.Review)]
    [TestCase("", "", "JYYC", Verdict.Review)]
    [TestCase("JYYC", "SCJGYZSX", "", Verdict.Review)]
    [TestCase("NSXYA", "JYYC", "HGGJRZ", Verdict.Review)]
    [TestCase("SXBZXR", "", "", Verdict.Barred)]
    [TestCase("", "SXBZXR", "", Verdict.Barred)]
    [TestCase("", "", "SXBZXR", Verdict.Barred)]
    [TestCase("JYYC", "SXBZXR", "SCJGYZSX", Verdict.Barred)]
    [TestCase("NSXYA", "NSXYA", "ZFCGSX", Verdict.Barred)]
    [TestCase("ZFCGSX", "ZDSSWF", "SXBZXR", Verdict.Barred)]
    public void Evaluate_ConsortiumInTendering_TakesTheWorstMemberVerdict(string first, string second, string third, Verdict expected)
    {
        string[] codes = [CompanyA, CompanyB, CompanyC];
        string[] lists = [first, second, third];
        var members = codes.Zip(lists, (code, list) => list.Length == 0 ? Member(code) : Member(code, Entry(list, subject: code)));

        var result = Check(Consortium([.. members]), CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(expected));
        Assert.That(result.BidderRef, Is.EqualTo("B2"));
    }

    [Test]
    public void Evaluate_ConsortiumWithASxbzxrMember_IsBarredWithThatMembersReasonOnly()
    {
        var result = Check(
            Consortium(Member(CompanyA), Member(CompanyB, Entry(DemoLists.Sxbzxr, 5, subject: CompanyB)), Member(CompanyC)),
            CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Select(r => (r.SubjectCode, r.ListName, r.Measure, r.RecordId)),
            Is.EqualTo(new[] { (CompanyB, "失信被执行人", "限制参与招标投标", Id(5)) }));
    }

    [Test]
    public void Evaluate_ConsortiumOfAReviewAndAnEligibleMember_IsReview()
    {
        var result = Check(Consortium(Member(CompanyA), Member(CompanyB, Entry(DemoLists.Jyyc, subject: CompanyB))), CheckContexts.Procurement);

        Assert.That((result.Verdict, Codes(result.Reasons), result.Reasons.Single().SubjectCode),
            Is.EqualTo((Verdict.Review, "CJ-JYYC-SC", CompanyB)));
    }

    [Test]
    public void Evaluate_ConsortiumOfEligibleMembers_IsEligible()
    {
        var result = Check(
            Consortium(
                Member(CompanyA),
                Member(CompanyB, Entry(DemoLists.Sxbzxr, from: "2020-01-01", to: "2021-12-31", subject: CompanyB)),
                Member(CompanyC, Entry(DemoLists.Nsxya, subject: CompanyC))),
            CheckContexts.Tendering);

        Assert.That((result.Verdict, result.Reasons.Count, result.Incentives.Count), Is.EqualTo((Verdict.Eligible, 0, 0)));
    }

    [Test]
    public void Evaluate_ConsortiumWithTwoBarredMembers_ReportsBothInMemberOrder()
    {
        var result = Check(
            Consortium(
                Member(CompanyA, Entry(DemoLists.Zfcgsx, 1)),
                Member(CompanyB, Entry(DemoLists.Sxbzxr, 2, subject: CompanyB))),
            CheckContexts.Procurement);

        // Member order comes before list order: A's ZFCGSX (30) before B's SXBZXR (10).
        Assert.That(result.Reasons.Select(r => (r.SubjectCode, r.ListCode, r.MeasureCode)), Is.EqualTo(new[]
        {
            (CompanyA, "ZFCGSX", "CJ-ZFCG"),
            (CompanyB, "SXBZXR", "CJ-ZFCG"),
        }));
    }

    [Test]
    public void Evaluate_ReviewMemberBeforeBarredMember_ListsTheBarReasonFirst()
    {
        var result = Check(
            Consortium(
                Member(CompanyA, Entry(DemoLists.Jyyc, 1)),
                Member(CompanyB, Entry(DemoLists.Scjgyzsx, 2, subject: CompanyB), Entry(DemoLists.Zdsswf, 3, subject: CompanyB)),
                Member(CompanyC, Entry(DemoLists.Sxbzxr, 4, subject: CompanyC))),
            CheckContexts.Tendering);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Select(r => (r.Effect, r.SubjectCode, r.ListCode, r.MeasureCode)), Is.EqualTo(new[]
        {
            ("bar", CompanyB, "ZDSSWF", "CJ-ZTB"),
            ("bar", CompanyC, "SXBZXR", "CJ-ZTB"),
            ("review", CompanyA, "JYYC", "CJ-JYYC-SC"),
            ("review", CompanyB, "SCJGYZSX", "CJ-SCJG-ZYKL"),
        }));
    }

    [Test]
    public void Evaluate_ConsortiumMembersOnRedListsWithAReason_ReportsBothPerMember()
    {
        var result = Check(
            Consortium(
                Member(CompanyA, Entry(DemoLists.Nsxya, 1)),
                Member(CompanyB, Entry(DemoLists.Zdsswf, 2, subject: CompanyB), Entry(DemoLists.Sxjl, 3, subject: CompanyB))),
            CheckContexts.Subsidy);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
        Assert.That(result.Reasons.Select(r => (r.SubjectCode, r.MeasureCode)), Is.EqualTo(new[] { (CompanyB, "CJ-CZBZ") }));
        Assert.That(result.Incentives.Select(i => (i.SubjectCode, i.ListCode, i.MeasureCode, i.AppliesToWholeBidder)), Is.EqualTo(new[]
        {
            (CompanyA, "NSXYA", "JL-ZJYX", true),
            (CompanyB, "SXJL", "JL-ZJYX", true),
        }));
    }

    // Two members on the named red lists ("" = none; "+" joins two lists of one member). The expected text lists each
    // incentive as member:list:measure:whole, where whole says whether the consortium as a whole enjoys the measure.
    [TestCase("licensing", "NSXYA", "HGGJRZ",
        "A:NSXYA:JL-JSJC:1 A:NSXYA:JL-LSTD:1 A:NSXYA:JL-RQSL:1 B:HGGJRZ:JL-JSJC:1 B:HGGJRZ:JL-LSTD:1 B:HGGJRZ:JL-RQSL:1",
        TestName = "Evaluate_BothMembersQualifyForEveryLicensingIncentive_AppliesToWholeBidder")]
    [TestCase("subsidy", "NSXYA", "HGGJRZ", "A:NSXYA:JL-ZJYX:0",
        TestName = "Evaluate_HggjrzMemberGetsNoSubsidyPriority_DoesNotApplyToWholeBidder")]
    [TestCase("subsidy", "NSXYA", "SXJL", "A:NSXYA:JL-ZJYX:1 B:SXJL:JL-ZJYX:1",
        TestName = "Evaluate_BothMembersQualifyThroughDifferentLists_AppliesToWholeBidder")]
    [TestCase("licensing", "NSXYA", "", "A:NSXYA:JL-JSJC:0 A:NSXYA:JL-LSTD:0 A:NSXYA:JL-RQSL:0",
        TestName = "Evaluate_OneMemberOnNoList_NoIncentiveAppliesToWholeBidder")]
    [TestCase("licensing", "", "SXJL", "B:SXJL:JL-JSJC:0 B:SXJL:JL-LSTD:0 B:SXJL:JL-RQSL:0",
        TestName = "Evaluate_OnlySecondMemberQualifies_NoIncentiveAppliesToWholeBidder")]
    [TestCase("licensing", "NSXYA", "SXBZXR", "A:NSXYA:JL-JSJC:0 A:NSXYA:JL-LSTD:0 A:NSXYA:JL-RQSL:0",
        TestName = "Evaluate_OtherMemberOnlyOnABlackList_NoIncentiveAppliesToWholeBidder")]
    [TestCase("commendation", "NSXYA+SXJL", "SXJL", "A:NSXYA:JL-ZJYX:1 A:SXJL:JL-ZJYX:1 B:SXJL:JL-ZJYX:1",
        TestName = "Evaluate_MemberOnTwoRedListsAndMemberOnOne_ReportsEachListAndAppliesToWholeBidder")]
    [TestCase("tendering", "NSXYA", "SXJL", "",
        TestName = "Evaluate_ContextWithoutIncentives_ReportsNone")]
    public void Evaluate_ConsortiumIncentives_ArePerMemberAndWholeOnlyWhenEveryMemberQualifies(
        string context, string first, string second, string expected)
    {
        var result = Check(Consortium(Listed(CompanyA, first, 1), Listed(CompanyB, second, 10)), context);

        var actual = result.Incentives.Select(i =>
            $"{(i.SubjectCode == CompanyA ? "A" : "B")}:{i.ListCode}:{i.MeasureCode}:{(i.AppliesToWholeBidder ? 1 : 0)}");
        Assert.That(string.Join(" ", actual), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_SecondMembersRedListingExpired_DoesNotApplyToWholeBidder()
    {
        var result = Check(
            Consortium(
                Member(CompanyA, Entry(DemoLists.Nsxya, 1)),
                Member(CompanyB, Entry(DemoLists.Nsxya, 2, from: "2024-04-01", to: "2025-03-31", subject: CompanyB))),
            CheckContexts.Subsidy);

        Assert.That(result.Incentives.Select(i => (i.SubjectCode, i.AppliesToWholeBidder)), Is.EqualTo(new[] { (CompanyA, false) }));
    }

    [Test]
    public void Evaluate_SingleCompanyOnARedList_AppliesToWholeBidder()
    {
        var result = Check(Company(Entry(DemoLists.Sxjl)), CheckContexts.Commendation);

        Assert.That(result.Incentives.Select(i => (i.MeasureCode, i.AppliesToWholeBidder)), Is.EqualTo(new[] { ("JL-ZJYX", true) }));
    }

    private static BidderMember Listed(string code, string lists, int firstRecord) =>
        Member(code, [.. lists.Split('+', StringSplitOptions.RemoveEmptyEntries).Select((list, i) => Entry(list, firstRecord + i, subject: code))]);
}
