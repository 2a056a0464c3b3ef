using FluentValidation;

namespace CreditKaizhou.Api.Features.Records;

public sealed class RevokeRecordRequestValidator : AbstractValidator<RevokeRecordRequest>
{
    public RevokeRecordRequestValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}
