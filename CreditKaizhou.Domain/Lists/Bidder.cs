namespace CreditKaizhou.Domain.Lists;

/// <summary>One bidder of a check: a single company (one member) or a consortium 联合体 (several).</summary>
/// <param name="BidderRef">The bidding system's own reference, echoed back.</param>
/// <param name="Members">In the order the request named them; reasons and incentives keep that order.</param>
public sealed record Bidder(string BidderRef, IReadOnlyList<BidderMember> Members);

/// <summary>A company of a bidder with its list entries (as known at the check's instant, see <see cref="ListMembership"/>).</summary>
/// <param name="Entries">Any entries: those not active on the check's day are ignored by the verdict.</param>
public sealed record BidderMember(string SubjectCode, IReadOnlyList<ListEntry> Entries);
