using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Bench.Generator;

/// <param name="RecordsPerCommit">Records per transaction; their subjects, revisions and events go in the same one.</param>
/// <param name="GeneratedCatalogue">Seed the whole generated 2014-entry catalogue, as the service does in Development.</param>
public sealed record GeneratorOptions(
    int Subjects = 1_000_000,
    int Records = 5_000_000,
    int RecordsPerCommit = 50_000,
    ulong Seed = 0x4B5A_DA7A_2026_1126UL,
    bool GeneratedCatalogue = true);

/// <summary>How many subjects one list got: with a listing record, listed on the reference day, and revoked.</summary>
public sealed record ListOutcome(string ListCode, string EntryCode, int Subjects, int ListedOnReferenceDay, int Revoked);

/// <param name="CodesHash">SHA-256 over the subject codes and the records' department and source reference, in order.</param>
/// <param name="ContentHash">SHA-256 over every generated value that is not from the clock: names, payload hashes, events.</param>
public sealed record GeneratorResult(
    int Subjects,
    int Records,
    int Revocations,
    int ChangeLogRows,
    IReadOnlyDictionary<string, int> RecordsByEntry,
    IReadOnlyList<ListOutcome> Lists,
    int Deregistered,
    string CodesHash,
    string ContentHash,
    TimeSpan SeedTime,
    TimeSpan GenerateTime,
    TimeSpan GenerateCpuTime,
    long DatabaseBytes);

/// <summary>
/// A deterministic SQLite database for the search and check benchmarks: the service's migrations and Development
/// seed, then (by default) 1,000,000 subjects and 5,000,000 records over the demo catalogue's entries, with about
/// 0.5 % of the subjects on 失信被执行人, 3 % on 经营异常名录, 5 % on 纳税信用A级 and so on. One thread makes the
/// rows (a fixed-seed xorshift64*, so every run writes the same rows) while another inserts them.
/// </summary>
public static class DataGenerator
{
    /// <summary>The day the data describes as today, the demo seed's: everything generated is decided before it.</summary>
    public static DateOnly ReferenceDay => DemoRecords.ReferenceDate;

    private const int SubjectTable = 1;
    private const int RecordTable = 2;
    private const int EventTable = 3;

    public static async Task<GeneratorResult> GenerateAsync(string path, GeneratorOptions options, TextWriter log, CancellationToken ct = default)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists; the generator writes a new database only.");
        }

        // The plan first: a size that cannot work fails before anything is written.
        var rng = new XorShift64Star(options.Seed);
        var plan = SubjectPlan.Create(options.Subjects, options.Records, rng);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var watch = Stopwatch.StartNew();
        IReadOnlyDictionary<string, CatalogueEntry> entries;
        await using (var app = await BenchHost.StartAsync("Sqlite", $"Data Source={path}", Path.GetDirectoryName(path)!, TimeProvider.System,
                         options.GeneratedCatalogue))
        {
            entries = await app.Services.GetRequiredService<ICatalogueRepository>().GetCurrentAsync(DemoCatalogue.All.Select(e => e.Code).ToList(), ct);
        }

        SqliteConnection.ClearAllPools();
        var seedTime = watch.Elapsed;
        log.WriteLine($"migrated and seeded {path} in {seedTime.TotalSeconds:F1} s");

        watch.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var writer = new SqliteBulkWriter(path);
        var state = new Production(options, entries, plan, new XorShift64Star(rng.Next()));
        var channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => state.Produce(channel.Writer, stop.Token), stop.Token);
        var written = (Records: 0L, Rows: 0L);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                writer.Write(chunk);
                written = (written.Records + chunk.Records.Count, written.Rows + chunk.Rows);
                var seconds = watch.Elapsed.TotalSeconds;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{written.Records,10:N0} / {options.Records:N0} records ({100.0 * written.Records / options.Records,5:F1} %), {written.Rows:N0} rows, "
                    + $"{written.Records / seconds:N0} records/s, {written.Rows / seconds:N0} rows/s, {seconds:F0} s"));
            }
        }
        catch when (!producer.IsCompleted)
        {
            // A failed insert must not leave the producer waiting forever for room in the channel.
            await stop.CancelAsync();
            await producer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await producer;
        var changes = state.Changes.OrderBy(c => c.Ticks).ToList(); // stable: generation order breaks ties
        writer.WriteChanges(changes, writer.Scalar("SELECT COALESCE(MAX(version), 0) FROM change_log"));
        log.WriteLine($"change log: {changes.Count:N0} rows");
        writer.Finish();
        var generateTime = watch.Elapsed;
        var generateCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {options.Subjects:N0} subjects and {options.Records:N0} records in {generateTime.TotalSeconds:F1} s "
            + $"({options.Records / generateTime.TotalSeconds:N0} records/s, {generateCpu.TotalSeconds:F1} s of CPU time)"));
        return state.Result(changes.Count, seedTime, generateTime, generateCpu, new FileInfo(path).Length);
    }

    /// <summary>The producing side: the plan, the factories, the counters and the hashes.</summary>
    private sealed class Production(GeneratorOptions options, IReadOnlyDictionary<string, CatalogueEntry> entries, SubjectPlan plan,
        XorShift64Star content)
    {
        private readonly HashLine _codesHash = new();
        private readonly HashLine _contentHash = new();
        private readonly CanonicalEncoder _encoder = new();
        private readonly Dictionary<string, int> _byEntry = new(StringComparer.Ordinal);
        private readonly int[] _listSubjects = new int[SubjectPlan.Lists.Count];
        private readonly int[] _listedToday = new int[SubjectPlan.Lists.Count];
        private readonly int[] _listRevoked = new int[SubjectPlan.Lists.Count];
        private readonly DateOnly _lastDay = ReferenceDay.AddDays(-1);
        private long _recordSequence;
        private long _eventSequence;
        private int _deregistered;

        public List<ChangeRow> Changes { get; } = [];

        public void Produce(ChannelWriter<Chunk> output, CancellationToken ct)
        {
            try
            {
                var people = new SubjectFactory(content, options.Subjects, _lastDay);
                var factory = new RecordFactory(content, entries, people, _lastDay);
                var remaining = new[] { plan.Permits, plan.Penalties, plan.SocialInsurance };
                var chunk = new Chunk();
                var drafts = new List<RecordDraft>();
                for (var i = 0; i < options.Subjects; i++)
                {
                    var subject = people.Create(i, plan.Kinds[i], plan.Deregistered[i]);

                    drafts.Clear();
                    drafts.Add(factory.Registration(subject));
                    for (var l = 0; l < SubjectPlan.Lists.Count; l++)
                    {
                        if ((plan.ListFlags[i] & (1 << l)) != 0)
                        {
                            drafts.Add(factory.Listing(subject, SubjectPlan.Lists[l]));
                        }
                    }

                    for (var k = 0; k < plan.OtherRecords[i]; k++)
                    {
                        drafts.Add(factory.Other(subject, (OtherKind)Draw(content, remaining)));
                    }

                    Emit(subject, drafts, content, chunk);
                    if (chunk.Records.Count >= options.RecordsPerCommit)
                    {
                        output.WriteAsync(chunk, ct).AsTask().GetAwaiter().GetResult();
                        chunk = new Chunk();
                    }
                }

                if (chunk.Records.Count > 0)
                {
                    output.WriteAsync(chunk, ct).AsTask().GetAwaiter().GetResult();
                }

                output.Complete();
            }
            catch (Exception e)
            {
                output.Complete(e);
                throw;
            }
        }

        /// <summary>Sampling without replacement: exactly the planned number of each kind, in random order.</summary>
        private static int Draw(XorShift64Star rng, int[] remaining)
        {
            var r = rng.NextInt(remaining.Sum());
            for (var k = 0; ; k++)
            {
                if (r < remaining[k])
                {
                    remaining[k]--;
                    return k;
                }

                r -= remaining[k];
            }
        }

        private void Emit(SubjectDraft subject, List<RecordDraft> drafts, XorShift64Star rng, Chunk chunk)
        {
            var subjectId = SqliteText.Id(SubjectTable, subject.Index + 1L);
            Append(_codesHash, subject.Code);
            Append(_contentHash, subject.Code, subject.Name, subject.Type);
            var first = DateTimeOffset.MaxValue;
            var last = DateTimeOffset.MinValue;
            string? registrationId = null;
            foreach (var draft in drafts)
            {
                var entry = draft.Entry;
                var recordId = SqliteText.Id(RecordTable, ++_recordSequence);
                registrationId ??= recordId;
                var item = entry.Code[(entry.Code.LastIndexOf('-') + 1)..];
                var count = _byEntry[entry.Code] = _byEntry.GetValueOrDefault(entry.Code) + 1;
                var sourceRef = string.Create(CultureInfo.InvariantCulture, $"{item}-{draft.DecisionDate.Year}-{count:D7}");
                var decisionDate = SqliteText.Date(draft.DecisionDate);
                var effectiveFrom = SqliteText.Date(draft.EffectiveFrom);
                var effectiveTo = SqliteText.Date(draft.EffectiveTo);
                var (fields, hash) = _encoder.Encode(entry, draft.Fields, subject.Code, subject.Name, subject.Type, decisionDate, draft.Severity,
                    effectiveFrom, effectiveTo);
                var severity = draft.Severity is null ? (Severity?)null : SeverityCodes.Parse(draft.Severity);
                var window = Publicity.LastPublicDay(entry.PublicityRule, severity, draft.DecisionDate, draft.EffectiveTo);
                var publicityUntil = window.IsNeverPublic ? draft.DecisionDate.AddDays(-1) : window.LastDay;
                var recordedAt = Moment(rng, Max(draft.DecisionDate, SubjectFactory.FirstRecordDay), 6);
                first = recordedAt < first ? recordedAt : first;
                last = recordedAt > last ? recordedAt : last;
                chunk.Records.Add(new RecordRow(recordId, entry.DepartmentCode, entry.Code, subjectId, sourceRef, SqliteText.Instant(recordedAt),
                    entry.Version, fields, decisionDate, draft.Severity, effectiveFrom, effectiveTo, SqliteText.Date(publicityUntil), hash));
                Append(_codesHash, entry.DepartmentCode, sourceRef);
                Append(_contentHash, sourceRef, hash);
                if (draft.Revocation is { } revoked)
                {
                    var eventAt = Moment(rng, revoked.EffectiveOn, 3);
                    var eventRow = new EventRow(SqliteText.Id(EventTable, ++_eventSequence), recordId, revoked.Reason,
                        SqliteText.Date(revoked.EffectiveOn), SqliteText.Instant(eventAt));
                    chunk.Events.Add(eventRow);
                    Changes.Add(new ChangeRow(eventAt.UtcTicks, subjectId, recordId, ChangeKinds.RecordRevoked, eventRow.RecordedAt));
                    Append(_contentHash, eventRow.Id, eventRow.EffectiveOn, eventRow.RecordedAt);
                }

                Count(subject, draft);
            }

            var createdAt = SqliteText.Instant(first);
            var updatedAt = SqliteText.Instant(last);
            _codesHash.Flush();
            _contentHash.Flush();
            chunk.Subjects.Add(new SubjectRow(subjectId, subject.Type, subject.Code, subject.Name,
                subject.Deregistered is null ? "active" : "deregistered", createdAt, updatedAt, registrationId!));
            Changes.Add(new ChangeRow(last.UtcTicks, subjectId, null, ChangeKinds.RecordsAdded, updatedAt));
            _deregistered += subject.Deregistered is null ? 0 : 1;
        }

        private void Count(SubjectDraft subject, RecordDraft draft)
        {
            for (var l = 0; l < SubjectPlan.Lists.Count; l++)
            {
                if (SubjectPlan.Lists[l].EntryCode != draft.Entry.Code)
                {
                    continue;
                }

                _listSubjects[l]++;
                _listRevoked[l] += draft.Revocation is null ? 0 : 1;
                var listed = draft.EffectiveFrom <= ReferenceDay && (draft.EffectiveTo is not { } to || to >= ReferenceDay)
                    && (draft.Revocation is not { } r || r.EffectiveOn > ReferenceDay);
                _listedToday[l] += listed ? 1 : 0;
            }
        }

        /// <summary>A moment on one of the <paramref name="spreadDays"/> days from <paramref name="day"/>, in office hours (08:00–18:00 Beijing), never on or after the reference day.</summary>
        private DateTimeOffset Moment(XorShift64Star rng, DateOnly day, int spreadDays)
        {
            var on = day.AddDays(rng.NextInt(spreadDays + 1));
            on = on > _lastDay ? _lastDay : on;
            return new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMilliseconds(rng.NextInt(10 * 3600 * 1000));
        }

        /// <summary>Adds one line of tab-separated values to a hash (through a buffer: one call into the hash per subject).</summary>
        private static void Append(HashLine hash, params ReadOnlySpan<string> values) => hash.Add(values);

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        public GeneratorResult Result(int changeLogRows, TimeSpan seedTime, TimeSpan generateTime, TimeSpan generateCpu, long bytes) => new(
            options.Subjects,
            (int)_recordSequence,
            (int)_eventSequence,
            changeLogRows,
            new SortedDictionary<string, int>(_byEntry, StringComparer.Ordinal),
            SubjectPlan.Lists.Select((l, i) => new ListOutcome(l.ListCode, l.EntryCode, _listSubjects[i], _listedToday[i], _listRevoked[i])).ToList(),
            _deregistered,
            _codesHash.Finish(),
            _contentHash.Finish(),
            seedTime,
            generateTime,
            generateCpu,
            bytes);
    }
}

/// <summary>A SHA-256 over lines of tab-separated text, fed through a buffer.</summary>
internal sealed class HashLine
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new(16384);

    public void Add(ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            Encoding.UTF8.GetBytes(value, _buffer);
            _buffer.Write("\t"u8);
        }

        _buffer.Write("\n"u8);
    }

    public void Flush()
    {
        _hash.AppendData(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }
}
