using CreditKaizhou.Domain.Identifiers;

namespace CreditKaizhou.Api.Features.Identifiers;

/// <summary>
/// The admin-kept exception list, held in memory because validation of a 10,000-row batch asks
/// it once per row. A change made through this instance is seen at once; one made through
/// another instance within <see cref="Lifetime"/>.
/// </summary>
public sealed class KnownCodeExceptions(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async ValueTask<bool> ContainsAsync(string code, CancellationToken ct) => (await CurrentAsync(ct)).Codes.Contains(code);

    /// <summary>The list as it stands now, for validating many codes without awaiting each.</summary>
    public async ValueTask<IReadOnlySet<string>> SnapshotAsync(CancellationToken ct) => (await CurrentAsync(ct)).Codes;

    public void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() < snapshot.Expires)
        {
            return snapshot;
        }

        await _loading.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() < snapshot.Expires)
            {
                return snapshot;
            }

            await using var scope = scopes.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<ICodeExceptionRepository>().ListAsync(ct);
            _snapshot = snapshot = new Snapshot(list.Select(e => e.Code).ToHashSet(StringComparer.Ordinal), clock.GetUtcNow() + Lifetime);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(HashSet<string> Codes, DateTimeOffset Expires);
}
