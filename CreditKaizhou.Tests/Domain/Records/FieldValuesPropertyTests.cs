using System.Globalization;
using CreditKaizhou.Domain.Records;
using CsCheck;
using static CreditKaizhou.Tests.Domain.Records.FieldValuesTestData;

namespace CreditKaizhou.Tests.Domain.Records;

public class FieldValuesPropertyTests
{
    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[1, 18].Select(a => new string(a));

    /// <summary>A decimal within the limits, as sign, integer digits and fraction digits.</summary>
    private static readonly Gen<(bool Negative, string Integer, string Fraction)> Amount =
        Gen.Select(Gen.Bool, Digits, Gen.Char['0', '9'].Array[0, 6].Select(a => new string(a)));

    [Test]
    public void Decimal_AnyAmountWithinLimits_ReadsTheSameFromJsonAndFromPaddedText()
    {
        Gen.Select(Amount, Gen.Int[0, 4], Gen.Int[0, 4]).Sample((amount, leadingZeros, trailingZeros) =>
        {
            var (negative, integer, fraction) = amount;
            var sign = negative ? "-" : "";
            var plain = fraction.Length == 0 ? $"{sign}{integer}" : $"{sign}{integer}.{fraction}";
            var expected = decimal.Parse(plain, CultureInfo.InvariantCulture);
            var padded = $"{sign}{new string('0', leadingZeros)}{integer}.{fraction}{new string('0', trailingZeros + 1)}";
            var json = $"{sign}{integer.TrimStart('0').PadLeft(1, '0')}.{fraction}{new string('0', trailingZeros + 1)}";

            var fromText = Text("fineAmount", padded);
            var fromJson = Json("fineAmount", json);

            return fromText.IsValid && fromJson.IsValid
                && (decimal)fromText.Values["fineAmount"]! == expected
                && (decimal)fromJson.Values["fineAmount"]! == expected
                && Canonical(fromText, "fineAmount") == Canonical(fromJson, "fineAmount")
                && Canonical(fromText, "fineAmount") == CanonicalJson.FormatDecimal(expected)
                && decimal.Parse(CanonicalJson.FormatDecimal(expected), CultureInfo.InvariantCulture) == expected;
        }, iter: 5_000);
    }

    [Test]
    public void Decimal_MoreThan18IntegerOr6FractionDigits_IsAlwaysRejected()
    {
        Gen.Select(Gen.Char['1', '9'], Gen.Char['0', '9'].Array[18, 40], Gen.Bool).Sample((first, rest, inFraction) =>
        {
            var digits = first + new string(rest);
            var text = inFraction ? $"0.{new string(rest)}{first}" : digits;
            var kind = Text("fineAmount", text).Problems.SingleOrDefault()?.Kind;
            return kind == (inFraction ? FieldProblemKind.TooManyFractionDigits : FieldProblemKind.TooManyIntegerDigits);
        }, iter: 2_000);
    }

    [Test]
    public void Integer_AnyLong_ReadsTheSameFromJsonAndFromTextWithLeadingZeros()
    {
        Gen.Select(Gen.Long, Gen.Int[0, 3]).Sample((value, zeros) =>
        {
            var text = value < 0
                ? "-" + new string('0', zeros) + value.ToString(CultureInfo.InvariantCulture)[1..]
                : new string('0', zeros) + value.ToString(CultureInfo.InvariantCulture);
            var fromText = Text("insuredCount", text);
            var fromJson = Json("insuredCount", value.ToString(CultureInfo.InvariantCulture));
            return (long)fromText.Values["insuredCount"]! == value && (long)fromJson.Values["insuredCount"]! == value;
        }, iter: 5_000);
    }

    [Test]
    public void Date_AnyDay_ReadsTheSameInEveryAcceptedForm()
    {
        Gen.DateOnly[new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31)].Sample(day =>
        {
            var forms = new[]
            {
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
                day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
                day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            };
            return forms.All(f => Text("decisionDate", f).Values.GetValueOrDefault("decisionDate") is DateOnly d && d == day)
                && Json("decisionDate", $"\"{forms[0]}\"").Values["decisionDate"] is DateOnly j && j == day;
        }, iter: 5_000);
    }

    [Test]
    public void CanonicalJson_OfValidatedValues_ValidatesBackToTheSameBytes()
    {
        var values = Gen.Select(
            Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 10], Gen.Long, Amount),
            Gen.Select(Gen.DateOnly[new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31)], Gen.Int[0, 2], Gen.Bool));
        values.Sample(sample =>
        {
            var ((text, count, amount), (day, category, flag)) = sample;
            var (negative, integer, fraction) = amount;
            var cells = new Dictionary<string, string?>
            {
                ["decisionNumber"] = text,
                ["insuredCount"] = count.ToString(CultureInfo.InvariantCulture),
                ["fineAmount"] = $"{(negative ? "-" : "")}{integer}.{fraction}0",
                ["decisionDate"] = day.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
                ["penaltyCategory"] = Schema.Find("penaltyCategory")!.AllowedValues![category],
                ["authorityCode"] = "91110000600037341L",
                ["hasArrears"] = flag ? "是" : "否",
            };
            var first = FieldValues.ValidateText(Schema, cells, IsKnownException, Today);
            var canonical = CanonicalJson.Serialize(first.Values);
            var second = FieldValues.ValidateJson(Schema, JsonObject(canonical), IsKnownException, Today);
            return first.IsValid && second.IsValid && CanonicalJson.Serialize(second.Values) == canonical;
        }, iter: 2_000);
    }
}
