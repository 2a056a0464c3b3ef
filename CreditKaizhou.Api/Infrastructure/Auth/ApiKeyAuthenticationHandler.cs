using System.Security.Claims;
using System.Text.Encodings.Web;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Domain.Clients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Infrastructure.Auth;

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiClientCache clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string DepartmentClaim = "department";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString().Trim();
        var client = key.Length == 0 ? null : await clients.FindActiveAsync(key, Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new(ClaimTypes.Name, client.Name),
            new(ClaimTypes.Role, client.Role.ToCode()),
        ];
        if (client.DepartmentCode is not null)
        {
            claims.Add(new Claim(DepartmentClaim, client.DepartmentCode));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.Header}\"";
        var detail = Request.Headers.ContainsKey(ApiKeys.Header)
            ? Text.T($"{ApiKeys.Header} 中的 API 密钥无效或已被吊销。", $"The API key in {ApiKeys.Header} is unknown or has been revoked.")
            : Text.T($"此操作需要在 {ApiKeys.Header} 请求头中提供 API 密钥。", $"This operation requires an API key in the {ApiKeys.Header} header.");
        await Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, detail, ProblemTypes.Unauthenticated);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "?";
        var detail = Text.T($"角色 {role} 无权执行此操作。", $"The role {role} may not perform this operation.");
        await Context.WriteProblemAsync(StatusCodes.Status403Forbidden, detail, ProblemTypes.Forbidden);
    }
}
