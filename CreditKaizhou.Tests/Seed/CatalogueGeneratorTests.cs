using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CreditKaizhou.Api.Seed;

namespace CreditKaizhou.Tests.Seed;

public sealed class CatalogueGeneratorTests
{
    // SHA-256 of the UTF-8 CSV of the default catalogue. Any change to the generator, its
    // vocabulary or the CSV format changes it: update it deliberately, never to make a test pass.
    private const string PinnedCsvSha256 = "055b9c13c29e82e905a9c7677d023ccbd85c6e4fc6e170a84807bc71f04005da";

    private static readonly string[] GeneratedCategories =
        ["行政处罚", "行政许可", "行政检查", "行政强制", "行政确认", "行政征收", "行政给付", "行政奖励", "行政裁决"];

    private static readonly string[] FieldTypes = ["string", "integer", "decimal", "date", "enum", "subjectCode", "boolean"];

    private static readonly Regex KeyPattern = new("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex GeneratedCode = new(
        "^KZ-[A-Z]+-(XZCF|XZXK|XZJC|XZQZ|XZQR|XZZS|XZGF|XZJL|XZCJ)-[0-9]{4}$", RegexOptions.CultureInvariant);

    private static readonly IReadOnlyList<DemoCatalogueEntry> Catalogue = CatalogueGenerator.Generate();
    private static readonly IReadOnlyList<DemoCatalogueEntry> Generated = Catalogue.Skip(DemoCatalogue.All.Count).ToList();

    [Test]
    public void Generate_Returns2014Entries_StartingWithTheHandWrittenOnes()
    {
        Assert.That(Catalogue, Has.Count.EqualTo(2014));
        Assert.That(Catalogue.Take(DemoCatalogue.All.Count), Is.EqualTo(DemoCatalogue.All));
        Assert.That(CatalogueGenerator.Generate(100), Has.Count.EqualTo(100));
        Assert.That(CatalogueGenerator.Generate(5), Is.EqualTo(DemoCatalogue.All.Take(5)));
    }

    [Test]
    public void Csv_IsTheSameOnEveryCall_AndMatchesThePinnedHash()
    {
        var first = CatalogueCsv.GenerateCsv();
        var second = CatalogueCsv.Write(CatalogueGenerator.Generate());

        Assert.That(second, Is.EqualTo(first));
        Assert.That(Sha256(first), Is.EqualTo(PinnedCsvSha256));
    }

    [Test]
    public void Codes_AreUnique_AndGeneratedCodesFollowTheScheme()
    {
        Assert.That(Catalogue.Select(e => e.Code), Is.Unique);
        Assert.That(Generated.Where(e => !GeneratedCode.IsMatch(e.Code)).Select(e => e.Code), Is.Empty);
        Assert.That(Generated.Where(e => !e.Code.StartsWith("KZ-" + e.DepartmentCode + "-", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void Names_AreUnique_AndNeverEndInABareNumber()
    {
        Assert.That(Catalogue.Select(e => e.Name), Is.Unique);
        Assert.That(Generated.Where(e => char.IsAsciiDigit(e.Name[^1])).Select(e => e.Name), Is.Empty);
    }

    [Test]
    public void EveryDepartmentHasEntries_AndMarketRegulationAtLeast150()
    {
        var counts = Catalogue.GroupBy(e => e.DepartmentCode).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(DemoDepartments.All.Where(d => !counts.ContainsKey(d.Code)).Select(d => d.Code), Is.Empty);
        Assert.That(counts.Keys, Is.SubsetOf(DemoDepartments.All.Select(d => d.Code)));
        Assert.That(counts[DemoDepartments.Scjgj], Is.GreaterThanOrEqualTo(150));
        Assert.That(counts[DemoDepartments.Fy], Is.LessThan(counts[DemoDepartments.Zjw]));
    }

    [Test]
    public void PenaltiesAreAbout55Percent_AndGeneratedCategoriesAreTheAdministrativeOnes()
    {
        var share = (double)Catalogue.Count(e => e.Category == "行政处罚") / Catalogue.Count;

        Assert.That(share, Is.InRange(0.45, 0.65));
        Assert.That(Generated.Select(e => e.Category).Distinct(), Is.EquivalentTo(GeneratedCategories));
    }

    [Test]
    public void GeneratedEntries_FollowTheCategoryRules()
    {
        Assert.Multiple(() =>
        {
            foreach (var e in Generated)
            {
                Assert.That(e.ListCode, Is.Null, e.Code);
                Assert.That(e.UpdateFrequency, Is.EqualTo("作出决定之日起7个工作日内"), e.Code);
                Assert.That(e.LegalBasis, Does.Contain("《"), e.Code);
                Assert.That(e.SubjectTypes, Is.EqualTo(e.Category == "行政许可"
                    ? new[] { "legal", "individual_business" }
                    : new[] { "legal", "individual_business", "person" }), e.Code);

                var expectedPolarity = e.Category switch
                {
                    "行政处罚" or "行政强制" => "negative",
                    "行政奖励" => "positive",
                    _ => "neutral",
                };
                Assert.That(e.Polarity, Is.EqualTo(expectedPolarity), e.Code);
                if (expectedPolarity == "negative")
                {
                    Assert.That(e.PublicityRule, Is.EqualTo(DemoCatalogue.Get(DemoCatalogue.MarketPenalty).PublicityRule), e.Code);
                }
                else
                {
                    Assert.That(e.PublicityRule.Mode, Is.EqualTo("validity"), e.Code);
                }

                if (e.Category is "行政处罚" or "行政许可")
                {
                    Assert.That(e.Disclosure, Is.EqualTo("public"), e.Code);
                }

                if (e.Category == "行政检查")
                {
                    Assert.That(e.Disclosure, Is.EqualTo("shared"), e.Code);
                }
            }
        });

        Assert.That(Generated.Where(e => e.Category == "行政处罚").Select(e => e.FieldsSchema).Distinct(),
            Is.EqualTo(new[] { DemoFieldSchemas.Penalty }));
        Assert.That(Generated.Where(e => e.Category == "行政许可").Select(e => e.FieldsSchema).Distinct(),
            Is.EqualTo(new[] { DemoFieldSchemas.Permit }));
        Assert.That(Generated.Count(e => e.Disclosure == "authorised"), Is.InRange(1, 30));
    }

    [Test]
    public void EverySchema_HasUniqueWellFormedKeys()
    {
        Assert.Multiple(() =>
        {
            foreach (var schema in Catalogue.Select(e => e.FieldsSchema).Distinct())
            {
                Assert.That(schema.Select(f => f.Key), Is.Unique);
                foreach (var field in schema)
                {
                    Assert.That(field.Key, Does.Match(KeyPattern), field.Key);
                    Assert.That(FieldTypes, Does.Contain(field.Type), field.Key);
                    Assert.That(field.MaxLength.HasValue, Is.EqualTo(field.Type == "string"), field.Key);
                }
            }

            foreach (var schema in Generated.Select(e => e.FieldsSchema).Distinct()
                .Where(s => s != DemoFieldSchemas.Penalty && s != DemoFieldSchemas.Permit))
            {
                Assert.That(schema, Has.Count.InRange(3, 6));
            }
        });
    }

    [Test]
    public void Csv_Has2015RecordsOf12Cells_WithTheHeaderFirst()
    {
        var records = ReadCsv(CatalogueCsv.GenerateCsv());

        Assert.That(records, Has.Count.EqualTo(2015));
        Assert.That(records.Where(r => r.Count != 12), Is.Empty);
        Assert.That(string.Join(',', records[0]), Is.EqualTo(
            "code,name,category,departmentCode,subjectTypes,disclosure,polarity,listCode,updateFrequency,"
                + "legalBasis,publicityRule,fieldsSchema"));
        Assert.That(records.Skip(1).Select(r => r[0]), Is.EqualTo(Catalogue.Select(e => e.Code)));
        Assert.That(records.Skip(1).Select(r => r[1]), Is.EqualTo(Catalogue.Select(e => e.Name)));
        Assert.That(records[1][10], Does.StartWith("{\"mode\":"));
        Assert.That(records[1][11], Does.StartWith("[{\"name\":"));
        Assert.That(records[1][11], Does.Not.Contain("\\u"));
    }

    [Test]
    public void Csv_QuotesCellsWithCommasQuotesAndLineBreaks()
    {
        var entry = DemoCatalogue.All[1] with { Name = "甲,乙\r\n丙\"丁\"", ListCode = null };

        var csv = CatalogueCsv.Write([entry]);
        var records = ReadCsv(csv);

        Assert.That(csv, Does.Contain(",\"甲,乙\r\n丙\"\"丁\"\"\","));
        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[1], Has.Count.EqualTo(12));
        Assert.That(records[1][1], Is.EqualTo("甲,乙\r\n丙\"丁\""));
        Assert.That(records[1][7], Is.Empty);
    }

    [Test]
    public void Reader_HandlesQuotedCommasAndNewlines()
    {
        var records = ReadCsv("a,\"b,c\nd\",\"\"\"e\"\"\"\r\n,x,\r\n");

        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[0], Is.EqualTo(new[] { "a", "b,c\nd", "\"e\"" }));
        Assert.That(records[1], Is.EqualTo(new[] { "", "x", "" }));
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Minimal RFC 4180 reader: records end at CRLF outside quotes; a quoted cell may hold commas,
    // CR, LF and doubled quotes. A final CRLF does not start another record.
    private static List<List<string>> ReadCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted cell.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"Unexpected character after a quoted cell at {i}.");
                }
            }
            else if (text[i] == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else if (text[i] is '"' or '\r' or '\n')
            {
                throw new FormatException($"Bare quote or line break in an unquoted cell at {i}.");
            }
            else
            {
                cell.Append(text[i++]);
            }
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }
}
