using System.Security.Claims;

namespace CreditKaizhou.Api.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    public static Guid? ClientId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? DepartmentCode(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthenticationHandler.DepartmentClaim);
}
