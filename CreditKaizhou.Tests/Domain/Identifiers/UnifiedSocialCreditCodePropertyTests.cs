using CreditKaizhou.Domain.Identifiers;
using CsCheck;
using Kind = CreditKaizhou.Domain.Identifiers.UnifiedSocialCreditCodeProblemKind;

namespace CreditKaizhou.Tests.Domain.Identifiers;

public class UnifiedSocialCreditCodePropertyTests
{
    [Test]
    public void Validate_GeneratedValidCode_IsAccepted()
    {
        IdentifierGen.ValidUscc.Sample(code =>
        {
            var result = UnifiedSocialCreditCode.Validate(code);
            return result.IsValid && result.Code.Value == code && result.Code.DivisionCode == code[2..8];
        }, iter: 20_000);
    }

    /// <summary>
    /// Every single-character substitution, to any printable ASCII character, is rejected. Within the alphabet the
    /// 18th character always catches it (weights 3^(i−1) are non-zero mod the prime 31 and value differences are
    /// below 31), which the property checks rather than assumes.
    /// </summary>
    [Test]
    public void Validate_AnySingleCharacterSubstitution_IsRejected()
    {
        IdentifierGen.ValidUscc.Sample(code =>
        {
            for (var position = 1; position <= UnifiedSocialCreditCode.Length; position++)
            {
                foreach (var c in IdentifierGen.PrintableAscii)
                {
                    if (c != code[position - 1])
                    {
                        CheckSubstitution(code, position, c);
                    }
                }
            }
        }, iter: 300);
    }

    /// <summary>
    /// GB 11714 works mod 11 on values 0–35, so within characters 9–16 exactly the substitutions whose value
    /// difference is a multiple of 11 (e.g. 0 ↔ B ↔ M ↔ X) slip past the embedded check; the 18th still catches them.
    /// </summary>
    [Test]
    public void Validate_SubstitutionInOrganisationCode_EscapesEmbeddedCheckOnlyForMultiplesOf11()
    {
        IdentifierGen.ValidUscc.Sample(code =>
        {
            for (var position = 9; position <= 16; position++)
            {
                foreach (var c in UnifiedSocialCreditCode.Alphabet.Where(c => c != code[position - 1]))
                {
                    var kinds = UnifiedSocialCreditCode.Validate(IdentifierGen.Substitute(code, position, c))
                        .Problems.Select(p => p.Kind).ToList();
                    var invisible = (Gb11714Value(c) - Gb11714Value(code[position - 1])) % 11 == 0;
                    var expected = invisible ? [Kind.CheckCharacter] : new[] { Kind.OrganisationCodeCheck, Kind.CheckCharacter };
                    if (!kinds.SequenceEqual(expected))
                    {
                        throw new InvalidOperationException(
                            $"{code}: {c} at {position} gave [{string.Join(", ", kinds)}], expected [{string.Join(", ", expected)}]");
                    }
                }
            }
        }, iter: 300);
    }

    private static void CheckSubstitution(string code, int position, char c)
    {
        var mutant = IdentifierGen.Substitute(code, position, c);
        var result = UnifiedSocialCreditCode.Validate(mutant);
        var inAlphabet = UnifiedSocialCreditCode.Alphabet.Contains(c, StringComparison.Ordinal);
        var failure =
            result.IsValid ? "accepted"
            : inAlphabet && !result.Problems.Any(p => p.Kind == Kind.CheckCharacter) ? "not caught by the 18th character"
            : !inAlphabet && result.HasOnlyChecksumProblems ? "reported as a checksum-only problem"
            : null;
        if (failure is not null)
        {
            throw new InvalidOperationException($"{code} with '{c}' at {position} ({mutant}): {failure}");
        }
    }

    private static int Gb11714Value(char c) => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
}
