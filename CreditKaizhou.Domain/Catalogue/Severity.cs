namespace CreditKaizhou.Domain.Catalogue;

/// <summary>The grade of a piece of negative information (失信信息分级, 国办发〔2025〕22号).</summary>
public enum Severity
{
    /// <summary><c>minor</c> 轻微: not published (at most 3 months where publication is truly necessary).</summary>
    Minor,
    /// <summary><c>general</c> 一般: published for 3 months to 1 year.</summary>
    General,
    /// <summary><c>serious</c> 严重: published for 1 to 3 years.</summary>
    Serious,
}

/// <summary>Stored codes and Chinese names of <see cref="Severity"/>.</summary>
public static class SeverityCodes
{
    private static readonly CodeTable<Severity> Table = new(
        (Severity.Minor, "minor", "轻微"),
        (Severity.General, "general", "一般"),
        (Severity.Serious, "serious", "严重"));

    /// <summary>The stored code, e.g. <c>serious</c>.</summary>
    public static string Code(this Severity value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 严重.</summary>
    public static string ChineseName(this Severity value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static Severity Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out Severity value) => Table.TryParse(text, out value);
}
