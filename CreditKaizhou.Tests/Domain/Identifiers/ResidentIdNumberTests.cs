using System.Globalization;
using CreditKaizhou.Domain.Identifiers;
using Kind = CreditKaizhou.Domain.Identifiers.ResidentIdNumberProblemKind;
using Problem = CreditKaizhou.Domain.Identifiers.ResidentIdNumberProblem;

namespace CreditKaizhou.Tests.Domain.Identifiers;

public class ResidentIdNumberTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly Today = IdentifierGen.Today;

    [TestCase("11010519491231002X", "110105", "1949-12-31", "002", Sex.Female, "1101**********002X")]
    [TestCase("360426199101010071", "360426", "1991-01-01", "007", Sex.Male, "3604**********0071")]
    public void Validate_PublicValidNumber_IsValidWithItsParts(
        string input, string address, string birth, string sequence, Sex sex, string masked)
    {
        var result = ResidentIdNumber.Validate(input, Today);

        Assert.That(result.Problems, Is.Empty);
        var number = result.Number!;
        Assert.That(number.Value, Is.EqualTo(input));
        Assert.That(number.AddressCode, Is.EqualTo(address));
        Assert.That(number.BirthDate, Is.EqualTo(DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.That(number.SequenceCode, Is.EqualTo(sequence));
        Assert.That(number.Sex, Is.EqualTo(sex));
        Assert.That(number.Mask(), Is.EqualTo(masked));
        Assert.That(number.ToString(), Is.EqualTo(masked), "ToString must never reveal the full number");
    }

    [Test]
    public void Validate_LowercaseX_IsAcceptedAndNormalised()
    {
        var result = ResidentIdNumber.Validate(" 11010519491231002x ", Today);

        Assert.That(result.Number!.Value, Is.EqualTo("11010519491231002X"));
        Assert.That(result.Number, Is.EqualTo(ResidentIdNumber.Validate("11010519491231002X", Today).Number));
    }

    [Test]
    public void Validate_WrongCheckCharacter_ReportsExpectedAndActual()
    {
        var result = ResidentIdNumber.Validate("36042619910102009X", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.CheckCharacter, 18, 'X', '3') }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第18位校验码应为 3，实际为 X"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 18 (check character) should be '3' but is 'X'"));
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Validate_Month13_ReportsTheDateAndTheMonth()
    {
        var result = ResidentIdNumber.Validate("360426199113010079", Today);

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new Problem(Kind.BirthDate, BirthDate: "19911301", DateReason: BirthDateReason.InvalidMonth),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("出生日期 19911301 不是有效日期（月份 13）"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Birth date 19911301 is not a valid date (month 13)"));
    }

    [TestCase("19910230", "出生日期 19910230 不是有效日期（1991年2月只有28天）",
        "Birth date 19910230 is not a valid date (February 1991 has only 28 days)")]
    [TestCase("19000229", "出生日期 19000229 不是有效日期（1900年2月只有28天）",
        "Birth date 19000229 is not a valid date (February 1900 has only 28 days)")]
    [TestCase("19910431", "出生日期 19910431 不是有效日期（1991年4月只有30天）",
        "Birth date 19910431 is not a valid date (April 1991 has only 30 days)")]
    [TestCase("19910100", "出生日期 19910100 不是有效日期（日 00）", "Birth date 19910100 is not a valid date (day 00)")]
    [TestCase("19910001", "出生日期 19910001 不是有效日期（月份 00）", "Birth date 19910001 is not a valid date (month 00)")]
    [TestCase("18991231", "出生日期 18991231 早于 1900-01-01", "Birth date 18991231 is before 1900-01-01")]
    [TestCase("20261127", "出生日期 20261127 晚于今天（2026-11-26）",
        "Birth date 20261127 is in the future (today is 2026-11-26)")]
    public void Validate_UnacceptableBirthDate_ReportsOnlyTheDate(string birth, string chinese, string english)
    {
        var result = ResidentIdNumber.Validate(IdentifierGen.BuildId("360426" + birth + "007"), Today);

        Assert.That(result.Problems.Select(p => (p.Kind, p.BirthDate)), Is.EqualTo(new[] { (Kind.BirthDate, (string?)birth) }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo(chinese));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo(english));
    }

    [TestCase("19000101")]
    [TestCase("20000229")]
    [TestCase("20261126")]
    public void Validate_BoundaryBirthDate_IsAccepted(string birth)
    {
        Assert.That(ResidentIdNumber.Validate(IdentifierGen.BuildId("500234" + birth + "123"), Today).IsValid, Is.True);
    }

    [Test]
    public void Validate_DateAndCheckBothWrong_ReportsBoth()
    {
        var result = ResidentIdNumber.Validate("360426199102300079", Today);

        Assert.That(result.Problems.Select(p => p.Kind), Is.EqualTo(new[] { Kind.BirthDate, Kind.CheckCharacter }));
        Assert.That(result.Problems[1].Expected, Is.EqualTo('0'));
    }

    [Test]
    public void Validate_LetterInBody_ReportsFormatWithPosition()
    {
        var result = ResidentIdNumber.Validate("3604261991010A0071", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Format, 14, 'A') }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第14位应为数字，实际为 'A'"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 14 should be a digit but is 'A'"));
    }

    [Test]
    public void Validate_FullWidthDigit_ReportsHalfWidthSuggestion()
    {
        var result = ResidentIdNumber.Validate("3604261991010１0071", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Format, 14, '１', '1') }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第14位应为数字，实际为全角字符 '１'（应为半角 '1'）"));
    }

    [Test]
    public void Validate_BadCheckCharacterSymbol_ReportsFormatAt18()
    {
        var result = ResidentIdNumber.Validate("36042619910101007Y", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Format, 18, 'Y') }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第18位校验码应为数字或 X，实际为 'Y'"));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("Character 18 (check character) should be a digit or X but is 'Y'"));
    }

    [Test]
    public void Validate_XInsideTheNumber_ReportsFormat()
    {
        var result = ResidentIdNumber.Validate("36042619910101X071", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Format, 15, 'X') }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Validate_NoInput_ReportsMissing(string? input)
    {
        var result = ResidentIdNumber.Validate(input, Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Missing) }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("未填写身份证号码"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("The resident ID number is missing"));
    }

    [Test]
    public void Validate_FifteenDigitFirstGenerationNumber_ReportsLength()
    {
        var result = ResidentIdNumber.Validate("110105491231002", Today);

        Assert.That(result.Problems, Is.EqualTo(new[] { new Problem(Kind.Length, ActualLength: 15) }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("身份证号码应为18位，实际为15位"));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("The resident ID number must be 18 characters long but is 15"));
    }

    [Test]
    public void Validate_WrongLengthWithSeparators_ReportsLengthAndEachSeparator()
    {
        var result = ResidentIdNumber.Validate("110105-19491231-002X", Today);

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new Problem(Kind.Length, ActualLength: 20),
            new Problem(Kind.Format, 7, '-'),
            new Problem(Kind.Format, 16, '-'),
        }));
    }

    [TestCase("11010519491231002", 'X')]
    [TestCase("36042619910101007", '1')]
    [TestCase("36042619910102009", '3')]
    public void ComputeCheckCharacter_First17_ReturnsCharacter18(string first17, char expected)
    {
        Assert.That(ResidentIdNumber.ComputeCheckCharacter(first17), Is.EqualTo(expected));
    }

    [TestCase("1101051949123100")]
    [TestCase("1101051949123100A")]
    public void ComputeCheckCharacter_NotSeventeenDigits_Throws(string input)
    {
        Assert.That(() => ResidentIdNumber.ComputeCheckCharacter(input), Throws.ArgumentException);
    }

    [Test]
    public void TryParse_ValidAndInvalid_ReturnsWhetherValid()
    {
        Assert.That(ResidentIdNumber.TryParse("360426199101010071", Today, out var number), Is.True);
        Assert.That(number!.Sex, Is.EqualTo(Sex.Male));
        Assert.That(ResidentIdNumber.TryParse("360426199113010079", Today, out var invalid), Is.False);
        Assert.That(invalid, Is.Null);
    }
}
