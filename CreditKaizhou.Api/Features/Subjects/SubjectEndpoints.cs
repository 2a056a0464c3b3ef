using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditKaizhou.Api.Features.Subjects;

/// <summary>Credit subjects: search by code or name, the profile and the record list, each as the disclosure policy allows.</summary>
public static class SubjectEndpoints
{
    public static IEndpointRouteBuilder MapSubjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/subjects").WithTags("Subjects").WithValidation();
        group.MapGet("/", SearchSubjects).WithName(nameof(SearchSubjects));
        group.MapGet("/{code}", GetSubject).WithName(nameof(GetSubject)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/records", ListSubjectRecords).WithName(nameof(ListSubjectRecords)).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// By an 18-character code: that subject (a person by ID number, shown masked). By a name fragment of two characters
    /// or more: the exact name first, then names starting with it, then names containing it; current subjects before
    /// deregistered ones. The public finds organisations only by name, persons only by their exact ID number.
    /// </summary>
    public static async Task<Ok<SubjectSearchResponse>> SearchSubjects([AsParameters] SearchSubjectsRequest request, SubjectSearch search,
        SubjectRepository subjects, SubjectViews views, PersonalIdProtector ids, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var viewer = user.Viewer();
        var q = request.Fragment;
        if (SubjectCodes.IsCode(q))
        {
            var key = SubjectCodes.LookupKey(q, ids, clock.Today())!;
            var subject = await subjects.FindAsync(key, ct);
            var view = subject is null ? null : await views.ReadAsync(subject, viewer, null, ct);
            IReadOnlyList<SubjectSearchItem> found = view is null || request.Skip > 0
                ? []
                : [Item(view.Subject, "code", view.Lists.Any(l => l.Colour == "black"), view.Lists.Any(l => l.Colour == "red"))];
            return TypedResults.Ok(new SubjectSearchResponse(found, request.EffectivePage, request.EffectivePageSize, view is null ? 0 : 1, true));
        }

        var (hits, total, exact) = await search.ByNameAsync(q, viewer, request.Skip, request.EffectivePageSize, ct);
        var flags = await views.ListFlagsAsync(hits, viewer, ct);
        var items = hits.Select((hit, i) => Item(hit, hit.Tier switch { 0 => "exact", 1 => "prefix", _ => "substring" }, flags[i].Black, flags[i].Red))
            .ToList();
        return TypedResults.Ok(new SubjectSearchResponse(items, request.EffectivePage, request.EffectivePageSize, total, exact));
    }

    /// <summary>The profile on <c>asOf</c> (default today): identity, former names, active list memberships (black first), counts of active records by category, incentives.</summary>
    public static async Task<Results<Ok<SubjectProfileResponse>, ProblemHttpResult>> GetSubject(string code, [AsParameters] SubjectProfileQuery query,
        SubjectRepository subjects, SubjectViews views, PersonalIdProtector ids, IAccessAudit audit, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var viewer = user.Viewer();
        if (await ReadAsync(code, query.AsOf, viewer, subjects, views, ids, clock, ct) is not { } view)
        {
            return NotFound(code);
        }

        var profile = view.ToProfile();
        await AuditAsync(audit, user, viewer, AccessActions.SubjectProfile, view, query.Purpose, profile.RecordCounts.Sum(c => c.Count), ct);
        return TypedResults.Ok(profile);
    }

    /// <summary>The subject's records the caller may see, by category then newest decision first; only those active on <c>asOf</c> unless <c>includeInactive</c>.</summary>
    public static async Task<Results<Ok<PagedResponse<SubjectRecordResponse>>, ProblemHttpResult>> ListSubjectRecords(string code,
        [AsParameters] SubjectRecordsQuery query, [AsParameters] PageRequest paging, SubjectRepository subjects, SubjectViews views,
        PersonalIdProtector ids, IAccessAudit audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var viewer = user.Viewer();
        if (await ReadAsync(code, query.AsOf, viewer, subjects, views, ids, clock, ct) is not { } view)
        {
            return NotFound(code);
        }

        var category = query.Category?.Trim();
        var records = view.Records
            .Where(r => query.IncludeInactive == true || r.Active)
            .Where(r => string.IsNullOrEmpty(category) || r.Category == category)
            .ToList();
        var page = records.Skip(paging.Skip).Take(paging.EffectivePageSize).ToList();
        await AuditAsync(audit, user, viewer, AccessActions.SubjectRecords, view, query.Purpose, page.Count, ct);
        return TypedResults.Ok(paging.Respond(page, records.Count));
    }

    internal static async Task<SubjectView?> ReadAsync(string code, DateOnly? asOf, Viewer viewer, SubjectRepository subjects, SubjectViews views,
        PersonalIdProtector ids, TimeProvider clock, CancellationToken ct) =>
        SubjectCodes.LookupKey(code, ids, clock.Today()) is { } key && await subjects.FindAsync(key, ct) is { } subject
            ? await views.ReadAsync(subject, viewer, asOf, ct)
            : null;

    internal static string Display(SubjectRow subject) => $"{subject.DisplayCode} {subject.Name}";

    internal static ProblemHttpResult NotFound(string code) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有代码为 {Mask(code)} 的信用主体。", $"There is no credit subject with code {Mask(code)}."), ProblemTypes.NotFound);

    private static SubjectSearchItem Item(SubjectRow s, string match, bool black, bool red) =>
        new(s.DisplayCode, s.Name, s.SubjectType, s.Status, match, black, red);

    /// <summary>Reads of data beyond the public's leave a trace (who, which subject, why, how much).</summary>
    private static async Task AuditAsync(IAccessAudit audit, ClaimsPrincipal user, Viewer viewer, string action, SubjectView view, string? purpose,
        int size, CancellationToken ct)
    {
        if (DisclosurePolicy.IsAudited(viewer))
        {
            await audit.WriteAsync(user, new AccessEntry(action, view.Subject.LookupKey, Display(view.Subject), purpose?.Trim(), size, null), ct);
        }
    }

    /// <summary>A code echoed in a message: anything shaped like an ID number only masked, as everywhere else.</summary>
    private static string Mask(string code)
    {
        var text = IdNumberText.Mask(code.Trim());
        return text.Length > 40 ? text[..40] : text;
    }
}
