namespace CreditKaizhou.Domain.Catalogue;

/// <summary>
/// The categories of the 公共信用信息目录 (after GB/T 39440-2020 and the national and Chongqing catalogues), in their
/// customary order; 其他 takes whatever fits none of them.
/// </summary>
public static class CatalogueCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "登记注册基本信息", "司法裁判及执行信息", "行政许可", "行政处罚", "行政强制", "行政确认", "行政征收",
        "行政给付", "行政检查", "行政奖励", "行政裁决", "职称和职业资格", "经营异常名录", "严重失信主体名单",
        "守信激励/荣誉", "信用承诺及履行", "信用评价结果", "社会保险缴纳及欠费", "知识产权", "其他",
    ];

    /// <summary>Whether <paramref name="category"/> is exactly one of <see cref="All"/>.</summary>
    public static bool Contains(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);
}
