using CreditKaizhou.Domain.Clients;
using Microsoft.Extensions.Caching.Memory;

namespace CreditKaizhou.Api.Infrastructure.Auth;

/// <summary>
/// Resolves keys to clients without a database round trip on every request. Entries live a few
/// seconds, so a key revoked through another instance stops working there within
/// <see cref="Lifetime"/>; on the instance that revoked it, at once.
/// </summary>
public sealed class ApiClientCache(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<ApiClient?> FindActiveAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(key);
        if (cache.TryGetValue(CacheKey(hash), out ApiClient? known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IApiClientRepository>().FindActiveByKeyHashAsync(hash, ct);
        cache.Set(CacheKey(hash), client, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return client;
    }

    public void Forget(string keyHash) => cache.Remove(CacheKey(keyHash));

    public void ForgetAll()
    {
        if (cache is MemoryCache memory)
        {
            memory.Clear();
        }
    }

    private static string CacheKey(string hash) => "api-key:" + hash;
}
