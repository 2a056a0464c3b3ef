using CreditKaizhou.Domain.Identifiers;
using CsCheck;

namespace CreditKaizhou.Tests.Domain.Identifiers;

/// <summary>Generators of valid identifiers, built the way demo data is: random parts plus computed check characters.</summary>
internal static class IdentifierGen
{
    /// <summary>The fixed "today" of the tests, so that results do not depend on the machine's clock.</summary>
    public static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>Printable ASCII, space to tilde.</summary>
    public static readonly char[] PrintableAscii = Enumerable.Range(0x20, 0x7F - 0x20).Select(i => (char)i).ToArray();

    private static readonly Gen<string> Digits6 = Gen.Char['0', '9'].Array[6].Select(a => new string(a));

    /// <summary>Any division code, with Kaizhou's current and pre-2016 codes well represented.</summary>
    private static readonly Gen<string> Division = Gen.OneOf(Digits6, Gen.OneOf("500154", "500234"));

    public static readonly Gen<string> ValidUscc =
        Gen.Select(
            Gen.Char[UnifiedSocialCreditCode.Alphabet].Array[2],
            Division,
            Gen.Char[UnifiedSocialCreditCode.Alphabet].Array[8],
            (head, division, organisation) => BuildUscc(new string(head) + division, new string(organisation)));

    public static readonly Gen<string> ValidResidentId =
        Gen.Select(
            Digits6,
            Gen.DateOnly[ResidentIdNumber.EarliestBirthDate, Today],
            Gen.Int[0, 999],
            (address, birth, sequence) => BuildId($"{address}{birth:yyyyMMdd}{sequence:D3}"));

    /// <summary>Completes 8 leading characters and 8 organisation-code characters into a valid code.</summary>
    public static string BuildUscc(string first8, string organisation8)
    {
        var first17 = first8 + organisation8
            + UnifiedSocialCreditCode.ComputeOrganisationCodeCheckCharacter(organisation8);
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    public static string BuildId(string first17) =>
        first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    /// <summary><paramref name="text"/> with the character at 1-based <paramref name="position"/> replaced.</summary>
    public static string Substitute(string text, int position, char c) =>
        string.Concat(text.AsSpan(0, position - 1), c.ToString(), text.AsSpan(position));
}
