using System.Globalization;
using System.Text.Json;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Identifiers;
using static CreditKaizhou.Domain.Identifiers.IdentifierText;

namespace CreditKaizhou.Domain.Records;

/// <summary>Where a record's field values came from: what a value may look like depends on it.</summary>
public enum FieldValueSource
{
    /// <summary>A JSON <c>fields</c> object: values must have the JSON type of the field.</summary>
    Json,
    /// <summary>Text cells, e.g. a CSV row exported from Excel: every value is text.</summary>
    Text,
}

/// <summary>What is wrong with one field value.</summary>
public enum FieldProblemKind
{
    /// <summary>The key is not a field of the entry.</summary>
    UnknownKey,
    /// <summary>A required field is absent, null or empty.</summary>
    Missing,
    /// <summary>JSON only: the value has the wrong JSON type, e.g. the string "12" for an integer.</summary>
    WrongJsonType,
    /// <summary>A string longer than the field's maximum length.</summary>
    TooLong,
    /// <summary>A control character (line breaks and tabs included) or an unpaired surrogate in a string.</summary>
    InvalidCharacter,
    /// <summary>Not a whole number.</summary>
    NotInteger,
    /// <summary>A whole number beyond the range of a 64-bit integer.</summary>
    IntegerOutOfRange,
    /// <summary>Not a number.</summary>
    NotDecimal,
    /// <summary>More than <see cref="FieldValues.MaxIntegerDigits"/> digits before the decimal point.</summary>
    TooManyIntegerDigits,
    /// <summary>More than <see cref="FieldValues.MaxFractionDigits"/> significant decimal places.</summary>
    TooManyFractionDigits,
    /// <summary>Not written as a date in an accepted form.</summary>
    NotDate,
    /// <summary>Written as a date, but no such day exists, e.g. 2025-02-30.</summary>
    InvalidDate,
    /// <summary>Not one of the field's allowed values.</summary>
    NotAllowedValue,
    /// <summary>A subject code that is not 18 characters long.</summary>
    SubjectCodeLength,
    /// <summary>18 characters, but not a valid 统一社会信用代码 (nor an admin-listed known exception).</summary>
    InvalidCreditCode,
    /// <summary>18 characters that look like a 居民身份证号码, but not a valid one.</summary>
    InvalidResidentIdNumber,
    /// <summary>Not a yes-or-no value.</summary>
    NotBoolean,
}

/// <summary>One problem found in a record's field values.</summary>
/// <param name="Key">The key concerned, as given.</param>
/// <param name="Kind">Machine-readable kind.</param>
/// <param name="Field">The field's definition; null for <see cref="FieldProblemKind.UnknownKey"/>.</param>
/// <param name="Source">Where the value came from: the accepted forms differ.</param>
/// <param name="Actual">
/// The value as given, shortened to 64 characters with control characters shown as U+XXXX; for a JSON number or
/// boolean its JSON text. Never set for subject codes: an invalid 身份证号码 is still personal information.
/// </param>
/// <param name="ActualJsonKind">JSON only: the JSON type of the value given.</param>
/// <param name="ActualCount">The length found, or the number of digits found.</param>
/// <param name="Position">For <see cref="FieldProblemKind.InvalidCharacter"/>: the 1-based character position.</param>
/// <param name="Suggestion">For <see cref="FieldProblemKind.UnknownKey"/>: the key probably meant.</param>
/// <param name="CreditCodeProblems">For <see cref="FieldProblemKind.InvalidCreditCode"/>: what is wrong with the code.</param>
/// <param name="ResidentIdNumberProblems">For <see cref="FieldProblemKind.InvalidResidentIdNumber"/>: what is wrong with the number.</param>
public sealed record FieldProblem(
    string Key,
    FieldProblemKind Kind,
    FieldDefinition? Field = null,
    FieldValueSource Source = FieldValueSource.Json,
    string? Actual = null,
    JsonValueKind? ActualJsonKind = null,
    int? ActualCount = null,
    int? Position = null,
    string? Suggestion = null,
    IReadOnlyList<UnifiedSocialCreditCodeProblem>? CreditCodeProblems = null,
    IReadOnlyList<ResidentIdNumberProblem>? ResidentIdNumberProblems = null)
{
    /// <summary>The message in Chinese, or in English when <paramref name="culture"/> is an English culture.</summary>
    public string Describe(CultureInfo? culture = null) => IsEnglish(culture) ? English(culture) : Chinese(culture);

    public override string ToString() => Describe();

    private string Shown => ActualJsonKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
        ? Actual ?? ""
        : $"'{Actual}'";

    private string Chinese(CultureInfo? culture)
    {
        var f = Format($"字段 {Key}（{Field?.Name}）");
        return Kind switch
        {
            FieldProblemKind.UnknownKey => Suggestion is null
                ? Format($"未知字段 {Key}：该目录条目没有此字段")
                : Format($"未知字段 {Key}：该目录条目没有此字段，是否应为 {Suggestion}？"),
            FieldProblemKind.Missing => $"{f}为必填项，未填写",
            FieldProblemKind.WrongJsonType => $"{f}应为{Expected(false)}，实际为{JsonKindText(false)}",
            FieldProblemKind.TooLong => Format($"{f}最多{Field?.MaxLength}个字符，实际为{ActualCount}个字符"),
            FieldProblemKind.InvalidCharacter when Position is null =>
                $"{f}含有不成对的 UTF-16 代理项，不是有效的 Unicode 文本",
            FieldProblemKind.InvalidCharacter =>
                Format($"{f}第{Position}个字符 {Actual} 是控制字符，不允许使用（包括换行符和制表符）"),
            FieldProblemKind.NotInteger or FieldProblemKind.NotDecimal or FieldProblemKind.NotDate
                or FieldProblemKind.NotBoolean => $"{f}应为{Expected(false)}，实际为 {Shown}",
            FieldProblemKind.IntegerOutOfRange =>
                Format($"{f}超出整数范围（{long.MinValue} 至 {long.MaxValue}），实际为 {Shown}"),
            FieldProblemKind.TooManyIntegerDigits =>
                Format($"{f}整数部分最多{FieldValues.MaxIntegerDigits}位，{Shown} 有{ActualCount}位"),
            FieldProblemKind.TooManyFractionDigits =>
                Format($"{f}最多{FieldValues.MaxFractionDigits}位小数，{Shown} 有{ActualCount}位"),
            FieldProblemKind.InvalidDate => $"{f}的值 {Shown} 不是实际存在的日期",
            FieldProblemKind.NotAllowedValue => $"{f}的值 {Shown} 不在允许值中：{AllowedValues(false)}",
            FieldProblemKind.SubjectCodeLength =>
                Format($"{f}应为18位的统一社会信用代码或身份证号码，实际为{ActualCount}位"),
            FieldProblemKind.InvalidCreditCode => $"{f}不是有效的统一社会信用代码：{Join(CreditCodeProblems, p => p.Describe(culture), "；")}"
                + (OnlyChecksums ? "。如该代码确由登记机关核发，请联系区信用办将其列为已知例外代码" : ""),
            FieldProblemKind.InvalidResidentIdNumber =>
                $"{f}不是有效的身份证号码：{Join(ResidentIdNumberProblems, p => p.Describe(culture), "；")}",
            _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
        };
    }

    private string English(CultureInfo? culture)
    {
        var f = Format($"Field {Key} ({Field?.Name})");
        return Kind switch
        {
            FieldProblemKind.UnknownKey => Suggestion is null
                ? Format($"Unknown field {Key}: the catalogue entry has no such field")
                : Format($"Unknown field {Key}: the catalogue entry has no such field; did you mean {Suggestion}?"),
            FieldProblemKind.Missing => $"{f} is required but missing",
            FieldProblemKind.WrongJsonType => $"{f} must be {Expected(true)}; got {JsonKindText(true)}",
            FieldProblemKind.TooLong => Format($"{f} must be at most {Field?.MaxLength} characters long; got {ActualCount}"),
            FieldProblemKind.InvalidCharacter when Position is null =>
                $"{f} contains an unpaired UTF-16 surrogate and is not valid Unicode text",
            FieldProblemKind.InvalidCharacter => Format(
                $"{f} contains the control character {Actual} at position {Position}; control characters, line breaks and tabs included, are not allowed"),
            FieldProblemKind.NotInteger or FieldProblemKind.NotDecimal or FieldProblemKind.NotDate
                or FieldProblemKind.NotBoolean => $"{f} must be {Expected(true)}; got {Shown}",
            FieldProblemKind.IntegerOutOfRange =>
                Format($"{f} is outside the integer range ({long.MinValue} to {long.MaxValue}); got {Shown}"),
            FieldProblemKind.TooManyIntegerDigits =>
                Format($"{f} may have at most {FieldValues.MaxIntegerDigits} digits before the decimal point; {Shown} has {ActualCount}"),
            FieldProblemKind.TooManyFractionDigits =>
                Format($"{f} may have at most {FieldValues.MaxFractionDigits} decimal places; {Shown} has {ActualCount}"),
            FieldProblemKind.InvalidDate => $"{f} has the value {Shown}, which is not a real calendar date",
            FieldProblemKind.NotAllowedValue =>
                $"{f} has the value {Shown}, which is not one of the allowed values: {AllowedValues(true)}",
            FieldProblemKind.SubjectCodeLength => Format(
                $"{f} must be an 18-character unified social credit code or resident ID number; got {ActualCount} characters"),
            FieldProblemKind.InvalidCreditCode =>
                $"{f} is not a valid unified social credit code: {Join(CreditCodeProblems, p => p.Describe(culture), "; ")}"
                + (OnlyChecksums ? ". If the registration authority really issued this code, ask the credit office to list it as a known exception" : ""),
            FieldProblemKind.InvalidResidentIdNumber =>
                $"{f} is not a valid resident ID number: {Join(ResidentIdNumberProblems, p => p.Describe(culture), "; ")}",
            _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
        };
    }

    private bool OnlyChecksums => CreditCodeProblems is { Count: > 0 } problems && problems.All(p => p.IsChecksumProblem);

    /// <summary>What the field takes, in the form the <see cref="Source"/> allows.</summary>
    private string Expected(bool english) => (Field?.Type, english) switch
    {
        (FieldType.String, false) => "文本",
        (FieldType.String, true) => "text",
        (FieldType.Integer, false) => "整数",
        (FieldType.Integer, true) => "an integer",
        (FieldType.Decimal, false) => Field.Unit is null ? "数值" : $"数值（单位：{Field.Unit}）",
        (FieldType.Decimal, true) => Field.Unit is null ? "a number" : $"a number (unit: {Field.Unit})",
        (FieldType.Date, false) => Source == FieldValueSource.Json ? "日期（YYYY-MM-DD）" : "日期（YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）",
        (FieldType.Date, true) => Source == FieldValueSource.Json ? "a date (YYYY-MM-DD)" : "a date (YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
        (FieldType.Enum, false) => $"允许值之一：{AllowedValues(false)}",
        (FieldType.Enum, true) => $"one of the allowed values: {AllowedValues(true)}",
        (FieldType.SubjectCode, false) => "统一社会信用代码或身份证号码",
        (FieldType.SubjectCode, true) => "a unified social credit code or resident ID number",
        (FieldType.Boolean, false) => Source == FieldValueSource.Json ? "true 或 false" : "是或否（是/否、true/false、1/0、Y/N）",
        (FieldType.Boolean, true) => Source == FieldValueSource.Json ? "true or false" : "yes or no (是/否, true/false, 1/0, Y/N)",
        _ => "?",
    };

    private string JsonKindText(bool english)
    {
        var value = ActualJsonKind == JsonValueKind.String ? $"'{Actual}'" : Actual;
        var (zh, en) = ActualJsonKind switch
        {
            JsonValueKind.String => ("文本", "string"),
            JsonValueKind.Number => ("数值", "number"),
            JsonValueKind.True or JsonValueKind.False => ("布尔值", "boolean"),
            JsonValueKind.Object => ("对象", "object"),
            JsonValueKind.Array => ("数组", "array"),
            _ => ("?", "?"),
        };
        if (Actual is null || ActualJsonKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return english ? (en[0] is 'a' or 'o' ? $"an {en}" : $"a {en}") : zh;
        }

        return english ? $"the {en} {value}" : $"{zh} {value}";
    }

    private string AllowedValues(bool english) => CatalogueText.List(Field?.AllowedValues ?? [], english);

    private static string Join<T>(IReadOnlyList<T>? problems, Func<T, string> describe, string separator) =>
        string.Join(separator, (problems ?? []).Select(describe));
}
