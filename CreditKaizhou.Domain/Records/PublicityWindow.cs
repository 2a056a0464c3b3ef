using System.Globalization;

namespace CreditKaizhou.Domain.Records;

/// <summary>The days on which a record is published (公示): from its first day to its last, both included.</summary>
public sealed record PublicityWindow
{
    private PublicityWindow(DateOnly? firstDay, DateOnly? lastDay)
    {
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    /// <summary>A record that is never published.</summary>
    public static PublicityWindow NeverPublic { get; } = new(null, null);

    /// <summary>Published from <paramref name="firstDay"/> with no end.</summary>
    public static PublicityWindow WithoutEnd(DateOnly firstDay) => new(firstDay, null);

    /// <summary>
    /// Published from <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive; <see cref="NeverPublic"/>
    /// when the last day comes before the first (a validity that ended before the decision).
    /// </summary>
    public static PublicityWindow Between(DateOnly firstDay, DateOnly lastDay) =>
        lastDay < firstDay ? NeverPublic : new PublicityWindow(firstDay, lastDay);

    /// <summary>The first public day; null when never public.</summary>
    public DateOnly? FirstDay { get; }

    /// <summary>The last public day; null when there is no end (or when never public).</summary>
    public DateOnly? LastDay { get; }

    public bool IsNeverPublic => FirstDay is null;

    public bool IsPublicOn(DateOnly day) => FirstDay is { } first && day >= first && (LastDay is not { } last || day <= last);

    public override string ToString() => FirstDay is not { } first
        ? "never public"
        : string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd} – {(LastDay is { } last ? last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no end")}");
}
