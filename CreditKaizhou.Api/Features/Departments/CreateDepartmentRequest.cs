using CreditKaizhou.Api.Features.Identifiers;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Departments;

public sealed record CreateDepartmentRequest(string? Code, string? Name, string? ShortName, string? CreditCode, int? SortOrder);

public sealed class CreateDepartmentRequestValidator : AbstractValidator<CreateDepartmentRequest>
{
    public CreateDepartmentRequestValidator(KnownCodeExceptions exceptions)
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Z][A-Z0-9]*$")
            .WithMessage(x => Infrastructure.Localization.Text.T(
                "部门代码只能由大写字母和数字组成，且以字母开头。", "A department code consists of capital letters and digits and starts with a letter."));
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.ShortName).MaximumLength(50);
        RuleFor(x => x.CreditCode).UnifiedSocialCreditCode(exceptions);
    }
}
