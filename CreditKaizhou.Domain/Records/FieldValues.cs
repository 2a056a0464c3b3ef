using System.Text.Json;
using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Records;

/// <summary>
/// Checks a record's field values against the schema of its catalogue entry and normalises them, from either input
/// form: a JSON <c>fields</c> object, or text cells (a CSV row exported from Excel). Each form has its own strictness:
/// JSON values must have the field's JSON type (the string "12" is not an integer), while text cells are all text and
/// dates may also be written the way Excel writes them.
/// </summary>
/// <remarks>
/// A <see cref="FieldType.SubjectCode"/> value that is a 居民身份证号码 is normalised to its MASKED form
/// (<see cref="Identifiers.ResidentIdNumber.Mask"/>): record fields never hold personal ID numbers in clear, because
/// they are stored as plain JSON and shown to whoever may see the record. Organisation codes are kept as given.
/// </remarks>
public static class FieldValues
{
    /// <summary>Digits allowed before the decimal point of a decimal value.</summary>
    public const int MaxIntegerDigits = 18;

    /// <summary>Significant decimal places allowed in a decimal value (trailing zeros do not count).</summary>
    public const int MaxFractionDigits = 6;

    /// <summary>Checks the values of a JSON <c>fields</c> object; a JSON null or an empty string means absent.</summary>
    /// <param name="schema">The entry version's schema, which must have passed <see cref="FieldSchema.Validate"/>.</param>
    /// <param name="fields">The <c>fields</c> object's properties.</param>
    /// <param name="isKnownCodeException">
    /// Whether the credit office has listed a 统一社会信用代码 whose check character is wrong as a known exception.
    /// </param>
    /// <param name="today">The current date (the Domain has no clock), for the birth date in an ID number.</param>
    public static FieldValuesValidation ValidateJson(
        FieldSchema schema,
        IReadOnlyDictionary<string, JsonElement> fields,
        Func<string, bool> isKnownCodeException,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Validate(schema, fields, RawValue.Of, new FieldValueReader(FieldValueSource.Json, isKnownCodeException, today));
    }

    /// <summary>
    /// Checks the values of a JSON <c>fields</c> object read value by value (<see cref="RawValue.Of"/> gives the same
    /// value for an element of a parsed document); a JSON null or an empty string means absent.
    /// </summary>
    /// <inheritdoc cref="ValidateJson(FieldSchema, IReadOnlyDictionary{string, JsonElement}, Func{string, bool}, DateOnly)" path="/param"/>
    public static FieldValuesValidation ValidateJson(
        FieldSchema schema,
        IReadOnlyDictionary<string, RawValue> fields,
        Func<string, bool> isKnownCodeException,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Validate(schema, fields, static value => value, new FieldValueReader(FieldValueSource.Json, isKnownCodeException, today));
    }

    /// <summary>Checks text cells, e.g. a CSV row keyed by field key; an empty or blank cell means absent.</summary>
    /// <param name="schema">The entry version's schema, which must have passed <see cref="FieldSchema.Validate"/>.</param>
    /// <param name="cells">The row's cells by field key.</param>
    /// <param name="isKnownCodeException">
    /// Whether the credit office has listed a 统一社会信用代码 whose check character is wrong as a known exception.
    /// </param>
    /// <param name="today">The current date (the Domain has no clock), for the birth date in an ID number.</param>
    public static FieldValuesValidation ValidateText(
        FieldSchema schema,
        IReadOnlyDictionary<string, string?> cells,
        Func<string, bool> isKnownCodeException,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Validate(schema, cells, cell => new RawValue(JsonValueKind.String, cell ?? ""),
            new FieldValueReader(FieldValueSource.Text, isKnownCodeException, today));
    }

    private static FieldValuesValidation Validate<T>(
        FieldSchema schema, IReadOnlyDictionary<string, T> input, Func<T, RawValue> rawValue, FieldValueReader reader)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var values = new OrderedDictionary<string, object?>(schema.Fields.Count, StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        var given = 0;
        foreach (var field in schema.Fields)
        {
            var raw = default(RawValue);
            if (input.TryGetValue(field.Key, out var value))
            {
                given++;
                raw = rawValue(value);
            }

            if (raw.Kind == JsonValueKind.Undefined || raw.IsAbsent)
            {
                if (field.Required)
                {
                    problems.Add(new FieldProblem(field.Key, FieldProblemKind.Missing, field, reader.Source));
                }

                continue;
            }

            var (read, problem) = reader.Read(field, raw);
            if (problem is null)
            {
                values.Add(field.Key, read);
            }
            else
            {
                problems.Add(problem);
            }
        }

        // Keys are unique in the input as in the schema: when every key given is a field's, none is unknown.
        foreach (var key in given == input.Count ? [] : UnknownKeys(schema, input.Keys))
        {
            problems.Add(new FieldProblem(key, FieldProblemKind.UnknownKey, Source: reader.Source,
                Suggestion: Suggest(schema, key)));
        }

        return new FieldValuesValidation(values, problems);
    }

    private static IEnumerable<string> UnknownKeys(FieldSchema schema, IEnumerable<string> keys)
    {
        List<string>? unknown = null;
        foreach (var key in keys)
        {
            if (schema.Find(key) is null)
            {
                (unknown ??= []).Add(key);
            }
        }

        return unknown is null ? [] : unknown.Order(StringComparer.Ordinal);
    }

    /// <summary>The key meant by an unknown one: the same key in another case, or the key of a field named so.</summary>
    private static string? Suggest(FieldSchema schema, string key)
    {
        var trimmed = key.Trim();
        return schema.Fields.FirstOrDefault(f => string.Equals(f.Key, trimmed, StringComparison.OrdinalIgnoreCase))?.Key
            ?? schema.Fields.FirstOrDefault(f => f.Name == trimmed)?.Key;
    }
}

/// <summary>One value as given: its JSON kind (always String for text cells) and its text.</summary>
/// <param name="Text">The string's content, or the JSON text of another value; null for null and for unreadable strings.</param>
public readonly record struct RawValue(JsonValueKind Kind, string? Text)
{
    /// <summary>A JSON value as given: a string's content, null for null, the JSON text of any other value.</summary>
    public static RawValue Of(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return new RawValue(JsonValueKind.String, element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // An escaped unpaired surrogate (e.g. "\uD800") parses as JSON but is not text.
                    return new RawValue(JsonValueKind.String, null);
                }

            case JsonValueKind.Undefined or JsonValueKind.Null:
                return new RawValue(JsonValueKind.Null, null);
            default:
                try
                {
                    return new RawValue(element.ValueKind, element.GetRawText());
                }
                catch (InvalidOperationException)
                {
                    // An object or array with bytes in its strings that are not UTF-8: JSON checks only the structure.
                    return new RawValue(element.ValueKind, null);
                }
        }
    }

    public bool IsAbsent => Kind == JsonValueKind.Null || (Kind == JsonValueKind.String && Text is not null && Text.Trim().Length == 0);
}
