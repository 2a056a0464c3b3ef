using CreditKaizhou.Domain.Lists;
using static CreditKaizhou.Tests.Domain.Lists.ListsTestData;

namespace CreditKaizhou.Tests.Domain.Lists;

public class ListsCodesTests
{
    [TestCase(ListColour.Red, "red", "红名单")]
    [TestCase(ListColour.Black, "black", "黑名单")]
    public void ListColour_EachValue_HasItsCodeAndNameAndParsesFromBoth(ListColour value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(ListColourCodes.Parse(code), Is.EqualTo(value));
        Assert.That(ListColourCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(MeasureKind.Punishment, "punishment", "联合惩戒")]
    [TestCase(MeasureKind.Incentive, "incentive", "联合激励")]
    public void MeasureKind_EachValue_HasItsCodeAndNameAndParsesFromBoth(MeasureKind value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(MeasureKindCodes.Parse(code), Is.EqualTo(value));
        Assert.That(MeasureKindCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(Verdict.Eligible, "eligible", "可以参与")]
    [TestCase(Verdict.Review, "review", "需人工审查")]
    [TestCase(Verdict.Barred, "barred", "限制参与")]
    public void Verdict_EachValue_HasItsCodeAndNameAndParsesFromBoth(Verdict value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(VerdictCodes.Parse(code), Is.EqualTo(value));
        Assert.That(VerdictCodes.Parse(name), Is.EqualTo(value));
    }

    [Test]
    public void Verdict_Values_AreOrderedFromBestToWorst()
    {
        Assert.That(new[] { Verdict.Eligible, Verdict.Review, Verdict.Barred }, Is.Ordered);
    }

    [TestCase("grey")]
    [TestCase("")]
    [TestCase(null)]
    public void ListColour_UnknownText_DoesNotParse(string? text)
    {
        Assert.That(ListColourCodes.TryParse(text, out _), Is.False);
    }

    [TestCase("bar", true, false, "bar")]
    [TestCase("review", true, false, "review")]
    [TestCase("priority", true, true, "review")]
    [TestCase("fast-track", true, true, "review")]
    [TestCase("fewer-inspections", true, true, "review")]
    [TestCase("tolerance", true, true, "review")]
    [TestCase("BAR", true, false, "bar")]
    [TestCase(" bar ", true, false, "bar")]
    [TestCase("barred", false, false, "review")]
    [TestCase("suspend", false, false, "review")]
    [TestCase("", false, false, "review")]
    [TestCase(null, false, false, "review")]
    public void MeasureEffects_Effect_IsClassified(string? effect, bool known, bool incentive, string punitive)
    {
        Assert.That((MeasureEffects.IsKnown(effect), MeasureEffects.IsIncentive(effect), MeasureEffects.PunitiveEffect(effect)),
            Is.EqualTo((known, incentive, punitive)));
    }

    [Test]
    public void MeasureEffects_PunitiveAndIncentive_PartitionAll()
    {
        Assert.That(MeasureEffects.Punitive.Concat(MeasureEffects.Incentive), Is.EquivalentTo(MeasureEffects.All));
        Assert.That(MeasureEffects.All, Is.Unique);
    }

    [Test]
    public void CheckContexts_All_AreTheSixDocumentedContexts()
    {
        Assert.That(CheckContexts.All, Is.EqualTo(new[] { "tendering", "procurement", "subsidy", "land", "licensing", "commendation" }));
    }

    [TestCase("tendering", true)]
    [TestCase("commendation", true)]
    [TestCase("Tendering", false)]
    [TestCase("housing", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void CheckContexts_IsKnown_IsExact(string? context, bool expected)
    {
        Assert.That(CheckContexts.IsKnown(context), Is.EqualTo(expected));
    }

    [TestCase("revoked", true)]
    [TestCase("withdrawn", true)]
    [TestCase("repaired", true)]
    [TestCase("performed", true)]
    [TestCase("extended", false)]
    [TestCase("objection", false)]
    [TestCase("deleted", false)]
    [TestCase("Revoked", false)]
    [TestCase(null, false)]
    public void RecordEventKinds_Kind_EndsAListingAsDocumented(string? kind, bool ends)
    {
        Assert.That(RecordEventKinds.Ends(kind), Is.EqualTo(ends));
    }

    [Test]
    public void RecordEventKinds_All_AreTheKindsTheSchemaAllows()
    {
        Assert.That(RecordEventKinds.All, Is.EquivalentTo(new[] { "revoked", "repaired", "performed", "extended", "objection", "withdrawn" }));
    }

    [TestCase("2026-03-01", false, TestName = "IsActiveOn_DayBeforeFrom_IsFalse")]
    [TestCase("2026-03-02", true, TestName = "IsActiveOn_From_IsTrue")]
    [TestCase("2028-03-01", true, TestName = "IsActiveOn_To_IsTrue")]
    [TestCase("2028-03-02", false, TestName = "IsActiveOn_DayAfterTo_IsFalse")]
    public void IsActiveOn_BoundedEntry_IncludesBothEnds(string day, bool expected)
    {
        Assert.That(Entry("SXBZXR", from: "2026-03-02", to: "2028-03-01").IsActiveOn(D(day)), Is.EqualTo(expected));
    }

    [TestCase("0001-01-01", false)]
    [TestCase("2026-03-01", false)]
    [TestCase("2026-03-02", true)]
    [TestCase("9999-12-31", true)]
    public void IsActiveOn_OpenEndedEntry_HasNoEnd(string day, bool expected)
    {
        Assert.That(Entry("JYYC", from: "2026-03-02", to: null).IsActiveOn(D(day)), Is.EqualTo(expected));
    }
}
