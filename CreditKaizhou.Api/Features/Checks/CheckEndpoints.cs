using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditKaizhou.Api.Features.Checks.Receipts;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditKaizhou.Api.Features.Checks;

/// <summary>招投标信用核查: one call for all bidders, a signed receipt, replayable; and the change feed.</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/checks").WithTags("Checks").WithValidation();
        group.MapPost("/", RunCheck).WithName(nameof(RunCheck)).RequireAuthorization(Policies.Checks);
        group.MapGet("/public-key", GetReceiptPublicKey).WithName(nameof(GetReceiptPublicKey));
        group.MapGet("/{checkId:guid}", GetCheck).WithName(nameof(GetCheck)).RequireAuthorization(Policies.Checks)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{checkId:guid}/feedback", AddCheckFeedback).WithName(nameof(AddCheckFeedback)).RequireAuthorization(Policies.Checks)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/changes", GetChanges).WithName(nameof(GetChanges)).WithTags("Checks").RequireAuthorization(Policies.Checks);
        return app;
    }

    public static async Task<Ok<CheckResponse>> RunCheck(CheckRequest request, CheckService checks, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await checks.RunAsync(request, user, ct));

    /// <summary>The stored check and its receipt: for the client that made it and the credit office; anyone else gets 404.</summary>
    public static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> GetCheck(
        Guid checkId, CheckRepository checks, CheckLedger ledger, ClaimsPrincipal user, CancellationToken ct)
    {
        var stored = await checks.GetAsync(checkId, ct);
        if (stored is null || !MayRead(user, stored))
        {
            return NotFound(checkId);
        }

        var node = JsonNode.Parse(stored.RequestJson)!.AsObject();
        node["results"] = JsonNode.Parse(stored.ResultsJson);
        var document = node.Deserialize<CheckDocument>(CheckCanonical.Json)!;
        var receipt = await ledger.ReceiptAsync(stored.LeafIndex, stored.LeafHash, ct);
        return receipt is null ? NotFound(checkId) : TypedResults.Ok(CheckResponse.From(document, receipt));
    }

    public static async Task<Results<Created<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> AddCheckFeedback(
        Guid checkId, FeedbackRequest request, CheckRepository checks, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var stored = await checks.GetAsync(checkId, ct);
        if (stored is null || stored.ClientId != user.ClientId())
        {
            return NotFound(checkId);
        }

        var bidders = JsonNode.Parse(stored.RequestJson)!["bidders"]!.AsArray().Select(b => (string?)b!["bidderRef"]).ToHashSet();
        var unknown = request.Items!.Select((item, i) => (item, i)).Where(x => !bidders.Contains(x.item.BidderRef)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(unknown.ToDictionary(u => $"$.items[{u.i}].bidderRef",
                u => new[] { Text.T($"本次核查中没有投标人 {u.item.BidderRef}。", $"The check has no bidder {u.item.BidderRef}.") }));
        }

        await checks.AddFeedbackAsync(checkId, user.ClientId()!.Value, request.Items!.Select(i => (i.BidderRef!, i.Action!, i.Note)), clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/checks/{checkId}", new FeedbackResponse(checkId, request.Items!.Count));
    }

    /// <summary>What a verifier needs: the SM2 public key, the user ID of the signature, and how heads and leaves are built.</summary>
    public static Ok<PublicKeyResponse> GetReceiptPublicKey(ReceiptKeys keys) => TypedResults.Ok(new PublicKeyResponse(
        keys.Algorithm, keys.KeyId, keys.PublicKeyPem, "1234567812345678",
        $"{TreeHead.FormatTag}\\n<treeSize>\\n<rootHash, 64 lowercase hex>\\n<timestamp, yyyy-MM-ddTHH:mm:ss.fffffffZ>",
        "leaf = SM3(0x00 || canonical JSON of the check without \"receipt\": members sorted by name, no whitespace); node = SM3(0x01 || left || right) (RFC 6962)"));

    /// <summary>The subjects whose list-related records changed after <paramref name="since"/> (a dataVersion), oldest first.</summary>
    public static async Task<Ok<ChangesResponse>> GetChanges(CheckRepository checks, CancellationToken ct, long since = 0, int limit = 1000)
    {
        var (version, rows) = await checks.ChangesAsync(Math.Max(since, 0), Math.Clamp(limit, 1, 5000), ct);
        var next = rows.Count > 0 ? rows[^1].Version : since;
        return TypedResults.Ok(new ChangesResponse(since, version, next, rows.Select(r => new ChangeItem(r.Version, r.DisplayCode, r.Name, r.Kind, r.ChangedAt)).ToList()));
    }

    private static bool MayRead(ClaimsPrincipal user, StoredCheck check) =>
        user.IsInRole(ClientRoles.Admin) || user.ClientId() == check.ClientId;

    private static ProblemHttpResult NotFound(Guid id) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有编号为 {id} 的核查记录。", $"There is no check {id}."), ProblemTypes.NotFound);
}

public sealed record ChangeItem(long Version, string SubjectCode, string SubjectName, string Kind, DateTimeOffset ChangedAt);

/// <summary>Pass <see cref="Next"/> as <c>since</c> to read on; <see cref="DataVersion"/> is where the data stands now.</summary>
public sealed record ChangesResponse(long Since, long DataVersion, long Next, IReadOnlyList<ChangeItem> Items);
