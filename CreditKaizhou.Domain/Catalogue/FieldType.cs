namespace CreditKaizhou.Domain.Catalogue;

/// <summary>The type of a field a record carries; see <c>FieldValues</c> for what each accepts.</summary>
public enum FieldType
{
    /// <summary><c>string</c> 文本: trimmed text of at most <see cref="FieldDefinition.MaxLength"/> characters.</summary>
    String,
    /// <summary><c>integer</c> 整数: a whole number within the range of a 64-bit integer.</summary>
    Integer,
    /// <summary><c>decimal</c> 数值: at most 18 integer digits and 6 decimal places, in <see cref="FieldDefinition.Unit"/>.</summary>
    Decimal,
    /// <summary><c>date</c> 日期: a calendar date.</summary>
    Date,
    /// <summary><c>enum</c> 枚举: one of <see cref="FieldDefinition.AllowedValues"/>.</summary>
    Enum,
    /// <summary><c>subjectCode</c> 主体代码: a 统一社会信用代码 or a 居民身份证号码.</summary>
    SubjectCode,
    /// <summary><c>boolean</c> 是否: yes or no.</summary>
    Boolean,
}

/// <summary>Stored codes and Chinese names of <see cref="FieldType"/>.</summary>
public static class FieldTypeCodes
{
    private static readonly CodeTable<FieldType> Table = new(
        (FieldType.String, "string", "文本"),
        (FieldType.Integer, "integer", "整数"),
        (FieldType.Decimal, "decimal", "数值"),
        (FieldType.Date, "date", "日期"),
        (FieldType.Enum, "enum", "枚举"),
        (FieldType.SubjectCode, "subjectCode", "主体代码"),
        (FieldType.Boolean, "boolean", "是否"));

    /// <summary>The stored code, e.g. <c>subjectCode</c>.</summary>
    public static string Code(this FieldType value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 主体代码.</summary>
    public static string ChineseName(this FieldType value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static FieldType Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out FieldType value) => Table.TryParse(text, out value);
}
