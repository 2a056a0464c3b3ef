using System.Text.Json.Serialization;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Domain.Lists;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Checks;

public sealed record CheckProject(string? Code, string? Name, string? Stage);

public sealed record CheckMember(string? Code, string? Name);

/// <summary>A bidder: one company (<see cref="Code"/>) or a consortium 联合体 (<see cref="Consortium"/>).</summary>
public sealed record CheckBidder(string? BidderRef, string? Code, string? Name, IReadOnlyList<CheckMember>? Consortium);

public sealed record CheckRequest(string? Context, string? AsOf, DateTimeOffset? KnownAt, CheckProject? Project, IReadOnlyList<CheckBidder>? Bidders);

public sealed class CheckRequestValidator : AbstractValidator<CheckRequest>
{
    public const int MaxBidders = 500;
    public const int MaxMembers = 20;

    public CheckRequestValidator(TimeProvider clock)
    {
        RuleFor(x => x.Context).NotEmpty().Must(CheckContexts.IsKnown)
            .WithMessage(x => Text.T($"context 应为 {string.Join("、", CheckContexts.All)} 之一，实际为 '{x.Context}'。",
                $"context must be one of {string.Join(", ", CheckContexts.All)}; got '{x.Context}'."));
        RuleFor(x => x.AsOf).Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).When(x => x.AsOf is not null)
            .WithMessage(x => Text.T($"asOf 的值 '{x.AsOf}' 不是有效日期（YYYY-MM-DD）。", $"asOf '{x.AsOf}' is not a valid date (YYYY-MM-DD)."));
        RuleFor(x => x.KnownAt).Must(k => k <= clock.GetUtcNow()).When(x => x.KnownAt is not null)
            .WithMessage(_ => Text.T("knownAt 不能晚于当前时间。", "knownAt cannot be in the future."));
        RuleFor(x => x.Project!.Code).MaximumLength(64).When(x => x.Project is not null);
        RuleFor(x => x.Project!.Name).MaximumLength(200).When(x => x.Project is not null);
        RuleFor(x => x.Bidders).NotEmpty();
        RuleFor(x => x.Bidders!.Count).LessThanOrEqualTo(MaxBidders).When(x => x.Bidders is not null).OverridePropertyName("bidders")
            .WithMessage(x => Text.T($"一次最多核查 {MaxBidders} 个投标人，本次有 {x.Bidders!.Count} 个。", $"At most {MaxBidders} bidders per check; got {x.Bidders!.Count}."));
        RuleForEach(x => x.Bidders).ChildRules(bidder =>
        {
            bidder.RuleFor(b => b.BidderRef).NotEmpty().MaximumLength(64);
            bidder.RuleFor(b => b).Must(b => (b.Code is not null) != (b.Consortium is not null)).OverridePropertyName("code")
                .WithMessage(_ => Text.T("投标人须给出 code（单个主体）或 consortium（联合体成员），二者选一。",
                    "A bidder gives either code (one subject) or consortium (its members), not both."));
            bidder.RuleFor(b => b.Consortium!.Count).InclusiveBetween(2, MaxMembers).When(b => b.Consortium is not null).OverridePropertyName("consortium")
                .WithMessage(_ => Text.T($"联合体须有 2 至 {MaxMembers} 个成员。", $"A consortium has 2 to {MaxMembers} members."));
            bidder.RuleForEach(b => b.Consortium).ChildRules(member => member.RuleFor(m => m.Code).NotEmpty());
        });
        RuleFor(x => x.Bidders).Must(b => b!.Select(x => x.BidderRef).Distinct().Count() == b!.Count).When(x => x.Bidders is { Count: > 0 })
            .WithMessage(_ => Text.T("bidderRef 在一次核查中不能重复。", "bidderRef must be unique within a check."));
    }
}

/// <summary>A problem with one bidder's input, e.g. an invalid code: reported per bidder, never failing the check.</summary>
public sealed record CheckProblem(string SubjectCode, string Message);

public sealed record CheckResult(
    string BidderRef,
    string Verdict,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<VerdictIncentive> Incentives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CheckProblem>? Problems);

/// <summary>What a check answered; the canonical JSON of this document is the leaf its receipt proves.</summary>
public sealed record CheckDocument(
    Guid CheckId,
    DateTimeOffset CheckedAt,
    string AsOf,
    DateTimeOffset KnownAt,
    long DataVersion,
    string Context,
    CheckProject? Project,
    IReadOnlyList<CheckBidder> Bidders,
    IReadOnlyList<CheckResult> Results);

/// <summary>
/// Proof of what the service answered: the check's leaf in the Merkle tree of all checks (RFC 6962 over SM3),
/// the path to the root, and the SM2 signature of the tree head (see GET /api/v1/checks/public-key).
/// </summary>
public sealed record CheckReceipt(
    string Algorithm,
    string KeyId,
    string Signature,
    long TreeSize,
    string RootHash,
    DateTimeOffset TreeHeadTimestamp,
    long LeafIndex,
    string LeafHash,
    IReadOnlyList<string> InclusionProof);

public sealed record CheckResponse(
    Guid CheckId, DateTimeOffset CheckedAt, string AsOf, DateTimeOffset KnownAt, long DataVersion, string Context, CheckProject? Project,
    IReadOnlyList<CheckBidder> Bidders, IReadOnlyList<CheckResult> Results, CheckReceipt Receipt)
{
    public static CheckResponse From(CheckDocument d, CheckReceipt receipt) =>
        new(d.CheckId, d.CheckedAt, d.AsOf, d.KnownAt, d.DataVersion, d.Context, d.Project, d.Bidders, d.Results, receipt);
}

public sealed record PublicKeyResponse(string Algorithm, string KeyId, string PublicKeyPem, string UserId, string TreeHeadFormat, string LeafRule);

public sealed record FeedbackItem(string? BidderRef, string? Action, string? Note);

public sealed record FeedbackRequest(IReadOnlyList<FeedbackItem>? Items);

public sealed class FeedbackRequestValidator : AbstractValidator<FeedbackRequest>
{
    public static readonly IReadOnlyList<string> Actions = ["admitted", "excluded", "reviewed", "awarded", "other"];

    public FeedbackRequestValidator()
    {
        RuleFor(x => x.Items).NotEmpty();
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.BidderRef).NotEmpty().MaximumLength(64);
            item.RuleFor(i => i.Action).NotEmpty().Must(a => Actions.Contains(a))
                .WithMessage(i => Text.T($"action 应为 {string.Join("、", Actions)} 之一，实际为 '{i.Action}'。",
                    $"action must be one of {string.Join(", ", Actions)}; got '{i.Action}'."));
            item.RuleFor(i => i.Note).MaximumLength(1000);
        });
    }
}

public sealed record FeedbackResponse(Guid CheckId, int Recorded);
