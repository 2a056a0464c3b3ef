using System.Buffers;
using CreditKaizhou.Api.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CreditKaizhou.Api.Infrastructure.Problems;

public sealed class RequestLimitsOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted by default (endpoints such as batch uploads may allow more).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Enforces the body size cap with a precise 413 problem: at once when Content-Length says the
/// body is too large, and through the server's own limit for chunked bodies.
/// </summary>
public static class RequestBodyLimit
{
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section);
        return services;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = EffectiveLimit(http);
        if (http.Request.ContentLength > limit)
        {
            await http.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, TooLargeDetail(limit), ProblemTypes.BodyTooLarge,
                new Dictionary<string, object?> { ["limitBytes"] = limit });
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(http);
    });

    public static long EffectiveLimit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;

    /// <summary>
    /// The whole body, for endpoints that need all of it, in a buffer rented from the shared pool: the caller disposes
    /// the result when done with the bytes. The buffer grows as bytes arrive, doubling (with a declared length, which is
    /// already within the limit, up to exactly that length): a client that declares a large body but sends little holds
    /// little memory. Renting spares the garbage collector a batch's megabytes of large-object arrays on every request;
    /// the buffers are cleared when they go back, as a body may hold personal data.
    /// </summary>
    public static async Task<RequestBytes> ReadAllAsync(HttpRequest request, CancellationToken ct)
    {
        long? declared = request.ContentLength is { } length and <= 1L << 30 ? length : null;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? FirstRead, FirstRead));
        var read = 0;
        try
        {
            while (declared is not { } total || read < total)
            {
                if (read == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? int.MaxValue, 2L * buffer.Length));
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                // A rented buffer may be larger than asked for: never read past the declared length.
                var room = declared is { } limit ? (int)Math.Min(buffer.Length - read, limit - read) : buffer.Length - read;
                var n = await request.Body.ReadAsync(buffer.AsMemory(read, room), ct);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return new RequestBytes(buffer, read);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }

    private const int FirstRead = 64 * 1024;

    public static string TooLargeDetail(long? limit) => limit is { } bytes
        ? Text.T($"请求体超过上限 {bytes} 字节。", $"The request body exceeds the limit of {bytes} bytes.")
        : Text.T("请求体超过上限。", "The request body exceeds the limit.");
}

/// <summary>A request body read whole (<see cref="RequestBodyLimit.ReadAllAsync"/>); disposing gives its buffer back to the pool.</summary>
public sealed class RequestBytes(byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>The body's bytes, valid until this is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(RequestBytes))).AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } returned)
        {
            // The body may hold personal data: the next renter must not see it.
            ArrayPool<byte>.Shared.Return(returned, clearArray: true);
        }
    }
}
