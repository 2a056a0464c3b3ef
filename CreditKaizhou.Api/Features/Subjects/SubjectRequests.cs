using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Domain.Identifiers;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Subjects;

/// <summary><c>?q=</c>: an 18-character code (统一社会信用代码 or 居民身份证号码), or a name fragment of two characters or more.</summary>
public sealed record SearchSubjectsRequest(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize) : PageRequest(Page, PageSize)
{
    public const int MaxLength = 100;

    public string Fragment => Q?.Trim() ?? "";
}

public sealed class SearchSubjectsRequestValidator : AbstractValidator<SearchSubjectsRequest>
{
    public SearchSubjectsRequestValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(x => x.Fragment)
            .Must(q => SubjectCodes.IsCode(q) || q.EnumerateRunes().Count() >= 2)
            .OverridePropertyName("q")
            .WithMessage(_ => Text.T("查询内容 q 至少 2 个字（名称片段），或为 18 位统一社会信用代码或身份证号码。",
                "q must hold at least 2 characters of a name, or an 18-character credit code or ID number."))
            .MaximumLength(SearchSubjectsRequest.MaxLength)
            .WithMessage(_ => Text.T($"查询内容 q 最长 {SearchSubjectsRequest.MaxLength} 个字符。",
                $"q holds at most {SearchSubjectsRequest.MaxLength} characters."));
        RuleFor(x => x.Page)
            .Must((x, _) => x.Skip + x.EffectivePageSize <= SubjectSearch.Reach)
            .WithMessage(_ => Text.T($"搜索结果只能翻到前 {SubjectSearch.Reach} 条，请输入更具体的名称。",
                $"Search results reach only the first {SubjectSearch.Reach} matches; refine the query."));
    }
}

/// <summary><c>?asOf=&amp;purpose=</c> of a profile: the day to show (default today) and the stated purpose (查询目的).</summary>
public sealed record SubjectProfileQuery(
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "purpose")] string? Purpose);

public sealed class SubjectProfileQueryValidator : AbstractValidator<SubjectProfileQuery>
{
    public SubjectProfileQueryValidator() =>
        RuleFor(x => x.Purpose).MaximumLength(SubjectCodes.MaxPurposeLength).OverridePropertyName("purpose")
            .WithMessage(_ => Text.T($"查询目的最长 {SubjectCodes.MaxPurposeLength} 个字符。", $"purpose holds at most {SubjectCodes.MaxPurposeLength} characters."));
}

/// <summary>The filters of a subject's record list.</summary>
public sealed record SubjectRecordsQuery(
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "includeInactive")] bool? IncludeInactive,
    [FromQuery(Name = "purpose")] string? Purpose);

public sealed class SubjectRecordsQueryValidator : AbstractValidator<SubjectRecordsQuery>
{
    public SubjectRecordsQueryValidator() =>
        RuleFor(x => x.Purpose).MaximumLength(SubjectCodes.MaxPurposeLength).OverridePropertyName("purpose")
            .WithMessage(_ => Text.T($"查询目的最长 {SubjectCodes.MaxPurposeLength} 个字符。", $"purpose holds at most {SubjectCodes.MaxPurposeLength} characters."));
}

/// <summary>How a subject code given by a caller becomes the key it is stored under.</summary>
public static class SubjectCodes
{
    public const int MaxPurposeLength = 200;

    /// <summary>Eighteen ASCII letters and digits: a 统一社会信用代码 or a 居民身份证号码 (names are never ASCII-only of that length here).</summary>
    public static bool IsCode(string text) => text.Length == 18 && text.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// The stored lookup key of a code: a valid ID number becomes its keyed hash (clear numbers are never stored),
    /// anything else 18 characters long is looked up as a credit code as it is (upper case); null when not a code.
    /// </summary>
    public static string? LookupKey(string code, PersonalIdProtector ids, DateOnly today)
    {
        var text = code.Trim().ToUpperInvariant();
        if (!IsCode(text))
        {
            return null;
        }

        return ResidentIdNumber.TryParse(text, today, out var number) ? ids.LookupKey(number.Value) : text;
    }
}
