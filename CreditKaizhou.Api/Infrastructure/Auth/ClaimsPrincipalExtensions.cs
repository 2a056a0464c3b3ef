using System.Security.Claims;
using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Clients;

namespace CreditKaizhou.Api.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    public static Guid? ClientId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? DepartmentCode(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthenticationHandler.DepartmentClaim);

    /// <summary>The caller as the disclosure policy sees it: no key is the public, admin the credit office, any other role government.</summary>
    public static Viewer Viewer(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) switch
    {
        null => Domain.Access.Viewer.Public,
        ClientRoles.Admin => new Viewer(ViewerKind.Admin, null),
        _ => new Viewer(ViewerKind.Government, user.DepartmentCode()),
    };
}
