using System.Globalization;
using CreditKaizhou.Domain.Catalogue;
using Kind = CreditKaizhou.Domain.Catalogue.FieldSchemaProblemKind;

namespace CreditKaizhou.Tests.Domain.Catalogue;

public class FieldSchemaTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static FieldDefinition Text(string key, string name, int? maxLength = 100) =>
        new(key, name, FieldType.String, true, MaxLength: maxLength);

    private static FieldSchema Schema(params FieldDefinition[] fields) => new(fields);

    [Test]
    public void Validate_OneFieldOfEveryType_HasNoProblems()
    {
        var schema = Schema(
            Text("decisionNumber", "行政处罚决定书文号", 128),
            new FieldDefinition("evaluationYear", "评价年度", FieldType.Integer, true),
            new FieldDefinition("fineAmount", "罚款金额（万元）", FieldType.Decimal, false, Unit: "万元"),
            new FieldDefinition("taxAmount", "税款", FieldType.Decimal, false),
            new FieldDefinition("decisionDate", "处罚决定日期", FieldType.Date, true),
            new FieldDefinition("penaltyCategory", "处罚类别", FieldType.Enum, true, AllowedValues: ["警告", "罚款"]),
            new FieldDefinition("authorityCode", "处罚机关统一社会信用代码", FieldType.SubjectCode, true),
            new FieldDefinition("hasArrears", "是否存在欠费", FieldType.Boolean, true));

        Assert.That(schema.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_EmptySchema_HasNoProblems() => Assert.That(FieldSchema.Empty.Validate(), Is.Empty);

    [TestCase("a")]
    [TestCase("fineAmount")]
    [TestCase("x1")]
    [TestCase("aBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz01")]
    public void IsValidKey_LowerCaseLetterThenLettersAndDigits_IsTrue(string key) =>
        Assert.That(FieldSchema.IsValidKey(key), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("FineAmount")]
    [TestCase("1fine")]
    [TestCase("fine_amount")]
    [TestCase("fine-amount")]
    [TestCase("fine amount")]
    [TestCase("fineAmount\n")]
    [TestCase("罚款金额")]
    [TestCase("ｆｉｎｅ")]
    [TestCase("aBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz012")]
    public void IsValidKey_AnythingElse_IsFalse(string? key) => Assert.That(FieldSchema.IsValidKey(key), Is.False);

    [Test]
    public void Validate_InvalidKey_ReportsThePathAndTheKey()
    {
        var problems = Schema(Text("ok", "甲"), Text("fine_amount", "乙")).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[1].key", Kind.KeyInvalid, "fine_amount") }));
        Assert.That(problems[0].Describe(),
            Is.EqualTo("字段键 'fine_amount' 无效：须以小写英文字母开头，只含英文字母和数字，最长64个字符"));
        Assert.That(problems[0].Describe(English), Is.EqualTo(
            "The key 'fine_amount' is invalid: it must start with a lower-case ASCII letter and contain only ASCII letters and digits, at most 64 characters"));
    }

    [TestCase("remarks", "remarks")]
    [TestCase("remarks", "reMarks")]
    public void Validate_DuplicateKeyIgnoringCase_ReportsWhereItFirstOccurs(string first, string second)
    {
        var problems = Schema(Text(first, "甲"), Text("other", "乙"), Text(second, "丙")).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new FieldSchemaProblem("fieldsSchema[2].key", Kind.KeyDuplicate, second, OtherPath: "fieldsSchema[0].key"),
        }));
        Assert.That(problems[0].Describe(), Is.EqualTo($"字段键 '{second}' 与 fieldsSchema[0].key 重复（不区分大小写）"));
        Assert.That(problems[0].Describe(English),
            Is.EqualTo($"The key '{second}' repeats fieldsSchema[0].key (keys are compared ignoring case)"));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void Validate_MissingName_IsReported(string? name)
    {
        var problems = Schema(Text("remarks", name!)).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].name", Kind.NameMissing) }));
        Assert.That(problems[0].Describe(), Is.EqualTo("未填写字段名称"));
        Assert.That(problems[0].Describe(English), Is.EqualTo("The field name is missing"));
    }

    [TestCase(64, false)]
    [TestCase(65, true)]
    public void Validate_NameLength_IsCountedInCharactersUpTo64(int length, bool reported)
    {
        // 𠀀 is one character outside the BMP (two UTF-16 code units): it counts once.
        var name = string.Concat(Enumerable.Repeat("𠀀", length));

        var problems = Schema(Text("remarks", name)).Validate();

        Assert.That(problems, reported
            ? Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].name", Kind.NameTooLong, ActualCount: length) })
            : Is.Empty);
    }

    [Test]
    public void Validate_NameTooLong_SaysTheLimitAndTheLength()
    {
        var problem = Schema(Text("remarks", new string('名', 70))).Validate().Single();

        Assert.That(problem.Describe(), Is.EqualTo("字段名称最多64个字符，实际为70个字符"));
        Assert.That(problem.Describe(English), Is.EqualTo("The field name may be at most 64 characters long; it has 70"));
    }

    [Test]
    public void Validate_DuplicateName_IsReported()
    {
        var problems = Schema(Text("a", "备注"), Text("b", " 备注 ")).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new FieldSchemaProblem("fieldsSchema[1].name", Kind.NameDuplicate, "备注", OtherPath: "fieldsSchema[0].name"),
        }));
        Assert.That(problems[0].Describe(), Is.EqualTo("字段名称 '备注' 与 fieldsSchema[0].name 重复"));
        Assert.That(problems[0].Describe(English), Is.EqualTo("The field name '备注' repeats fieldsSchema[0].name"));
    }

    [TestCase(null, Kind.MaxLengthMissing, null)]
    [TestCase(0, Kind.MaxLengthOutOfRange, 0)]
    [TestCase(-5, Kind.MaxLengthOutOfRange, -5)]
    [TestCase(5001, Kind.MaxLengthOutOfRange, 5001)]
    public void Validate_StringWithoutUsableMaxLength_IsReported(int? maxLength, Kind kind, int? count)
    {
        var problems = Schema(Text("remarks", "备注", maxLength)).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].maxLength", kind, ActualCount: count) }));
    }

    [TestCase(1)]
    [TestCase(4000)]
    [TestCase(5000)]
    public void Validate_StringMaxLengthWithinRange_IsAccepted(int maxLength) =>
        Assert.That(Schema(Text("remarks", "备注", maxLength)).Validate(), Is.Empty);

    [Test]
    public void Validate_MaxLengthProblems_AreDescribedInBothLanguages()
    {
        var missing = Schema(Text("remarks", "备注", null)).Validate().Single();
        var outOfRange = Schema(Text("remarks", "备注", 9000)).Validate().Single();

        Assert.That(missing.Describe(), Is.EqualTo("文本字段须指定最大长度（1至5000）"));
        Assert.That(missing.Describe(English), Is.EqualTo("A string field needs a maxLength between 1 and 5000"));
        Assert.That(outOfRange.Describe(), Is.EqualTo("最大长度应在1至5000之间，实际为9000"));
        Assert.That(outOfRange.Describe(English), Is.EqualTo("maxLength must be between 1 and 5000; got 9000"));
    }

    [TestCase(FieldType.Integer)]
    [TestCase(FieldType.Decimal)]
    [TestCase(FieldType.Date)]
    [TestCase(FieldType.Enum)]
    [TestCase(FieldType.SubjectCode)]
    [TestCase(FieldType.Boolean)]
    public void Validate_MaxLengthOnNonString_IsReported(FieldType type)
    {
        var allowed = type == FieldType.Enum ? new[] { "是" } : null;
        var problems = Schema(new FieldDefinition("amount", "金额", type, true, MaxLength: 10, AllowedValues: allowed)).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].maxLength", Kind.MaxLengthNotAllowed, Type: type) }));
    }

    [Test]
    public void Validate_MaxLengthOnDate_SaysWhichTypeItIs()
    {
        var problem = Schema(new FieldDefinition("day", "日期", FieldType.Date, true, MaxLength: 10)).Validate().Single();

        Assert.That(problem.Describe(), Is.EqualTo("只有文本字段可以指定最大长度，此字段类型为日期（date）"));
        Assert.That(problem.Describe(English), Is.EqualTo("Only string fields may have a maxLength; this field is date"));
    }

    [TestCase(FieldType.String)]
    [TestCase(FieldType.Integer)]
    [TestCase(FieldType.Date)]
    [TestCase(FieldType.Boolean)]
    public void Validate_UnitOnNonDecimal_IsReported(FieldType type)
    {
        var maxLength = type == FieldType.String ? 10 : (int?)null;
        var problems = Schema(new FieldDefinition("amount", "金额", type, true, maxLength, "万元")).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].unit", Kind.UnitNotAllowed, Type: type) }));
    }

    [Test]
    public void Validate_UnitOnInteger_SaysWhichTypeItIs()
    {
        var problem = Schema(new FieldDefinition("count", "人数", FieldType.Integer, true, Unit: "人")).Validate().Single();

        Assert.That(problem.Describe(), Is.EqualTo("只有数值字段可以指定单位，此字段类型为整数（integer）"));
        Assert.That(problem.Describe(English), Is.EqualTo("Only decimal fields may have a unit; this field is integer"));
    }

    [TestCase("", Kind.UnitEmpty, null)]
    [TestCase("  ", Kind.UnitEmpty, null)]
    [TestCase("万元万元万元万元万元万元万元万元万", Kind.UnitTooLong, 17)]
    public void Validate_UnusableUnit_IsReported(string unit, Kind kind, int? count)
    {
        var problems = Schema(new FieldDefinition("amount", "金额", FieldType.Decimal, true, Unit: unit)).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].unit", kind, ActualCount: count) }));
    }

    [Test]
    public void Validate_EnumWithoutAllowedValues_IsReported([Values] bool nullList)
    {
        var problems = Schema(new FieldDefinition("category", "类别", FieldType.Enum, true,
            AllowedValues: nullList ? null : [])).Validate();

        Assert.That(problems, Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema[0].allowedValues", Kind.AllowedValuesMissing) }));
        Assert.That(problems[0].Describe(), Is.EqualTo("枚举字段须至少有一个允许值"));
        Assert.That(problems[0].Describe(English), Is.EqualTo("An enum field needs at least one allowed value"));
    }

    [Test]
    public void Validate_BadAllowedValues_AreReportedEachWithItsIndex()
    {
        var problems = Schema(new FieldDefinition("category", "类别", FieldType.Enum, true,
            AllowedValues: ["警告", "", "罚款 ", "警告", "  "])).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new FieldSchemaProblem("fieldsSchema[0].allowedValues[1]", Kind.AllowedValueEmpty),
            new FieldSchemaProblem("fieldsSchema[0].allowedValues[2]", Kind.AllowedValueUntrimmed, "罚款 "),
            new FieldSchemaProblem("fieldsSchema[0].allowedValues[3]", Kind.AllowedValueDuplicate, "警告",
                OtherPath: "fieldsSchema[0].allowedValues[0]"),
            new FieldSchemaProblem("fieldsSchema[0].allowedValues[4]", Kind.AllowedValueEmpty),
        }));
        Assert.That(problems.Select(p => p.Describe()), Is.EqualTo(new[]
        {
            "允许值不能为空",
            "允许值 '罚款 ' 前后有空白：填报的值会去掉前后空白，因此永远无法匹配",
            "允许值 '警告' 与 fieldsSchema[0].allowedValues[0] 重复",
            "允许值不能为空",
        }));
        Assert.That(problems[2].Describe(English), Is.EqualTo("The allowed value '警告' repeats fieldsSchema[0].allowedValues[0]"));
    }

    [TestCase(FieldType.String)]
    [TestCase(FieldType.Decimal)]
    [TestCase(FieldType.SubjectCode)]
    public void Validate_AllowedValuesOnNonEnum_IsReported(FieldType type)
    {
        var maxLength = type == FieldType.String ? 10 : (int?)null;
        var problems = Schema(new FieldDefinition("category", "类别", type, true, maxLength, AllowedValues: ["甲"])).Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            new FieldSchemaProblem("fieldsSchema[0].allowedValues", Kind.AllowedValuesNotAllowed, Type: type),
        }));
    }

    [TestCase(100, false)]
    [TestCase(101, true)]
    public void Validate_FieldCount_IsAtMost100(int count, bool reported)
    {
        var schema = new FieldSchema(Enumerable.Range(0, count).Select(i => Text($"f{i}", $"字段{i}")));

        var problems = schema.Validate();

        Assert.That(problems, reported
            ? Is.EqualTo(new[] { new FieldSchemaProblem("fieldsSchema", Kind.TooManyFields, ActualCount: count) })
            : Is.Empty);
        if (reported)
        {
            Assert.That(problems[0].Describe(), Is.EqualTo("字段不能超过100个，实际为101个"));
            Assert.That(problems[0].Describe(English), Is.EqualTo("A schema may have at most 100 fields; it has 101"));
        }
    }

    [Test]
    public void Validate_SeveralProblems_AreAllReportedInFieldOrder()
    {
        var schema = Schema(
            new FieldDefinition("Bad", "", FieldType.String, true),
            new FieldDefinition("amount", "金额", FieldType.Decimal, true, MaxLength: 3, Unit: "元", AllowedValues: ["1"]));

        Assert.That(schema.Validate().Select(p => p.Path), Is.EqualTo(new[]
        {
            "fieldsSchema[0].key", "fieldsSchema[0].name", "fieldsSchema[0].maxLength",
            "fieldsSchema[1].maxLength", "fieldsSchema[1].allowedValues",
        }));
    }

    [Test]
    public void Find_ExactKey_ReturnsTheField_OtherwiseNull()
    {
        var schema = Schema(Text("remarks", "备注"));

        Assert.That(schema.Find("remarks")?.Name, Is.EqualTo("备注"));
        Assert.That(schema.Find("Remarks"), Is.Null);
        Assert.That(schema.Find("备注"), Is.Null);
    }

    [Test]
    public void Equals_SchemasWithEqualFieldsInOtherListInstances_AreEqual()
    {
        var a = Schema(new FieldDefinition("category", "类别", FieldType.Enum, true, AllowedValues: ["甲", "乙"]));
        var b = Schema(new FieldDefinition("category", "类别", FieldType.Enum, true, AllowedValues: new List<string> { "甲", "乙" }));
        var c = Schema(new FieldDefinition("category", "类别", FieldType.Enum, true, AllowedValues: ["乙", "甲"]));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(c));
    }
}
