using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Tests.Domain.Catalogue;

public class CatalogueCodesTests
{
    [TestCase(Disclosure.Public, "public", "社会公开")]
    [TestCase(Disclosure.Shared, "shared", "政务共享")]
    [TestCase(Disclosure.Authorised, "authorised", "授权查询")]
    public void Disclosure_EachValue_HasItsCodeAndNameAndParsesFromBoth(Disclosure value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(DisclosureCodes.Parse(code), Is.EqualTo(value));
        Assert.That(DisclosureCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(Polarity.Neutral, "neutral", "中性")]
    [TestCase(Polarity.Positive, "positive", "守信")]
    [TestCase(Polarity.Negative, "negative", "失信")]
    public void Polarity_EachValue_HasItsCodeAndNameAndParsesFromBoth(Polarity value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(PolarityCodes.Parse(code), Is.EqualTo(value));
        Assert.That(PolarityCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(SubjectType.Legal, "legal", "法人和非法人组织")]
    [TestCase(SubjectType.IndividualBusiness, "individual_business", "个体工商户")]
    [TestCase(SubjectType.Person, "person", "自然人")]
    public void SubjectType_EachValue_HasItsCodeAndNameAndParsesFromBoth(SubjectType value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(SubjectTypeCodes.Parse(code), Is.EqualTo(value));
        Assert.That(SubjectTypeCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(Severity.Minor, "minor", "轻微")]
    [TestCase(Severity.General, "general", "一般")]
    [TestCase(Severity.Serious, "serious", "严重")]
    public void Severity_EachValue_HasItsCodeAndNameAndParsesFromBoth(Severity value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(SeverityCodes.Parse(code), Is.EqualTo(value));
        Assert.That(SeverityCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(FieldType.String, "string", "文本")]
    [TestCase(FieldType.Integer, "integer", "整数")]
    [TestCase(FieldType.Decimal, "decimal", "数值")]
    [TestCase(FieldType.Date, "date", "日期")]
    [TestCase(FieldType.Enum, "enum", "枚举")]
    [TestCase(FieldType.SubjectCode, "subjectCode", "主体代码")]
    [TestCase(FieldType.Boolean, "boolean", "是否")]
    public void FieldType_EachValue_HasItsCodeAndNameAndParsesFromBoth(FieldType value, string code, string name)
    {
        Assert.That((value.Code(), value.ChineseName()), Is.EqualTo((code, name)));
        Assert.That(FieldTypeCodes.Parse(code), Is.EqualTo(value));
        Assert.That(FieldTypeCodes.Parse(name), Is.EqualTo(value));
    }

    [TestCase(" public ", Disclosure.Public)]
    [TestCase("PUBLIC", Disclosure.Public)]
    [TestCase("Authorised", Disclosure.Authorised)]
    [TestCase("\t政务共享\n", Disclosure.Shared)]
    public void TryParse_SurroundingWhitespaceOrOtherCase_IsAccepted(string text, Disclosure expected)
    {
        Assert.That(DisclosureCodes.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("authorized")]
    [TestCase("公开")]
    [TestCase("社会 公开")]
    public void TryParse_NeitherCodeNorName_ReturnsFalse(string? text)
    {
        Assert.That(DisclosureCodes.TryParse(text, out _), Is.False);
        Assert.That(SeverityCodes.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_Unknown_ThrowsFormatExceptionListingTheChoices()
    {
        var exception = Assert.Throws<FormatException>(() => SeverityCodes.Parse("严重的"));

        Assert.That(exception!.Message, Is.EqualTo(
            "'严重的' is not a Severity; expected one of minor (轻微), general (一般), serious (严重)."));
    }

    [Test]
    public void Code_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Polarity)42).Code());
    }

    [Test]
    public void Codes_OfEveryEnumeration_AreDistinctFromEveryName()
    {
        // A code equal to another value's name would make parsing ambiguous.
        string[][] tables =
        [
            [.. Enum.GetValues<Disclosure>().SelectMany(v => new[] { v.Code(), v.ChineseName() })],
            [.. Enum.GetValues<Polarity>().SelectMany(v => new[] { v.Code(), v.ChineseName() })],
            [.. Enum.GetValues<SubjectType>().SelectMany(v => new[] { v.Code(), v.ChineseName() })],
            [.. Enum.GetValues<Severity>().SelectMany(v => new[] { v.Code(), v.ChineseName() })],
            [.. Enum.GetValues<FieldType>().SelectMany(v => new[] { v.Code(), v.ChineseName() })],
        ];

        Assert.That(tables, Has.All.Matches<string[]>(t => t.Distinct(StringComparer.OrdinalIgnoreCase).Count() == t.Length));
    }
}
