namespace CreditKaizhou.Domain.Lists;

/// <summary>The effects a measure can have (column <c>measure_versions.effect</c>).</summary>
public static class MeasureEffects
{
    /// <summary>A punishment that refuses the subject (限制参与): the verdict is barred.</summary>
    public const string Bar = "bar";

    /// <summary>A punishment that calls for a human look (重要考量因素, 审慎审查): the verdict is review.</summary>
    public const string Review = "review";

    /// <summary>An incentive: considered first (优先考虑).</summary>
    public const string Priority = "priority";

    /// <summary>An incentive: 绿色通道.</summary>
    public const string FastTrack = "fast-track";

    /// <summary>An incentive: 减少日常检查频次.</summary>
    public const string FewerInspections = "fewer-inspections";

    /// <summary>An incentive: 容缺受理.</summary>
    public const string Tolerance = "tolerance";

    /// <summary>Every known effect.</summary>
    public static IReadOnlyList<string> All { get; } = [Bar, Review, Priority, FastTrack, FewerInspections, Tolerance];

    /// <summary>The effects of a punishment.</summary>
    public static IReadOnlyList<string> Punitive { get; } = [Bar, Review];

    /// <summary>The effects of an incentive.</summary>
    public static IReadOnlyList<string> Incentive { get; } = [Priority, FastTrack, FewerInspections, Tolerance];

    /// <summary>Whether <paramref name="effect"/> is one of <see cref="All"/> (case ignored, as stored codes are).</summary>
    public static bool IsKnown(string? effect) => Normalise(effect) is { } e && All.Contains(e, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="effect"/> is one of <see cref="Incentive"/>.</summary>
    public static bool IsIncentive(string? effect) => Normalise(effect) is { } e && Incentive.Contains(e, StringComparer.Ordinal);

    /// <summary>
    /// How a punishment measure's effect counts in a verdict: <see cref="Bar"/> for bar (case and surrounding
    /// whitespace ignored), <see cref="Review"/> for everything else. An effect the platform does not know, or an
    /// incentive effect on a punishment, is read as review rather than ignored: a punishment is never dropped
    /// silently, and a human looks at it instead.
    /// </summary>
    public static string PunitiveEffect(string? effect) => Normalise(effect) == Bar ? Bar : Review;

    private static string? Normalise(string? effect) => effect?.Trim().ToLowerInvariant();
}
