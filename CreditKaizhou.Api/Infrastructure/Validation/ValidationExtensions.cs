using FluentValidation;

namespace CreditKaizhou.Api.Infrastructure.Validation;

public static class ValidationExtensions
{
    public static IServiceCollection AddApiValidation(this IServiceCollection services)
    {
        // Names in messages are the JSON names the caller sent, not the C# property names.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
