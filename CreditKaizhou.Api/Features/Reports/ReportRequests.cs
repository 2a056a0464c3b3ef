using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Domain.Identifiers;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Reports;

/// <summary>
/// A credit report asked for at the window: whose, why, by whom, and whether the subject authorised the query
/// (授权查询 data is included only then).
/// </summary>
public sealed record IssueReportRequest(string? SubjectCode, string? Purpose, ReportRequesterInput? Requester, bool? Authorised);

/// <summary>The person at the counter; an ID number is checked, then kept only masked.</summary>
public sealed record ReportRequesterInput(string? Name, string? IdNumber);

public sealed class IssueReportRequestValidator : AbstractValidator<IssueReportRequest>
{
    public const int MaxPurposeLength = 200;
    public const int MaxNameLength = 100;

    public IssueReportRequestValidator(TimeProvider clock)
    {
        RuleFor(x => x.SubjectCode).Must(c => c is not null && SubjectCodes.IsCode(c.Trim()))
            .WithMessage(_ => Text.T("主体代码 subjectCode 应为 18 位统一社会信用代码或身份证号码。",
                "subjectCode must be an 18-character credit code or resident ID number."));
        RuleFor(x => x.Purpose).Must(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= MaxPurposeLength)
            .WithMessage(_ => Text.T($"查询目的 purpose 不能为空，最长 {MaxPurposeLength} 个字符。",
                $"purpose must not be empty and holds at most {MaxPurposeLength} characters."));
        RuleFor(x => x.Requester).NotNull()
            .WithMessage(_ => Text.T("须填写申请人 requester。", "requester is required."));
        RuleFor(x => x.Requester!.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaxNameLength)
            .When(x => x.Requester is not null)
            .WithMessage(_ => Text.T($"申请人姓名不能为空，最长 {MaxNameLength} 个字符。",
                $"requester.name must not be empty and holds at most {MaxNameLength} characters."));
        RuleFor(x => x.Requester!.IdNumber).Must(id => ResidentIdNumber.Validate(id, clock.Today()).IsValid)
            .When(x => !string.IsNullOrWhiteSpace(x.Requester?.IdNumber))
            .WithMessage(_ => Text.T("申请人身份证号码无效。", "requester.idNumber is not a valid resident ID number."));
    }
}
