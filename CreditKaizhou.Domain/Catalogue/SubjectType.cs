namespace CreditKaizhou.Domain.Catalogue;

/// <summary>The kinds of credit subject (信用主体类型).</summary>
public enum SubjectType
{
    /// <summary><c>legal</c> 法人和非法人组织: identified by a 统一社会信用代码.</summary>
    Legal,
    /// <summary><c>individual_business</c> 个体工商户: identified by a 统一社会信用代码.</summary>
    IndividualBusiness,
    /// <summary><c>person</c> 自然人: identified by a 居民身份证号码.</summary>
    Person,
}

/// <summary>Stored codes and Chinese names of <see cref="SubjectType"/>.</summary>
public static class SubjectTypeCodes
{
    private static readonly CodeTable<SubjectType> Table = new(
        (SubjectType.Legal, "legal", "法人和非法人组织"),
        (SubjectType.IndividualBusiness, "individual_business", "个体工商户"),
        (SubjectType.Person, "person", "自然人"));

    /// <summary>The stored code, e.g. <c>individual_business</c>.</summary>
    public static string Code(this SubjectType value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 个体工商户.</summary>
    public static string ChineseName(this SubjectType value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static SubjectType Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out SubjectType value) => Table.TryParse(text, out value);
}
