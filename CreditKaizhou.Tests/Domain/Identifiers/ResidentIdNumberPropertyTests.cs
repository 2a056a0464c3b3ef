using CreditKaizhou.Domain.Identifiers;
using CsCheck;
using Kind = CreditKaizhou.Domain.Identifiers.ResidentIdNumberProblemKind;

namespace CreditKaizhou.Tests.Domain.Identifiers;

public class ResidentIdNumberPropertyTests
{
    [Test]
    public void Validate_GeneratedValidNumber_IsAccepted()
    {
        IdentifierGen.ValidResidentId.Sample(id =>
        {
            var result = ResidentIdNumber.Validate(id, IdentifierGen.Today);
            return result.IsValid
                && result.Number.Value == id
                && result.Number.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) == id[6..14]
                && result.Number.Sex == ((id[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female)
                && result.Number.Mask() == id[..4] + "**********" + id[14..];
        }, iter: 20_000);
    }

    /// <summary>
    /// Every other digit in positions 1–17 is caught by the check character (weights are non-zero mod the prime 11
    /// and digit differences are below 11), whatever the birth-date check also says.
    /// </summary>
    [Test]
    public void Validate_AnySingleDigitSubstitution_IsRejectedByTheCheckCharacter()
    {
        IdentifierGen.ValidResidentId.Sample(id =>
        {
            for (var position = 1; position <= 17; position++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == id[position - 1])
                    {
                        continue;
                    }

                    var mutant = IdentifierGen.Substitute(id, position, d);
                    var result = ResidentIdNumber.Validate(mutant, IdentifierGen.Today);
                    if (result.IsValid || !result.Problems.Any(p => p.Kind == Kind.CheckCharacter))
                    {
                        throw new InvalidOperationException($"{id} with {d} at {position} ({mutant}) was not caught by the check");
                    }
                }
            }
        }, iter: 2_000);
    }

    [Test]
    public void Validate_AnyOtherCheckCharacter_IsRejected()
    {
        IdentifierGen.ValidResidentId.Sample(id =>
        {
            foreach (var c in IdentifierGen.PrintableAscii)
            {
                // x is the accepted spelling of X, so it is not a change.
                if (c == id[17] || (c == 'x' && id[17] == 'X'))
                {
                    continue;
                }

                if (ResidentIdNumber.Validate(IdentifierGen.Substitute(id, 18, c), IdentifierGen.Today).IsValid)
                {
                    throw new InvalidOperationException($"{id} with '{c}' as check character was accepted");
                }
            }
        }, iter: 2_000);
    }
}
