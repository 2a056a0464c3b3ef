namespace CreditKaizhou.Bench;

/// <summary>The figure the benchmarks report of repeated measurements.</summary>
internal static class Median
{
    /// <summary>The middle value (the upper of the two middle ones for an even count).</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
