using System.Globalization;
using System.Text.Json;
using CreditKaizhou.Api.Features.Catalogue;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Bench;
using CreditKaizhou.Bench.Generator;
using CreditKaizhou.Domain.Records;
using CreditKaizhou.Tests.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Bench;

// The benchmark data generator at a small size (2,000 subjects, 10,000 records): the counts and list shares it
// promises, codes checked independently of the domain's validators, foreign keys, and above all that the service's
// own code accepts every record as it was stored — the same canonical JSON, payload hash and publicity period the
// record intake computes for it.
[TestFixture]
[Category("Generator")]
public sealed class GeneratorTests
{
    private const int Subjects = 2_000;
    private const int Records = 10_000;

    private string _dir = "";
    private string _path = "";
    private GeneratorResult _result = null!;
    private List<SubjectRow> _subjects = [];
    private List<RecordRow> _records = [];

    [OneTimeSetUp]
    public async Task GenerateAsync()
    {
        _dir = Directory.CreateTempSubdirectory("ck-generator-").FullName;
        _path = Path.Combine(_dir, "first.db");
        _result = await DataGenerator.GenerateAsync(_path, new GeneratorOptions(Subjects, Records, RecordsPerCommit: 3_000), TextWriter.Null);
        await using var connection = Open(_path);
        // The generated rows: the seed's persons (keyed by a hash, not their ID number) and organisations left out.
        var seedCodes = DemoSubjects.All.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        _subjects = (await QueryAsync(connection, """
                SELECT id, subject_type, lookup_key, display_code, name, status, created_at, updated_at FROM subjects
                WHERE subject_type <> 'person'
                """,
                r => new SubjectRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7))))
            .Where(s => !seedCodes.Contains(s.Code)).ToList();
        var seedRefs = DemoRecords.All.Select(r => (r.DepartmentCode, r.SourceRef)).ToHashSet();
        _records = (await QueryAsync(connection, """
                SELECT r.id, r.department_code, r.catalogue_code, r.subject_id, r.source_ref, r.created_at, v.entry_version, v.fields,
                       v.decision_date, v.severity, v.effective_from, v.effective_to, v.publicity_until, v.payload_hash, v.recorded_at
                FROM records r JOIN record_revisions v ON v.record_id = r.id
                """,
                r => new RecordRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                    r.GetString(7), r.GetString(8), Text(r, 9), r.GetString(10), Text(r, 11), Text(r, 12), r.GetString(13), r.GetString(14))))
            .Where(r => !seedRefs.Contains((r.DepartmentCode, r.SourceRef))).ToList();
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Generate_WritesTheRequestedCounts_BesideTheSeed()
    {
        await using var connection = Open(_path);
        var seedNames = DemoSubjects.All.Sum(s => 1 + s.FormerNames.Count);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(_subjects, Has.Count.EqualTo(Subjects));
            Assert.That(_records, Has.Count.EqualTo(Records));
            Assert.That(await CountAsync(connection, "subjects"), Is.EqualTo(DemoSubjects.All.Count + Subjects));
            Assert.That(await CountAsync(connection, "subject_names"), Is.EqualTo(seedNames + Subjects));
            Assert.That(await CountAsync(connection, "records"), Is.EqualTo(DemoRecords.All.Count + Records));
            Assert.That(await CountAsync(connection, "record_revisions"), Is.EqualTo(DemoRecords.All.Count + Records));
            Assert.That(await CountAsync(connection, "record_events"), Is.EqualTo(_result.Revocations));
            Assert.That(await CountAsync(connection, "change_log"), Is.EqualTo(DemoRecords.All.Count + Subjects + _result.Revocations));
            Assert.That(_result.Records, Is.EqualTo(Records));
            Assert.That(_subjects.Count(s => s.Status == "deregistered"), Is.EqualTo(40).And.EqualTo(_result.Deregistered));
        });
    }

    [Test]
    public void Generate_GivesEverySubjectAValidUniqueCodeAndName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_subjects.Where(s => !DemoDataTests.IsValidUscc(s.Code)).Select(s => s.Code), Is.Empty);
            Assert.That(_subjects.Select(s => s.Code), Is.Unique);
            Assert.That(_subjects.Select(s => s.Name).Concat(DemoSubjects.All.Select(s => s.Name)), Is.Unique);
            Assert.That(_subjects.Where(s => s.DisplayCode != s.Code), Is.Empty);
            Assert.That(_subjects.Where(s => !(s.Code.StartsWith("91500154", StringComparison.Ordinal) && s.Type == "legal")
                && !(s.Code.StartsWith("91500234", StringComparison.Ordinal) && s.Type == "legal")
                && !(s.Code.StartsWith("92500154", StringComparison.Ordinal) && s.Type == "individual_business")), Is.Empty);
            Assert.That(Share(_subjects, s => s.Code.StartsWith("91500234", StringComparison.Ordinal)), Is.EqualTo(0.10).Within(0.02));
            Assert.That(Share(_subjects, s => s.Type == "individual_business"), Is.EqualTo(0.15).Within(0.02));
            Assert.That(_subjects.Where(s => s.Type == "legal" && !s.Name.EndsWith("公司", StringComparison.Ordinal)), Is.Empty);
            Assert.That(_subjects.Where(s => s.Type == "individual_business" && !s.Name.StartsWith("开州区", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public async Task Generate_LeavesNoForeignKeyOrIntegrityProblem()
    {
        await using var connection = Open(_path);
        Assert.That(await QueryAsync(connection, "PRAGMA foreign_key_check", r => r.GetString(0)), Is.Empty);
        Assert.That(await QueryAsync(connection, "PRAGMA integrity_check", r => r.GetString(0)), Is.EqualTo(new[] { "ok" }));
        Assert.That(await QueryAsync(connection, "PRAGMA journal_mode", r => r.GetString(0)), Is.EqualTo(new[] { "wal" }));
    }

    [Test]
    public void Generate_WritesIdsAndInstantsInMicrosoftDataSqlitesForms()
    {
        var ids = _subjects.Select(s => s.Id).Concat(_records.Select(r => r.Id)).ToList();
        var instants = _subjects.SelectMany(s => new[] { s.CreatedAt, s.UpdatedAt }).Concat(_records.Select(r => r.RecordedAt)).ToList();
        var lastMoment = new DateTimeOffset(DataGenerator.ReferenceDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(ids.Where(id => !Guid.TryParse(id, out var g) || g.ToString().ToUpperInvariant() != id), Is.Empty);
            Assert.That(ids, Is.Unique);
            Assert.That(instants.Where(i => !DateTimeOffset.TryParseExact(i, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at) || SqliteText(at) != i || at >= lastMoment), Is.Empty);
            Assert.That(_records.Where(r => r.RecordedAt != r.CreatedAt), Is.Empty);
            Assert.That(_records.Where(r => DateOnly.Parse(r.DecisionDate, CultureInfo.InvariantCulture) >= DataGenerator.ReferenceDay), Is.Empty);
            Assert.That(_records.Select(r => (r.DepartmentCode, r.SourceRef)), Is.Unique);
        });
    }

    [Test]
    public async Task Generate_StoresFieldsThatValidateAgainstTheirEntrysSchema_AsCanonicalJson()
    {
        await using var connection = Open(_path);
        var schemas = (await QueryAsync(connection, "SELECT entry_code, version, fields_schema FROM catalogue_entry_versions",
                r => (Code: r.GetString(0), Version: r.GetInt32(1), Schema: CatalogueJson.DeserializeSchema(r.GetString(2)))))
            .ToDictionary(e => (e.Code, e.Version), e => e.Schema);
        var problems = new List<string>();
        foreach (var record in _records)
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.Fields)!;
            var validation = FieldValues.ValidateJson(schemas[(record.CatalogueCode, record.EntryVersion)], fields, _ => false, DataGenerator.ReferenceDay);
            if (validation.Problems.Count > 0)
            {
                problems.Add($"{record.SourceRef}: {string.Join("; ", validation.Problems.Select(p => p.Key + " " + p.Kind))}");
            }
            else if (CanonicalJson.Serialize(validation.Values) != record.Fields)
            {
                problems.Add($"{record.SourceRef}: not canonical: {record.Fields}");
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(_records.Select(r => r.CatalogueCode).Distinct(), Is.EquivalentTo(DemoCatalogue.All.Select(e => e.Code)));
    }

    [Test]
    public async Task Generate_StoresWhatTheRecordIntakeWouldStore()
    {
        await using var app = await BenchHost.StartAsync("Sqlite", $"Data Source={_path}", _dir, new FixedClock(DataGenerator.ReferenceDay),
            generatedCatalogue: true);
        var intake = app.Services.GetRequiredService<RecordIntake>();
        var subjects = _subjects.ToDictionary(s => s.Id);
        var problems = new List<string>();
        foreach (var department in _records.GroupBy(r => r.DepartmentCode))
        {
            var rows = department.ToList();
            var inputs = rows.Select(r => (RecordInput?)new RecordInput(r.CatalogueCode,
                new SubjectInput(subjects[r.SubjectId].Code, subjects[r.SubjectId].Name, subjects[r.SubjectId].Type), r.SourceRef,
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.Fields), r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo)).ToList();
            var prepared = await intake.PrepareAsync(department.Key, inputs, default);
            Assert.That(prepared.ForeignEntries, Is.Empty, department.Key);
            for (var i = 0; i < rows.Count; i++)
            {
                var (stored, submission) = (rows[i], prepared.Rows[i].Submission);
                if (submission is null)
                {
                    problems.Add($"{stored.SourceRef}: {string.Join("; ", prepared.Rows[i].Errors!.Select(e => e.Key + ": " + e.Value[0]))}");
                }
                else if (submission.FieldsJson != stored.Fields || submission.PayloadHash != stored.PayloadHash
                         || Date(submission.PublicityUntil) != stored.PublicityUntil || submission.Severity != stored.Severity
                         || Date(submission.EffectiveTo) != stored.EffectiveTo || submission.EntryVersion != stored.EntryVersion)
                {
                    problems.Add($"{stored.SourceRef}: the intake would store it otherwise");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task Generate_PutsTheExactShareOfSubjectsOnEachList()
    {
        await using var connection = Open(_path);
        var types = _subjects.ToDictionary(s => s.Id, s => s.Type);
        var deregistered = _subjects.Where(s => s.Status == "deregistered").Select(s => s.Id).ToHashSet();
        var onList = _records.GroupBy(r => r.CatalogueCode).ToDictionary(g => g.Key, g => g.Select(r => r.SubjectId).ToList());
        var black = new[] { DemoCatalogue.JudgmentDefaulter, DemoCatalogue.MajorTaxViolation, DemoCatalogue.ProcurementViolation,
            DemoCatalogue.MarketSeriousViolation, DemoCatalogue.AbnormalOperation }.SelectMany(c => onList[c]).ToHashSet();
        var expected = new Dictionary<string, int>
        {
            [DemoCatalogue.JudgmentDefaulter] = 10, [DemoCatalogue.MajorTaxViolation] = 4, [DemoCatalogue.ProcurementViolation] = 2,
            [DemoCatalogue.MarketSeriousViolation] = 6, [DemoCatalogue.AbnormalOperation] = 60, [DemoCatalogue.TaxCreditA] = 100,
            [DemoCatalogue.CreditIncentive] = 10,
        };
        var events = await QueryAsync(connection, """
            SELECT e.kind, r.catalogue_code, e.effective_on, v.effective_from, v.effective_to, e.recorded_at, v.recorded_at
            FROM record_events e JOIN records r ON r.id = e.record_id JOIN record_revisions v ON v.record_id = r.id
            """, r => (Kind: r.GetString(0), Entry: r.GetString(1), On: r.GetString(2), From: r.GetString(3), To: r.GetString(4),
            EventAt: r.GetString(5), RecordAt: r.GetString(6)));
        Assert.Multiple(() =>
        {
            foreach (var (entry, count) in expected)
            {
                Assert.That(onList[entry], Has.Count.EqualTo(count).And.Unique, entry);
                Assert.That(_result.Lists.Single(l => l.EntryCode == entry).Subjects, Is.EqualTo(count), entry);
            }

            Assert.That(onList[DemoCatalogue.AbnormalOperation].Where(id => types[id] != "legal"), Is.Empty);
            Assert.That(onList[DemoCatalogue.TaxCreditA].Concat(onList[DemoCatalogue.CreditIncentive]).Where(id => black.Contains(id) || deregistered.Contains(id)),
                Is.Empty);
            Assert.That(onList[DemoCatalogue.Registration], Has.Count.EqualTo(Subjects).And.Unique);
            Assert.That(Share(_records, r => r.CatalogueCode.EndsWith("-XZXK", StringComparison.Ordinal) || r.CatalogueCode == DemoCatalogue.Registration),
                Is.EqualTo(0.70));
            Assert.That(Share(_records, r => r.CatalogueCode.EndsWith("-XZCF", StringComparison.Ordinal)), Is.EqualTo(0.25));
            Assert.That(_records.Where(r => r.CatalogueCode.EndsWith("-XZCF", StringComparison.Ordinal)).Select(r => r.Severity).Distinct(),
                Is.EquivalentTo(new[] { "minor", "general", "serious" }));
            Assert.That(events, Is.Not.Empty);
            Assert.That(events.Where(e => e.Kind != "revoked" || (e.Entry != DemoCatalogue.JudgmentDefaulter && e.Entry != DemoCatalogue.MajorTaxViolation)
                || string.CompareOrdinal(e.On, e.From) <= 0 || string.CompareOrdinal(e.On, e.To) > 0 || string.CompareOrdinal(e.EventAt, e.RecordAt) <= 0),
                Is.Empty);
            Assert.That(_records.Where(r => r.CatalogueCode == DemoCatalogue.JudgmentDefaulter
                && DateOnly.Parse(r.EffectiveTo!, CultureInfo.InvariantCulture) != DateOnly.Parse(r.EffectiveFrom, CultureInfo.InvariantCulture).AddMonths(24).AddDays(-1)),
                Is.Empty);
        });
    }

    [Test]
    public async Task Generate_WritesTheSameDataEveryTime_AndOtherDataWithAnotherSeed()
    {
        var again = await DataGenerator.GenerateAsync(Path.Combine(_dir, "again.db"), new GeneratorOptions(Subjects, Records), TextWriter.Null);
        var other = await DataGenerator.GenerateAsync(Path.Combine(_dir, "other.db"),
            new GeneratorOptions(Subjects, Records, Seed: new GeneratorOptions().Seed + 1), TextWriter.Null);
        Assert.Multiple(() =>
        {
            Assert.That(again.CodesHash, Is.EqualTo(_result.CodesHash));
            Assert.That(again.ContentHash, Is.EqualTo(_result.ContentHash));
            Assert.That(again.Lists, Is.EqualTo(_result.Lists));
            Assert.That(other.CodesHash, Is.Not.EqualTo(_result.CodesHash));
        });
    }

    [Test]
    public void Generate_RefusesAnExistingFile() =>
        Assert.ThrowsAsync<IOException>(() => DataGenerator.GenerateAsync(_path, new GeneratorOptions(10, 100), TextWriter.Null));

    [Test]
    public void Generate_RefusesTooFewRecordsForItsSubjects() =>
        Assert.ThrowsAsync<ArgumentException>(() => DataGenerator.GenerateAsync(Path.Combine(_dir, "few.db"), new GeneratorOptions(1000, 1000), TextWriter.Null));

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table) =>
        (await QueryAsync(connection, $"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0))).Single();

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // How Microsoft.Data.Sqlite writes a DateTimeOffset.
    private static string SqliteText(DateTimeOffset at) => at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => (double)items.Count(predicate) / items.Count;

    private sealed record SubjectRow(string Id, string Type, string Code, string DisplayCode, string Name, string Status, string CreatedAt, string UpdatedAt);

    private sealed record RecordRow(string Id, string DepartmentCode, string CatalogueCode, string SubjectId, string SourceRef, string CreatedAt,
        int EntryVersion, string Fields, string DecisionDate, string? Severity, string EffectiveFrom, string? EffectiveTo, string? PublicityUntil,
        string PayloadHash, string RecordedAt);

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
