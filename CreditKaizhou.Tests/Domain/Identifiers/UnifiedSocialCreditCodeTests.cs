using System.Globalization;
using CreditKaizhou.Domain.Identifiers;
using Kind = CreditKaizhou.Domain.Identifiers.UnifiedSocialCreditCodeProblemKind;

namespace CreditKaizhou.Tests.Domain.Identifiers;

public class UnifiedSocialCreditCodeTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [TestCase("91350100M000100Y43")]
    [TestCase("91110000600037341L")]
    [TestCase("91440300708461136T")]
    [TestCase("9144030071526726XG")]
    [TestCase("91310115MA1K3BTP2B")]
    [TestCase("92340602MA2PBMEM24")]
    [TestCase("121200004013590816")]
    public void Validate_PublicValidCode_IsValid(string input)
    {
        var result = UnifiedSocialCreditCode.Validate(input);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.HasOnlyChecksumProblems, Is.False);
        Assert.That(result.Code!.Value, Is.EqualTo(input));
        Assert.That(result.Code.ChecksumsValid, Is.True);
    }

    [Test]
    public void Validate_ValidCode_ExposesItsParts()
    {
        var code = UnifiedSocialCreditCode.Validate("92340602MA2PBMEM24").Code!;

        Assert.That(code.RegistrationAuthority, Is.EqualTo('9'));
        Assert.That(code.OrganisationType, Is.EqualTo('2'));
        Assert.That(code.DivisionCode, Is.EqualTo("340602"));
        Assert.That(code.OrganisationCode, Is.EqualTo("MA2PBMEM2"));
        Assert.That(code.CheckCharacter, Is.EqualTo('4'));
        Assert.That(code.ToString(), Is.EqualTo("92340602MA2PBMEM24"));
    }

    [TestCase("500154")]
    [TestCase("500234")]
    public void Validate_KaizhouDivisionCode_IsExposedUnchanged(string division)
    {
        var code = UnifiedSocialCreditCode.Validate(IdentifierGen.BuildUscc("91" + division, "MA60B7QK")).Code!;

        Assert.That(code.DivisionCode, Is.EqualTo(division));
    }

    [Test]
    public void Validate_WrongCheckCharacter_ReportsExpectedAndActual()
    {
        var result = UnifiedSocialCreditCode.Validate("91110000600037341N");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.CheckCharacter, Position: 18, Actual: 'N', Expected: 'L'),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第18位校验码应为 L，实际为 N"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 18 (check character) should be 'L' but is 'N'"));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.HasOnlyChecksumProblems, Is.True);
    }

    /// <summary>
    /// GB 32100 only requires character 1 to be in the code's alphabet, and A is an assigned registration
    /// authority (中央军委改革和编制办公室; A1 = 军队事业单位). What is really wrong is the check character:
    /// A is worth 10 where 9 was worth 9, so with weight 1 the check moves from L to K.
    /// </summary>
    [Test]
    public void Validate_LetterAAtPosition1_ReportsOnlyTheCheckCharacter()
    {
        var result = UnifiedSocialCreditCode.Validate("A1110000600037341L");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.CheckCharacter, Position: 18, Actual: 'L', Expected: 'K'),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第18位校验码应为 K，实际为 L"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 18 (check character) should be 'K' but is 'L'"));
    }

    [Test]
    public void Validate_ExcludedLetters_ReportsEachWithItsPosition()
    {
        var result = UnifiedSocialCreditCode.Validate("9111000060003IOZSV");

        Assert.That(result.Problems.Select(p => (p.Kind, p.Position, p.Actual, p.Reason)), Is.EqualTo(new[]
        {
            (Kind.Alphabet, (int?)14, (char?)'I', (InvalidCharacterReason?)InvalidCharacterReason.ExcludedLetter),
            (Kind.Alphabet, 15, 'O', InvalidCharacterReason.ExcludedLetter),
            (Kind.Alphabet, 16, 'Z', InvalidCharacterReason.ExcludedLetter),
            (Kind.Alphabet, 17, 'S', InvalidCharacterReason.ExcludedLetter),
            (Kind.Alphabet, 18, 'V', InvalidCharacterReason.ExcludedLetter),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第14位字符 'I' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）"));
        Assert.That(result.Problems[4].Describe(English),
            Is.EqualTo("Character 18 'V' is not in the unified social credit code alphabet (which has no I, O, S, V or Z)"));
        Assert.That(result.HasOnlyChecksumProblems, Is.False);
        Assert.That(result.CodeIgnoringChecksums, Is.Null);
    }

    [Test]
    public void Validate_KnownPilotCode_IsInvalidOnlyByItsChecksum()
    {
        var result = UnifiedSocialCreditCode.Validate("91350100M0001TGQXM");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.CheckCharacter, Position: 18, Actual: 'M', Expected: '1'),
        }));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.HasOnlyChecksumProblems, Is.True);
        Assert.That(result.Code, Is.Null);
        Assert.That(result.CodeIgnoringChecksums!.Value, Is.EqualTo("91350100M0001TGQXM"));
        Assert.That(result.CodeIgnoringChecksums.ChecksumsValid, Is.False);
    }

    [Test]
    public void Validate_WrongOrganisationCodeCheck_ReportsCharacter17()
    {
        // 91110000600037341L with character 17 changed to 2 and character 18 recomputed to match.
        var first17 = "91110000600037342";
        var result = UnifiedSocialCreditCode.Validate(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17));

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.OrganisationCodeCheck, Position: 17, Actual: '2', Expected: '1'),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第17位组织机构代码校验码应为 1，实际为 2"));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("Character 17 (organisation code check character) should be '1' but is '2'"));
        Assert.That(result.HasOnlyChecksumProblems, Is.True);
    }

    /// <summary>GB 11714 works mod 11 over values up to 35, so 6 → H (17) goes unnoticed there; the 18th check catches it.</summary>
    [Test]
    public void Validate_SubstitutionInvisibleToOrganisationCheck_IsCaughtByCheckCharacter()
    {
        var result = UnifiedSocialCreditCode.Validate("91110000H00037341L");

        Assert.That(result.Problems.Select(p => p.Kind), Is.EqualTo(new[] { Kind.CheckCharacter }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t\u3000")]
    public void Validate_NoInput_ReportsMissing(string? input)
    {
        var result = UnifiedSocialCreditCode.Validate(input);

        Assert.That(result.Problems, Is.EqualTo(new[] { new UnifiedSocialCreditCodeProblem(Kind.Missing) }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("未填写统一社会信用代码"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("The unified social credit code is missing"));
    }

    [Test]
    public void Validate_WrongLength_ReportsLengthAndEveryBadCharacter()
    {
        var result = UnifiedSocialCreditCode.Validate("9111000060003734-");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.Length, ActualLength: 17),
            new UnifiedSocialCreditCodeProblem(Kind.Alphabet, 17, '-', Reason: InvalidCharacterReason.NotAlphanumeric),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("统一社会信用代码应为18位，实际为17位"));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("The unified social credit code must be 18 characters long but is 17"));
        Assert.That(result.Problems[1].Describe(),
            Is.EqualTo("第17位字符 '-' 不在统一社会信用代码字符集中（只能是数字和除 I、O、S、V、Z 以外的大写字母）"));
    }

    [Test]
    public void Validate_Lowercase_ReportsEachWithUpperCaseSuggestionAndDoesNotConvert()
    {
        var result = UnifiedSocialCreditCode.Validate("91310115ma1K3BTP2B");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.Alphabet, 9, 'm', 'M', Reason: InvalidCharacterReason.Lowercase),
            new UnifiedSocialCreditCodeProblem(Kind.Alphabet, 10, 'a', 'A', Reason: InvalidCharacterReason.Lowercase),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第9位字符 'm' 是小写字母，应为大写 'M'"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 9 'm' is lower case; use upper case 'M'"));
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Validate_LowercaseExcludedLetter_ReportsItAsExcluded()
    {
        var result = UnifiedSocialCreditCode.Validate("9111000060003i341L");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.Alphabet, 14, 'i', Reason: InvalidCharacterReason.ExcludedLetter),
        }));
    }

    [Test]
    public void Validate_FullWidthDigit_ReportsHalfWidthSuggestion()
    {
        var result = UnifiedSocialCreditCode.Validate("9111000060003７341L");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.Alphabet, 14, '７', '7', Reason: InvalidCharacterReason.FullWidth),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("第14位字符 '７' 是全角字符，应为半角 '7'"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Character 14 '７' is full-width; use the half-width '7'"));
    }

    [Test]
    public void Validate_SurroundingWhitespace_IsTrimmed()
    {
        var result = UnifiedSocialCreditCode.Validate(" \t91110000600037341L\r\n");

        Assert.That(result.Code!.Value, Is.EqualTo("91110000600037341L"));
    }

    [Test]
    public void Validate_LettersInDivisionCode_ReportsEachAndTheCheckCharacter()
    {
        var result = UnifiedSocialCreditCode.Validate("91AB0000600037341L");

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new UnifiedSocialCreditCodeProblem(Kind.Division, 3, 'A'),
            new UnifiedSocialCreditCodeProblem(Kind.Division, 4, 'B'),
            new UnifiedSocialCreditCodeProblem(Kind.CheckCharacter, 18, 'L', 'A'),
        }));
        Assert.That(result.Problems[0].Describe(),
            Is.EqualTo("第3位字符 'A' 不是数字：第3–8位是登记管理机关行政区划码，应为6位数字"));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("Character 3 'A' is not a digit: characters 3–8 (administrative division code) must be 6 digits"));
        Assert.That(result.HasOnlyChecksumProblems, Is.False);
    }

    [Test]
    public void Validate_InvisibleCharacter_IsShownAsCodePoint()
    {
        var result = UnifiedSocialCreditCode.Validate("91110000 600037341L");

        Assert.That(result.Problems[1].Describe(English), Does.StartWith("Character 9 'U+0020' is not in"));
    }

    [TestCase("en-US", "Character 18 (check character) should be 'L' but is 'N'")]
    [TestCase("en", "Character 18 (check character) should be 'L' but is 'N'")]
    [TestCase("zh-CN", "第18位校验码应为 L，实际为 N")]
    [TestCase("fr-FR", "第18位校验码应为 L，实际为 N")]
    public void Describe_Culture_EnglishOnlyForEnglish(string culture, string expected)
    {
        var problem = UnifiedSocialCreditCode.Validate("91110000600037341N").Problems[0];

        Assert.That(problem.Describe(CultureInfo.GetCultureInfo(culture)), Is.EqualTo(expected));
    }

    [TestCase("91110000600037341", 'L')]
    [TestCase("91350100M000100Y4", '3')]
    [TestCase("12120000401359081", '6')]
    [TestCase("91350100M0001TGQX", '1')]
    public void ComputeCheckCharacter_First17_ReturnsCharacter18(string first17, char expected)
    {
        Assert.That(UnifiedSocialCreditCode.ComputeCheckCharacter(first17), Is.EqualTo(expected));
    }

    [TestCase("60003734", '1')]
    [TestCase("40135908", '1')]
    [TestCase("MA2PBMEM", '2')]
    [TestCase("M0001TGQ", 'X')]
    [TestCase("71526726", 'X')]
    [TestCase("M000100Y", '4')]
    public void ComputeOrganisationCodeCheckCharacter_Characters9To16_ReturnsCharacter17(string first8, char expected)
    {
        Assert.That(UnifiedSocialCreditCode.ComputeOrganisationCodeCheckCharacter(first8), Is.EqualTo(expected));
    }

    [TestCase("9111000060003734")]
    [TestCase("911100006000373411")]
    [TestCase("9111000060003734I")]
    public void ComputeCheckCharacter_NotSeventeenAlphabetCharacters_Throws(string input)
    {
        Assert.That(() => UnifiedSocialCreditCode.ComputeCheckCharacter(input), Throws.ArgumentException);
    }

    [TestCase("6000373")]
    [TestCase("6000373a")]
    public void ComputeOrganisationCodeCheckCharacter_NotEightCharacters_Throws(string input)
    {
        Assert.That(() => UnifiedSocialCreditCode.ComputeOrganisationCodeCheckCharacter(input), Throws.ArgumentException);
    }

    [Test]
    public void TryParse_ValidAndInvalid_ReturnsWhetherValid()
    {
        Assert.That(UnifiedSocialCreditCode.TryParse("91110000600037341L", out var code), Is.True);
        Assert.That(code!.Value, Is.EqualTo("91110000600037341L"));
        Assert.That(UnifiedSocialCreditCode.TryParse("91350100M0001TGQXM", out var pilot), Is.False);
        Assert.That(pilot, Is.Null);
    }
}
