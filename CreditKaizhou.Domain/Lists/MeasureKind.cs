using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Lists;

/// <summary>Whether a measure restricts or rewards the members of its lists.</summary>
public enum MeasureKind
{
    /// <summary><c>punishment</c> 联合惩戒: decides the verdict of a check.</summary>
    Punishment,
    /// <summary><c>incentive</c> 联合激励: reported beside the verdict, never changes it.</summary>
    Incentive,
}

/// <summary>Stored codes and Chinese names of <see cref="MeasureKind"/>.</summary>
public static class MeasureKindCodes
{
    private static readonly CodeTable<MeasureKind> Table = new(
        (MeasureKind.Punishment, "punishment", "联合惩戒"),
        (MeasureKind.Incentive, "incentive", "联合激励"));

    /// <summary>The stored code, e.g. <c>punishment</c>.</summary>
    public static string Code(this MeasureKind value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 联合惩戒.</summary>
    public static string ChineseName(this MeasureKind value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static MeasureKind Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out MeasureKind value) => Table.TryParse(text, out value);
}
