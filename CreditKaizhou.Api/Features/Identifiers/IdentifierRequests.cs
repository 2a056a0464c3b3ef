using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Domain.Identifiers;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Identifiers;

/// <summary><c>?code=&amp;type=uscc|resident-id</c>; the type defaults to uscc (an all-digit USCC such as 121200004013590816 looks like an ID number).</summary>
public sealed record ValidateIdentifierRequest([FromQuery(Name = "code")] string? Code, [FromQuery(Name = "type")] string? Type)
{
    public string? Type { get; init; } = Type ?? IdentifierTypes.Uscc;
}

public sealed class ValidateIdentifierRequestValidator : AbstractValidator<ValidateIdentifierRequest>
{
    public ValidateIdentifierRequestValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Type).Must(t => t is IdentifierTypes.Uscc or IdentifierTypes.ResidentId)
            .WithMessage(x => Text.T($"type 必须是 uscc 或 resident-id，实际为 '{x.Type}'。", $"type must be uscc or resident-id; got '{x.Type}'."));
    }
}

public sealed record AddCodeExceptionRequest(string? Code, string? Reason);

public sealed class AddCodeExceptionRequestValidator : AbstractValidator<AddCodeExceptionRequest>
{
    public AddCodeExceptionRequestValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
        RuleFor(x => x.Code).NotEmpty().Custom((code, context) =>
        {
            if (string.IsNullOrEmpty(code))
            {
                return;
            }

            // Only a well-formed code whose checksums fail may be listed: anything else is a typo, not an exception.
            var validation = UnifiedSocialCreditCode.Validate(code);
            if (validation.IsValid)
            {
                context.AddFailure(Text.T($"代码 {code.Trim()} 校验通过，无需列为例外。", $"The code {code.Trim()} passes its checks; it needs no exception."));
            }
            else if (!validation.HasOnlyChecksumProblems)
            {
                foreach (var problem in validation.Problems.Where(p => !p.IsChecksumProblem))
                {
                    context.AddFailure(problem.Describe(System.Globalization.CultureInfo.CurrentUICulture));
                }
            }
        });
    }
}
