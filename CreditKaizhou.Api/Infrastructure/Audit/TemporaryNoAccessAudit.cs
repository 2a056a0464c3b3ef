using System.Security.Claims;

namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>TEMPORARY: writes nothing. Stands in for the hash-chained access log until it is merged; remove it then.</summary>
internal sealed class TemporaryNoAccessAudit : IAccessAudit
{
    public Task WriteAsync(ClaimsPrincipal caller, AccessEntry entry, CancellationToken ct) => Task.CompletedTask;
}
