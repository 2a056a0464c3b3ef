namespace CreditKaizhou.Domain.Lists;

/// <summary>Filters of the measures' current versions; codes compare exactly.</summary>
/// <param name="Context">Only measures that apply in this check context.</param>
/// <param name="ListCode">Only measures that follow this list.</param>
public sealed record MeasureFilter(string? Context, string? ListCode);

public enum MeasureVersionOutcome
{
    Added,
    NotFound,

    /// <summary>The measure moved on since the version the caller read (optimistic concurrency).</summary>
    Stale,
}

public interface IMeasureRepository
{
    /// <summary>The current version of every measure that passes <paramref name="filter"/>, by code.</summary>
    Task<IReadOnlyList<Measure>> ListAsync(MeasureFilter filter, CancellationToken ct);

    /// <summary>The current version, or the given one.</summary>
    Task<Measure?> GetAsync(string code, int? version, CancellationToken ct);

    /// <summary>Stores version 1 of a new measure; false when the code is taken.</summary>
    Task<bool> AddAsync(Measure measure, Guid? by, DateTimeOffset at, CancellationToken ct);

    /// <summary>Stores <paramref name="measure"/> as the version after <paramref name="expectedVersion"/>, if that is still the current one.</summary>
    Task<MeasureVersionOutcome> AddVersionAsync(Measure measure, int expectedVersion, Guid? by, DateTimeOffset at, CancellationToken ct);
}
