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
    /// The whole body, for endpoints that need all of it, in a buffer rented from <see cref="Bodies"/>: the caller disposes
    /// the result when done with the bytes. The buffer grows as bytes arrive, doubling (with a declared length, which is
    /// already within the limit, up to exactly that length): a client that declares a large body but sends little holds
    /// little memory. Renting spares the garbage collector a batch's megabytes of large-object arrays on every request;
    /// the bytes are cleared when they go back, as a body may hold personal data.
    /// </summary>
    public static async Task<RequestBytes> ReadAllAsync(HttpRequest request, CancellationToken ct)
    {
        long? declared = request.ContentLength is { } length and <= 1L << 30 ? length : null;
        var buffer = Bodies.Rent((int)Math.Min(declared ?? FirstRead, FirstRead));
        var read = 0;
        try
        {
            while (declared is not { } total || read < total)
            {
                if (read == buffer.Length)
                {
                    var larger = Bodies.Rent((int)Math.Min(declared ?? int.MaxValue, 2L * buffer.Length));
                    buffer.AsSpan(0, read).CopyTo(larger);
                    GiveBack(buffer, read);
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
            GiveBack(buffer, read);
            throw;
        }
    }

    /// <summary>
    /// The pool of body buffers: bodies of up to 64 MiB, four buffers of each size kept. Not the shared pool, which keeps
    /// large arrays per thread: a body is read on one thread and given back on another, so there it was mostly allocated
    /// afresh (6.5 MB of large-object arrays per 10,000-record batch, measured with the runtime's allocation events).
    /// </summary>
    private static readonly ArrayPool<byte> Bodies = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 4);

    /// <summary>Clears the bytes that were written (the body may hold personal data), not the whole buffer, and returns it.</summary>
    internal static void GiveBack(byte[] buffer, int written)
    {
        buffer.AsSpan(0, written).Clear();
        Bodies.Return(buffer);
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
    public ReadOnlyMemory<byte> Memory => Segment;

    /// <summary>The body's bytes as the array that holds them, valid until this is disposed.</summary>
    public ArraySegment<byte> Segment => new(_buffer ?? throw new ObjectDisposedException(nameof(RequestBytes)), 0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } returned)
        {
            RequestBodyLimit.GiveBack(returned, length);
        }
    }
}
