namespace CreditKaizhou.Domain.Catalogue;

/// <summary>Whether the information of a catalogue entry speaks for or against its subject (信息性质).</summary>
public enum Polarity
{
    /// <summary><c>neutral</c> 中性: registrations, permits, insurance status.</summary>
    Neutral,
    /// <summary><c>positive</c> 守信: honours, incentive lists, good ratings.</summary>
    Positive,
    /// <summary><c>negative</c> 失信: penalties and black lists; graded by <see cref="Severity"/>.</summary>
    Negative,
}

/// <summary>Stored codes and Chinese names of <see cref="Polarity"/>.</summary>
public static class PolarityCodes
{
    private static readonly CodeTable<Polarity> Table = new(
        (Polarity.Neutral, "neutral", "中性"),
        (Polarity.Positive, "positive", "守信"),
        (Polarity.Negative, "negative", "失信"));

    /// <summary>The stored code, e.g. <c>negative</c>.</summary>
    public static string Code(this Polarity value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 失信.</summary>
    public static string ChineseName(this Polarity value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static Polarity Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out Polarity value) => Table.TryParse(text, out value);
}
