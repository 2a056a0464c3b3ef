using System.Globalization;
using static CreditKaizhou.Domain.Identifiers.IdentifierText;

namespace CreditKaizhou.Domain.Catalogue;

/// <summary>What is wrong with a field schema (<see cref="FieldSchema.Validate"/>).</summary>
public enum FieldSchemaProblemKind
{
    /// <summary>More than <see cref="FieldSchema.MaxFields"/> fields.</summary>
    TooManyFields,
    /// <summary>The key does not match <c>^[a-z][A-Za-z0-9]{0,63}$</c>.</summary>
    KeyInvalid,
    /// <summary>Another field has the same key, ignoring case.</summary>
    KeyDuplicate,
    /// <summary>The name is empty or only whitespace.</summary>
    NameMissing,
    /// <summary>The name is longer than <see cref="FieldSchema.MaxNameLength"/> characters.</summary>
    NameTooLong,
    /// <summary>Another field has the same name.</summary>
    NameDuplicate,
    /// <summary>A string field without a maximum length.</summary>
    MaxLengthMissing,
    /// <summary>A maximum length outside 1…<see cref="FieldSchema.MaxStringLength"/>.</summary>
    MaxLengthOutOfRange,
    /// <summary>A maximum length on a field that is not a string.</summary>
    MaxLengthNotAllowed,
    /// <summary>A unit on a field that is not a decimal.</summary>
    UnitNotAllowed,
    /// <summary>A unit that is empty or only whitespace.</summary>
    UnitEmpty,
    /// <summary>A unit longer than <see cref="FieldSchema.MaxUnitLength"/> characters.</summary>
    UnitTooLong,
    /// <summary>An enum field without allowed values.</summary>
    AllowedValuesMissing,
    /// <summary>Allowed values on a field that is not an enum.</summary>
    AllowedValuesNotAllowed,
    /// <summary>An allowed value that is empty or only whitespace.</summary>
    AllowedValueEmpty,
    /// <summary>An allowed value with surrounding whitespace: input is trimmed, so it could never match.</summary>
    AllowedValueUntrimmed,
    /// <summary>The same allowed value twice.</summary>
    AllowedValueDuplicate,
}

/// <summary>One problem found in a field schema.</summary>
/// <param name="Path">Where, e.g. <c>fieldsSchema[2].maxLength</c> (0-based indexes, as in the JSON document).</param>
/// <param name="Kind">Machine-readable kind.</param>
/// <param name="Actual">The offending key, name or allowed value.</param>
/// <param name="ActualCount">The number of fields, the length found, or the maximum length given.</param>
/// <param name="Type">The field's type, for the kinds that depend on it.</param>
/// <param name="OtherPath">For duplicates: where the value occurs first.</param>
public sealed record FieldSchemaProblem(
    string Path,
    FieldSchemaProblemKind Kind,
    string? Actual = null,
    int? ActualCount = null,
    FieldType? Type = null,
    string? OtherPath = null)
{
    /// <summary>The message in Chinese, or in English when <paramref name="culture"/> is an English culture.</summary>
    public string Describe(CultureInfo? culture = null) => IsEnglish(culture) ? English() : Chinese();

    public override string ToString() => Describe();

    private string Chinese() => Kind switch
    {
        FieldSchemaProblemKind.TooManyFields =>
            Format($"字段不能超过{FieldSchema.MaxFields}个，实际为{ActualCount}个"),
        FieldSchemaProblemKind.KeyInvalid =>
            Format($"字段键 '{Actual}' 无效：须以小写英文字母开头，只含英文字母和数字，最长{FieldSchema.MaxKeyLength}个字符"),
        FieldSchemaProblemKind.KeyDuplicate =>
            Format($"字段键 '{Actual}' 与 {OtherPath} 重复（不区分大小写）"),
        FieldSchemaProblemKind.NameMissing => "未填写字段名称",
        FieldSchemaProblemKind.NameTooLong =>
            Format($"字段名称最多{FieldSchema.MaxNameLength}个字符，实际为{ActualCount}个字符"),
        FieldSchemaProblemKind.NameDuplicate => Format($"字段名称 '{Actual}' 与 {OtherPath} 重复"),
        FieldSchemaProblemKind.MaxLengthMissing =>
            Format($"文本字段须指定最大长度（1至{FieldSchema.MaxStringLength}）"),
        FieldSchemaProblemKind.MaxLengthOutOfRange =>
            Format($"最大长度应在1至{FieldSchema.MaxStringLength}之间，实际为{ActualCount}"),
        FieldSchemaProblemKind.MaxLengthNotAllowed =>
            Format($"只有文本字段可以指定最大长度，此字段类型为{TypeText(false)}"),
        FieldSchemaProblemKind.UnitNotAllowed =>
            Format($"只有数值字段可以指定单位，此字段类型为{TypeText(false)}"),
        FieldSchemaProblemKind.UnitEmpty => "单位不能为空白；没有单位时请不填",
        FieldSchemaProblemKind.UnitTooLong =>
            Format($"单位最多{FieldSchema.MaxUnitLength}个字符，实际为{ActualCount}个字符"),
        FieldSchemaProblemKind.AllowedValuesMissing => "枚举字段须至少有一个允许值",
        FieldSchemaProblemKind.AllowedValuesNotAllowed =>
            Format($"只有枚举字段可以指定允许值，此字段类型为{TypeText(false)}"),
        FieldSchemaProblemKind.AllowedValueEmpty => "允许值不能为空",
        FieldSchemaProblemKind.AllowedValueUntrimmed =>
            Format($"允许值 '{Actual}' 前后有空白：填报的值会去掉前后空白，因此永远无法匹配"),
        FieldSchemaProblemKind.AllowedValueDuplicate => Format($"允许值 '{Actual}' 与 {OtherPath} 重复"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };

    private string English() => Kind switch
    {
        FieldSchemaProblemKind.TooManyFields =>
            Format($"A schema may have at most {FieldSchema.MaxFields} fields; it has {ActualCount}"),
        FieldSchemaProblemKind.KeyInvalid =>
            Format($"The key '{Actual}' is invalid: it must start with a lower-case ASCII letter and contain only ASCII letters and digits, at most {FieldSchema.MaxKeyLength} characters"),
        FieldSchemaProblemKind.KeyDuplicate =>
            Format($"The key '{Actual}' repeats {OtherPath} (keys are compared ignoring case)"),
        FieldSchemaProblemKind.NameMissing => "The field name is missing",
        FieldSchemaProblemKind.NameTooLong =>
            Format($"The field name may be at most {FieldSchema.MaxNameLength} characters long; it has {ActualCount}"),
        FieldSchemaProblemKind.NameDuplicate => Format($"The field name '{Actual}' repeats {OtherPath}"),
        FieldSchemaProblemKind.MaxLengthMissing =>
            Format($"A string field needs a maxLength between 1 and {FieldSchema.MaxStringLength}"),
        FieldSchemaProblemKind.MaxLengthOutOfRange =>
            Format($"maxLength must be between 1 and {FieldSchema.MaxStringLength}; got {ActualCount}"),
        FieldSchemaProblemKind.MaxLengthNotAllowed =>
            Format($"Only string fields may have a maxLength; this field is {TypeText(true)}"),
        FieldSchemaProblemKind.UnitNotAllowed =>
            Format($"Only decimal fields may have a unit; this field is {TypeText(true)}"),
        FieldSchemaProblemKind.UnitEmpty => "The unit is blank; leave it out when there is none",
        FieldSchemaProblemKind.UnitTooLong =>
            Format($"The unit may be at most {FieldSchema.MaxUnitLength} characters long; it has {ActualCount}"),
        FieldSchemaProblemKind.AllowedValuesMissing => "An enum field needs at least one allowed value",
        FieldSchemaProblemKind.AllowedValuesNotAllowed =>
            Format($"Only enum fields may have allowed values; this field is {TypeText(true)}"),
        FieldSchemaProblemKind.AllowedValueEmpty => "An allowed value is empty",
        FieldSchemaProblemKind.AllowedValueUntrimmed =>
            Format($"The allowed value '{Actual}' has surrounding whitespace; submitted values are trimmed, so it could never match"),
        FieldSchemaProblemKind.AllowedValueDuplicate => Format($"The allowed value '{Actual}' repeats {OtherPath}"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };

    private string TypeText(bool english) => Type is { } type
        ? english ? type.Code() : Format($"{type.ChineseName()}（{type.Code()}）")
        : "?";
}
