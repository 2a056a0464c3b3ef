using System.Globalization;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Domain.Identifiers;

namespace CreditKaizhou.Bench;

/// <summary>
/// Deterministic 行政处罚 records of 区市场监督管理局 (entry KZ-SCJGJ-XZCF) for the ingestion benchmark:
/// 2,000 companies with valid credit codes, each batch 10,000 new records.
/// </summary>
public static class BenchRows
{
    public const string CatalogueCode = "KZ-SCJGJ-XZCF";
    private static readonly string[] Subjects = Enumerable.Range(0, 2000).Select(Code).ToArray();

    /// <summary>A valid 统一社会信用代码 under division 500154 for company number <paramref name="n"/>.</summary>
    public static string Code(int n)
    {
        var organisation = "MA" + (n + 100000).ToString("D6", CultureInfo.InvariantCulture);
        var withCheck = organisation + UnifiedSocialCreditCode.ComputeOrganisationCodeCheckCharacter(organisation);
        var first17 = "91500154" + withCheck;
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    public static IEnumerable<Row> Rows(string prefix, int count) => Enumerable.Range(1, count).Select(i => new Row(
        prefix + i.ToString("D5", CultureInfo.InvariantCulture),
        Subjects[(i * 7919) % Subjects.Length],
        $"重庆市开州区测试{(i * 7919) % Subjects.Length:D4}商贸有限公司",
        $"开州市监处罚〔2026〕{i}号"));

    public sealed record Row(string SourceRef, string SubjectCode, string SubjectName, string DecisionNumber);

    private static Dictionary<string, object> Fields(Row r) => new()
    {
        ["decisionNumber"] = r.DecisionNumber,
        ["violationType"] = "经营超过保质期的食品",
        ["violationFacts"] = "当事人货架上陈列销售超过保质期的饮料24瓶、饼干15袋，货值金额0.03万元。",
        ["penaltyBasis"] = "《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款",
        ["penaltyCategory"] = "罚款",
        ["penaltyContent"] = "没收超过保质期的食品，并处罚款5万元",
        ["fineAmount"] = 5m,
        ["decisionDate"] = "2026-10-15",
        ["penaltyValidUntil"] = "2027-10-14",
        ["authority"] = "重庆市开州区市场监督管理局",
        ["authorityCode"] = Code(9999),
        ["dataSource"] = "重庆市开州区市场监督管理局",
        ["dataSourceCode"] = Code(9999),
    };

    public static byte[] Json(IEnumerable<Row> rows) => JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => new
    {
        catalogueCode = CatalogueCode,
        subject = new { code = r.SubjectCode, name = r.SubjectName },
        sourceRef = r.SourceRef,
        fields = Fields(r),
        decisionDate = "2026-10-15",
        severity = "general",
    }));

    public static byte[] Csv(IEnumerable<Row> rows)
    {
        var keys = Fields(new Row("", "", "", "")).Keys.ToList();
        var text = new StringBuilder("sourceRef,subjectCode,subjectName,decisionDate,severity,")
            .AppendJoin(',', keys.Select(k => "fields." + k)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(row.SourceRef).Append(',').Append(row.SubjectCode).Append(',').Append(row.SubjectName).Append(",2026-10-15,general");
            foreach (var value in Fields(row).Values)
            {
                text.Append(',').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            text.Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
