using System.Globalization;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Tests.Domain.Records;

/// <summary>A schema with one optional field of every type, and helpers to validate one value in either form.</summary>
internal static class FieldValuesTestData
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A real early code that fails its check character; listed as a known exception in these tests.</summary>
    public const string KnownException = "91350100M0001TGQXM";

    public static readonly FieldSchema Schema = new(
    [
        new FieldDefinition("decisionNumber", "行政处罚决定书文号", FieldType.String, false, MaxLength: 10),
        new FieldDefinition("insuredCount", "参保人数", FieldType.Integer, false),
        new FieldDefinition("fineAmount", "罚款金额", FieldType.Decimal, false, Unit: "万元"),
        new FieldDefinition("taxAmount", "涉案税款", FieldType.Decimal, false),
        new FieldDefinition("decisionDate", "处罚决定日期", FieldType.Date, false),
        new FieldDefinition("penaltyCategory", "处罚类别", FieldType.Enum, false, AllowedValues: ["警告", "通报批评", "罚款"]),
        new FieldDefinition("authorityCode", "处罚机关统一社会信用代码", FieldType.SubjectCode, false),
        new FieldDefinition("hasArrears", "是否存在欠费", FieldType.Boolean, false),
    ]);

    public static bool IsKnownException(string code) => code == KnownException;

    /// <summary>The reader a JSON batch reads its records with, under the service's options.</summary>
    private static readonly RecordJsonReader BatchReader = RecordJsonReader.For(ServiceJson.Options());

    public static Dictionary<string, JsonElement> JsonObject(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    /// <summary>
    /// Validates <c>{"key": jsonValue}</c> as a parsed document, and asserts that the same object read value by value, as a
    /// batch reads its records (<see cref="RecordJsonReader"/>), validates the same.
    /// </summary>
    public static FieldValuesValidation Json(string key, string jsonValue)
    {
        var fields = $"{{\"{key}\":{jsonValue}}}";
        var parsed = FieldValues.ValidateJson(Schema, JsonObject(fields), IsKnownException, Today);
        var read = BatchReader.Read(Encoding.UTF8.GetBytes($"{{\"fields\":{fields}}}"))!.ReadFields!;
        var readValidation = FieldValues.ValidateJson(Schema, read, IsKnownException, Today);
        // Not in Assert.Multiple: the property tests call this from several threads at once.
        Assert.That(readValidation.Values, Is.EqualTo(parsed.Values), "values when read value by value");
        Assert.That(readValidation.Problems.Select(p => (p.Key, p.Describe(English))),
            Is.EqualTo(parsed.Problems.Select(p => (p.Key, p.Describe(English)))), "problems when read value by value");
        return parsed;
    }

    /// <summary>Validates a row with one cell.</summary>
    public static FieldValuesValidation Text(string key, string? cell) =>
        FieldValues.ValidateText(Schema, new Dictionary<string, string?> { [key] = cell }, IsKnownException, Today);

    /// <summary>The canonical JSON of a single normalised value, e.g. 12.5 or "2025-03-05".</summary>
    public static string Canonical(FieldValuesValidation result, string key)
    {
        var json = CanonicalJson.Serialize(new Dictionary<string, object?> { [key] = result.Values[key] });
        return json[(key.Length + 4)..^1];
    }
}
