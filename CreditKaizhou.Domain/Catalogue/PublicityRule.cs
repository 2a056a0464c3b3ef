using Kind = CreditKaizhou.Domain.Catalogue.PublicityRuleProblemKind;
using Problem = CreditKaizhou.Domain.Catalogue.PublicityRuleProblem;

namespace CreditKaizhou.Domain.Catalogue;

/// <summary>The values of <see cref="PublicityRule.Mode"/>.</summary>
public static class PublicityModes
{
    /// <summary>By severity, for negative information: see <see cref="PublicityRule.Periods"/>.</summary>
    public const string Graded = "graded";
    /// <summary>While the permit (or other decision) is valid: from the decision date to the record's end.</summary>
    public const string Validity = "validity";
    /// <summary>While the subject is on the list the entry feeds: to the record's end.</summary>
    public const string List = "list";
    /// <summary>While the subject exists.</summary>
    public const string Permanent = "permanent";
    /// <summary>Never published (shared or authorised information).</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Graded, Validity, List, Permanent, None];
}

/// <summary>The publicity period of one severity of negative information.</summary>
/// <param name="Published">Whether records of this severity are published at all.</param>
/// <param name="MinMonths">The shortest period: repair (信用修复) may be requested once it has passed.</param>
/// <param name="MaxMonths">The longest period: publication ends when it has passed.</param>
public sealed record PublicityPeriod(Severity Severity, bool Published, int MinMonths, int MaxMonths)
{
    /// <summary>
    /// The bounds 国办发〔2025〕22号 fixes, in months: 轻微 at most 3 (and then only where truly necessary), 一般 3 to
    /// 12, 严重 12 to 36.
    /// </summary>
    public static (int Lower, int Upper) Bounds(Severity severity) => severity switch
    {
        Severity.Minor => (0, 3),
        Severity.General => (3, 12),
        Severity.Serious => (12, 36),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a defined severity."),
    };
}

/// <summary>How long a record of a catalogue entry is published (stored as JSON in <c>publicity_rule</c>).</summary>
/// <param name="Mode">One of <see cref="PublicityModes"/>.</param>
/// <param name="Description">The rule in words, for the public page.</param>
/// <param name="Periods">For <see cref="PublicityModes.Graded"/>: one period per severity; empty otherwise.</param>
public sealed record PublicityRule(string Mode, string Description, IReadOnlyList<PublicityPeriod> Periods)
{
    /// <summary>The JSON name of the rule in a catalogue entry: the root of every problem path.</summary>
    public const string Root = "publicityRule";

    /// <summary>The national periods of 国办发〔2025〕22号, each at its longest.</summary>
    public static PublicityRule NationalGraded { get; } = new(
        PublicityModes.Graded,
        "轻微失信信息不予公示（确有必要公示的最长3个月）；一般失信信息公示3个月至1年；严重失信信息公示1年至3年。"
            + "公示期满可申请信用修复，修复后停止公示。",
        [
            new PublicityPeriod(Severity.Minor, false, 0, 3),
            new PublicityPeriod(Severity.General, true, 3, 12),
            new PublicityPeriod(Severity.Serious, true, 12, 36),
        ]);

    /// <summary>The period of a severity, or null when the rule has none.</summary>
    public PublicityPeriod? PeriodFor(Severity severity) => Periods.FirstOrDefault(p => p.Severity == severity);

    /// <summary>
    /// The rule for an entry created without one. Negative information is graded with the national periods; the
    /// list categories (严重失信主体名单, 经营异常名录) are published while listed; registration data while the subject
    /// exists; other positive and neutral information while it is valid.
    /// </summary>
    public static PublicityRule DefaultFor(Polarity polarity, string category) => category switch
    {
        "严重失信主体名单" or "经营异常名录" =>
            new PublicityRule(PublicityModes.List, "列入名单期间公示，移出名单后停止公示。", []),
        "登记注册基本信息" => new PublicityRule(PublicityModes.Permanent, "主体存续期间持续公示。", []),
        _ when polarity == Polarity.Negative => NationalGraded,
        _ => new PublicityRule(PublicityModes.Validity, "自决定之日起公示，有效期内持续公示。", []),
    };

    /// <summary>
    /// Checks the rule itself and reports every problem found, each with its path: a known mode and a description;
    /// for graded rules exactly one period per severity with the bounds of <see cref="PublicityPeriod.Bounds"/>,
    /// minimum not above maximum, and 一般 and 严重 information published; no periods for the other modes.
    /// </summary>
    public IReadOnlyList<PublicityRuleProblem> Validate()
    {
        var problems = new List<Problem>();
        if (!PublicityModes.All.Contains(Mode, StringComparer.Ordinal))
        {
            problems.Add(new Problem($"{Root}.mode", Kind.UnknownMode, Mode: Mode));
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            problems.Add(new Problem($"{Root}.description", Kind.DescriptionMissing));
        }

        var periods = Periods ?? [];
        if (Mode != PublicityModes.Graded)
        {
            if (periods.Count > 0 && PublicityModes.All.Contains(Mode, StringComparer.Ordinal))
            {
                problems.Add(new Problem($"{Root}.periods", Kind.PeriodsNotAllowed, Mode: Mode));
            }

            return problems;
        }

        var seen = new Dictionary<Severity, int>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var at = $"{Root}.periods[{i}]";
            if (!seen.TryAdd(period.Severity, i))
            {
                problems.Add(new Problem($"{at}.severity", Kind.PeriodDuplicate, Severity: period.Severity,
                    OtherPath: $"{Root}.periods[{seen[period.Severity]}]"));
                continue;
            }

            CheckPeriod(period, at, problems);
        }

        foreach (var severity in Enum.GetValues<Severity>())
        {
            if (!seen.ContainsKey(severity))
            {
                problems.Add(new Problem($"{Root}.periods", Kind.PeriodMissing, Severity: severity));
            }
        }

        return problems;
    }

    // Records compare lists by reference; two rules with the same periods are the same rule.
    public bool Equals(PublicityRule? other) =>
        other is not null
        && Mode == other.Mode
        && Description == other.Description
        && (Periods ?? []).SequenceEqual(other.Periods ?? []);

    public override int GetHashCode() => HashCode.Combine(Mode, Description, Periods?.Count ?? 0);

    private static void CheckPeriod(PublicityPeriod period, string at, List<Problem> problems)
    {
        var (lower, upper) = PublicityPeriod.Bounds(period.Severity);
        if (period.Severity != Severity.Minor && !period.Published)
        {
            problems.Add(new Problem($"{at}.published", Kind.NotPublished, Severity: period.Severity));
        }

        if (period.MinMonths < lower || period.MinMonths > upper)
        {
            problems.Add(new Problem($"{at}.minMonths", Kind.MonthsOutOfRange, Severity: period.Severity,
                Actual: period.MinMonths, Lower: lower, Upper: upper));
        }

        if (period.MaxMonths < lower || period.MaxMonths > upper)
        {
            problems.Add(new Problem($"{at}.maxMonths", Kind.MonthsOutOfRange, Severity: period.Severity,
                Actual: period.MaxMonths, Lower: lower, Upper: upper));
        }

        if (period.MinMonths > period.MaxMonths)
        {
            problems.Add(new Problem($"{at}.minMonths", Kind.MinAboveMax, Severity: period.Severity,
                Actual: period.MinMonths, Upper: period.MaxMonths));
        }

        if (period.Published && period.MaxMonths < 1)
        {
            problems.Add(new Problem($"{at}.maxMonths", Kind.PublishedWithoutPeriod, Severity: period.Severity));
        }
    }
}
