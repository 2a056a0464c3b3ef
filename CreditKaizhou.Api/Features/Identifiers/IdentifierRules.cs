using System.Globalization;
using CreditKaizhou.Domain.Identifiers;
using FluentValidation;
using CreditKaizhou.Api.Infrastructure.Time;
using FluentValidation.Results;

namespace CreditKaizhou.Api.Features.Identifiers;

/// <summary>FluentValidation rules that call the Domain's identifier checks and report each problem precisely.</summary>
public static class IdentifierRules
{
    /// <summary>A 统一社会信用代码; a code failing only its checksums passes when it is on the admin's exception list.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> UnifiedSocialCreditCode<T>(
        this IRuleBuilder<T, string?> rule, KnownCodeExceptions exceptions) =>
        rule.CustomAsync(async (value, context, ct) =>
        {
            if (value is null)
            {
                return;
            }

            var validation = Domain.Identifiers.UnifiedSocialCreditCode.Validate(value);
            if (validation.IsValid
                || (validation.HasOnlyChecksumProblems && await exceptions.ContainsAsync(validation.CodeIgnoringChecksums!.Value, ct)))
            {
                return;
            }

            foreach (var problem in validation.Problems)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, problem.Describe(CultureInfo.CurrentUICulture), value)
                {
                    ErrorCode = "uscc." + problem.Kind,
                });
            }
        });

    /// <summary>A 居民身份证号码 with a real birth date not after today.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ResidentIdNumber<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                return;
            }

            var today = clock.Today();
            foreach (var problem in Domain.Identifiers.ResidentIdNumber.Validate(value, today).Problems)
            {
                // The attempted value is left out: an ID number must not travel back in error logs.
                context.AddFailure(new ValidationFailure(context.PropertyPath, problem.Describe(CultureInfo.CurrentUICulture))
                {
                    ErrorCode = "residentId." + problem.Kind,
                });
            }
        });
}
