namespace CreditKaizhou.Domain.Lists;

/// <summary>Where a check is made, i.e. which measures apply (the <c>context</c> of <c>POST /api/v1/checks</c>).</summary>
public static class CheckContexts
{
    /// <summary>招标投标 (法〔2016〕285号).</summary>
    public const string Tendering = "tendering";

    /// <summary>政府采购 (财库〔2016〕125号).</summary>
    public const string Procurement = "procurement";

    /// <summary>财政补助资金.</summary>
    public const string Subsidy = "subsidy";

    /// <summary>政府供应土地.</summary>
    public const string Land = "land";

    /// <summary>行政审批.</summary>
    public const string Licensing = "licensing";

    /// <summary>评优评先.</summary>
    public const string Commendation = "commendation";

    /// <summary>Every context, in the order the API documents them.</summary>
    public static IReadOnlyList<string> All { get; } = [Tendering, Procurement, Subsidy, Land, Licensing, Commendation];

    /// <summary>Whether <paramref name="context"/> is exactly one of <see cref="All"/> (no case folding: the API validates).</summary>
    public static bool IsKnown(string? context) => context is not null && All.Contains(context, StringComparer.Ordinal);
}
