using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Records;

/// <summary>When a record is published, by its entry's publicity rule (国办发〔2025〕22号 for negative information).</summary>
public static class Publicity
{
    /// <summary>
    /// Whether a stored record is published on <paramref name="day"/>: from its decision date to its stored last public
    /// day (<see cref="LastPublicDay"/> at intake), both included; without a last day, for good.
    /// </summary>
    public static bool IsPublicOn(DateOnly decisionDate, DateOnly? publicityUntil, DateOnly day) =>
        day >= decisionDate && (publicityUntil is not { } until || day <= until);

    /// <summary>
    /// The publicity window of a record; every published record is public from its decision date.
    /// <list type="bullet">
    /// <item><c>graded</c>: by the entry's period for <paramref name="severity"/>: not public when the period is not
    /// published (轻微 under the national rule), otherwise to <c>decisionDate.AddMonths(MaxMonths).AddDays(-1)</c>
    /// (一般 3–12 months, 严重 12–36). <paramref name="effectiveTo"/> plays no part: the period runs from the decision,
    /// and repair or revocation end it early as events of their own.</item>
    /// <item><c>validity</c>: to <paramref name="effectiveTo"/>, with no end when it is null.</item>
    /// <item><c>list</c>: while listed, i.e. to <paramref name="effectiveTo"/>, with no end when it is null.</item>
    /// <item><c>permanent</c>: no end. <c>none</c>: never public.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A graded rule without <paramref name="severity"/> (negative records must be graded: callers reject them
    /// before), a graded rule without a period for the severity, or an unknown mode: rules that fail
    /// <see cref="PublicityRule.Validate"/>.
    /// </exception>
    public static PublicityWindow LastPublicDay(
        PublicityRule rule, Severity? severity, DateOnly decisionDate, DateOnly? effectiveTo)
    {
        ArgumentNullException.ThrowIfNull(rule);
        switch (rule.Mode)
        {
            case PublicityModes.Graded:
                if (severity is not { } grade)
                {
                    throw new ArgumentException("A record under a graded publicity rule needs a severity.", nameof(severity));
                }

                var period = rule.PeriodFor(grade)
                    ?? throw new ArgumentException($"The graded rule has no period for {grade.Code()}.", nameof(rule));
                return period.Published
                    ? PublicityWindow.Between(decisionDate, decisionDate.AddMonths(period.MaxMonths).AddDays(-1))
                    : PublicityWindow.NeverPublic;
            case PublicityModes.Validity or PublicityModes.List:
                return effectiveTo is { } lastDay
                    ? PublicityWindow.Between(decisionDate, lastDay)
                    : PublicityWindow.WithoutEnd(decisionDate);
            case PublicityModes.Permanent:
                return PublicityWindow.WithoutEnd(decisionDate);
            case PublicityModes.None:
                return PublicityWindow.NeverPublic;
            default:
                throw new ArgumentException($"Unknown publicity mode '{rule.Mode}'.", nameof(rule));
        }
    }
}
