using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>
/// Every demo list × every context, for a single company with one active listing, against the demo measures. The
/// expected answers are written out by hand from PRODUCT.md and DemoMeasures, not computed.
/// </summary>
public class VerdictsDemoTableTests
{
    private const string Eligible = "eligible";
    private const string Review = "review";
    private const string Barred = "barred";
    private const string Licensing3 = "JL-JSJC,JL-LSTD,JL-RQSL";

    // list, context, verdict, punishment measures (reasons), incentive measures
    private static readonly (string List, string Context, string Verdict, string Reasons, string Incentives)[] Expected =
    [
        // 失信被执行人: refused in tendering and procurement (法〔2016〕285号, 财库〔2016〕125号), subsidy, land, commendation.
        ("SXBZXR", "tendering", Barred, "CJ-ZTB", ""),
        ("SXBZXR", "procurement", Barred, "CJ-ZFCG", ""),
        ("SXBZXR", "subsidy", Barred, "CJ-CZBZ", ""),
        ("SXBZXR", "land", Barred, "CJ-TDSY", ""),
        ("SXBZXR", "licensing", Eligible, "", ""),
        ("SXBZXR", "commendation", Barred, "CJ-PYPX", ""),
        // 重大税收违法失信主体: the same measures as 失信被执行人.
        ("ZDSSWF", "tendering", Barred, "CJ-ZTB", ""),
        ("ZDSSWF", "procurement", Barred, "CJ-ZFCG", ""),
        ("ZDSSWF", "subsidy", Barred, "CJ-CZBZ", ""),
        ("ZDSSWF", "land", Barred, "CJ-TDSY", ""),
        ("ZDSSWF", "licensing", Eligible, "", ""),
        ("ZDSSWF", "commendation", Barred, "CJ-PYPX", ""),
        // 政府采购严重违法失信行为记录名单: tendering and procurement only.
        ("ZFCGSX", "tendering", Barred, "CJ-ZTB", ""),
        ("ZFCGSX", "procurement", Barred, "CJ-ZFCG", ""),
        ("ZFCGSX", "subsidy", Eligible, "", ""),
        ("ZFCGSX", "land", Eligible, "", ""),
        ("ZFCGSX", "licensing", Eligible, "", ""),
        ("ZFCGSX", "commendation", Eligible, "", ""),
        // 市场监管严重违法失信名单: a major consideration (review) in tendering and procurement; barred from commendation.
        ("SCJGYZSX", "tendering", Review, "CJ-SCJG-ZYKL", ""),
        ("SCJGYZSX", "procurement", Review, "CJ-SCJG-ZYKL", ""),
        ("SCJGYZSX", "subsidy", Eligible, "", ""),
        ("SCJGYZSX", "land", Eligible, "", ""),
        ("SCJGYZSX", "licensing", Eligible, "", ""),
        ("SCJGYZSX", "commendation", Barred, "CJ-PYPX", ""),
        // 经营异常名录: not a bar, a review flag.
        ("JYYC", "tendering", Review, "CJ-JYYC-SC", ""),
        ("JYYC", "procurement", Review, "CJ-JYYC-SC", ""),
        ("JYYC", "subsidy", Eligible, "", ""),
        ("JYYC", "land", Eligible, "", ""),
        ("JYYC", "licensing", Eligible, "", ""),
        ("JYYC", "commendation", Eligible, "", ""),
        // 纳税信用A级: 绿色通道, 容缺受理, fewer inspections in licensing; priority in subsidy and commendation.
        ("NSXYA", "tendering", Eligible, "", ""),
        ("NSXYA", "procurement", Eligible, "", ""),
        ("NSXYA", "subsidy", Eligible, "", "JL-ZJYX"),
        ("NSXYA", "land", Eligible, "", ""),
        ("NSXYA", "licensing", Eligible, "", Licensing3),
        ("NSXYA", "commendation", Eligible, "", "JL-ZJYX"),
        // 海关高级认证企业: licensing incentives only.
        ("HGGJRZ", "tendering", Eligible, "", ""),
        ("HGGJRZ", "procurement", Eligible, "", ""),
        ("HGGJRZ", "subsidy", Eligible, "", ""),
        ("HGGJRZ", "land", Eligible, "", ""),
        ("HGGJRZ", "licensing", Eligible, "", Licensing3),
        ("HGGJRZ", "commendation", Eligible, "", ""),
        // 守信激励对象: as 纳税信用A级.
        ("SXJL", "tendering", Eligible, "", ""),
        ("SXJL", "procurement", Eligible, "", ""),
        ("SXJL", "subsidy", Eligible, "", "JL-ZJYX"),
        ("SXJL", "land", Eligible, "", ""),
        ("SXJL", "licensing", Eligible, "", Licensing3),
        ("SXJL", "commendation", Eligible, "", "JL-ZJYX"),
    ];

    private static IEnumerable<TestCaseData> Table() =>
        Expected.Select(e => new TestCaseData(e.List, e.Context, e.Verdict, e.Reasons, e.Incentives)
            .SetArgDisplayNames(e.List, e.Context, e.Verdict));

    [Test]
    public void ExpectedTable_CoversEveryDemoListAndEveryContextOnce()
    {
        var covered = Expected.Select(e => (e.List, e.Context)).ToList();
        var all = DemoLists.All.SelectMany(l => CheckContexts.All.Select(c => (l.Code, c))).ToList();

        Assert.That(covered, Is.EquivalentTo(all));
        Assert.That(covered, Is.Unique);
    }

    [TestCaseSource(nameof(Table))]
    public void Evaluate_DemoListInContext_GivesTheTablesVerdictReasonsAndIncentives(
        string list, string context, string verdict, string reasons, string incentives)
    {
        var result = Check(Company(Entry(list)), context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict.Code(), Is.EqualTo(verdict));
            Assert.That(Codes(result.Reasons), Is.EqualTo(reasons));
            Assert.That(Codes(result.Incentives), Is.EqualTo(incentives));
            Assert.That(result.Reasons.Select(r => (r.SubjectCode, r.ListCode)), Is.All.EqualTo((CompanyA, list)));
            Assert.That(result.Incentives.Select(i => (i.SubjectCode, i.ListCode, i.AppliesToWholeBidder)),
                Is.All.EqualTo((CompanyA, list, true)));
        }
    }

    private static IEnumerable<TestCaseData> ListsAndContexts() =>
        Expected.Select(e => new TestCaseData(e.List, e.Context).SetArgDisplayNames(e.List, e.Context));

    [TestCaseSource(nameof(ListsAndContexts))]
    public void Evaluate_DemoListInContextOutsideItsPeriod_IsEligibleWithoutReasonsOrIncentives(string list, string context)
    {
        var expired = Check(Company(Entry(list, from: "2023-01-01", to: "2025-12-31")), context);
        var future = Check(Company(Entry(list, from: "2027-01-01", to: null)), context);

        using (Assert.EnterMultipleScope())
        {
            foreach (var result in new[] { expired, future })
            {
                Assert.That(result.Verdict, Is.EqualTo(Verdict.Eligible));
                Assert.That(result.Reasons, Is.Empty);
                Assert.That(result.Incentives, Is.Empty);
            }
        }
    }

    [Test]
    public void Evaluate_SxbzxrInTendering_ReportsTheListTheMeasureAndItsBasis()
    {
        var entry = Entry(DemoLists.Sxbzxr, record: 7, from: "2026-03-02", to: "2028-03-01");

        var result = Check(Company(entry), CheckContexts.Tendering);

        var measure = DemoMeasure(DemoMeasures.RestrictTendering);
        Assert.That((result.BidderRef, result.Verdict), Is.EqualTo(("B1", Verdict.Barred)));
        Assert.That(result.Reasons, Is.EqualTo(new[]
        {
            new VerdictReason(CompanyA, "SXBZXR", "失信被执行人", "CJ-ZTB", "限制参与招标投标", "bar", measure.LegalBasis, Id(7),
                D("2026-03-02"), D("2028-03-01")),
        }));
        Assert.That(result.Reasons[0].LegalBasis, Does.Contain("法〔2016〕285号"));
    }

    [Test]
    public void Evaluate_JyycInProcurement_ReportsAReviewReasonWithItsBasis()
    {
        var result = Check(Company(Entry(DemoLists.Jyyc, record: 3, from: "2026-05-10", to: null)), CheckContexts.Procurement);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
        Assert.That(result.Reasons, Is.EqualTo(new[]
        {
            new VerdictReason(CompanyA, "JYYC", "经营异常名录", "CJ-JYYC-SC", "经营异常名录企业审慎审查", "review",
                DemoMeasure(DemoMeasures.AbnormalOperationReview).LegalBasis, Id(3), D("2026-05-10"), null),
        }));
    }

    [Test]
    public void Evaluate_NsxyaInLicensing_ReportsEachIncentiveWithItsEffectAndBasis()
    {
        var result = Check(Company(Entry(DemoLists.Nsxya)), CheckContexts.Licensing);

        VerdictIncentive Expect(string code, string effect)
        {
            var m = DemoMeasure(code);
            return new VerdictIncentive(CompanyA, "NSXYA", "纳税信用A级纳税人", code, m.Name, effect, m.LegalBasis, true);
        }

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Eligible));
        Assert.That(result.Incentives, Is.EqualTo(new[]
        {
            Expect(DemoMeasures.FewerInspections, "fewer-inspections"),
            Expect(DemoMeasures.FastTrack, "fast-track"),
            Expect(DemoMeasures.Tolerance, "tolerance"),
        }));
    }

    [Test]
    public void DemoMeasures_EveryOne_HasALegalBasisAKnownEffectAndKnownContexts()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var measure in Measures)
            {
                Assert.That(measure.LegalBasis, Is.Not.Empty.And.Not.WhiteSpace, measure.Code);
                Assert.That(MeasureEffects.IsKnown(measure.Effect), Is.True, measure.Code);
                Assert.That(MeasureEffects.IsIncentive(measure.Effect), Is.EqualTo(measure.Kind == MeasureKind.Incentive), measure.Code);
                Assert.That(measure.Contexts, Is.SubsetOf(CheckContexts.All), measure.Code);
                Assert.That(measure.ListCodes, Is.SubsetOf(ListTypes.Keys), measure.Code);
            }
        }
    }
}
