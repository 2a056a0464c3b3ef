using System.Globalization;
using static CreditKaizhou.Domain.Identifiers.IdentifierText;

namespace CreditKaizhou.Domain.Catalogue;

/// <summary>What is wrong with a publicity rule (<see cref="PublicityRule.Validate"/>).</summary>
public enum PublicityRuleProblemKind
{
    /// <summary>The mode is not one of <see cref="PublicityModes.All"/>.</summary>
    UnknownMode,
    /// <summary>The description is empty or only whitespace.</summary>
    DescriptionMissing,
    /// <summary>Periods on a rule that is not graded.</summary>
    PeriodsNotAllowed,
    /// <summary>A graded rule without a period for a severity.</summary>
    PeriodMissing,
    /// <summary>Two periods for the same severity.</summary>
    PeriodDuplicate,
    /// <summary>一般 or 严重 information marked as not published.</summary>
    NotPublished,
    /// <summary>A number of months outside the bounds of <see cref="PublicityPeriod.Bounds"/>.</summary>
    MonthsOutOfRange,
    /// <summary>The minimum period is longer than the maximum.</summary>
    MinAboveMax,
    /// <summary>Published, but for a maximum of 0 months.</summary>
    PublishedWithoutPeriod,
}

/// <summary>One problem found in a publicity rule.</summary>
/// <param name="Path">Where, e.g. <c>publicityRule.periods[1].maxMonths</c> (0-based indexes).</param>
/// <param name="Kind">Machine-readable kind.</param>
/// <param name="Mode">For the mode kinds: the mode given.</param>
/// <param name="Severity">The severity of the period concerned.</param>
/// <param name="Actual">The number of months given.</param>
/// <param name="Lower">For <see cref="PublicityRuleProblemKind.MonthsOutOfRange"/>: the lowest number allowed.</param>
/// <param name="Upper">The highest number allowed (the maximum period, for <see cref="PublicityRuleProblemKind.MinAboveMax"/>).</param>
/// <param name="OtherPath">For <see cref="PublicityRuleProblemKind.PeriodDuplicate"/>: where the severity occurs first.</param>
public sealed record PublicityRuleProblem(
    string Path,
    PublicityRuleProblemKind Kind,
    string? Mode = null,
    Severity? Severity = null,
    int? Actual = null,
    int? Lower = null,
    int? Upper = null,
    string? OtherPath = null)
{
    private const string Source = "国办发〔2025〕22号";

    /// <summary>The message in Chinese, or in English when <paramref name="culture"/> is an English culture.</summary>
    public string Describe(CultureInfo? culture = null) => IsEnglish(culture) ? English() : Chinese();

    public override string ToString() => Describe();

    private string Modes => string.Join(", ", PublicityModes.All);

    private string Chinese() => Kind switch
    {
        PublicityRuleProblemKind.UnknownMode => Format($"公示方式 '{Mode}' 无效，应为 {Modes} 之一"),
        PublicityRuleProblemKind.DescriptionMissing => "未填写公示规则说明",
        PublicityRuleProblemKind.PeriodsNotAllowed =>
            Format($"只有分级公示（graded）可以设置各级公示期限，此规则为 {Mode}"),
        PublicityRuleProblemKind.PeriodMissing =>
            Format($"分级公示须设置{Severity?.ChineseName()}失信信息（{Severity?.Code()}）的公示期限"),
        PublicityRuleProblemKind.PeriodDuplicate =>
            Format($"{Severity?.ChineseName()}失信信息的公示期限与 {OtherPath} 重复"),
        PublicityRuleProblemKind.NotPublished =>
            Format($"{Severity?.ChineseName()}失信信息应予公示（{Source}）"),
        PublicityRuleProblemKind.MonthsOutOfRange =>
            Format($"{Severity?.ChineseName()}失信信息的公示期限应在{Lower}至{Upper}个月之间（{Source}），实际为{Actual}个月"),
        PublicityRuleProblemKind.MinAboveMax =>
            Format($"{Severity?.ChineseName()}失信信息的最短公示期限{Actual}个月长于最长公示期限{Upper}个月"),
        PublicityRuleProblemKind.PublishedWithoutPeriod =>
            Format($"{Severity?.ChineseName()}失信信息设为公示，但最长公示期限为0个月"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };

    private string English() => Kind switch
    {
        PublicityRuleProblemKind.UnknownMode => Format($"The publicity mode '{Mode}' is invalid; use one of {Modes}"),
        PublicityRuleProblemKind.DescriptionMissing => "The publicity rule has no description",
        PublicityRuleProblemKind.PeriodsNotAllowed =>
            Format($"Only graded rules may have periods per severity; this rule is {Mode}"),
        PublicityRuleProblemKind.PeriodMissing =>
            Format($"A graded rule needs a period for {Severity?.Code()} information"),
        PublicityRuleProblemKind.PeriodDuplicate =>
            Format($"The period for {Severity?.Code()} information repeats {OtherPath}"),
        PublicityRuleProblemKind.NotPublished =>
            Format($"{Severity?.Code()} information must be published ({Source})"),
        PublicityRuleProblemKind.MonthsOutOfRange =>
            Format($"The period for {Severity?.Code()} information must be {Lower} to {Upper} months ({Source}); got {Actual}"),
        PublicityRuleProblemKind.MinAboveMax =>
            Format($"The minimum period for {Severity?.Code()} information ({Actual} months) is longer than the maximum ({Upper} months)"),
        PublicityRuleProblemKind.PublishedWithoutPeriod =>
            Format($"{Severity?.Code()} information is marked as published but for at most 0 months"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };
}
