using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>What <see cref="Verdicts.Evaluate"/> refuses: it never answers on a measure without a basis or an unknown context.</summary>
public class VerdictsArgumentTests
{
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\r\n")]
    [TestCase("\u3000")]
    public void Evaluate_MeasureWithoutLegalBasis_Throws(string basis)
    {
        var measure = DemoMeasure(DemoMeasures.RestrictTendering) with { LegalBasis = basis };

        var e = Assert.Throws<ArgumentException>(() => Check(Company(Entry(DemoLists.Sxbzxr)), CheckContexts.Tendering, measures: [measure]));

        Assert.That(e.ParamName, Is.EqualTo("measures"));
        Assert.That(e.Message, Does.Contain("CJ-ZTB").And.Contain("国办发〔2020〕49号"));
    }

    [Test]
    public void Evaluate_MeasureWithoutLegalBasisThatWouldNotApply_StillThrows()
    {
        // A licensing incentive without a basis, in a tendering check of a company on no list.
        IReadOnlyList<Measure> measures = [.. Measures.Select(m => m.Code == DemoMeasures.FastTrack ? m with { LegalBasis = "" } : m)];

        Assert.Throws<ArgumentException>(() => Check(Company(), CheckContexts.Tendering, measures: measures));
    }

    [TestCase("bidding")]
    [TestCase("")]
    [TestCase("Tendering")]
    [TestCase(" tendering")]
    [TestCase("招标投标")]
    public void Evaluate_UnknownContext_Throws(string context)
    {
        var e = Assert.Throws<ArgumentException>(() => Check(Company(), context));

        Assert.That(e.ParamName, Is.EqualTo("context"));
    }

    [Test]
    public void Evaluate_NullContext_Throws()
    {
        Assert.Throws<ArgumentException>(() => Verdicts.Evaluate(Company(), null!, D(AsOf), Measures, ListTypes));
    }

    [Test]
    public void Evaluate_BidderWithoutMembers_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Check(new Bidder("B9", []), CheckContexts.Tendering));

        Assert.That(e.ParamName, Is.EqualTo("bidder"));
    }

    [Test]
    public void Evaluate_MeasureFollowingAnUnknownList_Throws()
    {
        var measure = Custom("CJ-X", MeasureKind.Punishment, MeasureEffects.Bar, CheckContexts.Land, listCodes: "QTMD");

        Assert.Throws<ArgumentException>(() => Check(Company(), CheckContexts.Land, measures: [.. Measures, measure]));
    }

    [Test]
    public void Evaluate_MeasureGivenTwice_Throws()
    {
        var again = DemoMeasure(DemoMeasures.RestrictTendering) with { Version = 2 };

        Assert.Throws<ArgumentException>(() => Check(Company(), CheckContexts.Tendering, measures: [.. Measures, again]));
    }

    [Test]
    public void Evaluate_MeasureOfUndefinedKind_Throws()
    {
        var measure = DemoMeasure(DemoMeasures.RestrictTendering) with { Kind = (MeasureKind)7 };

        Assert.Throws<ArgumentException>(() => Check(Company(), CheckContexts.Tendering, measures: [measure]));
    }

    [Test]
    public void Evaluate_MeasureWithAContextThePlatformDoesNotKnowYet_IsAccepted()
    {
        // The API documents that more contexts may be added; a measure may name one before the code knows it.
        var measure = DemoMeasure(DemoMeasures.RestrictTendering) with { Contexts = ["tendering", "housing"] };

        var result = Check(Company(Entry(DemoLists.Sxbzxr)), CheckContexts.Tendering, measures: [measure]);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Barred));
    }
}
