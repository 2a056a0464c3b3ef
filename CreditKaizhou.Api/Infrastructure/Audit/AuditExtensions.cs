using CreditKaizhou.Api.Features.Audit;

namespace CreditKaizhou.Api.Infrastructure.Audit;

public static class AuditExtensions
{
    /// <summary>The access log: its chain, its group-committing writer behind <see cref="IAccessAudit"/>, its verifier and its reader.</summary>
    public static IServiceCollection AddAccessAudit(this IServiceCollection services)
    {
        services.AddSingleton<AccessAuditChain>();
        services.AddSingleton<AccessLog>();
        services.AddSingleton<IAccessAudit>(sp => sp.GetRequiredService<AccessLog>());
        services.AddSingleton<AccessAuditVerifier>();
        services.AddSingleton<AuditRepository>();
        return services;
    }
}
