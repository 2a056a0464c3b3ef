using System.Text.Json;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;
using static CreditKaizhou.Tests.Domain.Records.FieldValuesTestData;
using Kind = CreditKaizhou.Domain.Records.FieldProblemKind;

namespace CreditKaizhou.Tests.Domain.Records;

public class FieldValuesJsonTests
{
    [TestCase("decisionNumber", "\"开市监处〔12〕号\"", typeof(string), "\"开市监处〔12〕号\"")]
    [TestCase("decisionNumber", "\"  A-1  \"", typeof(string), "\"A-1\"")]
    [TestCase("decisionNumber", "\"𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀\"", typeof(string), "\"\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\\uD840\\uDC00\"")]
    [TestCase("decisionNumber", "\"\u3000全角空格\u3000\"", typeof(string), "\"全角空格\"")]
    [TestCase("insuredCount", "0", typeof(long), "0")]
    [TestCase("insuredCount", "-12", typeof(long), "-12")]
    [TestCase("insuredCount", "9223372036854775807", typeof(long), "9223372036854775807")]
    [TestCase("insuredCount", "-9223372036854775808", typeof(long), "-9223372036854775808")]
    [TestCase("fineAmount", "12.50", typeof(decimal), "12.5")]
    [TestCase("fineAmount", "12", typeof(decimal), "12")]
    [TestCase("fineAmount", "-0.000", typeof(decimal), "0")]
    [TestCase("fineAmount", "0.000001", typeof(decimal), "0.000001")]
    [TestCase("fineAmount", "1.5e3", typeof(decimal), "1500")]
    [TestCase("fineAmount", "125E-2", typeof(decimal), "1.25")]
    [TestCase("fineAmount", "999999999999999999.999999", typeof(decimal), "999999999999999999.999999")]
    [TestCase("fineAmount", "-999999999999999999.999999", typeof(decimal), "-999999999999999999.999999")]
    [TestCase("fineAmount", "1.2300000000000000000000000000000000", typeof(decimal), "1.23")]
    [TestCase("decisionDate", "\"2025-03-05\"", typeof(DateOnly), "\"2025-03-05\"")]
    [TestCase("decisionDate", "\"2024-02-29\"", typeof(DateOnly), "\"2024-02-29\"")]
    [TestCase("decisionDate", "\" 2025-12-31 \"", typeof(DateOnly), "\"2025-12-31\"")]
    [TestCase("penaltyCategory", "\"通报批评\"", typeof(string), "\"通报批评\"")]
    [TestCase("penaltyCategory", "\" 罚款 \"", typeof(string), "\"罚款\"")]
    [TestCase("authorityCode", "\"91350100M000100Y43\"", typeof(string), "\"91350100M000100Y43\"")]
    [TestCase("authorityCode", "\"121200004013590816\"", typeof(string), "\"121200004013590816\"")]
    [TestCase("authorityCode", "\"91350100M0001TGQXM\"", typeof(string), "\"91350100M0001TGQXM\"")]
    [TestCase("authorityCode", "\"11010519491231002X\"", typeof(string), "\"1101**********002X\"")]
    [TestCase("authorityCode", "\"11010519491231002x\"", typeof(string), "\"1101**********002X\"")]
    [TestCase("hasArrears", "true", typeof(bool), "true")]
    [TestCase("hasArrears", "false", typeof(bool), "false")]
    public void ValidateJson_ValidValue_IsNormalised(string key, string json, Type type, string canonical)
    {
        var result = Json(key, json);

        Assert.That(result.Problems.Select(p => p.Describe()), Is.Empty);
        Assert.That(result.Values[key], Is.TypeOf(type));
        Assert.That(Canonical(result, key), Is.EqualTo(canonical));
    }

    [TestCase("decisionNumber", "12", Kind.WrongJsonType)]
    [TestCase("decisionNumber", "true", Kind.WrongJsonType)]
    [TestCase("decisionNumber", "{}", Kind.WrongJsonType)]
    [TestCase("decisionNumber", "[\"a\"]", Kind.WrongJsonType)]
    [TestCase("decisionNumber", "\"12345678901\"", Kind.TooLong)]
    [TestCase("decisionNumber", "\"第一行\\n第二行\"", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "\"a\\u0000\"", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "\"a\\u001Fb\"", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "\"a\\u007Fb\"", Kind.InvalidCharacter)]
    [TestCase("decisionNumber", "\"a\\uD800b\"", Kind.InvalidCharacter)]
    [TestCase("insuredCount", "\"12\"", Kind.WrongJsonType)]
    [TestCase("insuredCount", "1.5", Kind.NotInteger)]
    [TestCase("insuredCount", "1.0", Kind.NotInteger)]
    [TestCase("insuredCount", "1e3", Kind.NotInteger)]
    [TestCase("insuredCount", "9223372036854775808", Kind.IntegerOutOfRange)]
    [TestCase("insuredCount", "-9223372036854775809", Kind.IntegerOutOfRange)]
    [TestCase("insuredCount", "true", Kind.WrongJsonType)]
    [TestCase("fineAmount", "\"12.5\"", Kind.WrongJsonType)]
    [TestCase("fineAmount", "1000000000000000000", Kind.TooManyIntegerDigits)]
    [TestCase("fineAmount", "1e18", Kind.TooManyIntegerDigits)]
    [TestCase("fineAmount", "1e999999999999", Kind.TooManyIntegerDigits)]
    [TestCase("fineAmount", "0.0000001", Kind.TooManyFractionDigits)]
    [TestCase("fineAmount", "1E-7", Kind.TooManyFractionDigits)]
    [TestCase("decisionDate", "20250305", Kind.WrongJsonType)]
    [TestCase("decisionDate", "\"2025/3/5\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"2025年3月5日\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"2025-3-5\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"2025-03-05T00:00:00\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"25-03-05\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"２０２５-03-05\"", Kind.NotDate)]
    [TestCase("decisionDate", "\"2025-02-29\"", Kind.InvalidDate)]
    [TestCase("decisionDate", "\"2025-13-01\"", Kind.InvalidDate)]
    [TestCase("decisionDate", "\"2025-04-31\"", Kind.InvalidDate)]
    [TestCase("decisionDate", "\"2025-01-00\"", Kind.InvalidDate)]
    [TestCase("decisionDate", "\"0000-01-01\"", Kind.InvalidDate)]
    [TestCase("penaltyCategory", "\"罚没\"", Kind.NotAllowedValue)]
    [TestCase("penaltyCategory", "\"罚 款\"", Kind.NotAllowedValue)]
    [TestCase("penaltyCategory", "1", Kind.WrongJsonType)]
    [TestCase("authorityCode", "\"9150015\"", Kind.SubjectCodeLength)]
    [TestCase("authorityCode", "\"91110000600037341N\"", Kind.InvalidCreditCode)]
    [TestCase("authorityCode", "\"91350100m000100y43\"", Kind.InvalidCreditCode)]
    [TestCase("authorityCode", "\"121200004013590817\"", Kind.InvalidCreditCode)]
    [TestCase("authorityCode", "\"36042619910102009X\"", Kind.InvalidResidentIdNumber)]
    [TestCase("authorityCode", "\"360426209901010075\"", Kind.InvalidResidentIdNumber)]
    [TestCase("authorityCode", "360426199101010071", Kind.WrongJsonType)]
    [TestCase("hasArrears", "\"true\"", Kind.WrongJsonType)]
    [TestCase("hasArrears", "1", Kind.WrongJsonType)]
    public void ValidateJson_InvalidValue_IsReportedAndLeftOut(string key, string json, Kind kind)
    {
        var result = Json(key, json);

        Assert.That(result.Problems.Select(p => (p.Key, p.Kind)), Is.EqualTo(new[] { (key, kind) }));
        Assert.That(result.Problems[0].Field, Is.EqualTo(Schema.Find(key)));
        Assert.That(result.Problems[0].Source, Is.EqualTo(FieldValueSource.Json));
        Assert.That(result.Values, Does.Not.ContainKey(key));
        Assert.That(result.IsValid, Is.False);
    }

    [TestCase("fineAmount", "\"abc\"",
        "字段 fineAmount（罚款金额）应为数值（单位：万元），实际为文本 'abc'",
        "Field fineAmount (罚款金额) must be a number (unit: 万元); got the string 'abc'")]
    [TestCase("taxAmount", "true",
        "字段 taxAmount（涉案税款）应为数值，实际为布尔值 true",
        "Field taxAmount (涉案税款) must be a number; got the boolean true")]
    [TestCase("insuredCount", "\"12\"",
        "字段 insuredCount（参保人数）应为整数，实际为文本 '12'",
        "Field insuredCount (参保人数) must be an integer; got the string '12'")]
    [TestCase("insuredCount", "1.5",
        "字段 insuredCount（参保人数）应为整数，实际为 1.5",
        "Field insuredCount (参保人数) must be an integer; got 1.5")]
    [TestCase("insuredCount", "9223372036854775808",
        "字段 insuredCount（参保人数）超出整数范围（-9223372036854775808 至 9223372036854775807），实际为 9223372036854775808",
        "Field insuredCount (参保人数) is outside the integer range (-9223372036854775808 to 9223372036854775807); got 9223372036854775808")]
    [TestCase("decisionNumber", "12",
        "字段 decisionNumber（行政处罚决定书文号）应为文本，实际为数值 12",
        "Field decisionNumber (行政处罚决定书文号) must be text; got the number 12")]
    [TestCase("decisionNumber", "{\"a\":1}",
        "字段 decisionNumber（行政处罚决定书文号）应为文本，实际为对象",
        "Field decisionNumber (行政处罚决定书文号) must be text; got an object")]
    [TestCase("decisionNumber", "[1]",
        "字段 decisionNumber（行政处罚决定书文号）应为文本，实际为数组",
        "Field decisionNumber (行政处罚决定书文号) must be text; got an array")]
    [TestCase("decisionNumber", "\"开市监处〔2026〕第12号\"",
        "字段 decisionNumber（行政处罚决定书文号）最多10个字符，实际为14个字符",
        "Field decisionNumber (行政处罚决定书文号) must be at most 10 characters long; got 14")]
    [TestCase("decisionNumber", "\"第一行\\n第二行\"",
        "字段 decisionNumber（行政处罚决定书文号）第4个字符 U+000A 是控制字符，不允许使用（包括换行符和制表符）",
        "Field decisionNumber (行政处罚决定书文号) contains the control character U+000A at position 4; control characters, line breaks and tabs included, are not allowed")]
    [TestCase("decisionNumber", "\"a\\uD800\"",
        "字段 decisionNumber（行政处罚决定书文号）含有不成对的 UTF-16 代理项，不是有效的 Unicode 文本",
        "Field decisionNumber (行政处罚决定书文号) contains an unpaired UTF-16 surrogate and is not valid Unicode text")]
    [TestCase("fineAmount", "1234567890123456789.5",
        "字段 fineAmount（罚款金额）整数部分最多18位，1234567890123456789.5 有19位",
        "Field fineAmount (罚款金额) may have at most 18 digits before the decimal point; 1234567890123456789.5 has 19")]
    [TestCase("fineAmount", "0.12345678",
        "字段 fineAmount（罚款金额）最多6位小数，0.12345678 有8位",
        "Field fineAmount (罚款金额) may have at most 6 decimal places; 0.12345678 has 8")]
    [TestCase("decisionDate", "\"2025/3/5\"",
        "字段 decisionDate（处罚决定日期）应为日期（YYYY-MM-DD），实际为 '2025/3/5'",
        "Field decisionDate (处罚决定日期) must be a date (YYYY-MM-DD); got '2025/3/5'")]
    [TestCase("decisionDate", "\"2025-02-29\"",
        "字段 decisionDate（处罚决定日期）的值 '2025-02-29' 不是实际存在的日期",
        "Field decisionDate (处罚决定日期) has the value '2025-02-29', which is not a real calendar date")]
    [TestCase("penaltyCategory", "\"罚没\"",
        "字段 penaltyCategory（处罚类别）的值 '罚没' 不在允许值中：警告、通报批评、罚款",
        "Field penaltyCategory (处罚类别) has the value '罚没', which is not one of the allowed values: 警告, 通报批评, 罚款")]
    [TestCase("penaltyCategory", "2",
        "字段 penaltyCategory（处罚类别）应为允许值之一：警告、通报批评、罚款，实际为数值 2",
        "Field penaltyCategory (处罚类别) must be one of the allowed values: 警告, 通报批评, 罚款; got the number 2")]
    [TestCase("authorityCode", "360426199101010071",
        "字段 authorityCode（处罚机关统一社会信用代码）应为统一社会信用代码或身份证号码，实际为数值",
        "Field authorityCode (处罚机关统一社会信用代码) must be a unified social credit code or resident ID number; got a number")]
    [TestCase("authorityCode", "\"915001\"",
        "字段 authorityCode（处罚机关统一社会信用代码）应为18位的统一社会信用代码或身份证号码，实际为6位",
        "Field authorityCode (处罚机关统一社会信用代码) must be an 18-character unified social credit code or resident ID number; got 6 characters")]
    [TestCase("authorityCode", "\"91110000600037341N\"",
        "字段 authorityCode（处罚机关统一社会信用代码）不是有效的统一社会信用代码：第18位校验码应为 L，实际为 N。如该代码确由登记机关核发，请联系区信用办将其列为已知例外代码",
        "Field authorityCode (处罚机关统一社会信用代码) is not a valid unified social credit code: Character 18 (check character) should be 'L' but is 'N'. If the registration authority really issued this code, ask the credit office to list it as a known exception")]
    [TestCase("authorityCode", "\"9111000060003IOZSV\"",
        "字段 authorityCode（处罚机关统一社会信用代码）不是有效的统一社会信用代码：第14位字符 'I' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）；第15位字符 'O' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）；第16位字符 'Z' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）；第17位字符 'S' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）；第18位字符 'V' 不在统一社会信用代码字符集中（不含 I、O、S、V、Z）",
        "Field authorityCode (处罚机关统一社会信用代码) is not a valid unified social credit code: Character 14 'I' is not in the unified social credit code alphabet (which has no I, O, S, V or Z); Character 15 'O' is not in the unified social credit code alphabet (which has no I, O, S, V or Z); Character 16 'Z' is not in the unified social credit code alphabet (which has no I, O, S, V or Z); Character 17 'S' is not in the unified social credit code alphabet (which has no I, O, S, V or Z); Character 18 'V' is not in the unified social credit code alphabet (which has no I, O, S, V or Z)")]
    [TestCase("authorityCode", "\"36042619910102009X\"",
        "字段 authorityCode（处罚机关统一社会信用代码）不是有效的身份证号码：第18位校验码应为 3，实际为 X",
        "Field authorityCode (处罚机关统一社会信用代码) is not a valid resident ID number: Character 18 (check character) should be '3' but is 'X'")]
    [TestCase("hasArrears", "\"是\"",
        "字段 hasArrears（是否存在欠费）应为true 或 false，实际为文本 '是'",
        "Field hasArrears (是否存在欠费) must be true or false; got the string '是'")]
    public void ValidateJson_InvalidValue_IsDescribedExactly(string key, string json, string chinese, string english)
    {
        var problem = Json(key, json).Problems.Single();

        Assert.That(problem.Describe(), Is.EqualTo(chinese));
        Assert.That(problem.Describe(English), Is.EqualTo(english));
    }

    [Test]
    public void ValidateJson_InvalidIdNumber_NeverRepeatsTheNumber()
    {
        var problem = Json("authorityCode", "\"36042619910102009X\"").Problems.Single();

        Assert.That(problem.Actual, Is.Null);
        Assert.That(problem.Describe(), Does.Not.Contain("36042619910102009X"));
        Assert.That(problem.Describe(English), Does.Not.Contain("36042619910102009X"));
    }

    [Test]
    public void ValidateJson_ValidIdNumber_IsStoredMaskedOnly()
    {
        var result = Json("authorityCode", "\"360426199101010071\"");

        Assert.That(result.Values["authorityCode"], Is.EqualTo("3604**********0071"));
        Assert.That(CanonicalJson.Serialize(result.Values), Does.Not.Contain("199101010071"));
    }

    [Test]
    public void ValidateJson_ChecksumOnlyCodeNotListedAsException_IsRejected()
    {
        var result = FieldValues.ValidateJson(Schema, JsonObject("{\"authorityCode\":\"91350100M0001TGQXM\"}"), _ => false, Today);

        Assert.That(result.Problems.Single().Kind, Is.EqualTo(Kind.InvalidCreditCode));
        Assert.That(result.Problems[0].CreditCodeProblems!.All(p => p.IsChecksumProblem), Is.True);
    }

    [Test]
    public void ValidateJson_ExceptionCallback_IsOnlyAskedAboutChecksumOnlyCodes()
    {
        var asked = new List<string>();
        bool Callback(string code)
        {
            asked.Add(code);
            return true;
        }

        FieldValues.ValidateJson(Schema, JsonObject("{\"authorityCode\":\"9111000060003IOZSV\"}"), Callback, Today);
        FieldValues.ValidateJson(Schema, JsonObject("{\"authorityCode\":\"91110000600037341L\"}"), Callback, Today);
        var accepted = FieldValues.ValidateJson(Schema, JsonObject("{\"authorityCode\":\"91110000600037341N\"}"), Callback, Today);

        Assert.That(asked, Is.EqualTo(new[] { "91110000600037341N" }));
        Assert.That(accepted.Values["authorityCode"], Is.EqualTo("91110000600037341N"));
    }

    [TestCase("null")]
    [TestCase("\"\"")]
    [TestCase("\"   \"")]
    public void ValidateJson_NullOrEmptyOptionalValue_IsAbsentWithoutProblem(string json)
    {
        foreach (var field in Schema.Fields)
        {
            var result = Json(field.Key, json);

            Assert.That(result.Problems, Is.Empty, field.Key);
            Assert.That(result.Values, Is.Empty, field.Key);
        }
    }

    [TestCase("{}")]
    [TestCase("{\"remarks\":null}")]
    [TestCase("{\"remarks\":\"\"}")]
    [TestCase("{\"remarks\":\" \\t \"}")]
    public void ValidateJson_RequiredFieldAbsentNullOrEmpty_IsMissing(string json)
    {
        var schema = new FieldSchema([new FieldDefinition("remarks", "备注", FieldType.String, true, MaxLength: 10)]);

        var result = FieldValues.ValidateJson(schema, JsonObject(json), IsKnownException, Today);

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new FieldProblem("remarks", Kind.Missing, schema.Fields[0], FieldValueSource.Json),
        }));
        Assert.That(result.Problems[0].Describe(), Is.EqualTo("字段 remarks（备注）为必填项，未填写"));
        Assert.That(result.Problems[0].Describe(English), Is.EqualTo("Field remarks (备注) is required but missing"));
    }

    [Test]
    public void ValidateJson_UnknownKeys_AreReportedInOrdinalOrderWithSuggestions()
    {
        var result = FieldValues.ValidateJson(Schema, JsonObject("""
            {"罚款金额": 1, "zzz": null, "FineAmount": 2, "fineAmount": 3}
            """), IsKnownException, Today);

        Assert.That(result.Problems.Select(p => (p.Key, p.Kind, p.Suggestion)), Is.EqualTo(new[]
        {
            ("FineAmount", Kind.UnknownKey, (string?)"fineAmount"),
            ("zzz", Kind.UnknownKey, null),
            ("罚款金额", Kind.UnknownKey, "fineAmount"),
        }));
        Assert.That(result.Problems.Select(p => p.Describe()), Is.EqualTo(new[]
        {
            "未知字段 FineAmount：该目录条目没有此字段，是否应为 fineAmount？",
            "未知字段 zzz：该目录条目没有此字段",
            "未知字段 罚款金额：该目录条目没有此字段，是否应为 fineAmount？",
        }));
        Assert.That(result.Problems[0].Describe(English),
            Is.EqualTo("Unknown field FineAmount: the catalogue entry has no such field; did you mean fineAmount?"));
        Assert.That(result.Problems[1].Describe(English), Is.EqualTo("Unknown field zzz: the catalogue entry has no such field"));
        Assert.That(result.Values["fineAmount"], Is.EqualTo(3m), "the known field is still read");
    }

    [Test]
    public void ValidateJson_AllFields_ComeOutInSchemaOrderWithOneProblemPerField()
    {
        var result = FieldValues.ValidateJson(Schema, JsonObject("""
            {"hasArrears": true, "penaltyCategory": "警告", "decisionDate": "2026-01-02", "taxAmount": 1.10,
             "fineAmount": "x", "insuredCount": 3, "decisionNumber": "A1", "authorityCode": "bad"}
            """), IsKnownException, Today);

        Assert.That(result.Values.Keys, Is.EqualTo(new[]
        {
            "decisionNumber", "insuredCount", "taxAmount", "decisionDate", "penaltyCategory", "hasArrears",
        }));
        Assert.That(result.Problems.Select(p => p.Key), Is.EqualTo(new[] { "fineAmount", "authorityCode" }));
    }

    [Test]
    public void ValidateJson_LongActualValue_IsShortenedInTheProblem()
    {
        var problem = Json("penaltyCategory", $"\"{new string('罚', 100)}\"").Problems.Single();

        Assert.That(problem.Actual, Is.EqualTo(new string('罚', 64) + "…"));
    }

    [Test]
    public void ValidateJson_DefaultJsonElement_IsAbsent()
    {
        var result = FieldValues.ValidateJson(Schema, new Dictionary<string, JsonElement> { ["fineAmount"] = default },
            IsKnownException, Today);

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Values, Is.Empty);
    }
}
