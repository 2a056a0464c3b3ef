using System.Data.Common;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Domain.Identifiers;
using CreditKaizhou.Domain.Records;
using Dapper;

namespace CreditKaizhou.Api.Seed;

[SqlQueries]
internal static class DemoDataSql
{
    public const string AlreadySeeded = "SELECT COUNT(*) FROM catalogue_entries WHERE is_demo = @IsDemo";

    public const string InsertListType = """
        INSERT INTO list_types (code, name, colour, description, legal_basis, default_duration_months, removal_rule, sort_order)
        VALUES (@Code, @Name, @Colour, @Description, @LegalBasis, @DefaultDurationMonths, @RemovalRule, @SortOrder)
        """;

    public const string InsertEntry = """
        INSERT INTO catalogue_entries (code, current_version, department_code, is_demo, created_at)
        VALUES (@Code, 1, @DepartmentCode, @IsDemo, @At)
        """;

    public const string InsertEntryVersion = """
        INSERT INTO catalogue_entry_versions (entry_code, version, name, category, department_code, subject_types, disclosure,
            polarity, list_code, update_frequency, publicity_rule, legal_basis, fields_schema, created_at)
        VALUES (@Code, 1, @Name, @Category, @DepartmentCode, @SubjectTypes, @Disclosure,
            @Polarity, @ListCode, @UpdateFrequency, @PublicityRule, @LegalBasis, @FieldsSchema, @At)
        """;

    public const string InsertMeasure = "INSERT INTO measures (code, current_version, created_at) VALUES (@Code, 1, @At)";

    public const string InsertMeasureVersion = """
        INSERT INTO measure_versions (measure_code, version, name, kind, effect, contexts, legal_basis, implementing_department, created_at)
        VALUES (@Code, 1, @Name, @Kind, @Effect, @Contexts, @LegalBasis, @ImplementingDepartment, @At)
        """;

    public const string InsertMeasureList = "INSERT INTO measure_list_types (measure_code, version, list_code) VALUES (@Code, 1, @ListCode)";

    public const string InsertSubject = """
        INSERT INTO subjects (id, subject_type, lookup_key, display_code, name, status, created_at, updated_at)
        VALUES (@Id, @SubjectType, @LookupKey, @DisplayCode, @Name, @Status, @At, @At)
        """;

    public const string InsertSubjectName = """
        INSERT INTO subject_names (subject_id, seq, name, valid_from)
        VALUES (@SubjectId, @Seq, @Name, @ValidFrom)
        """;

    public const string InsertRecord = """
        INSERT INTO records (id, department_code, catalogue_code, subject_id, source_ref, current_revision, created_at)
        VALUES (@Id, @DepartmentCode, @CatalogueCode, @SubjectId, @SourceRef, 1, @At)
        """;

    public const string InsertRevision = """
        INSERT INTO record_revisions (record_id, revision, entry_version, fields, decision_date, severity, effective_from,
            effective_to, publicity_until, payload_hash, recorded_at)
        VALUES (@RecordId, 1, 1, @Fields, @DecisionDate, @Severity, @EffectiveFrom, @EffectiveTo, NULL, @PayloadHash, @At)
        """;

    public const string InsertChange = """
        INSERT INTO change_log (version, subject_id, record_id, kind, changed_at)
        VALUES (@Version, @SubjectId, @RecordId, @Kind, @At)
        """;
}

/// <summary>
/// Writes the demo catalogue, lists, measures, subjects and records in one transaction, once:
/// a database that already holds the demo catalogue is left as it is.
/// </summary>
internal sealed class DemoDataWriter(DbDataSource db, PersonalIdProtector ids, Microsoft.Extensions.Options.IOptions<SeedOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<int> WriteAsync(DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(DemoDataSql.AlreadySeeded, new { IsDemo = true }, tx, cancellationToken: ct)) > 0)
        {
            return 0;
        }

        async Task Run(string sql, object parameters) =>
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));

        foreach (var list in DemoLists.All)
        {
            await Run(DemoDataSql.InsertListType, list);
        }

        var catalogue = options.Value.GeneratedCatalogue ? CatalogueGenerator.Generate() : DemoCatalogue.All;
        foreach (var e in catalogue)
        {
            await Run(DemoDataSql.InsertEntry, new { e.Code, e.DepartmentCode, IsDemo = true, At = at });
            await Run(DemoDataSql.InsertEntryVersion, new
            {
                e.Code, e.Name, e.Category, e.DepartmentCode, SubjectTypes = string.Join(',', e.SubjectTypes), e.Disclosure,
                e.Polarity, e.ListCode, e.UpdateFrequency, PublicityRule = JsonSerializer.Serialize(e.PublicityRule, Json),
                e.LegalBasis, FieldsSchema = JsonSerializer.Serialize(e.FieldsSchema, Json), At = at,
            });
        }

        foreach (var m in DemoMeasures.All)
        {
            await Run(DemoDataSql.InsertMeasure, new { m.Code, At = at });
            await Run(DemoDataSql.InsertMeasureVersion, new
            {
                m.Code, m.Name, m.Kind, m.Effect, Contexts = string.Join(',', m.Contexts), m.LegalBasis, m.ImplementingDepartment, At = at,
            });
            foreach (var listCode in m.ListCodes)
            {
                await Run(DemoDataSql.InsertMeasureList, new { m.Code, ListCode = listCode });
            }
        }

        var subjectIds = new Dictionary<string, Guid>();
        var identities = new Dictionary<string, SubjectIdentity>();
        foreach (var s in DemoSubjects.All)
        {
            var id = Guid.CreateVersion7(at);
            subjectIds[s.Code] = id;
            var (lookupKey, displayCode) = Identity(s);
            identities[s.Code] = new SubjectIdentity(lookupKey, displayCode, s.Name, s.SubjectType);
            await Run(DemoDataSql.InsertSubject, new { Id = id, s.SubjectType, LookupKey = lookupKey, DisplayCode = displayCode, s.Name, s.Status, At = at });
            var seq = 0;
            foreach (var former in s.FormerNames.OrderBy(n => n.ValidFrom))
            {
                await Run(DemoDataSql.InsertSubjectName, new { SubjectId = id, Seq = ++seq, former.Name, ValidFrom = At(former.ValidFrom) });
            }

            var currentFrom = s.FormerNames.Count == 0 ? at : At(s.FormerNames.Max(n => n.ValidTo).AddDays(1));
            await Run(DemoDataSql.InsertSubjectName, new { SubjectId = id, Seq = ++seq, s.Name, ValidFrom = currentFrom });
        }

        long version = 0;
        foreach (var r in DemoRecords.All)
        {
            var recordId = Guid.CreateVersion7(at);
            var subjectId = subjectIds[r.SubjectCode];
            // Stored as the intake stores a submitted record, so that the same record submitted again is its duplicate.
            var fields = CanonicalJson.Serialize(r.Fields.ToDictionary(f => f.Key, f => (object?)f.Value));
            await Run(DemoDataSql.InsertRecord, new { Id = recordId, r.DepartmentCode, r.CatalogueCode, SubjectId = subjectId, r.SourceRef, At = at });
            await Run(DemoDataSql.InsertRevision, new
            {
                RecordId = recordId, Fields = fields, r.DecisionDate, r.Severity, r.EffectiveFrom, r.EffectiveTo,
                PayloadHash = RecordPayload.Hash(r.CatalogueCode, identities[r.SubjectCode], fields, r.DecisionDate, r.Severity, r.EffectiveFrom,
                    r.EffectiveTo),
                At = at,
            });
            await Run(DemoDataSql.InsertChange, new { Version = ++version, SubjectId = subjectId, RecordId = recordId, Kind = Features.Records.ChangeKinds.RecordsAdded, At = at });
        }

        await tx.CommitAsync(ct);
        return DemoLists.All.Count + catalogue.Count + DemoMeasures.All.Count + DemoSubjects.All.Count + DemoRecords.All.Count;
    }

    private (string LookupKey, string DisplayCode) Identity(DemoSubject subject)
    {
        if (subject.SubjectType != "person")
        {
            return (subject.Code, subject.Code);
        }

        var number = ResidentIdNumber.Validate(subject.Code, DemoRecords.ReferenceDate).Number
            ?? throw new InvalidOperationException("A demo person carries an invalid ID number.");
        return (ids.LookupKey(number.Value), number.Mask());
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
