using System.Text.Json;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Lists;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Api.Features.Subjects;

/// <summary>
/// What a viewer sees of one subject on a day, as the profile, the record list and the credit report show it. Every
/// record passes <see cref="DisclosurePolicy"/> here and nowhere else; list memberships come from the in-memory
/// <see cref="ListIndex"/> (replayed with <see cref="ListMembership.AsKnownAt"/>, never a table of their own) and
/// are shown only when the record behind them is visible to the viewer.
/// </summary>
public sealed class SubjectViews(SubjectRepository subjects, ListIndex lists, TimeProvider clock)
{
    /// <summary>The subject as the viewer may see it on <paramref name="asOf"/>; null when the viewer may not see it at all.</summary>
    public async Task<SubjectView?> ReadAsync(SubjectRow subject, Viewer viewer, DateOnly? asOf, CancellationToken ct) =>
        await ReadAsync(subject, viewer, asOf, null, ct);

    /// <summary>As above, against a list-index snapshot already taken (one per page of search results).</summary>
    private async Task<SubjectView?> ReadAsync(SubjectRow subject, Viewer viewer, DateOnly? asOf, ListIndex.Snapshot? taken, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ListMembership.DayOf(now);
        var day = asOf ?? today;
        var file = await subjects.ReadFileAsync(subject, ct);
        var records = file.Records
            .Where(r => r.DecisionDate <= day)
            // Decided on the stored row, so that records the viewer may not see are never built.
            .Where(r => DisclosurePolicy.CanSee(viewer, DisclosureCodes.Parse(r.Disclosure), r.DepartmentCode,
                Publicity.IsPublicOn(r.DecisionDate, r.PublicityUntil, today), file.Events[r.Id].Any(e => e.Kind == RecordEventKinds.Revoked)))
            .Select(r => Item(r, file, now, day))
            .OrderBy(r => CategoryOrder(r.Category)).ThenBy(r => r.Category, StringComparer.Ordinal)
            .ThenByDescending(r => r.DecisionDate).ThenBy(r => r.Id)
            .ToList();
        if (!DisclosurePolicy.CanSeeSubject(viewer, subject.IsPerson, records.Count))
        {
            return null;
        }

        var snapshot = taken ?? await lists.CurrentAsync(ct);
        var visible = records.Select(r => r.Id).ToHashSet();
        var memberships = snapshot.Histories(subject.LookupKey)
            .Where(h => visible.Contains(h.RecordId) && snapshot.Lists.ContainsKey(h.ListCode))
            .Select(h => ListMembership.AsKnownAt(h, now))
            .OfType<ListEntry>()
            .Where(e => e.IsActiveOn(day))
            .Select(e => (Entry: e, Type: snapshot.Lists[e.ListCode]))
            .OrderBy(m => m.Type.Colour == ListColour.Black ? 0 : 1).ThenByDescending(m => m.Entry.From).ThenBy(m => m.Type.SortOrder)
            .Select(m => new SubjectListResponse(m.Type.Code, m.Type.Name, m.Type.Colour.Code(), m.Entry.From, m.Entry.To, m.Entry.RecordId))
            .ToList();
        var redLists = memberships.Where(m => m.Colour == "red").Select(m => m.ListCode).ToHashSet(StringComparer.Ordinal);
        var incentives = snapshot.MeasuresAsKnownAt(now)
            .Where(m => m.Kind == MeasureKind.Incentive && m.ListCodes.Any(redLists.Contains))
            .OrderBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new SubjectIncentiveResponse(m.Code, m.Name, m.Effect, m.LegalBasis))
            .ToList();
        var formerNames = file.Names.Take(Math.Max(0, file.Names.Count - 1)).Where(n => n.Name != subject.Name)
            .Select(n => new FormerNameResponse(n.Name, ListMembership.DayOf(n.ValidFrom)))
            .ToList();
        return new SubjectView(subject, day, formerNames, memberships, incentives, records);
    }

    /// <summary>
    /// For each subject, whether it is on a black or a red list today, counting only listings the viewer may see. The
    /// in-memory list index answers for the many subjects on no list; only listed ones are read in full.
    /// </summary>
    public async Task<IReadOnlyList<(bool Black, bool Red)>> ListFlagsAsync(IReadOnlyList<SubjectRow> subjects, Viewer viewer, CancellationToken ct)
    {
        var snapshot = await lists.CurrentAsync(ct);
        var flags = new List<(bool Black, bool Red)>(subjects.Count);
        foreach (var subject in subjects)
        {
            var view = snapshot.Histories(subject.LookupKey).Count == 0 ? null : await ReadAsync(subject, viewer, null, snapshot, ct);
            flags.Add(view is null ? (false, false) : (view.Lists.Any(l => l.Colour == "black"), view.Lists.Any(l => l.Colour == "red")));
        }

        return flags;
    }

    private static SubjectRecordResponse Item(SubjectRecordRow r, SubjectFile file, DateTimeOffset now, DateOnly day)
    {
        var events = file.Events[r.Id].ToList();
        var history = new RecordHistory(r.Id, file.Subject.LookupKey, r.ListCode ?? "",
            [new RevisionFact((int)r.Revision, r.RecordedAt, r.EffectiveFrom, r.EffectiveTo)],
            [.. events.Select(e => new EventFact(e.Kind, e.RecordedAt, e.EffectiveOn, e.NewEffectiveTo))]);
        var active = ListMembership.AsKnownAt(history, now)?.IsActiveOn(day) ?? false;
        using var fields = JsonDocument.Parse(r.Fields);
        return new SubjectRecordResponse(r.Id, r.CatalogueCode, r.CatalogueName, r.Category, r.Polarity, r.Disclosure, r.DepartmentCode,
            r.DepartmentName, r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo, r.PublicityUntil, active,
            events.Any(e => e.Kind == RecordEventKinds.Revoked), (int)r.Revision, fields.RootElement.Clone());
    }

    private static readonly Dictionary<string, int> CategoryIndex =
        CatalogueCategories.All.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    /// <summary>The catalogue's customary order of categories; one it does not know goes last.</summary>
    private static int CategoryOrder(string category) => CategoryIndex.GetValueOrDefault(category, CatalogueCategories.All.Count);
}

/// <summary>One subject as a viewer sees it on <see cref="AsOf"/>: only what the disclosure policy let through.</summary>
/// <param name="Records">Every visible record decided by <see cref="AsOf"/>, active or not, by category then newest first.</param>
public sealed record SubjectView(SubjectRow Subject, DateOnly AsOf, IReadOnlyList<FormerNameResponse> FormerNames,
    IReadOnlyList<SubjectListResponse> Lists, IReadOnlyList<SubjectIncentiveResponse> Incentives, IReadOnlyList<SubjectRecordResponse> Records)
{
    public IReadOnlyList<SubjectRecordResponse> ActiveRecords => Records.Where(r => r.Active).ToList();

    public SubjectProfileResponse ToProfile() => new(Subject.DisplayCode, Subject.Name, Subject.SubjectType, Subject.Status, AsOf, FormerNames,
        Lists, ActiveRecords.GroupBy(r => r.Category, StringComparer.Ordinal).Select(g => new RecordCountResponse(g.Key, g.Count())).ToList(),
        Incentives);
}
