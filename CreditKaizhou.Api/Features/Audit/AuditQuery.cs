using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Domain.Identifiers;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c>: entries newest first, filtered by client, action, subject (a USCC, a resident ID number or
/// a stored subject key) and time (<c>from</c> inclusive, <c>to</c> exclusive); <c>after</c> continues below that sequence.
/// </summary>
public sealed record AuditQuery(
    [FromQuery(Name = "clientId")] Guid? ClientId,
    [FromQuery(Name = "action")] string? Action,
    [FromQuery(Name = "subject")] string? Subject,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "after")] long? After,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public int EffectivePageSize => Math.Min(PageSize ?? PageRequest.DefaultPageSize, PageRequest.MaxPageSize);
}

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator(TimeProvider clock)
    {
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(1);
        RuleFor(x => x.After).GreaterThanOrEqualTo(1);
        RuleFor(x => x.Action).Must(a => AccessActions.All.Contains(a!)).When(x => x.Action is not null)
            .WithMessage(x => Text.T($"action 应为 {string.Join("、", AccessActions.All)} 之一，实际为 '{x.Action}'。",
                $"action must be one of {string.Join(", ", AccessActions.All)}; got '{x.Action}'."));
        RuleFor(x => x.Subject).Must(s => AuditSubject.IsCode(s!, clock.Today())).When(x => x.Subject is not null)
            .WithMessage(x => Text.T($"subject 的值 '{x.Subject}' 不是统一社会信用代码或居民身份证号码。",
                $"subject '{x.Subject}' is neither a unified social credit code nor a resident ID number."));
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.T("to 必须晚于 from。", "to must be later than from."));
    }
}

/// <summary>How a subject code given as a filter becomes the key entries are stored under.</summary>
public static class AuditSubject
{
    public static bool IsCode(string code, DateOnly today) => Kind(code.Trim(), today) is not null;

    /// <summary>The stored key: a credit code as itself, an ID number as its keyed hash, a stored key as given.</summary>
    public static string Key(string code, DateOnly today, Func<string, string> idNumberKey)
    {
        var trimmed = code.Trim();
        return Kind(trimmed, today) switch
        {
            SubjectKind.CreditCode => trimmed.ToUpperInvariant(),
            SubjectKind.IdNumber => idNumberKey(ResidentIdNumber.Validate(trimmed, today).Number!.Value),
            _ => trimmed.ToLowerInvariant(),
        };
    }

    private static SubjectKind? Kind(string code, DateOnly today)
    {
        // A valid credit code first, as a check reads it: an all-digit credit code also looks like an ID number. A code
        // failing only its checksums may be a listed exception (an early pilot code), but only when it is no ID number.
        var uscc = UnifiedSocialCreditCode.Validate(code);
        if (uscc.IsValid)
        {
            return SubjectKind.CreditCode;
        }

        if (ResidentIdNumber.Validate(code, today).IsValid)
        {
            return SubjectKind.IdNumber;
        }

        if (uscc.HasOnlyChecksumProblems)
        {
            return SubjectKind.CreditCode;
        }

        return code.Length == 64 && code.All(char.IsAsciiHexDigit) ? SubjectKind.StoredKey : null;
    }

    private enum SubjectKind
    {
        CreditCode,
        IdNumber,
        StoredKey,
    }
}

/// <summary>One entry of the access log with its place in the chain.</summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset RecordedAt, Guid? ClientId, string? ClientName, string? Role,
    string Action, string? SubjectKey, string? SubjectDisplay, string? Purpose, long ResultSize, string? Reference, string PreviousHash,
    string Hash)
{
    public static AuditEntryResponse From(AuditRow r) => new(r.Sequence, r.RecordedAt, r.ClientId, r.ClientName, r.Role, r.Action,
        r.SubjectKey, r.SubjectDisplay, r.Purpose, r.ResultSize, r.Reference, r.PreviousHash, r.Hash);
}

/// <summary>A keyset page: pass <see cref="NextAfter"/> as <c>after</c> for the next (older) entries; null at the end.</summary>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, long? NextAfter);
