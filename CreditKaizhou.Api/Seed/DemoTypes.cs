namespace CreditKaizhou.Api.Seed;

// Plain data shapes for the Development demo seed. They mirror the tables of the first
// migration (property names are the snake_case columns in PascalCase) so that the seeding code
// can insert them without translation. Enumerated values use the same lowercase ASCII strings
// the schema's CHECK constraints allow.

/// <summary>A providing department (table <c>departments</c>).</summary>
/// <param name="CreditCode">
/// The department's own 统一社会信用代码. The demo values carry valid check characters but are
/// placeholders, not the bodies' real codes.
/// </param>
public sealed record DemoDepartment(
    string Code,
    string Name,
    string ShortName,
    string? CreditCode,
    int SortOrder);

/// <summary>
/// One field a record of a catalogue entry carries (an element of <c>fields_schema</c>).
/// </summary>
/// <param name="Name">The Chinese field name, as in the national 双公示 data standard where one exists.</param>
/// <param name="Key">The camelCase ASCII key the field has in a record's JSON <c>fields</c> object.</param>
/// <param name="Type">One of <see cref="DemoFieldTypes"/>.</param>
/// <param name="MaxLength">Maximum length in characters; strings only.</param>
/// <param name="Unit">Unit of a decimal amount, e.g. 万元.</param>
/// <param name="AllowedValues">The permitted values of an enum field; null for other types.</param>
public sealed record DemoField(
    string Name,
    string Key,
    string Type,
    bool Required,
    int? MaxLength = null,
    string? Unit = null,
    IReadOnlyList<string>? AllowedValues = null);

/// <summary>Field type names used in <see cref="DemoField.Type"/>.</summary>
public static class DemoFieldTypes
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Date = "date";
    public const string Enum = "enum";
    public const string SubjectCode = "subjectCode";
    public const string Boolean = "boolean";
}

/// <summary>How long a record of an entry is published (stored as JSON in <c>publicity_rule</c>).</summary>
/// <param name="Mode">
/// <c>graded</c> (by severity, see <paramref name="Periods"/>), <c>list</c> (while the subject is
/// on the list the entry feeds), <c>validity</c> (while the permit is valid), <c>permanent</c>
/// (while the subject exists) or <c>none</c> (never published).
/// </param>
public sealed record DemoPublicityRule(
    string Mode,
    string Description,
    IReadOnlyList<DemoPublicityPeriod> Periods);

/// <summary>The publicity period for one severity of negative information.</summary>
public sealed record DemoPublicityPeriod(
    string Severity,
    bool Published,
    int MinMonths,
    int MaxMonths);

/// <summary>
/// A catalogue entry in its first version (tables <c>catalogue_entries</c> and
/// <c>catalogue_entry_versions</c>).
/// </summary>
/// <param name="SubjectTypes">Any of <c>legal</c>, <c>individual_business</c>, <c>person</c>.</param>
/// <param name="Disclosure"><c>public</c>, <c>shared</c> or <c>authorised</c>.</param>
/// <param name="Polarity"><c>neutral</c>, <c>positive</c> or <c>negative</c>.</param>
/// <param name="FieldsSchema">The fields a record of this entry carries (<c>fields_schema</c>).</param>
public sealed record DemoCatalogueEntry(
    string Code,
    string Name,
    string Category,
    string DepartmentCode,
    IReadOnlyList<string> SubjectTypes,
    string Disclosure,
    string Polarity,
    string? ListCode,
    string UpdateFrequency,
    DemoPublicityRule PublicityRule,
    string LegalBasis,
    IReadOnlyList<DemoField> FieldsSchema);

/// <summary>A red or black list (table <c>list_types</c>).</summary>
/// <param name="Colour"><c>red</c> or <c>black</c>.</param>
/// <param name="DefaultDurationMonths">How long a listing lasts unless its record says otherwise; null when open-ended.</param>
public sealed record DemoListType(
    string Code,
    string Name,
    string Colour,
    string Description,
    string LegalBasis,
    int? DefaultDurationMonths,
    string RemovalRule,
    int SortOrder);

/// <summary>A joint punishment or incentive measure in its first version (tables <c>measures</c>,
/// <c>measure_versions</c> and <c>measure_list_types</c>).</summary>
/// <param name="Kind"><c>punishment</c> or <c>incentive</c>.</param>
/// <param name="Effect">One of <c>bar</c>, <c>review</c>, <c>priority</c>, <c>fast-track</c>, <c>fewer-inspections</c>, <c>tolerance</c>.</param>
/// <param name="Contexts">Where the measure applies: <c>tendering</c>, <c>procurement</c>, <c>subsidy</c>, <c>land</c>, <c>licensing</c>, <c>commendation</c>.</param>
/// <param name="ImplementingDepartment">Short names of the implementing departments, joined with 、.</param>
/// <param name="ListCodes">The lists whose members the measure applies to.</param>
public sealed record DemoMeasure(
    string Code,
    string Name,
    string Kind,
    string Effect,
    IReadOnlyList<string> Contexts,
    string LegalBasis,
    string ImplementingDepartment,
    IReadOnlyList<string> ListCodes);

/// <summary>A name a subject used to carry (table <c>subject_names</c>).</summary>
public sealed record DemoSubjectName(string Name, DateOnly ValidFrom, DateOnly ValidTo);

/// <summary>A credit subject (table <c>subjects</c>).</summary>
/// <param name="Code">
/// The 统一社会信用代码 of an organisation, or the resident ID number of a person in clear: the
/// seeding code stores a keyed hash and the masked form, never this value.
/// </param>
/// <param name="SubjectType"><c>legal</c>, <c>individual_business</c> or <c>person</c>.</param>
/// <param name="Status"><c>active</c> or <c>deregistered</c>.</param>
/// <param name="FormerNames">Earlier names, oldest first; the current name follows the last one.</param>
public sealed record DemoSubject(
    string Code,
    string Name,
    string SubjectType,
    string Status,
    IReadOnlyList<DemoSubjectName> FormerNames);

/// <summary>A record in its first revision (tables <c>records</c> and <c>record_revisions</c>).</summary>
/// <param name="SourceRef">The department's own reference; unique per department.</param>
/// <param name="Severity"><c>minor</c>, <c>general</c> or <c>serious</c> for negative information; otherwise null.</param>
/// <param name="EffectiveTo">The last day the record counts; null when open-ended.</param>
/// <param name="Fields">
/// Values keyed by the entry's field keys: <see cref="string"/> for string, enum and subjectCode
/// fields, <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/> and <see cref="DateOnly"/>
/// for the others.
/// </param>
public sealed record DemoRecord(
    string DepartmentCode,
    string CatalogueCode,
    string SubjectCode,
    string SourceRef,
    DateOnly DecisionDate,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string? Severity,
    IReadOnlyDictionary<string, object> Fields);
