namespace CreditKaizhou.Domain.Lists;

/// <summary>The answer of a check for one bidder.</summary>
/// <param name="Reasons">Bar before review, then member order, list order, measure code, listing start.</param>
/// <param name="Incentives">Member order, list order, measure code. Incentives never change the verdict.</param>
public sealed record BidderVerdict(
    string BidderRef,
    Verdict Verdict,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<VerdictIncentive> Incentives);

/// <summary>A punishment measure that applies to a member because of one listing.</summary>
/// <param name="Measure">The measure's name, e.g. 限制参与招标投标.</param>
/// <param name="Effect"><see cref="MeasureEffects.Bar"/> or <see cref="MeasureEffects.Review"/>, as read by
/// <see cref="MeasureEffects.PunitiveEffect"/>.</param>
/// <param name="LegalBasis">The measure's legal basis.</param>
/// <param name="From">The listing's first day.</param>
/// <param name="To">The listing's last day, inclusive; null when open-ended.</param>
public sealed record VerdictReason(
    string SubjectCode,
    string ListCode,
    string ListName,
    string MeasureCode,
    string Measure,
    string Effect,
    string LegalBasis,
    Guid RecordId,
    DateOnly From,
    DateOnly? To);

/// <summary>An incentive measure a member enjoys because it is on a red list.</summary>
/// <param name="Measure">The measure's name, e.g. 行政审批绿色通道.</param>
/// <param name="Effect">The measure's effect as stored, e.g. <c>fast-track</c>.</param>
/// <param name="LegalBasis">The measure's legal basis.</param>
/// <param name="AppliesToWholeBidder">
/// Whether the bidder as a whole enjoys the measure: only when every member qualifies for it (through any red list).
/// A consortium is rewarded for what all its members have earned, never for one member's standing, just as any one
/// barred member bars it. Always true for a single company.
/// </param>
public sealed record VerdictIncentive(
    string SubjectCode,
    string ListCode,
    string ListName,
    string MeasureCode,
    string Measure,
    string Effect,
    string LegalBasis,
    bool AppliesToWholeBidder);
