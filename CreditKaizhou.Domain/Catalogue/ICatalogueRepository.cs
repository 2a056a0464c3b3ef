namespace CreditKaizhou.Domain.Catalogue;

public sealed record CatalogueFilter(string? DepartmentCode, string? Category, Disclosure? Disclosure, string? Query);

public enum CatalogueVersionOutcome
{
    Added,
    NotFound,

    /// <summary>The entry moved on since the version the caller read (optimistic concurrency).</summary>
    Stale,
}

public enum CatalogueImportOutcome
{
    Created,
    Updated,
    Unchanged,
}

public interface ICatalogueRepository
{
    /// <summary>Creates the new entries and adds a version to each changed one, all in one transaction.</summary>
    Task<IReadOnlyList<CatalogueImportOutcome>> ImportAsync(IReadOnlyList<CatalogueEntry> entries, Guid? by, CancellationToken ct);

    /// <summary>The codes of the list types an entry may feed.</summary>
    Task<IReadOnlySet<string>> ListCodesAsync(CancellationToken ct);

    Task<(IReadOnlyList<CatalogueEntry> Items, int Total)> ListAsync(CatalogueFilter filter, int skip, int take, CancellationToken ct);

    /// <summary>The current version, or the given one.</summary>
    Task<CatalogueEntry?> GetAsync(string code, int? version, CancellationToken ct);

    /// <summary>The current versions of the entries with these codes (unknown codes are left out).</summary>
    Task<IReadOnlyDictionary<string, CatalogueEntry>> GetCurrentAsync(IReadOnlyCollection<string> codes, CancellationToken ct);

    /// <summary>Stores version 1 of a new entry; false when the code is taken.</summary>
    Task<bool> AddAsync(CatalogueEntry entry, Guid? by, CancellationToken ct);

    /// <summary>Stores <paramref name="entry"/> as the version after <paramref name="expectedVersion"/>, if that is still the current one.</summary>
    Task<CatalogueVersionOutcome> AddVersionAsync(CatalogueEntry entry, int expectedVersion, Guid? by, CancellationToken ct);
}
