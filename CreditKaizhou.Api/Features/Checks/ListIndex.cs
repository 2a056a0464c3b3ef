using System.Collections.Concurrent;
using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Lists;
using Dapper;

namespace CreditKaizhou.Api.Features.Checks;

[SqlQueries]
internal static class ListIndexSql
{
    /// <summary>Before each check (shared by concurrent ones), answered from the primary key: has any record changed since this instance looked?</summary>
    public const string DataVersion = "SELECT COALESCE(MAX(version), 0) FROM change_log";

    /// <summary>Catalogue, measures and list types change rarely; this is read at most once a second.</summary>
    public const string Stamp = """
        SELECT (SELECT COALESCE(MAX(version), 0) FROM change_log) AS data_version,
               (SELECT COUNT(*) + COALESCE(SUM(current_version), 0) FROM measures) AS measures_stamp,
               (SELECT COUNT(*) + COALESCE(SUM(current_version), 0) FROM catalogue_entries) AS catalogue_stamp,
               (SELECT COUNT(*) FROM list_types) AS lists_stamp
        """;

    public const string ChangedSubjects = """
        SELECT DISTINCT subject_id FROM change_log WHERE version > @Since AND version <= @Until
        """;

    private const string ListRecordColumns = """
        SELECT r.id AS record_id, s.lookup_key AS subject_key, v.list_code
        FROM records r
        JOIN subjects s ON s.id = r.subject_id
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        WHERE v.list_code IS NOT NULL
        """;

    // The whole-index reads are driven by the list-feeding entries through records' catalogue index: joined the other way,
    // an engine without statistics (SQLite) reads all of records and record_revisions, 5 GB on the district's data.
    private const string FeedingEntries = "SELECT entry_code FROM catalogue_entry_versions WHERE list_code IS NOT NULL";

    private const string FeedingRecords = $"SELECT id FROM records WHERE catalogue_code IN ({FeedingEntries})";

    public const string AllListRecords = ListRecordColumns + $" AND r.catalogue_code IN ({FeedingEntries})";

    public const string SubjectListRecords = ListRecordColumns + " AND r.subject_id = @SubjectId";

    private const string RevisionColumns = """
        SELECT x.record_id, x.revision, x.recorded_at, x.effective_from, x.effective_to
        FROM record_revisions x
        JOIN records r ON r.id = x.record_id
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        WHERE v.list_code IS NOT NULL
        """;

    public const string AllRevisions = RevisionColumns + $" AND x.record_id IN ({FeedingRecords})";

    public const string SubjectRevisions = RevisionColumns + " AND r.subject_id = @SubjectId";

    private const string EventColumns = """
        SELECT x.record_id, x.kind, x.recorded_at, x.effective_on, x.new_effective_to
        FROM record_events x
        JOIN records r ON r.id = x.record_id
        JOIN catalogue_entries e ON e.code = r.catalogue_code
        JOIN catalogue_entry_versions v ON v.entry_code = e.code AND v.version = e.current_version
        WHERE v.list_code IS NOT NULL
        """;

    public const string AllEvents = EventColumns + $" AND x.record_id IN ({FeedingRecords})";

    public const string SubjectEvents = EventColumns + " AND r.subject_id = @SubjectId";

    public const string SubjectKeyOf = "SELECT lookup_key FROM subjects WHERE id = @SubjectId";

    public const string ListTypes = "SELECT code, name, colour, sort_order, legal_basis FROM list_types";

    public const string MeasureVersions = """
        SELECT m.measure_code, m.version, m.name, m.kind, m.effect, m.contexts, m.legal_basis, m.implementing_department, m.created_at
        FROM measure_versions m
        """;

    public const string MeasureLists = "SELECT measure_code, version, list_code FROM measure_list_types";
}

/// <summary>
/// Everything a bidding check needs, held in memory: the history of every record that feeds a list, by
/// subject, and every version of every measure. The list pages read their memberships from it too. Before each check the change log's head is read (a read that
/// starts after the check began, shared with the checks waiting at the same moment: <see cref="ChangeLogHead"/>);
/// only the subjects changed since are reloaded. A check therefore never misses a record committed (through any
/// instance) before it began, and makes no database round trip per bidder. Changes to the catalogue, measures
/// and list types made through another instance are seen within <see cref="ReferenceDataLifetime"/>.
/// </summary>
public sealed class ListIndex(DbDataSource db, ChangeLogHead head, TimeProvider clock, ILogger<ListIndex> logger)
{
    /// <summary>How stale a change to the catalogue, the measures or the list types may be on another instance.</summary>
    public static readonly TimeSpan ReferenceDataLifetime = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTimeOffset _referenceDataReadAt;
    private readonly ConcurrentDictionary<string, RecordHistory[]> _bySubject = new(StringComparer.Ordinal);
    private volatile Snapshot? _snapshot;

    /// <summary>Brings the index up to the database's current state and returns it.</summary>
    public async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - _referenceDataReadAt < ReferenceDataLifetime)
        {
            var version = await head.ReadAsync(ct);
            return version <= snapshot.DataVersion
                ? snapshot
                : await RefreshAsync(new StampRow
                {
                    DataVersion = version, MeasuresStamp = snapshot.MeasuresStamp, CatalogueStamp = snapshot.CatalogueStamp,
                    ListsStamp = snapshot.ListsStamp,
                }, ct);
        }

        StampRow stamp;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            stamp = await connection.QuerySingleAsync<StampRow>(new CommandDefinition(ListIndexSql.Stamp, cancellationToken: ct));
        }

        _referenceDataReadAt = clock.GetUtcNow();
        return snapshot is not null && snapshot.Matches(stamp) ? snapshot : await RefreshAsync(stamp, ct);
    }

    private async Task<Snapshot> RefreshAsync(StampRow stamp, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            var snapshot = _snapshot;
            if (snapshot is not null && snapshot.Matches(stamp))
            {
                return snapshot;
            }

            await using var connection = await db.OpenConnectionAsync(ct);
            _snapshot = snapshot = snapshot is null || snapshot.CatalogueStamp != stamp.CatalogueStamp
                ? await LoadAllAsync(connection, stamp, ct)
                : await UpdateAsync(connection, snapshot, stamp, ct);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<Snapshot> LoadAllAsync(DbConnection connection, StampRow stamp, CancellationToken ct)
    {
        var records = await LoadHistoriesAsync(connection, ListIndexSql.AllListRecords, ListIndexSql.AllRevisions, ListIndexSql.AllEvents, null, ct);
        _bySubject.Clear();
        foreach (var group in records.GroupBy(r => r.SubjectKey))
        {
            _bySubject[group.Key] = [.. group];
        }

        logger.LogInformation("List index loaded: {Records} list records of {Subjects} subjects at data version {Version}",
            records.Count, _bySubject.Count, stamp.DataVersion);
        return await WithMeasuresAsync(connection, stamp, ct);
    }

    private async Task<Snapshot> UpdateAsync(DbConnection connection, Snapshot previous, StampRow stamp, CancellationToken ct)
    {
        if (stamp.DataVersion != previous.DataVersion)
        {
            var changed = await connection.QueryAsync<Guid>(new CommandDefinition(ListIndexSql.ChangedSubjects,
                new { Since = previous.DataVersion, Until = stamp.DataVersion }, cancellationToken: ct));
            foreach (var subjectId in changed)
            {
                var key = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ListIndexSql.SubjectKeyOf, new { SubjectId = subjectId }, cancellationToken: ct));
                var records = await LoadHistoriesAsync(connection, ListIndexSql.SubjectListRecords, ListIndexSql.SubjectRevisions,
                    ListIndexSql.SubjectEvents, subjectId, ct);
                if (key is null)
                {
                    continue;
                }

                if (records.Count == 0)
                {
                    _bySubject.TryRemove(key, out _);
                }
                else
                {
                    _bySubject[key] = [.. records];
                }
            }
        }

        return previous.MeasuresStamp == stamp.MeasuresStamp && previous.ListsStamp == stamp.ListsStamp
            ? previous with { DataVersion = stamp.DataVersion }
            : await WithMeasuresAsync(connection, stamp, ct);
    }

    private async Task<Snapshot> WithMeasuresAsync(DbConnection connection, StampRow stamp, CancellationToken ct)
    {
        var lists = (await connection.QueryAsync<ListTypeRow>(new CommandDefinition(ListIndexSql.ListTypes, cancellationToken: ct)))
            .ToDictionary(l => l.Code, l => new ListType(l.Code, l.Name, ListColourCodes.Parse(l.Colour), (int)l.SortOrder, l.LegalBasis), StringComparer.Ordinal);
        var listsOf = (await connection.QueryAsync<MeasureListRow>(new CommandDefinition(ListIndexSql.MeasureLists, cancellationToken: ct)))
            .ToLookup(r => (r.MeasureCode, (int)r.Version), r => r.ListCode);
        var measures = (await connection.QueryAsync<MeasureRow>(new CommandDefinition(ListIndexSql.MeasureVersions, cancellationToken: ct)))
            .Select(m => new MeasureVersion(m.CreatedAt, new Measure(m.MeasureCode, (int)m.Version, m.Name, MeasureKindCodes.Parse(m.Kind), m.Effect,
                m.Contexts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                [.. listsOf[(m.MeasureCode, (int)m.Version)].Order(StringComparer.Ordinal)], m.LegalBasis, m.ImplementingDepartment)))
            .ToList();
        return new Snapshot(stamp.DataVersion, stamp.MeasuresStamp, stamp.CatalogueStamp, stamp.ListsStamp, lists, measures, _bySubject);
    }

    private static async Task<List<RecordHistory>> LoadHistoriesAsync(DbConnection connection, string recordsSql, string revisionsSql,
        string eventsSql, Guid? subjectId, CancellationToken ct)
    {
        var parameters = new { SubjectId = subjectId };
        var heads = await connection.QueryAsync<ListRecordRow>(new CommandDefinition(recordsSql, parameters, cancellationToken: ct));
        var revisions = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(revisionsSql, parameters, cancellationToken: ct)))
            .ToLookup(r => r.RecordId, r => new RevisionFact((int)r.Revision, r.RecordedAt, r.EffectiveFrom, r.EffectiveTo));
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(eventsSql, parameters, cancellationToken: ct)))
            .ToLookup(e => e.RecordId, e => new EventFact(e.Kind, e.RecordedAt, e.EffectiveOn, e.NewEffectiveTo));
        return heads.Select(h => new RecordHistory(h.RecordId, h.SubjectKey, h.ListCode, [.. revisions[h.RecordId]], [.. events[h.RecordId]])).ToList();
    }

    /// <summary>The state a check is evaluated against.</summary>
    public sealed record Snapshot(long DataVersion, long MeasuresStamp, long CatalogueStamp, long ListsStamp,
        IReadOnlyDictionary<string, ListType> Lists, IReadOnlyList<MeasureVersion> Measures, IReadOnlyDictionary<string, RecordHistory[]> BySubject)
    {
        /// <summary>Whether this snapshot holds everything the stamp says is committed (a concurrent refresh may have gone further).</summary>
        internal bool Matches(StampRow stamp) =>
            DataVersion >= stamp.DataVersion && MeasuresStamp == stamp.MeasuresStamp && CatalogueStamp == stamp.CatalogueStamp && ListsStamp == stamp.ListsStamp;

        /// <summary>The version of each measure in force at <paramref name="knownAt"/> (measures are versioned like the catalogue).</summary>
        public IReadOnlyList<Measure> MeasuresAsKnownAt(DateTimeOffset knownAt) => Measures
            .Where(m => m.CreatedAt <= knownAt)
            .GroupBy(m => m.Measure.Code)
            .Select(g => g.MaxBy(m => m.Measure.Version)!.Measure)
            .ToList();

        public IReadOnlyList<RecordHistory> Histories(string subjectKey) => BySubject.TryGetValue(subjectKey, out var histories) ? histories : [];
    }

    public sealed record MeasureVersion(DateTimeOffset CreatedAt, Measure Measure);

    internal sealed class StampRow
    {
        public long DataVersion { get; init; }
        public long MeasuresStamp { get; init; }
        public long CatalogueStamp { get; init; }
        public long ListsStamp { get; init; }
    }

    private sealed class ListRecordRow
    {
        public Guid RecordId { get; init; }
        public string SubjectKey { get; init; } = "";
        public string ListCode { get; init; } = "";
    }

    private sealed class RevisionRow
    {
        public Guid RecordId { get; init; }
        public long Revision { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
    }

    private sealed class EventRow
    {
        public Guid RecordId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
        public DateOnly? EffectiveOn { get; init; }
        public DateOnly? NewEffectiveTo { get; init; }
    }

    private sealed class ListTypeRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Colour { get; init; } = "";
        public long SortOrder { get; init; }
        public string LegalBasis { get; init; } = "";
    }

    private sealed class MeasureListRow
    {
        public string MeasureCode { get; init; } = "";
        public long Version { get; init; }
        public string ListCode { get; init; } = "";
    }

    private sealed class MeasureRow
    {
        public string MeasureCode { get; init; } = "";
        public long Version { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Effect { get; init; } = "";
        public string Contexts { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public string ImplementingDepartment { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}
