using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;
using static CreditKaizhou.Tests.Domain.Records.FieldValuesTestData;
using Kind = CreditKaizhou.Domain.Records.FieldProblemKind;

namespace CreditKaizhou.Tests.Domain.Records;

public class FieldValuesTextTests
{
    [TestCase("decisionNumber", "开市监处〔12〕号", typeof(string), "\"开市监处〔12〕号\"")]
    [TestCase("decisionNumber", " A-1\r\n", typeof(string), "\"A-1\"")]
    [TestCase("decisionNumber", "12", typeof(string), "\"12\"")]
    [TestCase("decisionNumber", "引号\"与\\反斜杠", typeof(string), "\"引号\\\"与\\\\反斜杠\"")]
    [TestCase("insuredCount", "0", typeof(long), "0")]
    [TestCase("insuredCount", "007", typeof(long), "7")]
    [TestCase("insuredCount", "-12", typeof(long), "-12")]
    [TestCase("insuredCount", "-0", typeof(long), "0")]
    [TestCase("insuredCount", " 42 ", typeof(long), "42")]
    [TestCase("insuredCount", "9223372036854775807", typeof(long), "9223372036854775807")]
    [TestCase("fineAmount", "12.50", typeof(decimal), "12.5")]
    [TestCase("fineAmount", "0012.500", typeof(decimal), "12.5")]
    [TestCase("fineAmount", "-3", typeof(decimal), "-3")]
    [TestCase("fineAmount", "0.000001", typeof(decimal), "0.000001")]
    [TestCase("fineAmount", "1.0000000000", typeof(decimal), "1")]
    [TestCase("fineAmount", "999999999999999999.999999", typeof(decimal), "999999999999999999.999999")]
    [TestCase("decisionDate", "2025-03-05", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("decisionDate", "2025/3/5", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("decisionDate", "2025/03/05", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("decisionDate", "2025/12/31", typeof(DateOnly), "\"2025-12-31\"")]
    [TestCase("decisionDate", "2025年3月5日", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("decisionDate", "2024年02月29日", typeof(DateOnly), "\"2024-02-29\"")]
    [TestCase("decisionDate", " 2025/3/5 ", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("penaltyCategory", "警告", typeof(string), "\"警告\"")]
    [TestCase("penaltyCategory", " 警告\t", typeof(string), "\"警告\"")]
    [TestCase("authorityCode", "91110000600037341L", typeof(string), "\"91110000600037341L\"")]
    [TestCase("authorityCode", " 9144030071526726XG ", typeof(string), "\"9144030071526726XG\"")]
    [TestCase("authorityCode", "91350100M0001TGQXM", typeof(string), "\"91350100M0001TGQXM\"")]
    [TestCase("authorityCode", "360426199101010071", typeof(string), "\"3604**********0071\"")]
    [TestCase("hasArrears", "true", typeof(bool), "true")]
    [TestCase("hasArrears", "TRUE", typeof(bool), "true")]
    [TestCase("hasArrears", "是", typeof(bool), "true")]
    [TestCase("hasArrears", "1", typeof(bool), "true")]
    [TestCase("hasArrears", "Y", typeof(bool), "true")]
    [TestCase("hasArrears", "y", typeof(bool), "true")]
    [TestCase("hasArrears", "false", typeof(bool), "false")]
    [TestCase("hasArrears", "False", typeof(bool), "false")]
    [TestCase("hasArrears", "否", typeof(bool), "false")]
    [TestCase("hasArrears", "0", typeof(bool), "false")]
    [TestCase("hasArrears", "N", typeof(bool), "false")]
    [TestCase("hasArrears", " n ", typeof(bool), "false")]
    public void ValidateText_ValidCell_IsNormalised(string key, string cell, Type type, string canonical)
    {
        var result = Text(key, cell);

        Assert.That(result.Problems.Select(p => p.Describe()), Is.Empty);
        Assert.That(result.Values[key], Is.TypeOf(type));
        Assert.That(Canonical(result, key), Is.EqualTo(canonical));
    }

    [TestCase("decisionNumber", "12345678901", Kind.TooLong)]
    [TestCase("decisionNumber", "第一行\n第二行", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "a\tb", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "a\u0000", Kind.InvalidCharacter)]
    [TestCase("insuredCount", "1.5", Kind.NotInteger)]
    [TestCase("insuredCount", "+5", Kind.NotInteger)]
    [TestCase("insuredCount", "1,000", Kind.NotInteger)]
    [TestCase("insuredCount", "1 000", Kind.NotInteger)]
    [TestCase("insuredCount", "１２", Kind.NotInteger)]
    [TestCase("insuredCount", "-", Kind.NotInteger)]
    [TestCase("insuredCount", "1e3", Kind.NotInteger)]
    [TestCase("insuredCount", "十二", Kind.NotInteger)]
    [TestCase("insuredCount", "9223372036854775808", Kind.IntegerOutOfRange)]
    [TestCase("insuredCount", "99999999999999999999999999999999", Kind.IntegerOutOfRange)]
    [TestCase("fineAmount", "abc", Kind.NotDecimal)]
    [TestCase("fineAmount", "1,234.5", Kind.NotDecimal)]
    [TestCase("fineAmount", ".5", Kind.NotDecimal)]
    [TestCase("fineAmount", "5.", Kind.NotDecimal)]
    [TestCase("fineAmount", "+5", Kind.NotDecimal)]
    [TestCase("fineAmount", "1e3", Kind.NotDecimal)]
    [TestCase("fineAmount", "12.5万元", Kind.NotDecimal)]
    [TestCase("fineAmount", "１２.５", Kind.NotDecimal)]
    [TestCase("fineAmount", "--1", Kind.NotDecimal)]
    [TestCase("fineAmount", "1000000000000000000", Kind.TooManyIntegerDigits)]
    [TestCase("fineAmount", "-1000000000000000000.5", Kind.TooManyIntegerDigits)]
    [TestCase("fineAmount", "1.0000001", Kind.TooManyFractionDigits)]
    [TestCase("decisionDate", "2025.3.5", Kind.NotDate)]
    [TestCase("decisionDate", "2025-3-5", Kind.NotDate)]
    [TestCase("decisionDate", "3/5/2025", Kind.NotDate)]
    [TestCase("decisionDate", "2025/3/5 0:00", Kind.NotDate)]
    [TestCase("decisionDate", "2025年3月5", Kind.NotDate)]
    [TestCase("decisionDate", "2025/003/5", Kind.NotDate)]
    [TestCase("decisionDate", "45721", Kind.NotDate)]
    [TestCase("decisionDate", "2025/2/29", Kind.InvalidDate)]
    [TestCase("decisionDate", "2025年13月1日", Kind.InvalidDate)]
    [TestCase("decisionDate", "2025/4/31", Kind.InvalidDate)]
    [TestCase("decisionDate", "2025/0/1", Kind.InvalidDate)]
    [TestCase("penaltyCategory", "罚没", Kind.NotAllowedValue)]
    [TestCase("penaltyCategory", "警 告", Kind.NotAllowedValue)]
    [TestCase("authorityCode", "91110000600037341", Kind.SubjectCodeLength)]
    [TestCase("authorityCode", "9111000060003734 1L", Kind.SubjectCodeLength)]
    [TestCase("authorityCode", "A1110000600037341L", Kind.InvalidCreditCode)]
    [TestCase("authorityCode", "９1110000600037341L", Kind.InvalidCreditCode)]
    [TestCase("authorityCode", "360426199113010079", Kind.InvalidResidentIdNumber)]
    [TestCase("authorityCode", "36042619910102009X", Kind.InvalidResidentIdNumber)]
    [TestCase("hasArrears", "yes", Kind.NotBoolean)]
    [TestCase("hasArrears", "对", Kind.NotBoolean)]
    [TestCase("hasArrears", "2", Kind.NotBoolean)]
    public void ValidateText_InvalidCell_IsReportedAndLeftOut(string key, string cell, Kind kind)
    {
        var result = Text(key, cell);

        Assert.That(result.Problems.Select(p => (p.Key, p.Kind)), Is.EqualTo(new[] { (key, kind) }));
        Assert.That(result.Problems[0].Source, Is.EqualTo(FieldValueSource.Text));
        Assert.That(result.Problems[0].ActualJsonKind, Is.Null);
        Assert.That(result.Values, Does.Not.ContainKey(key));
    }

    [TestCase("fineAmount", "abc",
        "字段 fineAmount（罚款金额）应为数值（单位：万元），实际为 'abc'",
        "Field fineAmount (罚款金额) must be a number (unit: 万元); got 'abc'")]
    [TestCase("taxAmount", "12.5万",
        "字段 taxAmount（涉案税款）应为数值，实际为 '12.5万'",
        "Field taxAmount (涉案税款) must be a number; got '12.5万'")]
    [TestCase("fineAmount", "1.1234567",
        "字段 fineAmount（罚款金额）最多6位小数，'1.1234567' 有7位",
        "Field fineAmount (罚款金额) may have at most 6 decimal places; '1.1234567' has 7")]
    [TestCase("insuredCount", "12人",
        "字段 insuredCount（参保人数）应为整数，实际为 '12人'",
        "Field insuredCount (参保人数) must be an integer; got '12人'")]
    [TestCase("insuredCount", "12\n3",
        "字段 insuredCount（参保人数）应为整数，实际为 '12U+000A3'",
        "Field insuredCount (参保人数) must be an integer; got '12U+000A3'")]
    [TestCase("decisionDate", "2025.3.5",
        "字段 decisionDate（处罚决定日期）应为日期（YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日），实际为 '2025.3.5'",
        "Field decisionDate (处罚决定日期) must be a date (YYYY-MM-DD, YYYY/M/D or YYYY年M月D日); got '2025.3.5'")]
    [TestCase("decisionDate", "2025/2/29",
        "字段 decisionDate（处罚决定日期）的值 '2025/2/29' 不是实际存在的日期",
        "Field decisionDate (处罚决定日期) has the value '2025/2/29', which is not a real calendar date")]
    [TestCase("penaltyCategory", "罚没",
        "字段 penaltyCategory（处罚类别）的值 '罚没' 不在允许值中：警告、通报批评、罚款",
        "Field penaltyCategory (处罚类别) has the value '罚没', which is not one of the allowed values: 警告, 通报批评, 罚款")]
    [TestCase("hasArrears", "yes",
        "字段 hasArrears（是否存在欠费）应为是或否（是/否、true/false、1/0、Y/N），实际为 'yes'",
        "Field hasArrears (是否存在欠费) must be yes or no (是/否, true/false, 1/0, Y/N); got 'yes'")]
    [TestCase("authorityCode", "360426199113010079",
        "字段 authorityCode（处罚机关统一社会信用代码）不是有效的身份证号码：出生日期 19911301 不是有效日期（月份 13）",
        "Field authorityCode (处罚机关统一社会信用代码) is not a valid resident ID number: Birth date 19911301 is not a valid date (month 13)")]
    [TestCase("authorityCode", "91110000600037341ｌ",
        "字段 authorityCode（处罚机关统一社会信用代码）不是有效的统一社会信用代码：第18位字符 'ｌ' 是全角字符，应为半角 'L'",
        "Field authorityCode (处罚机关统一社会信用代码) is not a valid unified social credit code: Character 18 'ｌ' is full-width; use the half-width 'L'")]
    [TestCase("decisionNumber", "第1行\t第2行",
        "字段 decisionNumber（行政处罚决定书文号）第4个字符 U+0009 是控制字符，不允许使用（包括换行符和制表符）",
        "Field decisionNumber (行政处罚决定书文号) contains the control character U+0009 at position 4; control characters, line breaks and tabs included, are not allowed")]
    public void ValidateText_InvalidCell_IsDescribedExactly(string key, string cell, string chinese, string english)
    {
        var problem = Text(key, cell).Problems.Single();

        Assert.That(problem.Describe(), Is.EqualTo(chinese));
        Assert.That(problem.Describe(English), Is.EqualTo(english));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase("\u3000")]
    public void ValidateText_EmptyCell_IsAbsent(string? cell)
    {
        foreach (var field in Schema.Fields)
        {
            var result = Text(field.Key, cell);

            Assert.That(result.Problems, Is.Empty, field.Key);
            Assert.That(result.Values, Is.Empty, field.Key);
        }
    }

    [TestCase(null)]
    [TestCase("")]
    public void ValidateText_RequiredFieldWithEmptyCell_IsMissing(string? cell)
    {
        var schema = new FieldSchema([new FieldDefinition("decisionDate", "处罚决定日期", FieldType.Date, true)]);

        var result = FieldValues.ValidateText(schema, new Dictionary<string, string?> { ["decisionDate"] = cell },
            IsKnownException, Today);

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new FieldProblem("decisionDate", Kind.Missing, schema.Fields[0], FieldValueSource.Text),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("字段 decisionDate（处罚决定日期）为必填项，未填写"));
    }

    [Test]
    public void ValidateText_UnknownColumn_IsReportedEvenWhenEmpty()
    {
        var result = FieldValues.ValidateText(Schema, new Dictionary<string, string?> { ["备注"] = "", ["fineAmount"] = "1" },
            IsKnownException, Today);

        Assert.That(result.Problems.Select(p => (p.Key, p.Kind)), Is.EqualTo(new[] { ("备注", Kind.UnknownKey) }));
        Assert.That(result.Values["fineAmount"], Is.EqualTo(1m));
    }
}
