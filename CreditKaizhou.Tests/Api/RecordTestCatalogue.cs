using System.Net;
using System.Net.Http.Json;

namespace CreditKaizhou.Tests.Api;

/// <summary>A catalogue entry of SCJGJ with one field of every type, created through the API for record tests.</summary>
public static class RecordTestCatalogue
{
    public const string Code = "KZ-SCJGJ-TEST-ALL";
    public const string SharedCode = "KZ-SCJGJ-TEST-SHARED";

    public static object Entry(string code, string disclosure) => new
    {
        code,
        name = "测试用行政处罚信息",
        category = "行政处罚",
        departmentCode = "SCJGJ",
        subjectTypes = new[] { "legal", "individual_business", "person" },
        disclosure,
        polarity = "negative",
        updateFrequency = "7个工作日内",
        legalBasis = "《中华人民共和国行政处罚法》第四十八条",
        fieldsSchema = new object[]
        {
            new { key = "decisionNumber", name = "决定书文号", type = "string", required = true, maxLength = 10 },
            new { key = "count", name = "次数", type = "integer", required = false },
            new { key = "fineAmount", name = "罚款金额", type = "decimal", required = false, unit = "万元" },
            new { key = "decidedOn", name = "处罚决定日期", type = "date", required = false },
            new { key = "penaltyType", name = "处罚类别", type = "enum", required = false, allowedValues = new[] { "警告", "罚款" } },
            new { key = "party", name = "关联主体", type = "subjectCode", required = false },
            new { key = "corrected", name = "是否已整改", type = "boolean", required = false },
        },
    };

    public static async Task CreateAsync(HttpClient admin)
    {
        foreach (var (code, disclosure) in new[] { (Code, "public"), (SharedCode, "shared") })
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/catalogue", Entry(code, disclosure));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A valid record of <see cref="Code"/>; <paramref name="fields"/> replaces the fields when given.</summary>
    public static Dictionary<string, object?> Record(string sourceRef, object? fields = null, string subjectCode = "91500154MA5UFB1W3Q",
        string subjectName = "重庆市开州区汉丰商贸有限公司", string catalogueCode = Code) => new()
    {
        ["catalogueCode"] = catalogueCode,
        ["subject"] = new { code = subjectCode, name = subjectName },
        ["sourceRef"] = sourceRef,
        ["fields"] = fields ?? new { decisionNumber = "开市监罚1号" },
        ["decisionDate"] = "2026-11-20",
        ["severity"] = "general",
    };
}
