using CreditKaizhou.Domain.Clients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace CreditKaizhou.Api.Infrastructure.Auth;

/// <summary>Authorization policies, one per set of roles an endpoint admits.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Department = "department";
    public const string Clerk = "clerk";
    public const string Checks = "checks";
    public const string Authenticated = "authenticated";
}

public static class AuthExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiClientCache>(sp => new ApiClientCache(
            sp.GetRequiredService<IServiceScopeFactory>(),
            new MemoryCache(new MemoryCacheOptions { SizeLimit = 10_000 })));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(ClientRoles.Admin))
            .AddPolicy(Policies.Department, p => p.RequireRole(ClientRoles.Department).RequireClaim(ApiKeyAuthenticationHandler.DepartmentClaim))
            .AddPolicy(Policies.Clerk, p => p.RequireRole(ClientRoles.Clerk, ClientRoles.Admin))
            .AddPolicy(Policies.Checks, p => p.RequireRole(ClientRoles.Bidding, ClientRoles.Clerk, ClientRoles.Admin))
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// A wrong or revoked key is refused with 401 even on endpoints anyone may call: a caller who
    /// sends a key must learn that it does not work rather than silently get anonymous answers.
    /// </summary>
    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) => app
        .UseAuthentication()
        .Use(async (http, next) =>
        {
            if (http.Request.Headers.ContainsKey(ApiKeys.Header) && http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
                return;
            }

            await next(http);
        })
        .UseAuthorization();
}
