using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Lists;

/// <summary>
/// Red and black lists (守信激励对象 / 严重失信主体名单). Membership is not stored: it is replayed from each list-feeding
/// record's revisions and events as known now (<see cref="ListMembership.AsKnownAt"/>), the same rule a check uses, on
/// the histories the checks use too (<see cref="ListIndex"/>, in memory and brought up to date before each read); the
/// database is read only for what a page shows of the listed records.
/// </summary>
public static class ListEndpoints
{
    public static IEndpointRouteBuilder MapLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/lists").WithTags("Lists").WithValidation();
        group.MapGet("/", ListListTypes).WithName(nameof(ListListTypes));
        group.MapGet("/{listCode}/entries", ListListEntries).WithName(nameof(ListListEntries)).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Every list type with the number of subjects on it today (Beijing day).</summary>
    public static async Task<Ok<ListTypesResponse>> ListListTypes(IListRepository lists, ListIndex index, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ListMembership.DayOf(now);
        var types = await lists.ListTypesAsync(ct);
        var active = ActiveCounts(await index.CurrentAsync(ct), now, today);
        return TypedResults.Ok(new ListTypesResponse(today,
            types.Select(t => ListTypeResponse.From(t, active.GetValueOrDefault(t.Type.Code))).ToList()));
    }

    /// <summary>
    /// The entries active on <c>asOf</c> (default today), newest listing first, as the caller may see them: the public
    /// only those of 社会公开 records inside their publicity window, government users also 政务共享 ones, 授权查询 ones
    /// only the credit office and the providing department.
    /// </summary>
    public static async Task<Results<Ok<PagedResponse<ListEntryResponse>>, ProblemHttpResult>> ListListEntries(
        string listCode, [AsParameters] PageRequest paging, [AsParameters] ListEntriesQuery query, IListRepository lists, ListIndex index,
        IAccessAudit audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await lists.GetTypeAsync(listCode, ct) is null)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
                Text.T($"没有代码为 {listCode} 的名单。", $"There is no list with code {listCode}."), ProblemTypes.NotFound);
        }

        var now = clock.GetUtcNow();
        var today = ListMembership.DayOf(now);
        var viewer = user.Viewer();
        var listing = await ListingAsync(await index.CurrentAsync(ct), listCode, now, query.AsOf ?? today, today, lists, ct);
        var visible = listing
            .Where(a => DisclosurePolicy.CanSee(viewer, a.Record.Disclosure, a.Record.DepartmentCode, a.Record.IsPublicOn(today), a.Record.Revoked))
            .ToList();
        var shown = visible.Skip(paging.Skip).Take(paging.EffectivePageSize).ToList();
        // A page holding listings the public may not see is a read of non-public subject data: it leaves a trace.
        if (DisclosurePolicy.IsAudited(viewer)
            && shown.Any(a => !DisclosurePolicy.CanSee(Viewer.Public, a.Record.Disclosure, a.Record.DepartmentCode, a.Record.IsPublicOn(today), a.Record.Revoked)))
        {
            await audit.WriteAsync(user, new AccessEntry(AccessActions.ListEntries, null,
                $"{shown.Count} 个主体", null, shown.Count, listCode), ct);
        }

        return TypedResults.Ok(paging.Respond(shown.Select(a => ListEntryResponse.Create(a.Record, a.Entry)).ToList(), visible.Count));
    }

    /// <summary>
    /// A list's listings active on <paramref name="day"/>, newest first, before any caller's view of them. Today's are
    /// kept per state of the index, so that a list page read again costs no walk of the index and no read of the database
    /// until a record changes (other days are computed each time: their number is the caller's to choose).
    /// </summary>
    private static async Task<IReadOnlyList<(ListedRecord Record, ListEntry Entry)>> ListingAsync(ListIndex.Snapshot snapshot, string listCode,
        DateTimeOffset now, DateOnly day, DateOnly today, IListRepository lists, CancellationToken ct)
    {
        var cache = day == today ? Listings.GetValue(snapshot, _ => new ConcurrentDictionary<(string, DateOnly), IReadOnlyList<(ListedRecord, ListEntry)>>()) : null;
        if (cache is not null && cache.TryGetValue((listCode, day), out var cached))
        {
            return cached;
        }

        var active = ActiveEntries(snapshot, listCode, now, day).ToList();
        var entries = active.ToDictionary(a => a.History.RecordId, a => a.Entry);
        var listing = (await lists.ListedRecordsAsync(active.Select(a => a.History).ToList(), ct))
            .Select(r => (Record: r, Entry: entries[r.History.RecordId]))
            .OrderByDescending(a => a.Entry.From)
            .ThenBy(a => a.Record.Subject.DisplayCode, StringComparer.Ordinal)
            .ThenBy(a => a.Entry.RecordId)
            .ToList();
        cache?.TryAdd((listCode, day), listing);
        return listing;
    }

    private static readonly ConditionalWeakTable<ListIndex.Snapshot, ConcurrentDictionary<(string, DateOnly), IReadOnlyList<(ListedRecord, ListEntry)>>> Listings = [];

    /// <summary>Subjects per list today, counted once per state of the index and day (the whole index is walked).</summary>
    private static IReadOnlyDictionary<string, int> ActiveCounts(ListIndex.Snapshot snapshot, DateTimeOffset now, DateOnly today)
    {
        if (Counted.TryGetValue(snapshot, out var counted) && counted.Day == today)
        {
            return counted.Counts;
        }

        var counts = ActiveEntries(snapshot, null, now, today)
            .GroupBy(a => a.Entry.ListCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Entry.SubjectKey).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        Counted.AddOrUpdate(snapshot, new ListCounts(today, counts));
        return counts;
    }

    private sealed record ListCounts(DateOnly Day, IReadOnlyDictionary<string, int> Counts);

    private static readonly ConditionalWeakTable<ListIndex.Snapshot, ListCounts> Counted = [];

    /// <summary>The listings of <paramref name="listCode"/> (every list when null) active on <paramref name="day"/>, as known at <paramref name="knownAt"/>.</summary>
    private static IEnumerable<(RecordHistory History, ListEntry Entry)> ActiveEntries(ListIndex.Snapshot snapshot, string? listCode,
        DateTimeOffset knownAt, DateOnly day) =>
        snapshot.BySubject.Values
            .SelectMany(histories => histories)
            .Where(h => listCode is null || h.ListCode == listCode)
            .Select(h => (History: h, Entry: ListMembership.AsKnownAt(h, knownAt)))
            .Where(a => a.Entry is not null && a.Entry.IsActiveOn(day))
            .Select(a => (a.History, a.Entry!));
}

public sealed record ListEntriesQuery([FromQuery(Name = "asOf")] DateOnly? AsOf);

/// <summary>The list types; <c>activeCount</c> counts the subjects listed on <c>asOf</c>, today's Beijing day.</summary>
public sealed record ListTypesResponse(DateOnly AsOf, IReadOnlyList<ListTypeResponse> Items);

public sealed record ListTypeResponse(string Code, string Name, string Colour, string Description, string LegalBasis,
    int? DefaultDurationMonths, string RemovalRule, int ActiveCount)
{
    public static ListTypeResponse From(ListTypeDetails t, int activeCount) => new(t.Type.Code, t.Type.Name, t.Type.Colour.Code(),
        t.Description, t.Type.LegalBasis, t.DefaultDurationMonths, t.RemovalRule, activeCount);
}

/// <summary>One listing: the subject by its display code (a person's ID number only masked), the record and its days.</summary>
public sealed record ListEntryResponse(RecordSubjectResponse Subject, Guid RecordId, string CatalogueCode, string DepartmentCode,
    DateOnly From, DateOnly? To)
{
    public static ListEntryResponse Create(ListedRecord r, ListEntry e) => new(
        new RecordSubjectResponse(r.Subject.DisplayCode, r.Subject.Name, r.Subject.Type), e.RecordId, r.CatalogueCode, r.DepartmentCode,
        e.From, e.To);
}
