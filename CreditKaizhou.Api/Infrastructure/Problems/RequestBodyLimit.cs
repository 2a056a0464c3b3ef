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
    /// The whole body, for endpoints that need all of it. With a declared length (already within the limit) the buffer
    /// grows as bytes arrive, doubling up to exactly that length: a batch of megabytes is not copied through a stream's
    /// ever larger buffers, and a client that declares a large body but sends little holds little memory.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAllAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length and <= 1L << 30)
        {
            var body = new byte[Math.Min(length, 64 * 1024)];
            var read = 0;
            while (read < length)
            {
                if (read == body.Length)
                {
                    Array.Resize(ref body, (int)Math.Min(length, 2L * body.Length));
                }

                var n = await request.Body.ReadAsync(body.AsMemory(read), ct);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return body.AsMemory(0, read);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public static string TooLargeDetail(long? limit) => limit is { } bytes
        ? Text.T($"请求体超过上限 {bytes} 字节。", $"The request body exceeds the limit of {bytes} bytes.")
        : Text.T("请求体超过上限。", "The request body exceeds the limit.");
}
