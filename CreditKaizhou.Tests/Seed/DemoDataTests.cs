using System.Text.RegularExpressions;
using CreditKaizhou.Api.Seed;

namespace CreditKaizhou.Tests.Seed;

// The demo seed is plain data written by hand, so these tests hold it to the rules the service
// enforces on real data: every reference resolves, every code carries valid check characters
// (checked here independently of the domain's validators) and every record fits its schema.
public sealed partial class DemoDataTests
{
    private static readonly string[] Categories =
    [
        "登记注册基本信息", "司法裁判及执行信息", "行政许可", "行政处罚", "行政强制", "行政确认", "行政征收",
        "行政给付", "行政检查", "行政奖励", "行政裁决", "职称和职业资格", "经营异常名录", "严重失信主体名单",
        "守信激励/荣誉", "信用承诺及履行", "信用评价结果", "社会保险缴纳及欠费", "知识产权",
    ];

    private static readonly string[] SubjectTypes = ["legal", "individual_business", "person"];
    private static readonly string[] Contexts = ["tendering", "procurement", "subsidy", "land", "licensing", "commendation"];
    private static readonly string[] Effects = ["bar", "review", "priority", "fast-track", "fewer-inspections", "tolerance"];
    private static readonly string[] FieldTypes = ["string", "integer", "decimal", "date", "enum", "subjectCode", "boolean"];

    [Test]
    public void Departments_IncludeTheDevelopmentKeyDepartments_AndAtLeastTwelve()
    {
        var codes = DemoDepartments.All.Select(d => d.Code).ToList();

        Assert.That(codes, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(codes, Is.SupersetOf(new[] { "SCJGJ", "SWJ", "FY", "FZGGW", "CZJ", "GGZYJYZX" }));
        Assert.That(DemoDepartments.All.Select(d => d.ShortName), Is.SupersetOf(new[] { "区市场监督管理局", "区税务局", "区人民法院" }));
        Assert.That(DemoDepartments.All.Where(d => !CodeRegex().IsMatch(d.Code)), Is.Empty);
        Assert.That(DemoDepartments.All.Where(d => d.CreditCode is null || !IsValidUscc(d.CreditCode)), Is.Empty);
    }

    [Test]
    public void Codes_AreUniqueInEveryTable()
    {
        Assert.That(DemoDepartments.All.Select(d => d.Code), Is.Unique);
        Assert.That(DemoDepartments.All.Select(d => d.Name), Is.Unique);
        Assert.That(DemoDepartments.All.Select(d => d.ShortName), Is.Unique);
        Assert.That(DemoCatalogue.All.Select(e => e.Code), Is.Unique);
        Assert.That(DemoLists.All.Select(l => l.Code), Is.Unique);
        Assert.That(DemoMeasures.All.Select(m => m.Code), Is.Unique);
        Assert.That(DemoSubjects.All.Select(s => s.Code), Is.Unique);
        Assert.That(DemoSubjects.All.Select(s => s.Name), Is.Unique);
        Assert.That(DemoRecords.All.Select(r => (r.DepartmentCode, r.SourceRef)), Is.Unique);
        foreach (var entry in DemoCatalogue.All)
        {
            Assert.That(entry.FieldsSchema.Select(f => f.Key), Is.Unique, entry.Code);
            Assert.That(entry.FieldsSchema.Select(f => f.Name), Is.Unique, entry.Code);
        }
    }

    [Test]
    public void CatalogueEntries_AreWellFormed_AndReferenceExistingDepartmentsAndLists()
    {
        var errors = new List<string>();
        foreach (var e in DemoCatalogue.All)
        {
            Check(errors, CatalogueCodeRegex().IsMatch(e.Code) && e.Code.Length <= 64, e.Code, "code format");
            Check(errors, e.Code.StartsWith($"KZ-{e.DepartmentCode}-", StringComparison.Ordinal), e.Code, "code names its department");
            Check(errors, DemoDepartments.All.Any(d => d.Code == e.DepartmentCode), e.Code, $"department {e.DepartmentCode}");
            Check(errors, Categories.Contains(e.Category), e.Code, $"category {e.Category}");
            Check(errors, e.SubjectTypes.Count > 0 && e.SubjectTypes.All(SubjectTypes.Contains), e.Code, "subject types");
            Check(errors, e.Disclosure is "public" or "shared" or "authorised", e.Code, "disclosure");
            Check(errors, e.Polarity is "neutral" or "positive" or "negative", e.Code, "polarity");
            Check(errors, !string.IsNullOrWhiteSpace(e.Name) && !string.IsNullOrWhiteSpace(e.LegalBasis), e.Code, "name and legal basis");
            Check(errors, !string.IsNullOrWhiteSpace(e.UpdateFrequency), e.Code, "update frequency");
            Check(errors, e.PublicityRule.Mode is "graded" or "list" or "validity" or "permanent" or "none", e.Code, "publicity mode");
            Check(errors, (e.PublicityRule.Mode == "graded") == (e.PublicityRule.Periods.Count > 0), e.Code, "graded periods");
            Check(errors, e.PublicityRule.Mode != "list" || e.ListCode is not null, e.Code, "list publicity needs a list");
            if (e.ListCode is not null)
            {
                var list = DemoLists.All.SingleOrDefault(l => l.Code == e.ListCode);
                Check(errors, list is not null, e.Code, $"list {e.ListCode}");
                var expected = list?.Colour == "red" ? "positive" : "negative";
                Check(errors, e.Polarity == expected, e.Code, "polarity matches the list colour");
            }

            Check(errors, e.FieldsSchema.Count > 0, e.Code, "has fields");
            foreach (var f in e.FieldsSchema)
            {
                var where = $"{e.Code}.{f.Key}";
                Check(errors, FieldKeyRegex().IsMatch(f.Key), where, "camelCase ASCII key");
                Check(errors, !string.IsNullOrWhiteSpace(f.Name), where, "name");
                Check(errors, FieldTypes.Contains(f.Type), where, $"type {f.Type}");
                Check(errors, (f.Type == "string") == (f.MaxLength is > 0), where, "max length exactly on strings");
                Check(errors, (f.Type == "enum") == (f.AllowedValues is { Count: > 0 }), where, "allowed values exactly on enums");
                Check(errors, (f.Type == "decimal") == (f.Unit is not null), where, "unit exactly on decimals");
                Check(errors, f.AllowedValues is null || f.AllowedValues.Distinct().Count() == f.AllowedValues.Count, where, "distinct allowed values");
            }
        }

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void PenaltyAndPermitSchemas_CarryTheNationalStandardFields()
    {
        var penalty = DemoCatalogue.Get(DemoCatalogue.MarketPenalty).FieldsSchema;
        Assert.That(penalty.Select(f => f.Key), Is.SupersetOf(new[]
        {
            "decisionNumber", "violationType", "violationFacts", "penaltyBasis", "penaltyCategory", "penaltyContent",
            "fineAmount", "confiscatedAmount", "licenceSuspendedOrRevoked", "decisionDate", "penaltyValidUntil",
            "publicityUntil", "authority", "authorityCode", "dataSource", "dataSourceCode",
        }));
        Assert.That(penalty.Single(f => f.Key == "penaltyCategory").AllowedValues, Has.Count.EqualTo(14).And.Contains("限制从业"));
        Assert.That(penalty.Single(f => f.Key == "fineAmount").Unit, Is.EqualTo("万元"));

        var permit = DemoCatalogue.Get(DemoCatalogue.FoodPermit).FieldsSchema;
        Assert.That(permit.Single(f => f.Key == "permitCategory").AllowedValues,
            Is.EqualTo(new[] { "普通", "特许", "认可", "核准", "登记", "其他" }));
        Assert.That(permit.Select(f => f.Key), Is.SupersetOf(new[] { "validFrom", "validTo", "authorityCode", "dataSourceCode" }));

        var defaulter = DemoCatalogue.Get(DemoCatalogue.JudgmentDefaulter);
        Assert.That(defaulter.DepartmentCode, Is.EqualTo("FY"));
        Assert.That(defaulter.FieldsSchema.Select(f => f.Name), Is.SupersetOf(new[]
        {
            "案号", "执行法院", "执行依据文号", "做出执行依据单位", "生效法律文书确定的义务", "被执行人的履行情况",
            "失信被执行人行为具体情形", "立案时间", "发布时间",
        }));
    }

    [Test]
    public void ListTypes_AreWellFormed()
    {
        Assert.That(DemoLists.All.Select(l => l.Code), Is.SupersetOf(new[]
        {
            "SXBZXR", "ZDSSWF", "ZFCGSX", "SCJGYZSX", "JYYC", "NSXYA", "HGGJRZ", "SXJL",
        }));
        Assert.That(DemoLists.All.Where(l => l.Colour is not ("red" or "black")
            || string.IsNullOrWhiteSpace(l.LegalBasis) || string.IsNullOrWhiteSpace(l.RemovalRule)
            || string.IsNullOrWhiteSpace(l.Description) || l.DefaultDurationMonths is <= 0), Is.Empty);
        Assert.That(DemoLists.All.Select(l => l.SortOrder), Is.Unique);

        int? Duration(string code) => DemoLists.All.Single(l => l.Code == code).DefaultDurationMonths;
        Assert.That(Duration(DemoLists.Sxbzxr), Is.EqualTo(24));
        Assert.That(Duration(DemoLists.Scjgyzsx), Is.EqualTo(36));
        Assert.That(Duration(DemoLists.Jyyc), Is.Null);
    }

    [Test]
    public void Measures_CiteALegalBasis_AndFollowListsOfTheMatchingColour()
    {
        var shortNames = DemoDepartments.All.Select(d => d.ShortName).ToHashSet();
        var errors = new List<string>();
        foreach (var m in DemoMeasures.All)
        {
            Check(errors, !string.IsNullOrWhiteSpace(m.LegalBasis), m.Code, "legal basis");
            Check(errors, !string.IsNullOrWhiteSpace(m.Name), m.Code, "name");
            Check(errors, m.Kind is "punishment" or "incentive", m.Code, "kind");
            Check(errors, Effects.Contains(m.Effect), m.Code, $"effect {m.Effect}");
            Check(errors, m.Contexts.Count > 0 && m.Contexts.All(Contexts.Contains), m.Code, "contexts");
            Check(errors, m.ListCodes.Count > 0 && m.ListCodes.Distinct().Count() == m.ListCodes.Count, m.Code, "lists");
            var colour = m.Kind == "punishment" ? "black" : "red";
            foreach (var code in m.ListCodes)
            {
                var list = DemoLists.All.SingleOrDefault(l => l.Code == code);
                Check(errors, list is not null, m.Code, $"list {code}");
                Check(errors, list is null || list.Colour == colour, m.Code, $"{code} is {colour}");
            }

            var departments = m.ImplementingDepartment.Split('、');
            Check(errors, departments.All(shortNames.Contains), m.Code, $"implementing departments {m.ImplementingDepartment}");
        }

        Assert.That(errors, Is.Empty);

        DemoMeasure Measure(string name) => DemoMeasures.All.Single(m => m.Name == name);
        var tendering = Measure("限制参与招标投标");
        Assert.That(tendering.Effect, Is.EqualTo("bar"));
        Assert.That(tendering.Contexts, Is.EqualTo(new[] { "tendering" }));
        Assert.That(tendering.ListCodes, Is.EquivalentTo(new[] { "SXBZXR", "ZDSSWF", "ZFCGSX" }));
        Assert.That(tendering.LegalBasis, Does.Contain("法〔2016〕285号"));
        var procurement = Measure("限制参与政府采购");
        Assert.That(procurement.ListCodes, Is.EquivalentTo(new[] { "SXBZXR", "ZDSSWF", "ZFCGSX" }));
        Assert.That(procurement.LegalBasis, Does.Contain("财库〔2016〕125号"));
        Assert.That(DemoMeasures.All.Where(m => m.ListCodes.Contains("JYYC")).Select(m => m.Effect), Is.All.EqualTo("review"));
        Assert.That(DemoMeasures.All.Select(m => m.Effect), Is.SupersetOf(Effects));
        Assert.That(DemoMeasures.All.SelectMany(m => m.Contexts), Is.SupersetOf(Contexts));
    }

    [Test]
    public void Subjects_HaveValidCodes_MatchingTheirType()
    {
        var errors = new List<string>();
        foreach (var s in DemoSubjects.All)
        {
            Check(errors, SubjectTypes.Contains(s.SubjectType), s.Code, "subject type");
            Check(errors, s.Status is "active" or "deregistered", s.Code, "status");
            Check(errors, !string.IsNullOrWhiteSpace(s.Name), s.Code, "name");
            if (s.SubjectType == "person")
            {
                Check(errors, IsValidResidentId(s.Code), s.Code, "resident ID number");
            }
            else
            {
                Check(errors, IsValidUscc(s.Code), s.Code, "统一社会信用代码");
                Check(errors, (s.SubjectType == "individual_business") == s.Code.StartsWith("92", StringComparison.Ordinal),
                    s.Code, "个体工商户 codes start with 92");
            }

            var previousEnd = DateOnly.MinValue;
            foreach (var former in s.FormerNames)
            {
                Check(errors, former.ValidFrom <= former.ValidTo && former.ValidFrom > previousEnd, s.Code, "former name dates");
                Check(errors, former.Name != s.Name, s.Code, "former name differs");
                previousEnd = former.ValidTo;
            }
        }

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Subjects_CoverTheDemoScenarios()
    {
        var subjects = DemoSubjects.All;
        var organisations = subjects.Where(s => s.SubjectType != "person").ToList();

        Assert.That(subjects, Has.Count.InRange(45, 60));
        Assert.That(organisations.Count(s => s.Code.Substring(2, 6) == "500234"), Is.GreaterThanOrEqualTo(8));
        Assert.That(organisations.Count(s => s.Code.Substring(2, 6) == "500154"), Is.GreaterThan(organisations.Count / 2));
        Assert.That(subjects.Count(s => s.SubjectType == "person"), Is.EqualTo(5));
        Assert.That(subjects.Count(s => s.SubjectType == "individual_business"), Is.GreaterThanOrEqualTo(3));
        Assert.That(organisations.Count(s => s.Code[0] is '1' or '5'), Is.GreaterThanOrEqualTo(2));
        Assert.That(subjects.Count(s => s.Status == "deregistered"), Is.GreaterThanOrEqualTo(2));
        Assert.That(subjects.Count(s => s.FormerNames.Count > 0), Is.GreaterThanOrEqualTo(1));
        foreach (var fragment in new[] { "开州", "建设", "商贸", "开县" })
        {
            Assert.That(subjects.Count(s => s.Name.Contains(fragment, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3), fragment);
        }
    }

    [Test]
    public void Records_ReferenceExistingData_AndFitTheirEntry()
    {
        var errors = new List<string>();
        foreach (var r in DemoRecords.All)
        {
            var where = $"{r.DepartmentCode}/{r.SourceRef}";
            var entry = DemoCatalogue.All.SingleOrDefault(e => e.Code == r.CatalogueCode);
            var subject = DemoSubjects.All.SingleOrDefault(s => s.Code == r.SubjectCode);
            Check(errors, DemoDepartments.All.Any(d => d.Code == r.DepartmentCode), where, "department");
            Check(errors, subject is not null, where, $"subject {r.SubjectCode}");
            Check(errors, entry is not null, where, $"entry {r.CatalogueCode}");
            Check(errors, !string.IsNullOrWhiteSpace(r.SourceRef) && r.SourceRef.Length <= 128, where, "source ref");
            Check(errors, r.EffectiveTo is null || r.EffectiveTo >= r.EffectiveFrom, where, "effective period");
            Check(errors, r.DecisionDate <= DemoRecords.ReferenceDate, where, "decided by the reference day");
            if (entry is null || subject is null)
            {
                continue;
            }

            Check(errors, entry.DepartmentCode == r.DepartmentCode, where, "department owns the entry");
            Check(errors, entry.SubjectTypes.Contains(subject.SubjectType), where, $"entry allows {subject.SubjectType}");
            Check(errors, entry.Polarity == "negative"
                ? r.Severity is "minor" or "general" or "serious"
                : r.Severity is null, where, "severity exactly on negative records");
            var months = DemoLists.All.SingleOrDefault(l => l.Code == entry.ListCode)?.DefaultDurationMonths;
            if (months is not null)
            {
                Check(errors, r.EffectiveTo == r.EffectiveFrom.AddMonths(months.Value).AddDays(-1), where, "default list duration");
            }

            CheckFields(errors, where, entry, r);
        }

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Records_PutTheExpectedSubjectsOnLists()
    {
        var reference = DemoRecords.ReferenceDate;
        int Count(string catalogueCode) => DemoRecords.All.Count(r => r.CatalogueCode == catalogueCode);
        bool ActiveOn(DemoRecord r) => r.EffectiveFrom <= reference && (r.EffectiveTo is null || r.EffectiveTo >= reference);

        Assert.That(DemoRecords.All, Has.Count.InRange(70, 95));
        Assert.That(DemoRecords.All.Count(r => r.CatalogueCode == DemoCatalogue.JudgmentDefaulter
            && DemoSubjects.Get(r.SubjectCode).SubjectType == "legal"), Is.GreaterThanOrEqualTo(3));
        Assert.That(Count(DemoCatalogue.MajorTaxViolation), Is.EqualTo(2));
        Assert.That(Count(DemoCatalogue.ProcurementViolation), Is.EqualTo(1));
        Assert.That(Count(DemoCatalogue.MarketSeriousViolation), Is.EqualTo(2));
        Assert.That(Count(DemoCatalogue.AbnormalOperation), Is.EqualTo(5));
        Assert.That(Count(DemoCatalogue.TaxCreditA), Is.EqualTo(6));
        Assert.That(Count(DemoCatalogue.CreditIncentive), Is.EqualTo(2));
        Assert.That(DemoRecords.All.Count(r => DemoCatalogue.Get(r.CatalogueCode).Category == "行政处罚"), Is.GreaterThanOrEqualTo(15));
        Assert.That(DemoRecords.All.Count(r => DemoCatalogue.Get(r.CatalogueCode).Category == "行政许可"), Is.GreaterThanOrEqualTo(15));
        Assert.That(DemoRecords.All.Where(r => r.Severity is not null).Select(r => r.Severity).Distinct(),
            Is.EquivalentTo(new[] { "minor", "general", "serious" }));

        var defaulters = DemoRecords.All.Where(r => r.CatalogueCode == DemoCatalogue.JudgmentDefaulter).ToList();
        Assert.That(ActiveOn(defaulters.Single(r => r.SourceRef == DemoRecords.RevocationCandidateSourceRef)), Is.True);
        Assert.That(defaulters.Single(r => r.SourceRef == DemoRecords.ExpiredListingSourceRef).EffectiveTo, Is.LessThan(reference));
        Assert.That(defaulters.Any(r => r.SubjectCode == DemoSubjects.XinyuanJianshe && ActiveOn(r)), Is.True);
        Assert.That(DemoRecords.All.Count(r => r.CatalogueCode == DemoCatalogue.TaxCreditA && ActiveOn(r)), Is.EqualTo(5));
    }

    [TestCase("91350100M000100Y43")]
    [TestCase("91110000600037341L")]
    [TestCase("91440300708461136T")]
    [TestCase("9144030071526726XG")]
    [TestCase("91310115MA1K3BTP2B")]
    [TestCase("92340602MA2PBMEM24")]
    [TestCase("121200004013590816")]
    public void IsValidUscc_PublicExample_Passes(string code) => Assert.That(IsValidUscc(code), Is.True);

    [TestCase("91350100M0001TGQXM")]
    [TestCase("91110000600037341N")]
    [TestCase("A1110000600037341L")]
    [TestCase("9111000060003IOZSV")]
    public void IsValidUscc_InvalidExample_Fails(string code) => Assert.That(IsValidUscc(code), Is.False);

    [TestCase("11010519491231002X", true)]
    [TestCase("360426199101010071", true)]
    [TestCase("36042619910102009X", false)]
    [TestCase("360426199113010079", false)]
    public void IsValidResidentId_PublicExample_IsJudgedCorrectly(string number, bool valid) =>
        Assert.That(IsValidResidentId(number), Is.EqualTo(valid));

    private static void Check(List<string> errors, bool ok, string where, string what)
    {
        if (!ok)
        {
            errors.Add($"{where}: {what}");
        }
    }

    [GeneratedRegex("^[A-Z]{2,10}$")]
    private static partial Regex CodeRegex();

    [GeneratedRegex("^KZ-[A-Z]+-[A-Z]+$")]
    private static partial Regex CatalogueCodeRegex();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FieldKeyRegex();
}
