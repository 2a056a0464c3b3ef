namespace CreditKaizhou.Domain.Catalogue;

/// <summary>One field a record of a catalogue entry carries (an element of <c>fields_schema</c>).</summary>
/// <param name="Key">The ASCII camelCase key the field has in a record's <c>fields</c> object, e.g. <c>fineAmount</c>.</param>
/// <param name="Name">The Chinese name, as in the national 双公示 data standard where one exists, e.g. 罚款金额（万元）.</param>
/// <param name="Type">What values the field takes.</param>
/// <param name="Required">Whether every record must give a value.</param>
/// <param name="MaxLength">Maximum length in characters (Unicode scalar values); <see cref="FieldType.String"/> only, and required there.</param>
/// <param name="Unit">The unit of a <see cref="FieldType.Decimal"/> amount, e.g. 万元.</param>
/// <param name="AllowedValues">The permitted values of an <see cref="FieldType.Enum"/> field; null for other types.</param>
public sealed record FieldDefinition(
    string Key,
    string Name,
    FieldType Type,
    bool Required,
    int? MaxLength = null,
    string? Unit = null,
    IReadOnlyList<string>? AllowedValues = null)
{
    // Records compare lists by reference; two definitions with the same allowed values are the same definition.
    public bool Equals(FieldDefinition? other) =>
        other is not null
        && Key == other.Key
        && Name == other.Name
        && Type == other.Type
        && Required == other.Required
        && MaxLength == other.MaxLength
        && Unit == other.Unit
        && (AllowedValues is null
            ? other.AllowedValues is null
            : other.AllowedValues is not null && AllowedValues.SequenceEqual(other.AllowedValues, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Key, Name, Type, Required, MaxLength, Unit, AllowedValues?.Count);
}
