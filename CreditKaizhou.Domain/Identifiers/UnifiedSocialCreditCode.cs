using System.Diagnostics.CodeAnalysis;
using Kind = CreditKaizhou.Domain.Identifiers.UnifiedSocialCreditCodeProblemKind;
using Problem = CreditKaizhou.Domain.Identifiers.UnifiedSocialCreditCodeProblem;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): [1] registration authority, [2] organisation type, [3–8] administrative
/// division code of the registering authority, [9–17] organisation code (GB 11714, with its own check character
/// at 17), [18] check character.
/// </summary>
/// <remarks>
/// Characters 1 and 2 are only required to be in the alphabet: the assigned values (1 机构编制, 5 民政, 9 工商,
/// A 中央军委改革和编制办公室, N 农业, Y 其他 …) have been extended since 2015, so a hard-coded list would reject
/// real codes issued later. The division code is never a jurisdiction: codes never change when divisions do
/// (开县 500234 became 开州区 500154 in 2016).
/// </remarks>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters of the code; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Each ASCII character's value (its index in <see cref="Alphabet"/>), or -1 for one not in it.</summary>
    private static readonly sbyte[] CharacterValues = Enumerable.Range(0, 128).Select(c => (sbyte)Alphabet.IndexOf((char)c, StringComparison.Ordinal)).ToArray();

    // 3^(i−1) mod 31 for i = 1…17.
    private static readonly int[] CheckWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    internal UnifiedSocialCreditCode(string value, bool checksumsValid)
    {
        Value = value;
        ChecksumsValid = checksumsValid;
    }

    /// <summary>The 18 characters, as given (trimmed).</summary>
    public string Value { get; }

    /// <summary>False for a code accepted despite a wrong check character (see <see cref="UnifiedSocialCreditCodeValidation.CodeIgnoringChecksums"/>).</summary>
    public bool ChecksumsValid { get; }

    /// <summary>Character 1: 登记管理部门代码.</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>Character 2: 机构类别代码.</summary>
    public char OrganisationType => Value[1];

    /// <summary>Characters 3–8: 登记管理机关行政区划码 (GB/T 2260) at the time of registration.</summary>
    public string DivisionCode => Value[2..8];

    /// <summary>Characters 9–17: 主体标识码 (组织机构代码, GB 11714), including its check character.</summary>
    public string OrganisationCode => Value[8..17];

    /// <summary>Character 18.</summary>
    public char CheckCharacter => Value[17];

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? code)
    {
        code = Validate(input).Code;
        return code is not null;
    }

    /// <summary>
    /// Checks a code and reports every problem found. Only surrounding whitespace is removed: lower-case or
    /// full-width characters are reported (with the intended character) rather than silently converted, so that
    /// what is stored is exactly what the registering authority issued.
    /// </summary>
    public static UnifiedSocialCreditCodeValidation Validate(string? input)
    {
        var text = input?.Trim() ?? "";
        var problems = new List<Problem>();
        if (text.Length == 0)
        {
            problems.Add(new Problem(Kind.Missing));
            return new UnifiedSocialCreditCodeValidation(text, problems);
        }

        if (text.Length != Length)
        {
            problems.Add(new Problem(Kind.Length, ActualLength: text.Length));
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!IsInAlphabet(text[i]))
            {
                problems.Add(InvalidCharacter(i + 1, text[i]));
            }
        }

        // Positions only mean something when the length is right.
        if (text.Length == Length)
        {
            for (var i = 2; i < 8; i++)
            {
                if (IsInAlphabet(text[i]) && !char.IsAsciiDigit(text[i]))
                {
                    problems.Add(new Problem(Kind.Division, i + 1, text[i]));
                }
            }

            if (AllInAlphabet(text.AsSpan(8, 9)))
            {
                var expected = ComputeOrganisationCodeCheckCharacter(text.AsSpan(8, 8));
                if (text[16] != expected)
                {
                    problems.Add(new Problem(Kind.OrganisationCodeCheck, 17, text[16], expected));
                }
            }

            if (AllInAlphabet(text))
            {
                var expected = ComputeCheckCharacter(text.AsSpan(0, 17));
                if (text[17] != expected)
                {
                    problems.Add(new Problem(Kind.CheckCharacter, 18, text[17], expected));
                }
            }
        }

        return new UnifiedSocialCreditCodeValidation(text, problems);
    }

    /// <summary>The 18th character for the first 17 (C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0).</summary>
    /// <exception cref="ArgumentException">Not 17 characters of <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !AllInAlphabet(first17))
        {
            throw new ArgumentException($"Expected 17 characters of {Alphabet}.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CharacterValues[first17[i]] * CheckWeights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>
    /// The GB 11714 check character (character 17) for the 8 characters 9–16: values 0–9 and A=10 … Z=35 (the
    /// full Latin alphabet, not <see cref="Alphabet"/>), weights 3 7 9 10 5 8 4 2, C = 11 − (Σ mod 11), 10 → X, 11 → 0.
    /// </summary>
    /// <exception cref="ArgumentException">Not 8 characters of 0–9, A–Z.</exception>
    public static char ComputeOrganisationCodeCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("Expected 8 characters.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException("Expected only 0–9 and A–Z.", nameof(first8));
            sum += value * OrganisationCodeWeights[i];
        }

        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var c => (char)('0' + c),
        };
    }

    private static bool IsInAlphabet(char c) => c < CharacterValues.Length && CharacterValues[c] >= 0;

    private static bool AllInAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsInAlphabet(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Problem InvalidCharacter(int position, char c)
    {
        var halfWidth = IdentifierText.HalfWidth(c);
        var ascii = halfWidth ?? c;
        var upper = char.IsAsciiLetter(ascii) ? char.ToUpperInvariant(ascii) : ascii;
        var (reason, suggestion) = (IsInAlphabet(upper), halfWidth is not null) switch
        {
            (true, true) => (InvalidCharacterReason.FullWidth, (char?)upper),
            (true, false) => (InvalidCharacterReason.Lowercase, upper),
            _ when char.IsAsciiLetter(upper) => (InvalidCharacterReason.ExcludedLetter, null),
            _ => (InvalidCharacterReason.NotAlphanumeric, (char?)null),
        };
        return new Problem(Kind.Alphabet, position, c, suggestion, Reason: reason);
    }
}
