using FluentValidation;

namespace CreditKaizhou.Api.Features.Records;

public sealed class CorrectRecordRequestValidator : AbstractValidator<CorrectRecordRequest>
{
    public CorrectRecordRequestValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}

public sealed class RevokeRecordRequestValidator : AbstractValidator<RevokeRecordRequest>
{
    public RevokeRecordRequestValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}
