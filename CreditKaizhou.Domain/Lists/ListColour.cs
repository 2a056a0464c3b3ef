using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Lists;

/// <summary>Whether a list rewards its members (红名单) or restricts them (黑名单).</summary>
public enum ListColour
{
    /// <summary><c>red</c> 红名单: 守信激励 lists such as 纳税信用A级纳税人.</summary>
    Red,
    /// <summary><c>black</c> 黑名单: 严重失信主体名单 and the review flag 经营异常名录.</summary>
    Black,
}

/// <summary>Stored codes and Chinese names of <see cref="ListColour"/>.</summary>
public static class ListColourCodes
{
    private static readonly CodeTable<ListColour> Table = new(
        (ListColour.Red, "red", "红名单"),
        (ListColour.Black, "black", "黑名单"));

    /// <summary>The stored code, e.g. <c>black</c>.</summary>
    public static string Code(this ListColour value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 黑名单.</summary>
    public static string ChineseName(this ListColour value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static ListColour Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out ListColour value) => Table.TryParse(text, out value);
}
