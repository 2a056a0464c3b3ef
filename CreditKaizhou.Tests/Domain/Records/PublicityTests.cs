using System.Globalization;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Tests.Domain.Records;

public class PublicityTests
{
    private static readonly PublicityRule Graded = PublicityRule.NationalGraded;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PublicityRule Rule(string mode) => new(mode, "说明", []);

    private static PublicityRule GradedWithMax(int general, int serious) => new(PublicityModes.Graded, "本地规则",
    [
        new PublicityPeriod(Severity.Minor, false, 0, 3),
        new PublicityPeriod(Severity.General, true, 3, general),
        new PublicityPeriod(Severity.Serious, true, 12, serious),
    ]);

    [TestCase(Severity.General, "2026-03-15", "2027-03-14")]
    [TestCase(Severity.Serious, "2026-03-15", "2029-03-14")]
    [TestCase(Severity.General, "2026-01-01", "2026-12-31")]
    [TestCase(Severity.Serious, "2024-02-29", "2027-02-27")]
    [TestCase(Severity.General, "2025-02-28", "2026-02-27")]
    public void LastPublicDay_GradedNationalPeriods_EndTheDayBeforeTheMaximumHasPassed(
        Severity severity, string decision, string lastDay)
    {
        var window = Publicity.LastPublicDay(Graded, severity, D(decision), null);

        Assert.That((window.FirstDay, window.LastDay), Is.EqualTo(((DateOnly?)D(decision), (DateOnly?)D(lastDay))));
        Assert.That(window.IsPublicOn(D(decision).AddDays(-1)), Is.False, "the day before the decision");
        Assert.That(window.IsPublicOn(D(decision)), Is.True, "the decision day");
        Assert.That(window.IsPublicOn(D(lastDay)), Is.True, "the last public day");
        Assert.That(window.IsPublicOn(D(lastDay).AddDays(1)), Is.False, "the day after");
    }

    [TestCase(3, 12, Severity.General, "2026-03-15", "2026-06-14")]
    [TestCase(6, 12, Severity.General, "2026-08-31", "2027-02-27")]
    [TestCase(12, 12, Severity.Serious, "2026-03-15", "2027-03-14")]
    [TestCase(12, 24, Severity.Serious, "2026-03-15", "2028-03-14")]
    public void LastPublicDay_GradedEntryPeriods_UseTheEntrysMaximum(
        int generalMax, int seriousMax, Severity severity, string decision, string lastDay)
    {
        var window = Publicity.LastPublicDay(GradedWithMax(generalMax, seriousMax), severity, D(decision), null);

        Assert.That(window.LastDay, Is.EqualTo(D(lastDay)));
        Assert.That(window.IsPublicOn(D(lastDay)), Is.True);
        Assert.That(window.IsPublicOn(D(lastDay).AddDays(1)), Is.False);
    }

    [Test]
    public void LastPublicDay_GradedMinor_IsNeverPublic()
    {
        var window = Publicity.LastPublicDay(Graded, Severity.Minor, D("2026-03-15"), D("2026-06-14"));

        Assert.That(window, Is.EqualTo(PublicityWindow.NeverPublic));
        Assert.That(window.IsNeverPublic, Is.True);
        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.False);
        Assert.That(window.IsPublicOn(D("2026-04-01")), Is.False);
    }

    [Test]
    public void LastPublicDay_GradedMinorPublishedByTheEntry_IsPublicForItsMaximum()
    {
        var rule = new PublicityRule(PublicityModes.Graded, "确有必要公示",
            [.. Graded.Periods.Select(p => p.Severity == Severity.Minor ? p with { Published = true } : p)]);

        var window = Publicity.LastPublicDay(rule, Severity.Minor, D("2026-03-15"), null);

        Assert.That(window.LastDay, Is.EqualTo(D("2026-06-14")));
    }

    [Test]
    public void LastPublicDay_GradedIgnoresEffectiveTo()
    {
        var window = Publicity.LastPublicDay(Graded, Severity.General, D("2026-03-15"), D("2026-03-20"));

        Assert.That(window.LastDay, Is.EqualTo(D("2027-03-14")));
    }

    [Test]
    public void LastPublicDay_GradedWithoutSeverity_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Publicity.LastPublicDay(Graded, null, D("2026-03-15"), null));

        Assert.That(exception!.ParamName, Is.EqualTo("severity"));
    }

    [Test]
    public void LastPublicDay_GradedWithoutPeriodForTheSeverity_Throws()
    {
        var rule = new PublicityRule(PublicityModes.Graded, "残缺", [new PublicityPeriod(Severity.General, true, 3, 12)]);

        Assert.Throws<ArgumentException>(() => Publicity.LastPublicDay(rule, Severity.Serious, D("2026-03-15"), null));
    }

    [Test]
    public void LastPublicDay_UnknownMode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Publicity.LastPublicDay(Rule("forever"), null, D("2026-03-15"), null));
    }

    [TestCase(PublicityModes.Validity)]
    [TestCase(PublicityModes.List)]
    public void LastPublicDay_ValidityOrList_RunsFromTheDecisionToEffectiveTo(string mode)
    {
        var window = Publicity.LastPublicDay(Rule(mode), null, D("2026-03-15"), D("2028-03-14"));

        Assert.That((window.FirstDay, window.LastDay), Is.EqualTo(((DateOnly?)D("2026-03-15"), (DateOnly?)D("2028-03-14"))));
        Assert.That(window.IsPublicOn(D("2026-03-14")), Is.False, "the day before the decision");
        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.True, "the decision day");
        Assert.That(window.IsPublicOn(D("2028-03-14")), Is.True, "the last public day");
        Assert.That(window.IsPublicOn(D("2028-03-15")), Is.False, "the day after");
    }

    [TestCase(PublicityModes.Validity)]
    [TestCase(PublicityModes.List)]
    public void LastPublicDay_ValidityOrListWithoutEffectiveTo_HasNoEnd(string mode)
    {
        var window = Publicity.LastPublicDay(Rule(mode), null, D("2026-03-15"), null);

        Assert.That((window.FirstDay, window.LastDay), Is.EqualTo(((DateOnly?)D("2026-03-15"), (DateOnly?)null)));
        Assert.That(window.IsPublicOn(D("2026-03-14")), Is.False);
        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.True);
        Assert.That(window.IsPublicOn(DateOnly.MaxValue), Is.True);
    }

    [TestCase(PublicityModes.Validity)]
    [TestCase(PublicityModes.List)]
    public void LastPublicDay_ValidityOrListEndingOnTheDecisionDay_IsPublicThatDayOnly(string mode)
    {
        var window = Publicity.LastPublicDay(Rule(mode), null, D("2026-03-15"), D("2026-03-15"));

        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.True);
        Assert.That(window.IsPublicOn(D("2026-03-16")), Is.False);
    }

    [TestCase(PublicityModes.Validity)]
    [TestCase(PublicityModes.List)]
    public void LastPublicDay_ValidityOrListEndingBeforeTheDecision_IsNeverPublic(string mode)
    {
        var window = Publicity.LastPublicDay(Rule(mode), null, D("2026-03-15"), D("2026-03-14"));

        Assert.That(window, Is.EqualTo(PublicityWindow.NeverPublic));
    }

    [Test]
    public void LastPublicDay_Permanent_HasNoEndWhateverEffectiveTo()
    {
        var window = Publicity.LastPublicDay(Rule(PublicityModes.Permanent), Severity.Serious, D("2026-03-15"), D("2026-04-01"));

        Assert.That((window.FirstDay, window.LastDay), Is.EqualTo(((DateOnly?)D("2026-03-15"), (DateOnly?)null)));
        Assert.That(window.IsPublicOn(D("2026-03-14")), Is.False);
        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.True);
        Assert.That(window.IsPublicOn(D("2099-12-31")), Is.True);
    }

    [Test]
    public void LastPublicDay_None_IsNeverPublic()
    {
        var window = Publicity.LastPublicDay(Rule(PublicityModes.None), null, D("2026-03-15"), null);

        Assert.That(window.IsNeverPublic, Is.True);
        Assert.That(window.IsPublicOn(D("2026-03-15")), Is.False);
    }

    [Test]
    public void PublicityWindow_ToString_SaysTheDays()
    {
        Assert.That(PublicityWindow.Between(D("2026-03-15"), D("2027-03-14")).ToString(), Is.EqualTo("2026-03-15 – 2027-03-14"));
        Assert.That(PublicityWindow.WithoutEnd(D("2026-03-15")).ToString(), Is.EqualTo("2026-03-15 – no end"));
        Assert.That(PublicityWindow.NeverPublic.ToString(), Is.EqualTo("never public"));
    }
}
