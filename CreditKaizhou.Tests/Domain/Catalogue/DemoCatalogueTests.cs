using System.Globalization;
using System.Text.Json;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Tests.Domain.Catalogue;

/// <summary>The demo catalogue, converted to the Domain model, must be exactly representable and valid.</summary>
public class DemoCatalogueTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static IEnumerable<TestCaseData> Schemas() =>
    [
        new TestCaseData(DemoFieldSchemas.Penalty).SetArgDisplayNames(nameof(DemoFieldSchemas.Penalty)),
        new TestCaseData(DemoFieldSchemas.Permit).SetArgDisplayNames(nameof(DemoFieldSchemas.Permit)),
        new TestCaseData(DemoFieldSchemas.Registration).SetArgDisplayNames(nameof(DemoFieldSchemas.Registration)),
        new TestCaseData(DemoFieldSchemas.JudgmentDefaulter).SetArgDisplayNames(nameof(DemoFieldSchemas.JudgmentDefaulter)),
        new TestCaseData(DemoFieldSchemas.MajorTaxViolation).SetArgDisplayNames(nameof(DemoFieldSchemas.MajorTaxViolation)),
        new TestCaseData(DemoFieldSchemas.ProcurementViolation).SetArgDisplayNames(nameof(DemoFieldSchemas.ProcurementViolation)),
        new TestCaseData(DemoFieldSchemas.MarketSeriousViolation).SetArgDisplayNames(nameof(DemoFieldSchemas.MarketSeriousViolation)),
        new TestCaseData(DemoFieldSchemas.AbnormalOperation).SetArgDisplayNames(nameof(DemoFieldSchemas.AbnormalOperation)),
        new TestCaseData(DemoFieldSchemas.TaxCreditA).SetArgDisplayNames(nameof(DemoFieldSchemas.TaxCreditA)),
        new TestCaseData(DemoFieldSchemas.CreditIncentive).SetArgDisplayNames(nameof(DemoFieldSchemas.CreditIncentive)),
        new TestCaseData(DemoFieldSchemas.SocialInsurance).SetArgDisplayNames(nameof(DemoFieldSchemas.SocialInsurance)),
    ];

    public static IEnumerable<TestCaseData> Entries() =>
        DemoCatalogue.All.Select(e => new TestCaseData(e).SetArgDisplayNames(e.Code));

    public static IEnumerable<TestCaseData> Records() =>
        DemoRecords.All.Select(r => new TestCaseData(r).SetArgDisplayNames(r.SourceRef));

    [TestCaseSource(nameof(Schemas))]
    public void DemoFieldSchema_ConvertedToFieldSchema_PassesValidate(IReadOnlyList<DemoField> fields)
    {
        var schema = ToSchema(fields);

        Assert.That(schema.Validate().Select(p => $"{p.Path}: {p.Describe()}"), Is.Empty);
        Assert.That(schema.Fields.Select(f => (f.Key, f.Name, f.Type.Code())),
            Is.EqualTo(fields.Select(f => (f.Key, f.Name, f.Type))), "the conversion must keep every field as it is");
    }

    [TestCaseSource(nameof(Entries))]
    public void DemoEntry_ConvertedToCatalogueEntry_KeepsEveryValueAndIsValid(DemoCatalogueEntry demo)
    {
        var entry = ToEntry(demo);

        Assert.That(entry.SubjectTypes.Select(t => t.Code()), Is.EqualTo(demo.SubjectTypes));
        Assert.That(entry.Disclosure.Code(), Is.EqualTo(demo.Disclosure));
        Assert.That(entry.Polarity.Code(), Is.EqualTo(demo.Polarity));
        Assert.That(entry.PublicityRule.Mode, Is.EqualTo(demo.PublicityRule.Mode));
        Assert.That(entry.PublicityRule.Periods.Select(p => (p.Severity.Code(), p.Published, p.MinMonths, p.MaxMonths)),
            Is.EqualTo(demo.PublicityRule.Periods.Select(p => (p.Severity, p.Published, p.MinMonths, p.MaxMonths))));
        Assert.That(CatalogueCategories.Contains(entry.Category), Is.True, $"category {entry.Category}");
        Assert.That(entry.PublicityRule.Validate().Select(p => $"{p.Path}: {p.Describe()}"), Is.Empty);
        Assert.That(entry.Fields.Validate(), Is.Empty);
        Assert.That(ToEntry(demo), Is.EqualTo(entry), "equal versions compare equal");
        Assert.That(entry with { Version = 2 }, Is.Not.EqualTo(entry));
    }

    [Test]
    public void DemoCatalogue_Categories_AreAllInTheCatalogueCategories()
    {
        Assert.That(DemoCatalogue.All.Select(e => e.Category).Distinct(), Is.SubsetOf(CatalogueCategories.All));
    }

    [Test]
    public void CatalogueCategories_All_IsTheListOfTheProductDescription()
    {
        Assert.That(CatalogueCategories.All, Is.EqualTo(new[]
        {
            "登记注册基本信息", "司法裁判及执行信息", "行政许可", "行政处罚", "行政强制", "行政确认", "行政征收", "行政给付",
            "行政检查", "行政奖励", "行政裁决", "职称和职业资格", "经营异常名录", "严重失信主体名单", "守信激励/荣誉",
            "信用承诺及履行", "信用评价结果", "社会保险缴纳及欠费", "知识产权", "其他",
        }));
        Assert.That(CatalogueCategories.Contains("行政处罚"), Is.True);
        Assert.That(CatalogueCategories.Contains("行政处罚 "), Is.False);
        Assert.That(CatalogueCategories.Contains(null), Is.False);
    }

    [TestCaseSource(nameof(Records))]
    public void DemoRecord_FieldsAsJson_PassValidationUnchanged(DemoRecord record)
    {
        var schema = ToSchema(DemoCatalogue.Get(record.CatalogueCode).FieldsSchema);
        var canonical = CanonicalJson.Serialize(record.Fields.ToDictionary(p => p.Key, p => (object?)p.Value));
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(canonical)!;

        var result = FieldValues.ValidateJson(schema, json, _ => false, DemoRecords.ReferenceDate);

        Assert.That(result.Problems.Select(p => p.Describe()), Is.Empty);
        Assert.That(CanonicalJson.Serialize(result.Values), Is.EqualTo(canonical));
    }

    [TestCaseSource(nameof(Records))]
    public void DemoRecord_FieldsAsSpreadsheetCells_NormaliseToTheSameJson(DemoRecord record)
    {
        var schema = ToSchema(DemoCatalogue.Get(record.CatalogueCode).FieldsSchema);
        var cells = record.Fields.ToDictionary(p => p.Key, p => (string?)(p.Value switch
        {
            DateOnly date => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            decimal amount => amount.ToString("0.000000", CultureInfo.InvariantCulture),
            bool flag => flag ? "是" : "否",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        }));

        var result = FieldValues.ValidateText(schema, cells, _ => false, DemoRecords.ReferenceDate);

        Assert.That(result.Problems.Select(p => p.Describe()), Is.Empty);
        Assert.That(CanonicalJson.Serialize(result.Values),
            Is.EqualTo(CanonicalJson.Serialize(record.Fields.ToDictionary(p => p.Key, p => (object?)p.Value))));
    }

    [TestCaseSource(nameof(Records))]
    public void DemoPenalty_PublicityUntil_IsTheLastPublicDayOfItsSeverity(DemoRecord record)
    {
        var entry = DemoCatalogue.Get(record.CatalogueCode);
        if (entry.PublicityRule.Mode != PublicityModes.Graded)
        {
            Assert.Pass("not graded");
        }

        var window = Publicity.LastPublicDay(ToEntry(entry).PublicityRule, SeverityCodes.Parse(record.Severity!),
            record.DecisionDate, record.EffectiveTo);

        Assert.That(window.LastDay, Is.EqualTo(record.Fields.GetValueOrDefault("publicityUntil")));
    }

    private static FieldSchema ToSchema(IReadOnlyList<DemoField> fields) => new(fields.Select(f =>
        new FieldDefinition(f.Key, f.Name, FieldTypeCodes.Parse(f.Type), f.Required, f.MaxLength, f.Unit, f.AllowedValues)));

    private static CatalogueEntry ToEntry(DemoCatalogueEntry e) => new(
        e.Code, 1, e.Name, e.Category, e.DepartmentCode,
        [.. e.SubjectTypes.Select(SubjectTypeCodes.Parse)],
        DisclosureCodes.Parse(e.Disclosure),
        PolarityCodes.Parse(e.Polarity),
        e.ListCode,
        e.UpdateFrequency,
        new PublicityRule(e.PublicityRule.Mode, e.PublicityRule.Description,
            [.. e.PublicityRule.Periods.Select(p => new PublicityPeriod(SeverityCodes.Parse(p.Severity), p.Published, p.MinMonths, p.MaxMonths))]),
        e.LegalBasis,
        ToSchema(e.FieldsSchema),
        IsDemo: true,
        CreatedAt);
}
