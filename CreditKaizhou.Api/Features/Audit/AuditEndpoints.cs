using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditKaizhou.Api.Features.Audit;

/// <summary>The access log (查询留痕) for the credit office: who read which subject, when and why, and whether the log is intact.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin).WithValidation();
        group.MapGet("/", ListAuditEntries).WithName(nameof(ListAuditEntries));
        group.MapGet("/verify", VerifyAuditLog).WithName(nameof(VerifyAuditLog));
        return app;
    }

    /// <summary>
    /// Entries newest first, by keyset: the log grows with every check and report, so a total would cost a count over
    /// all of it on every page, and offset pages would shift as entries arrive; <c>after</c> pages stay cheap and stable.
    /// </summary>
    public static async Task<Ok<AuditPageResponse>> ListAuditEntries([AsParameters] AuditQuery query, AuditRepository audit,
        PersonalIdProtector ids, TimeProvider clock, CancellationToken ct)
    {
        var subjectKey = query.Subject is { } code ? AuditSubject.Key(code, clock.Today(), ids.LookupKey) : null;
        var size = query.EffectivePageSize;
        var rows = await audit.ListAsync(query.ClientId, query.Action, subjectKey, query.From, query.To, query.After, size + 1, ct);
        var items = rows.Take(size).Select(AuditEntryResponse.From).ToList();
        return TypedResults.Ok(new AuditPageResponse(items, rows.Count > size ? items[^1].Sequence : null));
    }

    /// <summary>Walks the whole chain: the first altered, removed or reordered entry, if any, and the head to keep elsewhere.</summary>
    public static async Task<Ok<AuditVerification>> VerifyAuditLog(AccessAuditVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));
}
