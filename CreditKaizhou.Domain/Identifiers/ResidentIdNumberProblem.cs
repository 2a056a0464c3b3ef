using System.Globalization;
using static CreditKaizhou.Domain.Identifiers.IdentifierText;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>What is wrong with a resident ID number.</summary>
public enum ResidentIdNumberProblemKind
{
    /// <summary>Nothing (or only whitespace) was given.</summary>
    Missing,
    /// <summary>Not 18 characters long (15-digit first-generation numbers are no longer valid).</summary>
    Length,
    /// <summary>A non-digit in characters 1–17, or character 18 neither a digit nor X.</summary>
    Format,
    /// <summary>Characters 7–14 are not a real birth date between 1900-01-01 and today.</summary>
    BirthDate,
    /// <summary>Character 18 does not match the check over characters 1–17.</summary>
    CheckCharacter,
}

/// <summary>Why characters 7–14 are not an acceptable birth date.</summary>
public enum BirthDateReason
{
    /// <summary>Month 00 or above 12.</summary>
    InvalidMonth,
    /// <summary>Day 00 or beyond the end of the month.</summary>
    InvalidDay,
    /// <summary>After the validating day.</summary>
    InFuture,
    /// <summary>Before <see cref="ResidentIdNumber.EarliestBirthDate"/>.</summary>
    TooEarly,
}

/// <summary>One problem found in a resident ID number.</summary>
/// <param name="Kind">Machine-readable kind.</param>
/// <param name="Position">1-based position of the character concerned, if one is.</param>
/// <param name="Actual">The character found at <paramref name="Position"/>.</param>
/// <param name="Expected">The check character that belongs there, or the half-width form of a full-width digit.</param>
/// <param name="ActualLength">For <see cref="ResidentIdNumberProblemKind.Length"/>: the length found.</param>
/// <param name="BirthDate">For <see cref="ResidentIdNumberProblemKind.BirthDate"/>: the 8 characters, e.g. 19911301.</param>
/// <param name="DateReason">For <see cref="ResidentIdNumberProblemKind.BirthDate"/>: why it is rejected.</param>
/// <param name="Today">For <see cref="BirthDateReason.InFuture"/>: the day the number was validated on.</param>
public sealed record ResidentIdNumberProblem(
    ResidentIdNumberProblemKind Kind,
    int? Position = null,
    char? Actual = null,
    char? Expected = null,
    int? ActualLength = null,
    string? BirthDate = null,
    BirthDateReason? DateReason = null,
    DateOnly? Today = null)
{
    /// <summary>The message in Chinese, or in English when <paramref name="culture"/> is an English culture.</summary>
    public string Describe(CultureInfo? culture = null) => IsEnglish(culture) ? English() : Chinese();

    public override string ToString() => Describe();

    private int Year => int.Parse(BirthDate.AsSpan(0, 4), CultureInfo.InvariantCulture);
    private int Month => int.Parse(BirthDate.AsSpan(4, 2), CultureInfo.InvariantCulture);
    private string DayText => BirthDate![6..8];
    private int DaysInMonth => DateTime.DaysInMonth(Math.Max(Year, 1), Month);

    private string Chinese() => Kind switch
    {
        ResidentIdNumberProblemKind.Missing => "未填写身份证号码",
        ResidentIdNumberProblemKind.Length =>
            Format($"身份证号码应为{ResidentIdNumber.Length}位，实际为{ActualLength}位"),
        ResidentIdNumberProblemKind.Format when Position == ResidentIdNumber.Length =>
            Format($"第18位校验码应为数字或 X，实际为 '{Show(Actual!.Value)}'"),
        ResidentIdNumberProblemKind.Format when Expected is not null =>
            Format($"第{Position}位应为数字，实际为全角字符 '{Show(Actual!.Value)}'（应为半角 '{Expected}'）"),
        ResidentIdNumberProblemKind.Format => Format($"第{Position}位应为数字，实际为 '{Show(Actual!.Value)}'"),
        ResidentIdNumberProblemKind.BirthDate => DateReason switch
        {
            BirthDateReason.InvalidMonth => Format($"出生日期 {BirthDate} 不是有效日期（月份 {BirthDate![4..6]}）"),
            BirthDateReason.InvalidDay when DayText == "00" => Format($"出生日期 {BirthDate} 不是有效日期（日 00）"),
            BirthDateReason.InvalidDay =>
                Format($"出生日期 {BirthDate} 不是有效日期（{Year}年{Month}月只有{DaysInMonth}天）"),
            BirthDateReason.InFuture => Format($"出生日期 {BirthDate} 晚于今天（{Today:yyyy-MM-dd}）"),
            _ => Format($"出生日期 {BirthDate} 早于 {ResidentIdNumber.EarliestBirthDate:yyyy-MM-dd}"),
        },
        ResidentIdNumberProblemKind.CheckCharacter => Format($"第18位校验码应为 {Expected}，实际为 {Actual}"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };

    private string English() => Kind switch
    {
        ResidentIdNumberProblemKind.Missing => "The resident ID number is missing",
        ResidentIdNumberProblemKind.Length =>
            Format($"The resident ID number must be {ResidentIdNumber.Length} characters long but is {ActualLength}"),
        ResidentIdNumberProblemKind.Format when Position == ResidentIdNumber.Length =>
            Format($"Character 18 (check character) should be a digit or X but is '{Show(Actual!.Value)}'"),
        ResidentIdNumberProblemKind.Format when Expected is not null =>
            Format($"Character {Position} should be a digit but is the full-width '{Show(Actual!.Value)}' (use '{Expected}')"),
        ResidentIdNumberProblemKind.Format => Format($"Character {Position} should be a digit but is '{Show(Actual!.Value)}'"),
        ResidentIdNumberProblemKind.BirthDate => DateReason switch
        {
            BirthDateReason.InvalidMonth => Format($"Birth date {BirthDate} is not a valid date (month {BirthDate![4..6]})"),
            BirthDateReason.InvalidDay when DayText == "00" => Format($"Birth date {BirthDate} is not a valid date (day 00)"),
            BirthDateReason.InvalidDay => Format(
                $"Birth date {BirthDate} is not a valid date ({CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Year} has only {DaysInMonth} days)"),
            BirthDateReason.InFuture => Format($"Birth date {BirthDate} is in the future (today is {Today:yyyy-MM-dd})"),
            _ => Format($"Birth date {BirthDate} is before {ResidentIdNumber.EarliestBirthDate:yyyy-MM-dd}"),
        },
        ResidentIdNumberProblemKind.CheckCharacter =>
            Format($"Character 18 (check character) should be '{Expected}' but is '{Actual}'"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };
}
