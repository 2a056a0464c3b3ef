using System.Globalization;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Lists;

namespace CreditKaizhou.Tests.Domain.Lists;

/// <summary>The demo lists and measures as domain values, and short builders for entries and bidders.</summary>
internal static class ListsTestData
{
    // Valid 统一社会信用代码 from PRODUCT.md.
    public const string CompanyA = "91350100M000100Y43";
    public const string CompanyB = "91110000600037341L";
    public const string CompanyC = "91440300708461136T";

    public const string AsOf = "2026-11-20";

    public static IReadOnlyDictionary<string, ListType> ListTypes { get; } = DemoLists.All.ToDictionary(
        l => l.Code,
        l => new ListType(l.Code, l.Name, ListColourCodes.Parse(l.Colour), l.SortOrder, l.LegalBasis),
        StringComparer.Ordinal);

    public static IReadOnlyList<Measure> Measures { get; } =
    [
        .. DemoMeasures.All.Select(m => new Measure(
            m.Code, 1, m.Name, MeasureKindCodes.Parse(m.Kind), m.Effect, m.Contexts, m.ListCodes, m.LegalBasis, m.ImplementingDepartment)),
    ];

    public static Measure DemoMeasure(string code) => Measures.Single(m => m.Code == code);

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static Guid Id(int n) => new(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{n:D12}"));

    /// <summary>A listing from 2026-03-02 to 2028-03-01 unless told otherwise: active on <see cref="AsOf"/>.</summary>
    public static ListEntry Entry(string listCode, int record = 1, string from = "2026-03-02", string? to = "2028-03-01",
        string subject = CompanyA) =>
        new(Id(record), subject, listCode, D(from), to is null ? null : D(to));

    public static BidderMember Member(string subjectCode, params ListEntry[] entries) => new(subjectCode, entries);

    public static Bidder Company(params ListEntry[] entries) => new("B1", [Member(CompanyA, entries)]);

    public static Bidder Consortium(params BidderMember[] members) => new("B2", members);

    public static BidderVerdict Check(Bidder bidder, string context, string asOf = AsOf, IReadOnlyList<Measure>? measures = null) =>
        Verdicts.Evaluate(bidder, context, D(asOf), measures ?? Measures, ListTypes);

    public static string Codes(IEnumerable<VerdictReason> reasons) => string.Join(",", reasons.Select(r => r.MeasureCode));

    public static string Codes(IEnumerable<VerdictIncentive> incentives) => string.Join(",", incentives.Select(i => i.MeasureCode));

    /// <summary>A measure of our own for rules the demo data cannot show (ordering, unknown effects, bad configuration).</summary>
    public static Measure Custom(string code, MeasureKind kind, string effect, string context, string legalBasis = "《测试依据》",
        params string[] listCodes) =>
        new(code, 1, $"测试措施{code}", kind, effect, [context], listCodes, legalBasis, "区信用办");
}
