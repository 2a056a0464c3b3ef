using CreditKaizhou.Api.Features.Subjects;

namespace CreditKaizhou.Api.Features.Reports;

/// <summary>
/// A credit report as issued: a snapshot of what the issuer was allowed to see of the subject at that moment, stored
/// once as JSON and never changed. Sections follow the national public credit report standard (2022).
/// </summary>
/// <param name="Disclosure">The disclosure levels the report includes, e.g. 社会公开、政务共享.</param>
/// <param name="FieldNames">Per catalogue entry, the Chinese name of each field key, as the entry named them at issue time.</param>
public sealed record ReportContent(
    string ReportNumber,
    DateTimeOffset IssuedAt,
    DateOnly AsOf,
    string IssuingWindow,
    string Issuer,
    ReportRequester Requester,
    string Purpose,
    bool Authorised,
    string Disclosure,
    ReportSubject Subject,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FieldNames);

/// <summary>The requester as printed: the ID number only masked.</summary>
public sealed record ReportRequester(string Name, string? IdNumber);

/// <summary>The subject's identity; a person's code is the masked ID number.</summary>
public sealed record ReportSubject(string Code, string Name, string Type, string Status, IReadOnlyList<FormerNameResponse> FormerNames);

/// <summary>One section: its list memberships, incentives and records (each possibly empty: 无).</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<SubjectListResponse> Listings,
    IReadOnlyList<SubjectIncentiveResponse> Incentives, IReadOnlyList<SubjectRecordResponse> Records);

/// <summary>How a subject's view becomes the sections of the standard.</summary>
public static class ReportSections
{
    /// <summary>经营异常名录: a black list for review, reported in its own section, not among the seriously untrustworthy.</summary>
    public const string AbnormalOperationList = "JYYC";

    private static readonly (string Key, string Title, string[] Categories)[] Layout =
    [
        ("basic", "基础信息", ["登记注册基本信息"]),
        ("administrative", "行政管理信息",
            ["行政许可", "行政处罚", "行政强制", "行政确认", "行政征收", "行政给付", "行政检查", "行政奖励", "行政裁决", "职称和职业资格"]),
        ("untrustworthy", "严重失信主体名单", ["严重失信主体名单"]),
        ("abnormal", "经营异常", ["经营异常名录"]),
        ("incentives", "守信激励", ["守信激励/荣誉"]),
        ("commitments", "信用承诺", ["信用承诺及履行"]),
        ("evaluations", "信用评价", ["信用评价结果"]),
        ("other", "其他", []),
    ];

    /// <summary>The eight sections, in the standard's order, from the records active on the report's day.</summary>
    public static IReadOnlyList<ReportSection> From(SubjectView view)
    {
        var placed = Layout.SelectMany(s => s.Categories).ToHashSet(StringComparer.Ordinal);
        var active = view.ActiveRecords;
        return Layout.Select(s => new ReportSection(s.Key, s.Title,
                s.Key switch
                {
                    "untrustworthy" => view.Lists.Where(l => l.Colour == "black" && l.ListCode != AbnormalOperationList).ToList(),
                    "abnormal" => view.Lists.Where(l => l.ListCode == AbnormalOperationList).ToList(),
                    "incentives" => view.Lists.Where(l => l.Colour == "red").ToList(),
                    _ => [],
                },
                s.Key == "incentives" ? view.Incentives : [],
                active.Where(r => s.Key == "other" ? !placed.Contains(r.Category) : s.Categories.Contains(r.Category, StringComparer.Ordinal)).ToList()))
            .ToList();
    }
}
