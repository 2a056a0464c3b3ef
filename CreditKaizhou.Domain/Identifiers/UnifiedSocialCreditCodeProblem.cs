using System.Globalization;
using static CreditKaizhou.Domain.Identifiers.IdentifierText;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>What is wrong with a unified social credit code.</summary>
public enum UnifiedSocialCreditCodeProblemKind
{
    /// <summary>Nothing (or only whitespace) was given.</summary>
    Missing,
    /// <summary>Not 18 characters long.</summary>
    Length,
    /// <summary>A character outside <see cref="UnifiedSocialCreditCode.Alphabet"/>.</summary>
    Alphabet,
    /// <summary>A non-digit in characters 3–8 (administrative division code, GB/T 2260).</summary>
    Division,
    /// <summary>Character 17 does not match the GB 11714 check over characters 9–16.</summary>
    OrganisationCodeCheck,
    /// <summary>Character 18 does not match the GB 32100 check over characters 1–17.</summary>
    CheckCharacter,
}

/// <summary>Why a character is not in the code's alphabet.</summary>
public enum InvalidCharacterReason
{
    /// <summary>I, O, S, V or Z (either case): left out of the alphabet to avoid confusion with 1, 0, 5, U and 2.</summary>
    ExcludedLetter,
    /// <summary>A lower-case letter whose upper-case form is in the alphabet.</summary>
    Lowercase,
    /// <summary>A full-width digit or letter whose half-width form is in the alphabet.</summary>
    FullWidth,
    /// <summary>Anything else: punctuation, spaces, other scripts.</summary>
    NotAlphanumeric,
}

/// <summary>One problem found in a unified social credit code.</summary>
/// <param name="Kind">Machine-readable kind.</param>
/// <param name="Position">1-based position of the character concerned, if one is.</param>
/// <param name="Actual">The character found at <paramref name="Position"/>.</param>
/// <param name="Expected">The character that belongs there (the check character, or the suggested replacement for a
/// lower-case or full-width character); null when there is no single right answer.</param>
/// <param name="ActualLength">For <see cref="UnifiedSocialCreditCodeProblemKind.Length"/>: the length found.</param>
/// <param name="Reason">For <see cref="UnifiedSocialCreditCodeProblemKind.Alphabet"/>: why the character is not allowed.</param>
public sealed record UnifiedSocialCreditCodeProblem(
    UnifiedSocialCreditCodeProblemKind Kind,
    int? Position = null,
    char? Actual = null,
    char? Expected = null,
    int? ActualLength = null,
    InvalidCharacterReason? Reason = null)
{
    /// <summary>A check-character mismatch: what an admin-listed known exception may excuse.</summary>
    public bool IsChecksumProblem =>
        Kind is UnifiedSocialCreditCodeProblemKind.OrganisationCodeCheck or UnifiedSocialCreditCodeProblemKind.CheckCharacter;

    /// <summary>The message in Chinese, or in English when <paramref name="culture"/> is an English culture.</summary>
    public string Describe(CultureInfo? culture = null) => IsEnglish(culture) ? English() : Chinese();

    public override string ToString() => Describe();

    private string Chinese() => Kind switch
    {
        UnifiedSocialCreditCodeProblemKind.Missing => "未填写统一社会信用代码",
        UnifiedSocialCreditCodeProblemKind.Length =>
            Format($"统一社会信用代码应为{UnifiedSocialCreditCode.Length}位，实际为{ActualLength}位"),
        UnifiedSocialCreditCodeProblemKind.Alphabet => Reason switch
        {
            InvalidCharacterReason.Lowercase =>
                Format($"第{Position}位字符 '{Show(Actual!.Value)}' 是小写字母，应为大写 '{Expected}'"),
            InvalidCharacterReason.FullWidth =>
                Format($"第{Position}位字符 '{Show(Actual!.Value)}' 是全角字符，应为半角 '{Expected}'"),
            InvalidCharacterReason.ExcludedLetter =>
                Format($"第{Position}位字符 '{Show(Actual!.Value)}' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）"),
            _ => Format($"第{Position}位字符 '{Show(Actual!.Value)}' 不在统一社会信用代码字符集中（只能是数字和除 I、O、S、V、Z 以外的大写字母）"),
        },
        UnifiedSocialCreditCodeProblemKind.Division =>
            Format($"第{Position}位字符 '{Show(Actual!.Value)}' 不是数字：第3–8位是登记管理机关行政区划码，应为6位数字"),
        UnifiedSocialCreditCodeProblemKind.OrganisationCodeCheck =>
            Format($"第17位组织机构代码校验码应为 {Expected}，实际为 {Actual}"),
        UnifiedSocialCreditCodeProblemKind.CheckCharacter =>
            Format($"第18位校验码应为 {Expected}，实际为 {Actual}"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };

    private string English() => Kind switch
    {
        UnifiedSocialCreditCodeProblemKind.Missing => "The unified social credit code is missing",
        UnifiedSocialCreditCodeProblemKind.Length =>
            Format($"The unified social credit code must be {UnifiedSocialCreditCode.Length} characters long but is {ActualLength}"),
        UnifiedSocialCreditCodeProblemKind.Alphabet => Reason switch
        {
            InvalidCharacterReason.Lowercase =>
                Format($"Character {Position} '{Show(Actual!.Value)}' is lower case; use upper case '{Expected}'"),
            InvalidCharacterReason.FullWidth =>
                Format($"Character {Position} '{Show(Actual!.Value)}' is full-width; use the half-width '{Expected}'"),
            InvalidCharacterReason.ExcludedLetter =>
                Format($"Character {Position} '{Show(Actual!.Value)}' is not in the unified social credit code alphabet (which has no I, O, S, V or Z)"),
            _ => Format($"Character {Position} '{Show(Actual!.Value)}' is not in the unified social credit code alphabet (digits and capital letters other than I, O, S, V, Z)"),
        },
        UnifiedSocialCreditCodeProblemKind.Division =>
            Format($"Character {Position} '{Show(Actual!.Value)}' is not a digit: characters 3–8 (administrative division code) must be 6 digits"),
        UnifiedSocialCreditCodeProblemKind.OrganisationCodeCheck =>
            Format($"Character 17 (organisation code check character) should be '{Expected}' but is '{Actual}'"),
        UnifiedSocialCreditCodeProblemKind.CheckCharacter =>
            Format($"Character 18 (check character) should be '{Expected}' but is '{Actual}'"),
        _ => throw new InvalidOperationException($"Unknown problem kind {Kind}."),
    };
}
