using System.Globalization;
using CreditKaizhou.Domain.Catalogue;
using Kind = CreditKaizhou.Domain.Catalogue.PublicityRuleProblemKind;
using Problem = CreditKaizhou.Domain.Catalogue.PublicityRuleProblem;

namespace CreditKaizhou.Tests.Domain.Catalogue;

public class PublicityRuleTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static PublicityRule Graded(params PublicityPeriod[] periods) => new(PublicityModes.Graded, "分级公示", periods);

    private static PublicityRule GradedWith(Severity severity, bool published, int min, int max) => Graded(
        [.. PublicityRule.NationalGraded.Periods.Select(p => p.Severity == severity ? new PublicityPeriod(severity, published, min, max) : p)]);

    [Test]
    public void Validate_NationalGradedRule_HasNoProblems() => Assert.That(PublicityRule.NationalGraded.Validate(), Is.Empty);

    [TestCase(PublicityModes.Validity)]
    [TestCase(PublicityModes.List)]
    [TestCase(PublicityModes.Permanent)]
    [TestCase(PublicityModes.None)]
    public void Validate_UngradedRuleWithoutPeriods_HasNoProblems(string mode) =>
        Assert.That(new PublicityRule(mode, "说明", []).Validate(), Is.Empty);

    [TestCase(Severity.Minor, 0, 0)]
    [TestCase(Severity.Minor, 0, 3)]
    [TestCase(Severity.Minor, 3, 3)]
    [TestCase(Severity.General, 3, 3)]
    [TestCase(Severity.General, 6, 12)]
    [TestCase(Severity.General, 12, 12)]
    [TestCase(Severity.Serious, 12, 12)]
    [TestCase(Severity.Serious, 12, 24)]
    [TestCase(Severity.Serious, 36, 36)]
    public void Validate_PeriodWithinTheNationalBounds_IsAccepted(Severity severity, int min, int max) =>
        Assert.That(GradedWith(severity, severity != Severity.Minor, min, max).Validate(), Is.Empty);

    [TestCase(Severity.Minor, -1, 3, "minMonths", -1, 0, 3)]
    [TestCase(Severity.Minor, 0, 4, "maxMonths", 4, 0, 3)]
    [TestCase(Severity.General, 2, 12, "minMonths", 2, 3, 12)]
    [TestCase(Severity.General, 3, 13, "maxMonths", 13, 3, 12)]
    [TestCase(Severity.Serious, 11, 36, "minMonths", 11, 12, 36)]
    [TestCase(Severity.Serious, 12, 37, "maxMonths", 37, 12, 36)]
    public void Validate_PeriodOutsideTheNationalBounds_IsReported(
        Severity severity, int min, int max, string property, int actual, int lower, int upper)
    {
        var rule = GradedWith(severity, severity != Severity.Minor, min, max);
        var index = (int)severity;

        Assert.That(rule.Validate(), Is.EqualTo(new[]
        {
            new Problem($"publicityRule.periods[{index}].{property}", Kind.MonthsOutOfRange, Severity: severity,
                Actual: actual, Lower: lower, Upper: upper),
        }));
    }

    [Test]
    public void Validate_GeneralPeriodTooLong_SaysTheBoundsInBothLanguages()
    {
        var problem = GradedWith(Severity.General, true, 3, 18).Validate().Single();

        Assert.That(problem.Describe(), Is.EqualTo("一般失信信息的公示期限应在3至12个月之间（国办发〔2025〕22号），实际为18个月"));
        Assert.That(problem.Describe(English),
            Is.EqualTo("The period for general information must be 3 to 12 months (国办发〔2025〕22号); got 18"));
    }

    [Test]
    public void Validate_MinAboveMax_IsReported()
    {
        var problems = GradedWith(Severity.Serious, true, 30, 24).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new Problem("publicityRule.periods[2].minMonths", Kind.MinAboveMax, Severity: Severity.Serious, Actual: 30, Upper: 24),
        }));
        Assert.That(problems[0].Describe(), Is.EqualTo("严重失信信息的最短公示期限30个月长于最长公示期限24个月"));
        Assert.That(problems[0].Describe(English),
            Is.EqualTo("The minimum period for serious information (30 months) is longer than the maximum (24 months)"));
    }

    [TestCase(Severity.General)]
    [TestCase(Severity.Serious)]
    public void Validate_GeneralOrSeriousNotPublished_IsReported(Severity severity)
    {
        var problems = GradedWith(severity, false, 12, 12).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new Problem($"publicityRule.periods[{(int)severity}].published", Kind.NotPublished, Severity: severity),
        }));
    }

    [Test]
    public void Validate_MinorPublishedForUpTo3Months_IsAccepted_ButNotFor0()
    {
        Assert.That(GradedWith(Severity.Minor, true, 0, 3).Validate(), Is.Empty);
        Assert.That(GradedWith(Severity.Minor, true, 0, 0).Validate(), Is.EqualTo(new[]
        {
            new Problem("publicityRule.periods[0].maxMonths", Kind.PublishedWithoutPeriod, Severity: Severity.Minor),
        }));
    }

    [Test]
    public void Validate_GradedWithoutASeverity_ReportsEachMissingOne()
    {
        var problems = Graded(new PublicityPeriod(Severity.General, true, 3, 12)).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new Problem("publicityRule.periods", Kind.PeriodMissing, Severity: Severity.Minor),
            new Problem("publicityRule.periods", Kind.PeriodMissing, Severity: Severity.Serious),
        }));
        Assert.That(problems[0].Describe(), Is.EqualTo("分级公示须设置轻微失信信息（minor）的公示期限"));
        Assert.That(problems[1].Describe(English), Is.EqualTo("A graded rule needs a period for serious information"));
    }

    [Test]
    public void Validate_GradedWithSeverityTwice_IsReported()
    {
        var problems = Graded([.. PublicityRule.NationalGraded.Periods, new PublicityPeriod(Severity.General, true, 6, 6)]).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new Problem("publicityRule.periods[3].severity", Kind.PeriodDuplicate, Severity: Severity.General,
                OtherPath: "publicityRule.periods[1]"),
        }));
        Assert.That(problems[0].Describe(), Is.EqualTo("一般失信信息的公示期限与 publicityRule.periods[1] 重复"));
    }

    [Test]
    public void Validate_PeriodsOnUngradedRule_AreReported()
    {
        var problems = new PublicityRule(PublicityModes.Validity, "有效期内公示", PublicityRule.NationalGraded.Periods).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new Problem("publicityRule.periods", Kind.PeriodsNotAllowed, Mode: "validity") }));
        Assert.That(problems[0].Describe(), Is.EqualTo("只有分级公示（graded）可以设置各级公示期限，此规则为 validity"));
        Assert.That(problems[0].Describe(English), Is.EqualTo("Only graded rules may have periods per severity; this rule is validity"));
    }

    [TestCase("Graded")]
    [TestCase("forever")]
    [TestCase("")]
    public void Validate_UnknownMode_IsReported(string mode)
    {
        var problems = new PublicityRule(mode, "说明", []).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new Problem("publicityRule.mode", Kind.UnknownMode, Mode: mode) }));
        Assert.That(problems[0].Describe(), Is.EqualTo($"公示方式 '{mode}' 无效，应为 graded, validity, list, permanent, none 之一"));
        Assert.That(problems[0].Describe(English),
            Is.EqualTo($"The publicity mode '{mode}' is invalid; use one of graded, validity, list, permanent, none"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Validate_NoDescription_IsReported(string description)
    {
        var problems = new PublicityRule(PublicityModes.Permanent, description, []).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new Problem("publicityRule.description", Kind.DescriptionMissing) }));
        Assert.That(problems[0].Describe(), Is.EqualTo("未填写公示规则说明"));
    }

    [TestCase(Polarity.Negative, "行政处罚", PublicityModes.Graded)]
    [TestCase(Polarity.Negative, "行政强制", PublicityModes.Graded)]
    [TestCase(Polarity.Negative, "严重失信主体名单", PublicityModes.List)]
    [TestCase(Polarity.Negative, "经营异常名录", PublicityModes.List)]
    [TestCase(Polarity.Neutral, "登记注册基本信息", PublicityModes.Permanent)]
    [TestCase(Polarity.Neutral, "行政许可", PublicityModes.Validity)]
    [TestCase(Polarity.Positive, "守信激励/荣誉", PublicityModes.Validity)]
    [TestCase(Polarity.Positive, "行政奖励", PublicityModes.Validity)]
    public void DefaultFor_PolarityAndCategory_GivesAValidRuleOfTheExpectedMode(Polarity polarity, string category, string mode)
    {
        var rule = PublicityRule.DefaultFor(polarity, category);

        Assert.That(rule.Mode, Is.EqualTo(mode));
        Assert.That(rule.Validate(), Is.Empty);
    }

    [Test]
    public void DefaultFor_Negative_IsTheNationalPeriods()
    {
        Assert.That(PublicityRule.DefaultFor(Polarity.Negative, "行政处罚").Periods, Is.EqualTo(new[]
        {
            new PublicityPeriod(Severity.Minor, false, 0, 3),
            new PublicityPeriod(Severity.General, true, 3, 12),
            new PublicityPeriod(Severity.Serious, true, 12, 36),
        }));
    }

    [TestCase(Severity.Minor, 0, 3)]
    [TestCase(Severity.General, 3, 12)]
    [TestCase(Severity.Serious, 12, 36)]
    public void Bounds_EachSeverity_IsTheNationalRange(Severity severity, int lower, int upper) =>
        Assert.That(PublicityPeriod.Bounds(severity), Is.EqualTo((lower, upper)));

    [Test]
    public void Equals_RulesWithEqualPeriodsInOtherListInstances_AreEqual()
    {
        var copy = new PublicityRule(PublicityRule.NationalGraded.Mode, PublicityRule.NationalGraded.Description,
            [.. PublicityRule.NationalGraded.Periods]);

        Assert.That(copy, Is.EqualTo(PublicityRule.NationalGraded));
        Assert.That(copy.GetHashCode(), Is.EqualTo(PublicityRule.NationalGraded.GetHashCode()));
        Assert.That(copy with { Description = "别的" }, Is.Not.EqualTo(PublicityRule.NationalGraded));
    }
}
