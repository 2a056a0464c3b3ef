using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditKaizhou.Api.Features.Clients;

/// <summary>The credit office's administration of API clients and their keys.</summary>
public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireAuthorization(Policies.Admin).WithValidation();
        group.MapGet("/", ListClients).WithName(nameof(ListClients));
        group.MapGet("/{id:guid}", GetClient).WithName(nameof(GetClient)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateClient).WithName(nameof(CreateClient)).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/revoke", RevokeClient).WithName(nameof(RevokeClient))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/v1/me", GetCurrentClient).WithName(nameof(GetCurrentClient)).WithTags("Clients")
            .RequireAuthorization(Policies.Authenticated);
        return app;
    }

    public static async Task<Ok<PagedResponse<ClientResponse>>> ListClients(
        [AsParameters] PageRequest paging, IApiClientRepository clients, CancellationToken ct, bool includeRevoked = false)
    {
        var (items, total) = await clients.ListAsync(paging.Skip, paging.EffectivePageSize, includeRevoked, ct);
        return TypedResults.Ok(paging.Respond(items.Select(ClientResponse.From).ToList(), total));
    }

    public static async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> GetClient(Guid id, IApiClientRepository clients, CancellationToken ct) =>
        await clients.GetAsync(id, ct) is { } client ? TypedResults.Ok(ClientResponse.From(client)) : NotFound(id);

    /// <summary>Issues a client and its key. The key is in this response only; the service keeps its hash.</summary>
    public static async Task<Results<Created<CreatedClientResponse>, ProblemHttpResult>> CreateClient(
        CreateClientRequest request, IApiClientRepository clients, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        ClientRoles.TryParse(request.Role, out var role);
        var key = ApiKeys.NewKey();
        var client = new ApiClient(Guid.CreateVersion7(), request.Name!.Trim(), role,
            role == ClientRole.Department ? request.DepartmentCode : null, ApiKeys.Hint(key), clock.GetUtcNow(), null);
        if (!await clients.AddAsync(client, ApiKeys.Hash(key), user.ClientId(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                Text.T("生成的密钥与已有密钥冲突，请重试。", "The generated key collided with an existing one; try again."), ProblemTypes.Conflict);
        }

        return TypedResults.Created($"/api/v1/clients/{client.Id}", new CreatedClientResponse(ClientResponse.From(client), key));
    }

    public static async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> RevokeClient(
        Guid id, IApiClientRepository clients, ApiClientCache cache, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await clients.RevokeAsync(id, clock.GetUtcNow(), user.ClientId(), ct))
        {
            return await clients.GetAsync(id, ct) is null
                ? NotFound(id)
                : ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                    Text.T("该客户端已被吊销。", "The client has already been revoked."), ProblemTypes.Conflict);
        }

        // Revocations are rare; dropping the whole local cache is simpler than tracking hashes.
        cache.ForgetAll();
        return TypedResults.Ok(ClientResponse.From((await clients.GetAsync(id, ct))!));
    }

    public static Ok<CurrentClientResponse> GetCurrentClient(ClaimsPrincipal user) => TypedResults.Ok(new CurrentClientResponse(
        user.ClientId()!.Value, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!,
        user.FindFirstValue(ApiKeyAuthenticationHandler.DepartmentClaim)));

    private static ProblemHttpResult NotFound(Guid id) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有编号为 {id} 的客户端。", $"There is no client with id {id}."), ProblemTypes.NotFound);
}

public sealed record ClientResponse(Guid Id, string Name, string Role, string? DepartmentCode, string KeyHint,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ClientResponse From(ApiClient c) => new(c.Id, c.Name, c.Role.ToCode(), c.DepartmentCode, c.KeyHint, c.CreatedAt, c.RevokedAt);
}

public sealed record CreatedClientResponse(ClientResponse Client, string ApiKey);

public sealed record CurrentClientResponse(Guid Id, string Name, string Role, string? DepartmentCode);
