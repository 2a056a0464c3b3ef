using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Lists;

/// <summary>The answer of a check for one bidder. The values are ordered from best to worst, so the worse of two is the larger.</summary>
public enum Verdict
{
    /// <summary><c>eligible</c>: no punishment measure applies.</summary>
    Eligible,
    /// <summary><c>review</c>: only measures that call for a human look apply (e.g. 经营异常名录).</summary>
    Review,
    /// <summary><c>barred</c>: a measure with effect <c>bar</c> applies.</summary>
    Barred,
}

/// <summary>Codes (as in the API) and Chinese names of <see cref="Verdict"/>.</summary>
public static class VerdictCodes
{
    private static readonly CodeTable<Verdict> Table = new(
        (Verdict.Eligible, "eligible", "可以参与"),
        (Verdict.Review, "review", "需人工审查"),
        (Verdict.Barred, "barred", "限制参与"));

    /// <summary>The code, e.g. <c>barred</c>.</summary>
    public static string Code(this Verdict value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 限制参与.</summary>
    public static string ChineseName(this Verdict value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static Verdict Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out Verdict value) => Table.TryParse(text, out value);
}
