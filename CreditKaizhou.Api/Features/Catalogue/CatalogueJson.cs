using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Api.Features.Catalogue;

/// <summary>The JSON shapes of a field schema and a publicity rule: in requests, responses, the import CSV and the database.</summary>
public sealed record FieldDefinitionDto(string? Key, string? Name, string? Type, bool? Required, int? MaxLength, string? Unit,
    IReadOnlyList<string>? AllowedValues);

public sealed record PublicityPeriodDto(string? Severity, bool? Published, int? MinMonths, int? MaxMonths);

public sealed record PublicityRuleDto(string? Mode, string? Description, IReadOnlyList<PublicityPeriodDto>? Periods);

public static class CatalogueJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FieldDefinitionDto ToDto(FieldDefinition f) =>
        new(f.Key, f.Name, f.Type.Code(), f.Required, f.MaxLength, f.Unit, f.AllowedValues);

    public static PublicityRuleDto ToDto(PublicityRule r) =>
        new(r.Mode, r.Description, r.Periods.Select(p => new PublicityPeriodDto(p.Severity.Code(), p.Published, p.MinMonths, p.MaxMonths)).ToList());

    /// <summary>Null when a field's type is unknown; validation reports that before anything is converted.</summary>
    public static FieldSchema? ToSchema(IReadOnlyList<FieldDefinitionDto>? fields)
    {
        var definitions = new List<FieldDefinition>();
        foreach (var f in fields ?? [])
        {
            if (!FieldTypeCodes.TryParse(f.Type, out var type))
            {
                return null;
            }

            definitions.Add(new FieldDefinition(f.Key ?? "", f.Name ?? "", type, f.Required ?? false, f.MaxLength, f.Unit, f.AllowedValues));
        }

        return new FieldSchema(definitions);
    }

    public static PublicityRule? ToRule(PublicityRuleDto? rule)
    {
        if (rule is null)
        {
            return null;
        }

        var periods = new List<PublicityPeriod>();
        foreach (var p in rule.Periods ?? [])
        {
            if (!SeverityCodes.TryParse(p.Severity, out var severity))
            {
                return null;
            }

            periods.Add(new PublicityPeriod(severity, p.Published ?? false, p.MinMonths ?? 0, p.MaxMonths ?? 0));
        }

        return new PublicityRule(rule.Mode ?? "", rule.Description ?? "", periods);
    }

    public static string SerializeSchema(FieldSchema schema) => JsonSerializer.Serialize(schema.Fields.Select(ToDto), Options);

    public static FieldSchema DeserializeSchema(string json) =>
        ToSchema(JsonSerializer.Deserialize<List<FieldDefinitionDto>>(json, Options))
        ?? throw new InvalidOperationException("A stored field schema names an unknown field type.");

    public static string SerializeRule(PublicityRule rule) => JsonSerializer.Serialize(ToDto(rule), Options);

    public static PublicityRule DeserializeRule(string json) =>
        ToRule(JsonSerializer.Deserialize<PublicityRuleDto>(json, Options))
        ?? throw new InvalidOperationException("A stored publicity rule names an unknown severity.");
}
