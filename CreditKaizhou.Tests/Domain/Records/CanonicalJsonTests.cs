using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CreditKaizhou.Domain.Records;
using static CreditKaizhou.Tests.Domain.Records.FieldValuesTestData;

namespace CreditKaizhou.Tests.Domain.Records;

public class CanonicalJsonTests
{
    [Test]
    public void Serialize_Keys_AreInOrdinalOrderWithoutWhitespace()
    {
        var json = CanonicalJson.Serialize(new Dictionary<string, object?>
        {
            ["remarks"] = "备注", ["Zeta"] = 1, ["alpha"] = true, ["a1"] = null, ["a"] = 2L,
        });

        Assert.That(json, Is.EqualTo("""{"Zeta":1,"a":2,"a1":null,"alpha":true,"remarks":"备注"}"""));
    }

    [TestCase("12.50", "12.5")]
    [TestCase("12.00", "12")]
    [TestCase("12", "12")]
    [TestCase("0.0", "0")]
    [TestCase("-0.00", "0")]
    [TestCase("-1.230", "-1.23")]
    [TestCase("100", "100")]
    [TestCase("1000.0001000", "1000.0001")]
    [TestCase("0.000001", "0.000001")]
    [TestCase("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Serialize_Decimal_IsWrittenWithoutTrailingZeros(string value, string expected)
    {
        var amount = decimal.Parse(value, CultureInfo.InvariantCulture);

        Assert.That(CanonicalJson.Serialize(new Dictionary<string, object?> { ["x"] = amount }), Is.EqualTo($"{{\"x\":{expected}}}"));
        Assert.That(CanonicalJson.FormatDecimal(amount), Is.EqualTo(expected));
    }

    [Test]
    public void Serialize_ValuesOfEveryType_AreWrittenInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma must not leak into the output.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var json = CanonicalJson.Serialize(new Dictionary<string, object?>
            {
                ["amount"] = 1234.5m,
                ["count"] = -3L,
                ["day"] = new DateOnly(2025, 3, 5),
                ["flag"] = false,
                ["small"] = 7,
                ["text"] = "开州区<市场>&'监管'局\"引号\"\\",
            });

            Assert.That(json, Is.EqualTo(
                """{"amount":1234.5,"count":-3,"day":"2025-03-05","flag":false,"small":7,"text":"开州区<市场>&'监管'局\"引号\"\\"}"""));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase(1, 1, 1, "0001-01-01")]
    [TestCase(999, 12, 31, "0999-12-31")]
    [TestCase(2026, 2, 28, "2026-02-28")]
    [TestCase(9999, 12, 31, "9999-12-31")]
    public void Serialize_Date_IsYearMonthDayWithEveryDigit(int year, int month, int day, string expected) =>
        Assert.That(CanonicalJson.Serialize(new Dictionary<string, object?> { ["d"] = new DateOnly(year, month, day) }),
            Is.EqualTo($"{{\"d\":\"{expected}\"}}"));

    [Test]
    public void Serialize_ControlCharactersAndCharactersOutsideTheBmp_AreEscapedTheSameWayEveryTime()
    {
        var json = CanonicalJson.Serialize(new Dictionary<string, object?> { ["t"] = "a\u0001b\n𠀀" });

        Assert.That(json, Is.EqualTo("""{"t":"a\u0001b\n\uD840\uDC00"}"""));
    }

    [Test]
    public void SerializeToUtf8Bytes_IsTheUtf8OfSerialize()
    {
        var values = new Dictionary<string, object?> { ["name"] = "开州", ["n"] = 1.50m };

        Assert.That(CanonicalJson.SerializeToUtf8Bytes(values), Is.EqualTo(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(values))));
        Assert.That(Encoding.UTF8.GetString(CanonicalJson.SerializeToUtf8Bytes(values)), Is.EqualTo("""{"n":1.5,"name":"开州"}"""));
    }

    [TestCase(1.5d)]
    [TestCase(1.5f)]
    [TestCase('c')]
    public void Serialize_UnsupportedType_Throws(object value)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            CanonicalJson.Serialize(new Dictionary<string, object?> { ["x"] = value }));

        Assert.That(exception!.Message, Does.StartWith("Field x holds a "));
    }

    [Test]
    public void Serialize_EqualPayloadsInOtherOrdersAndFormats_GiveEqualBytesAndHashes()
    {
        var fromJson = FieldValues.ValidateJson(Schema, JsonObject("""
            {"hasArrears": false, "fineAmount": 12.50, "decisionDate": "2025-03-05", "insuredCount": 7,
             "penaltyCategory": " 罚款", "decisionNumber": "开市监处12号 ", "authorityCode": "360426199101010071"}
            """), IsKnownException, Today);
        var fromText = FieldValues.ValidateText(Schema, new Dictionary<string, string?>
        {
            ["decisionNumber"] = "开市监处12号",
            ["decisionDate"] = "2025年3月5日",
            ["authorityCode"] = "360426199101010071",
            ["insuredCount"] = "007",
            ["fineAmount"] = "12.500000",
            ["penaltyCategory"] = "罚款",
            ["hasArrears"] = "否",
            ["taxAmount"] = "",
        }, IsKnownException, Today);
        var fromExponent = FieldValues.ValidateJson(Schema, JsonObject("""
            {"authorityCode": "360426199101010071", "decisionNumber": "开市监处12号", "insuredCount": 7,
             "fineAmount": 1.25e1, "decisionDate": "2025-03-05", "penaltyCategory": "罚款", "hasArrears": false, "taxAmount": null}
            """), IsKnownException, Today);

        Assert.That(fromJson.Problems.Concat(fromText.Problems).Concat(fromExponent.Problems), Is.Empty);
        var bytes = CanonicalJson.SerializeToUtf8Bytes(fromJson.Values);
        Assert.That(CanonicalJson.SerializeToUtf8Bytes(fromText.Values), Is.EqualTo(bytes));
        Assert.That(CanonicalJson.SerializeToUtf8Bytes(fromExponent.Values), Is.EqualTo(bytes));
        Assert.That(SHA256.HashData(CanonicalJson.SerializeToUtf8Bytes(fromText.Values)), Is.EqualTo(SHA256.HashData(bytes)));
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(
            """{"authorityCode":"3604**********0071","decisionDate":"2025-03-05","decisionNumber":"开市监处12号","fineAmount":12.5,"hasArrears":false,"insuredCount":7,"penaltyCategory":"罚款"}"""));
    }

    [Test]
    public void Serialize_DifferentValues_GiveDifferentBytes()
    {
        var a = CanonicalJson.Serialize(new Dictionary<string, object?> { ["x"] = 12.5m });
        var b = CanonicalJson.Serialize(new Dictionary<string, object?> { ["x"] = "12.5" });
        var c = CanonicalJson.Serialize(new Dictionary<string, object?> { ["x"] = 12.51m });

        Assert.That(new[] { a, b, c }, Is.Unique);
    }
}
