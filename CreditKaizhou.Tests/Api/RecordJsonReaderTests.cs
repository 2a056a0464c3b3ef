using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Tests.Api;

/// <summary>
/// The batch's one-pass record reader against the serializer it stands in for: the same record from every record in the
/// usual form, and the serializer's own reading (and errors) for every other.
/// </summary>
public sealed class RecordJsonReaderTests
{
    private static readonly JsonSerializerOptions Service = ServiceJson.Options();

    private static readonly RecordJsonReader Reader = RecordJsonReader.For(Service);

    [TestCase("""{"catalogueCode":"KZ-A","subject":{"code":"91500154MA000001X","name":"开州商贸","type":"legal"},"sourceRef":"R-1","fields":{"a":"x"},"decisionDate":"2026-10-15","severity":"general","effectiveFrom":"2026-10-16","effectiveTo":"2027-10-15"}""")]
    [TestCase("""{"sourceRef":"R-\u5f00\n","fields":{"\u540d\u79f0":"\u5f00\u5dde","b":"\"q\""}}""")]
    [TestCase("""{"fields":{"a":"\uD800","b":"\uDC00x"}}""")]
    [TestCase("""{"fields":{"n":1.5e3,"m":-0,"k":12.50,"big":123456789012345678901234567890}}""")]
    [TestCase("""{"fields":{"o":{ "a" : [1, 2 ,{"b":null}] },"arr":[ ],"t":true,"f":false,"z":null}}""")]
    [TestCase("""{"fields":{"a":"first","a":"last"}}""")]
    [TestCase("""{"fields":{"\u540d\u79f0":1,"名称x":2,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":3}}""")]
    [TestCase("""{"fields":{"\u0061aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":3}}""")]
    [TestCase("""{"fields":{}}""")]
    [TestCase("""{"fields":null,"subject":null,"sourceRef":null}""")]
    [TestCase("""{"subject":{},"catalogueCode":"KZ-B"}""")]
    [TestCase("""{"subject":{"name":"名"}}""")]
    [TestCase("""{ }""")]
    [TestCase("""{"sourc\u0065Ref":"escaped name"}""")]
    public void Read_UsualForm_GivesWhatTheSerializerGives_WithTheFieldsAsRead(string json)
    {
        var read = Reader.Read(Encoding.UTF8.GetBytes(json))!;
        var serialized = JsonSerializer.Deserialize<RecordInput>(json, Service)!;

        Assert.That(read.Fields, Is.Null, "read in one pass, not by the serializer");
        AssertSameScalars(read, serialized);
        if (serialized.Fields is null)
        {
            Assert.That(read.ReadFields, Is.Null);
            return;
        }

        Assert.That(read.ReadFields, Is.Not.Null);
        Assert.That(read.ReadFields!.Keys, Is.EquivalentTo(serialized.Fields.Keys));
        foreach (var (key, element) in serialized.Fields)
        {
            Assert.That(read.ReadFields[key], Is.EqualTo(RawValue.Of(element)), key);
        }
    }

    [TestCase("""{"CatalogueCode":"KZ-A","fields":{"a":1}}""", TestName = "Read_PropertyNameInOtherCase_IsReadByTheSerializer")]
    [TestCase("""{"catalogueCode":"KZ-A","extra":{"x":[1]},"fields":{"a":1}}""", TestName = "Read_UnknownProperty_IsReadByTheSerializer")]
    [TestCase("""{"sourceRef":"R-1","sourceRef":"R-2","fields":{"a":1}}""", TestName = "Read_RepeatedProperty_IsReadByTheSerializer")]
    [TestCase("""{"subject":{"code":"1","Name":"n"},"fields":{"a":1}}""", TestName = "Read_SubjectPropertyInOtherCase_IsReadByTheSerializer")]
    [TestCase("""{"sourceRef":"\uD800","fields":{"a":1}}""", TestName = "Read_SourceRefThatIsNotText_IsReadByTheSerializer")]
    public void Read_OtherForm_IsReadByTheSerializer(string json)
    {
        RecordInput? serialized;
        try
        {
            serialized = JsonSerializer.Deserialize<RecordInput>(json, Service);
        }
        catch (JsonException e)
        {
            var thrown = Assert.Throws<JsonException>(() => Reader.Read(Encoding.UTF8.GetBytes(json)));
            Assert.That(thrown!.Path, Is.EqualTo(e.Path));
            return;
        }

        var read = Reader.Read(Encoding.UTF8.GetBytes(json))!;
        Assert.That(read.ReadFields, Is.Null, "not read in one pass");
        AssertSameScalars(read, serialized!);
        Assert.That(read.Fields!.Keys, Is.EquivalentTo(serialized!.Fields!.Keys));
    }

    /// <summary>What a batch has always answered for these records: the serializer's error and its path.</summary>
    [TestCase("""{"sourceRef":5}""", "$.sourceRef")]
    [TestCase("""{"subject":"91500154MA000001X"}""", "$.subject")]
    [TestCase("""{"subject":{"code":true}}""", "$.subject.code")]
    [TestCase("""{"subject":{"code":"1","name":"n","\uDC00":"x"}}""", "$.subject")]
    [TestCase("""{"\uD800catalogueCode":"x"}""", "$")]
    [TestCase("""{"sourceRef":"R-1"} {"sourceRef":"R-2"}""", "$")]
    [TestCase("""{"fields":"x"}""", "$.fields")]
    [TestCase("""{"fields":[{"a":1}]}""", "$.fields")]
    [TestCase("""{"fields":{"\uD800":1}}""", "$.fields")]
    [TestCase("""{"fields":{"decisionNumber":"X3","\uD800":1}}""", "$.fields")]
    public void Read_RecordTheSerializerCannotRead_ThrowsTheSerializersError(string json, string path)
    {
        var thrown = Assert.Throws<JsonException>(() => Reader.Read(Encoding.UTF8.GetBytes(json)));

        Assert.That(thrown!.Path, Is.EqualTo(path));
    }

    /// <summary>JSON checks its structure, not the bytes inside its strings: a value that is not UTF-8 has no text, either way.</summary>
    [Test]
    public void Read_FieldValuesWithBytesThatAreNotUtf8_HaveNoText_AsAParsedElementHasNone()
    {
        var json = Encoding.UTF8.GetBytes("""{"fields":{"s":"#","a":["#"],"o":{"k":"#"},"n":1}}""")
            .Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

        var read = Reader.Read(json)!.ReadFields!;
        var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonDocument.Parse(json).RootElement.GetProperty("fields"))!;

        Assert.Multiple(() =>
        {
            Assert.That(read["s"], Is.EqualTo(new RawValue(JsonValueKind.String, null)));
            Assert.That(read["a"], Is.EqualTo(new RawValue(JsonValueKind.Array, null)));
            Assert.That(read["o"], Is.EqualTo(new RawValue(JsonValueKind.Object, null)));
            Assert.That(read["n"], Is.EqualTo(new RawValue(JsonValueKind.Number, "1")));
            foreach (var (key, element) in parsed)
            {
                Assert.That(RawValue.Of(element), Is.EqualTo(read[key]), key);
            }
        });
    }

    [TestCase("null")]
    public void Read_Null_IsNoRecord(string json) => Assert.That(Reader.Read(Encoding.UTF8.GetBytes(json)), Is.Null);

    private static void AssertSameScalars(RecordInput read, RecordInput serialized)
    {
        Assert.Multiple(() =>
        {
            Assert.That(read.CatalogueCode, Is.EqualTo(serialized.CatalogueCode));
            Assert.That(read.Subject, Is.EqualTo(serialized.Subject));
            Assert.That(read.SourceRef, Is.EqualTo(serialized.SourceRef));
            Assert.That(read.DecisionDate, Is.EqualTo(serialized.DecisionDate));
            Assert.That(read.Severity, Is.EqualTo(serialized.Severity));
            Assert.That(read.EffectiveFrom, Is.EqualTo(serialized.EffectiveFrom));
            Assert.That(read.EffectiveTo, Is.EqualTo(serialized.EffectiveTo));
        });
    }
}
