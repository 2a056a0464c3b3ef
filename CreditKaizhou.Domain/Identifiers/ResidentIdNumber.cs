using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kind = CreditKaizhou.Domain.Identifiers.ResidentIdNumberProblemKind;
using Problem = CreditKaizhou.Domain.Identifiers.ResidentIdNumberProblem;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): [1–6] address code, [7–14] birth date yyyyMMdd, [15–17] sequence (odd = male),
/// [18] check character (0–9 or X).
/// </summary>
/// <remarks>
/// Personal information: <see cref="ToString"/> returns the masked form so that the number does not leak into logs
/// by accident; use <see cref="Value"/> deliberately.
/// </remarks>
public sealed record ResidentIdNumber
{
    public const int Length = 18;

    /// <summary>Earliest birth date accepted: no living resident holds a number with an earlier one.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters in canonical form (upper-case X).</summary>
    public string Value { get; }

    /// <summary>Characters 1–6: 地址码, the county-level division of the first registration (GB/T 2260).</summary>
    public string AddressCode => Value[..6];

    /// <summary>Characters 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Characters 15–17: 顺序码.</summary>
    public string SequenceCode => Value[14..17];

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Character 18.</summary>
    public char CheckCharacter => Value[17];

    /// <summary>The display form: the first 4 and last 4 characters, e.g. 1101**********002X.</summary>
    public string Mask() => string.Concat(Value.AsSpan(0, 4), new string('*', 10), Value.AsSpan(14, 4));

    /// <summary>The masked form (<see cref="Mask"/>), never the full number.</summary>
    public override string ToString() => Mask();

    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out ResidentIdNumber? number)
    {
        number = Validate(input, today).Number;
        return number is not null;
    }

    /// <summary>
    /// Checks a number and reports every problem found. Surrounding whitespace is removed. A lower-case
    /// <c>x</c> as the check character is accepted and normalised to <c>X</c>: GB 11643 writes X, but x is a common
    /// typing variant that identifies the same person, and the canonical form keeps keyed-hash lookups consistent.
    /// Anything else that is not a digit is reported, including full-width digits (with the intended digit).
    /// </summary>
    /// <param name="input">The number as typed.</param>
    /// <param name="today">The current date (the Domain has no clock): birth dates after it are rejected.</param>
    public static ResidentIdNumberValidation Validate(string? input, DateOnly today)
    {
        var text = input?.Trim() ?? "";
        var problems = new List<Problem>();
        if (text.Length == 0)
        {
            problems.Add(new Problem(Kind.Missing));
            return new ResidentIdNumberValidation(null, problems);
        }

        if (text.Length != Length)
        {
            // Which character is the check character is unknown, so only report what is wrong anywhere.
            problems.Add(new Problem(Kind.Length, ActualLength: text.Length));
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) && text[i] is not ('X' or 'x'))
                {
                    problems.Add(FormatProblem(i + 1, text[i]));
                }
            }

            return new ResidentIdNumberValidation(null, problems);
        }

        if (text[17] == 'x')
        {
            text = string.Concat(text.AsSpan(0, 17), "X");
        }

        for (var i = 0; i < Length; i++)
        {
            var ok = char.IsAsciiDigit(text[i]) || (i == Length - 1 && text[i] == 'X');
            if (!ok)
            {
                problems.Add(FormatProblem(i + 1, text[i]));
            }
        }

        DateOnly? birthDate = null;
        if (AllDigits(text.AsSpan(6, 8)))
        {
            birthDate = CheckBirthDate(text.Substring(6, 8), today, problems);
        }

        if (AllDigits(text.AsSpan(0, 17)) && (char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            var expected = ComputeCheckCharacter(text.AsSpan(0, 17));
            if (text[17] != expected)
            {
                problems.Add(new Problem(Kind.CheckCharacter, 18, text[17], expected));
            }
        }

        var number = problems.Count == 0 ? new ResidentIdNumber(text, birthDate!.Value) : null;
        return new ResidentIdNumberValidation(number, problems);
    }

    /// <summary>The check character for the first 17 digits: Σ digit·weight mod 11 → 1 0 X 9 8 7 6 5 4 3 2.</summary>
    /// <exception cref="ArgumentException">Not 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !AllDigits(first17))
        {
            throw new ArgumentException("Expected 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static DateOnly? CheckBirthDate(string digits, DateOnly today, List<Problem> problems)
    {
        var year = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        BirthDateReason? reason =
            month is < 1 or > 12 ? BirthDateReason.InvalidMonth
            : day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) ? BirthDateReason.InvalidDay
            : year < EarliestBirthDate.Year ? BirthDateReason.TooEarly
            : new DateOnly(year, month, day) > today ? BirthDateReason.InFuture
            : null;
        if (reason is null)
        {
            return new DateOnly(year, month, day);
        }

        problems.Add(new Problem(Kind.BirthDate, BirthDate: digits, DateReason: reason,
            Today: reason == BirthDateReason.InFuture ? today : null));
        return null;
    }

    private static Problem FormatProblem(int position, char c)
    {
        var halfWidth = IdentifierText.HalfWidth(c);
        return new Problem(Kind.Format, position, c, halfWidth is { } h && char.IsAsciiDigit(h) ? h : null);
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
