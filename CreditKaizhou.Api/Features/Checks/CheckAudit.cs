using CreditKaizhou.Api.Infrastructure.Audit;

namespace CreditKaizhou.Api.Features.Checks;

/// <summary>The access-log entry a check leaves: who checked how many subjects, for what, under which check id.</summary>
public static class CheckAudit
{
    public static AccessEntry Entry(Guid checkId, CheckRequest request)
    {
        var bidders = request.Bidders!;
        var subjects = bidders.SelectMany(b => b.Code is not null ? [b.Code] : b.Consortium!.Select(m => m.Code!))
            .Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count();
        var purpose = request.Project?.Code is { Length: > 0 } project ? $"{request.Context} {project}" : request.Context;
        return new AccessEntry(AccessActions.Check, null, $"{subjects} 个主体", purpose, bidders.Count, checkId.ToString());
    }
}
